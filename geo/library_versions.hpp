// The versions of the geodata libraries this process runs with (asked of them at run time,
// not the headers it was built against): for Help > About and bug reports.
#pragma once
#include <string>

namespace geo {

struct LibraryVersions {
    std::string gdal; // e.g. "3.6.2"
    std::string proj; // e.g. "9.1.1"
    std::string geos; // e.g. "3.11.1"
};

LibraryVersions libraryVersions();

} // namespace geo
