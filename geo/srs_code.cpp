// GDAL spatial references named by their authority code, for info output and reprojection.
#include "geo/srs_code.hpp"

#include <cpl_conv.h>
#include <ogr_spatialref.h>

namespace geo {

std::string crsCode(const OGRSpatialReference* srs)
{
    if (!srs) return "";
    OGRSpatialReference copy(*srs);
    const char* auth = copy.GetAuthorityName(nullptr);
    const char* code = copy.GetAuthorityCode(nullptr);
    if (!auth || !code) {
        // Many formats carry a WKT without codes; let GDAL find the matching EPSG entry.
        if (copy.AutoIdentifyEPSG() == OGRERR_NONE) {
            auth = copy.GetAuthorityName(nullptr);
            code = copy.GetAuthorityCode(nullptr);
        }
    }
    if (auth && code) return std::string(auth) + ":" + code;
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    copy.exportToWkt(&wkt, options);
    std::string out = wkt ? wkt : "";
    CPLFree(wkt);
    return out;
}

} // namespace geo
