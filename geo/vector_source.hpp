// Opening GDAL vector sources: listing their layers and reading one into memory.
#pragma once
#include "geo/coords.hpp"
#include "geo/layer.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace geo {

constexpr const char* kWgs84Crs = "EPSG:4326";

struct LayerInfo {
    std::string name;
    std::string geometryType; // OGR's name, e.g. "Multi Polygon"
    int64_t featureCount = 0;
    std::string crs;          // "EPSG:4326", or the CRS name when it has no code, "" when none
    Extent extent;            // in the layer's own CRS; empty when the layer is empty
};

struct DatasetInfo {
    std::string path;
    std::string driver;
    std::vector<LayerInfo> layers;
};

// Registers GDAL's drivers once and sets the safety options (no network, no sidecar writes).
void initGdal();

// Lists the layers of any GDAL vector source. Throws geo::Error with a one-line message
// for missing, unreadable or non-vector files.
// Network and database sources (URLs, /vsicurl/, PG:) are refused unless `allowRemote`:
// only the user's explicit choice (a command-line argument, a confirmed dialog) opens them.
DatasetInfo inspectDataset(const std::string& path, bool allowRemote = false);

// Reads a layer (the first when `layerName` is empty) and projects it to `targetCrs`.
// Geometries with non-finite or out-of-range coordinates are skipped
// (Layer::skippedGeometries). Polygons are kept as the file has them (drawing fills with
// the even-odd rule needs no valid rings); ReadControl::repairInvalid asks for GEOS repair.
Layer readLayer(const std::string& path, const std::string& layerName, const std::string& targetCrs);

// The valid form of polygon geometry `g` (GEOS MakeValid), or nullopt when it is valid
// already (or not a polygon, or cannot be repaired): geometry operations repair what they
// use, when they use it (geo::Locator), instead of every polygon of a file on reading.
std::optional<Geometry> repairedPolygon(const Geometry& g);

// Progress in [0, 1]; reading stops with geo::Cancelled when `cancel` becomes true.
struct ReadControl {
    std::function<void(double)> progress;
    const std::atomic<bool>* cancel = nullptr;
    size_t maxFeatures = 50'000'000; // beyond this the file is refused, not read into memory
    bool allowRemote = false;        // see inspectDataset
    // Make invalid polygons valid (GEOS IsValid + MakeValid, counted in
    // Layer::repairedGeometries): for geometry operations (the locator's areas and
    // distances), never for drawing, where it costs more than the read itself.
    bool repairInvalid = false;
    // Readers in parallel (0: as many cores as help, for a big GeoPackage; 1 otherwise). A
    // GeoPackage's rows are split between them by FID; other drivers always get one.
    unsigned readers = 0;
    // When set, only features whose boxes meet this box (in `filterCrs`) are read: the
    // driver's own spatial index does the work (GPKG R-tree, shapefile .qix, PostGIS GIST).
    Extent filter;
    std::string filterCrs = kWgs84Crs;
};
Layer readLayer(const std::string& path, const std::string& layerName, const std::string& targetCrs,
                const ReadControl& control);

} // namespace geo
