// GDALVersionInfo, proj_info and GEOSversion report the loaded libraries.
#include "geo/library_versions.hpp"

#include <gdal.h>
#include <geos_c.h>
#include <proj.h>

namespace geo {

LibraryVersions libraryVersions()
{
    LibraryVersions v;
    v.gdal = GDALVersionInfo("RELEASE_NAME");
    v.proj = proj_info().version ? proj_info().version : ""; // .release adds a date
    // GEOSversion() reads "3.11.1-CAPI-1.17.1": the part before "-CAPI" is the library's.
    v.geos = GEOSversion();
    if (const size_t dash = v.geos.find("-CAPI"); dash != std::string::npos) v.geos.resize(dash);
    return v;
}

} // namespace geo
