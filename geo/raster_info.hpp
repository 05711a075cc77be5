// What `info` says about a raster file: size, bands, data types, CRS, extent, nodata.
#pragma once
#include "geo/coords.hpp"

#include <optional>
#include <string>
#include <vector>

namespace geo {

struct RasterBandInfo {
    std::string dataType;          // GDAL's name: "Byte", "Int16", "Float32", ...
    std::string colour;            // colour interpretation: "Gray", "Red", "Palette", "Alpha", ...
    std::optional<double> noData;  // the band's nodata value, when it has one
    int overviews = 0;
};

struct RasterInfo {
    std::string path;
    std::string driver;
    int width = 0, height = 0;
    std::vector<RasterBandInfo> bands;
    std::string crs;          // "EPSG:N", else WKT; "" when none
    Extent extent;            // in the raster's own CRS, from its geotransform; empty without one
    double pixelSizeX = 0, pixelSizeY = 0; // map units per pixel (0 without a geotransform)
    bool hasGcps = false;     // placed by ground control points instead of a geotransform
};

// Describes `path` when GDAL opens it as a raster with at least one band; std::nullopt when
// it is not one (the caller then reports it as not geodata). Reads only the header.
std::optional<RasterInfo> inspectRaster(const std::string& path);

} // namespace geo
