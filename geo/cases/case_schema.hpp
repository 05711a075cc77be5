// The stored tables and columns of a case store, and CaseData <-> generic rows. Shared by the
// OGR store (case_store.cpp) and nothing else: the one place the schema is written down.
#pragma once
#include "geo/cases/case_finding.hpp"
#include "geo/cases/case_model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace geo {

enum class ColumnType { String, Integer, Date };

struct Column {
    const char* name;
    ColumnType type;
    bool required; // NOT NULL
};

struct TableSpec {
    const char* name;
    bool hasPoint;          // a Point geometry column "geom", EPSG:4326
    std::vector<Column> columns;
    size_t keyColumns;      // the first keyColumns columns form the primary key
};

// One stored row: values in TableSpec::columns order (nullopt = NULL), dates as "YYYY-MM-DD".
struct StoredRow {
    std::vector<std::optional<std::string>> values;
    std::optional<LonLat> point;

    std::string key(const TableSpec& t) const;
    bool operator==(const StoredRow& o) const;
};

// compounds, incidents, incident_compounds, incident_counts, sources, incident_sources,
// compound_sources (in
// this order; toRows/fromRows use the same order). The `meta` table is separate.
const std::vector<TableSpec>& caseTables();
constexpr const char* kMetaTable = "meta";
// Schema version 2: every table in caseTables() has this Integer64 column (NOT NULL DEFAULT 1),
// raised by each commit that writes the row; `meta` holds the key kChangeCounterKey, raised by
// every commit (its first statement, which also serialises writers on that row).
constexpr const char* kRowVersionColumn = "row_version";
constexpr const char* kChangeCounterKey = "change_counter";

std::vector<std::vector<StoredRow>> toRows(const CaseData& data);
// Values that cannot be read (an unknown status, "12x" as a number) become fallbacks and a
// finding in `problems`.
CaseData fromRows(const std::vector<std::vector<StoredRow>>& tables, std::vector<CaseFinding>& problems);

} // namespace geo
