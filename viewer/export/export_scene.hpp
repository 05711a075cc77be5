// The scene an export draws when run from the command line: the basemap with the viewer's
// styles, extra layers, and the compounds of the case store as markers, in any map CRS.
#pragma once
#include "viewer/render/basemap_style.hpp"
#include "viewer/render/scene.hpp"

#include "geo/cases/case_model.hpp"
#include "geo/raster_source.hpp"

#include <functional>
#include <string>
#include <vector>

namespace viewer {

// Reads `path`'s layer into `crs`. In EPSG:3857 it is the viewer's own reader (latitudes
// clamped); elsewhere features whose lon/lat box misses `regionLonLat` (when not empty) are
// dropped before projecting, so a world layer does not wrap wildly through a UTM zone.
// A non-empty `regionLonLat` is also a spatial filter on the read (the GPKG R-tree).
geo::Layer readExportLayer(const std::string& path, const std::string& layerName, const std::string& crs,
                           const geo::Extent& regionLonLat);
// readExportLayer's second half, for a layer already read in lon/lat: drops what misses
// `regionLonLat` (when not empty) and what `crs` cannot show, projects the rest. Returns the
// indices (into the features before) of the features kept, in order, so per-feature data
// computed over the whole layer (thematic classes) can follow.
std::vector<size_t> projectExportLayer(geo::Layer& layer, const std::string& crs, const geo::Extent& regionLonLat);

// The part of raster `path` in `regionLonLat` (all of it when empty), warped into `crs` at up
// to 4096 pixels across that part: an export reads only what its image can show. Width 0
// when the raster misses the region.
geo::RasterImage readExportRaster(const std::string& path, const std::string& crs, const geo::Extent& regionLonLat);

// A projected layer prepared with the levels of detail an image at `lodTolerance` can use
// (that and the next coarser; every level with `coarserLevels` or a tolerance of 0). No GL.
// `regionMap` (map CRS, empty: none) is where the image can draw: lines far from it are cut
// short, and inside it they draw exactly as the window draws them.
PreparedLayer prepareExportLayer(geo::Layer layer, LayerStyle style, double lodTolerance, bool coarserLevels,
                                 const geo::Extent& regionMap);
// The map-CRS box of an export's lon/lat region (empty stays empty).
geo::Extent exportRegionInMap(const std::string& crs, const geo::Extent& regionLonLat);

// The finest level-of-detail tolerance an export of `mapExtent` (map CRS) at width x height
// can need: the largest of lodTolerances() within a pixel at that scale.
double exportLodTolerance(const geo::Extent& mapExtent, int width, int height);

// The basemap's countries, provinces and borders read and prepared (missing ones become
// warnings), with the levels of detail an image at `lodTolerance` can use (that and the next
// coarser) or, with `coarserLevels` (an inset draws the region too), every coarser one;
// 0 = all. Only what meets
// `regionLonLat` (when not empty) is read: the R-tree skips the rest. No GL: any thread
// (the export prepares while the GL context starts); upload with Scene::addLayer in order.
std::vector<PreparedLayer> prepareBasemap(const std::string& path, const std::string& crs, const geo::Extent& regionLonLat,
                                          std::vector<std::string>& warnings, double lodTolerance = 0,
                                          bool coarserLevels = true);
// prepareBasemap, then uploaded into `scene` (GL thread).
void addBasemap(Scene& scene, const std::string& path, const std::string& crs, const geo::Extent& regionLonLat,
                std::vector<std::string>& warnings, double lodTolerance = 0);

struct ExtraLayerStyle {
    std::string fill, stroke; // "" = default
    double strokePx = -1;
};
// Every layer of `path` read and prepared (no GL); only features near `regionLonLat` are
// kept (extra layers use no palette colouring, so cropping changes nothing on the picture).
std::vector<PreparedLayer> prepareExtraLayers(const std::string& path, const std::string& crs, const geo::Extent& regionLonLat,
                                              const ExtraLayerStyle& style, size_t& ordinal,
                                              std::vector<std::string>& warnings, double lodTolerance = 0,
                                              bool coarserLevels = true);
// prepareExtraLayers, then uploaded into `scene` (GL thread).
void addExtraLayers(Scene& scene, const std::string& path, const std::string& crs, const geo::Extent& regionLonLat,
                    const ExtraLayerStyle& style, size_t& ordinal, std::vector<std::string>& warnings,
                    double lodTolerance = 0);

// Marker colour per compound status (legend and markers agree).
Rgba compoundStatusColor(geo::CompoundStatus status);

// One marker per compound `shown` accepts (all when it is empty; the selected one always, as
// in the window); `selectedId`'s gets a highlight ring. Returns the marker layer.
MarkerLayer& addCompoundMarkers(Scene& scene, const geo::CaseData& cases, const std::string& crs,
                                const std::string& selectedId,
                                const std::function<bool(const geo::Compound&)>& shown = {});

} // namespace viewer
