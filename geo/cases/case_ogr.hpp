// Internal to geo/cases: the OGR access that the store (case_store.cpp) and its setup and
// migration (case_store_admin.cpp) share. OGR types are only forward-declared here.
#pragma once
#include "geo/cases/case_schema.hpp"
#include "geo/cases/case_store.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class GDALDataset;
class OGRLayer;

namespace geo::caseio {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const;
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

bool isPg(const std::string& path);
// The path as messages show it: connection passwords removed (geo::redactCredentials).
std::string shown(const std::string& path);

DatasetPtr openDataset(const std::string& path, CaseAccess access);
OGRLayer* requireLayer(GDALDataset& ds, const std::string& path, const char* name);
int readSchemaVersion(GDALDataset& ds, const std::string& path);

struct TableState {
    std::vector<StoredRow> rows;
    std::vector<int64_t> fids;     // parallel to rows
    std::vector<int64_t> versions; // parallel to rows; 0 when the table has no row_version (schema 1)
};
std::vector<TableState> readAll(GDALDataset& ds, const std::string& path);
// Rows of one table whose `column` equals one of `values` (an attribute filter, in batches).
TableState readWhere(GDALDataset& ds, const std::string& path, size_t table, const char* column,
                     const std::vector<std::string>& values);

// The schema of kCaseSchemaVersion, empty tables (the caller holds the transaction).
void createTables(GDALDataset& ds, const std::string& path);
// Schema 1 -> 2: row_version columns and the change counter (the caller holds the transaction).
void migrateToVersion2(GDALDataset& ds, const std::string& path);
// Names of the tables a datasource holds that are not part of a case store (PostGIS's and
// GeoPackage's own tables do not count).
std::vector<std::string> foreignTables(GDALDataset& ds);
bool holdsAnyTable(GDALDataset& ds);

std::optional<std::string> readMeta(GDALDataset& ds, const std::string& path, const char* key);
void writeMeta(GDALDataset& ds, const std::string& path, const char* key, const std::string& value);
// Raises the change counter by one in a single statement (which, inside a transaction, also
// makes a second writer wait for the first) and returns the new value.
int64_t bumpChangeCounter(GDALDataset& ds, const std::string& path);
int64_t readChangeCounter(GDALDataset& ds, const std::string& path);

// Write one row: delete by FID, update by FID, insert; `version` goes into row_version.
void deleteRow(GDALDataset& ds, const std::string& path, size_t table, int64_t fid);
void writeRow(GDALDataset& ds, const std::string& path, size_t table, const StoredRow& row, int64_t version,
              std::optional<int64_t> fid);

// Runs `body` inside one transaction of `ds`; rolls back on any exception. A failure to
// commit (e.g. the connection dropped) throws geo::Error saying nothing was saved.
void inTransaction(GDALDataset& ds, const std::string& path, const std::function<void()>& body);
// A read-only transaction for a consistent snapshot where the datasource supports one
// (REPEATABLE READ on PostgreSQL); runs `body` without one otherwise.
void inSnapshot(GDALDataset& ds, const std::function<void()>& body);

} // namespace geo::caseio
