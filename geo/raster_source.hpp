// Georeferenced rasters (GeoTIFF, PNG/JPEG + world file, MBTiles) warped into the map CRS
// as an RGBA image small enough to draw, with bounded memory.
#pragma once
#include "geo/coords.hpp"
#include "geo/vector_source.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace geo {

struct RasterImage {
    std::string sourcePath;
    std::string name;
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgba; // row-major, top row first, 4 bytes per pixel, straight alpha
    Extent extent;             // in the map CRS
    std::string crs;           // the map CRS it was warped to
    std::string rendering;     // how values became colours, for a single band of measurements ("grey ramp ...")
    double sourceUnitsPerPixel = 0; // the file's own pixel size in the map CRS (finer reads gain nothing)
    std::vector<std::string> warnings;
};

// True when GDAL opens `path` as a raster (and the caller should use readRaster).
bool isRasterSource(const std::string& path);

// Warps the raster to `targetCrs` at most `maxSide` pixels on its longer side (GDAL picks
// overviews), so a 100000 x 100000 file costs no more than a small one. With a `window` (in
// the target CRS) only the part inside it is warped, at up to `maxSide` pixels across that
// part (an export reads what its image shows); an image of width 0 when the raster misses
// it. Throws geo::Error for files with no georeferencing, and geo::Cancelled when
// control.cancel is set.
RasterImage readRaster(const std::string& path, const std::string& targetCrs, int maxSide = 4096,
                       const ReadControl& control = {}, const Extent& window = {});

} // namespace geo
