// The human-readable form of a case store: a folder of CSV files (data/cases/), read for
// `cases import` and written by `cases export`, so a change to the sample is a readable diff.
#pragma once
#include "geo/cases/case_model.hpp"

#include <string>

namespace geo {

// Reads compounds.csv, incidents.csv, incident_compounds.csv, incident_counts.csv, sources.csv,
// incident_sources.csv and compound_sources.csv from `dir` (columns in data/cases/README.md). Throws geo::Error
// naming the file and line for a missing file or column, or a value that is not a number,
// date or known name. Constraints across rows are left to validateCaseData.
CaseData readCaseCsv(const std::string& dir);

// Writes the same seven files into `dir` (created if needed), rows sorted by key, UTF-8, RFC 4180
// quoting; reading them back with readCaseCsv gives `data` again.
void writeCaseCsv(const CaseData& data, const std::string& dir);

} // namespace geo
