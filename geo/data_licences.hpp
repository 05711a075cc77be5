// The sources and licences of the shipped data, read from data/SOURCES.md (its "## Sources"
// table), so Help > About says what that file says and cannot drift from it.
#pragma once
#include <string>
#include <vector>

namespace geo {

struct DataLicence {
    std::string source;  // "world-atlas (topojson/world-atlas, Mike Bostock)"
    std::string version; // "2.0.2"
    std::string licence; // "ISC"
};

struct DataSources {
    std::string summary;              // the paragraph above the table (Natural Earth, public domain)
    std::vector<DataLicence> entries; // the table's rows
};

// Throws geo::Error naming the file when it cannot be read or has no Sources table.
DataSources readDataSources(const std::string& sourcesMdPath);

} // namespace geo
