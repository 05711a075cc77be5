// Reading and styling layers for export; compound markers; CRS helpers around PROJ.
#include "viewer/export/export_scene.hpp"
#include "viewer/app/layer_loader.hpp"
#include "viewer/render/basemap_style.hpp"
#include "viewer/render/layer_mesh.hpp"
#include "viewer/render/layer_titles.hpp"

#include "geo/crs.hpp"
#include "geo/error.hpp"
#include "geo/map_crs.hpp"
#include "geo/vector_source.hpp"

#include <algorithm>
#include <cmath>
#include <future>

namespace viewer {

namespace {
// Moves every feature `dLon` degrees east (its box too): the far side of the antimeridian.
void shiftEast(geo::Layer& layer, double dLon)
{
    for (geo::Feature& f : layer.features) {
        for (geo::MapXY& p : f.geometry.coords) p.x += dLon;
        f.bbox = f.geometry.extent();
    }
}
} // namespace

geo::Layer readExportLayer(const std::string& path, const std::string& layerName, const std::string& crs,
                           const geo::Extent& regionLonLat)
{
    // The driver's spatial index (GPKG R-tree) skips what is far from the view.
    geo::ReadControl control;
    control.filter = regionLonLat;
    if (regionLonLat.empty() || (regionLonLat.minX >= -180 && regionLonLat.maxX <= 180)) {
        geo::Layer layer = geo::readLayer(path, layerName, geo::kWgs84, control);
        projectExportLayer(layer, crs, regionLonLat);
        return layer;
    }
    // A region past 180 degrees (a view across the antimeridian, see parseLonLatBox, or one
    // whose margins reach it).
    const geo::MapCrs mapCrs(crs);
    if (!mapCrs.webMercator() && !mapCrs.geographic()) {
        // PROJ wraps longitudes round the CRS's own meridian (EPSG:3832 is centred on 150 E, a
        // polar CRS has none): the band of latitudes, all round, in place.
        geo::Extent band{-180, regionLonLat.minY, 180, regionLonLat.maxY};
        control.filter = band;
        geo::Layer layer = geo::readLayer(path, layerName, geo::kWgs84, control);
        projectExportLayer(layer, crs, band);
        return layer;
    }
    // Web Mercator and lon/lat maps go on past 180: the part of the region within -180..180
    // as it is, the part beyond read from the other side and moved 360 degrees. A feature on
    // both sides (Russia, Fiji split at 180) comes twice, once on each.
    const double south = regionLonLat.minY, north = regionLonLat.maxY;
    control.filter = geo::Extent{std::max(-180.0, regionLonLat.minX), south, std::min(180.0, regionLonLat.maxX), north};
    geo::Layer layer = geo::readLayer(path, layerName, geo::kWgs84, control);
    auto addFarSide = [&](const geo::Extent& filter, double dLon) {
        control.filter = filter;
        geo::Layer far = geo::readLayer(path, layerName, geo::kWgs84, control);
        shiftEast(far, dLon);
        for (geo::Feature& f : far.features) layer.features.push_back(std::move(f));
        for (std::string& w : far.warnings) layer.warnings.push_back(std::move(w));
        layer.skippedGeometries += far.skippedGeometries;
    };
    if (regionLonLat.maxX > 180) addFarSide(geo::Extent{-180, south, regionLonLat.maxX - 360, north}, 360);
    if (regionLonLat.minX < -180) addFarSide(geo::Extent{regionLonLat.minX + 360, south, 180, north}, -360);
    projectExportLayer(layer, crs, regionLonLat);
    return layer;
}

namespace {
// Keeps the features `keep` accepts, in order; `kept` follows them (original indices).
template <class Keep>
void keepFeatures(geo::Layer& layer, std::vector<size_t>& kept, Keep keep)
{
    size_t out = 0;
    for (size_t i = 0; i < layer.features.size(); ++i) {
        if (!keep(layer.features[i])) continue;
        if (out != i) layer.features[out] = std::move(layer.features[i]);
        kept[out++] = kept[i];
    }
    layer.features.resize(out);
    kept.resize(out);
}
} // namespace

std::vector<size_t> projectExportLayer(geo::Layer& layer, const std::string& crs, const geo::Extent& regionLonLat)
{
    std::vector<size_t> kept(layer.features.size());
    for (size_t i = 0; i < kept.size(); ++i) kept[i] = i;
    if (!regionLonLat.empty())
        keepFeatures(layer, kept, [&](const geo::Feature& f) { return f.bbox.intersects(regionLonLat); });
    geo::MapCrs(crs).projectLayer(layer);
    // What the CRS cannot show (dropped and counted by projectLayer) draws nothing.
    keepFeatures(layer, kept, [](const geo::Feature& f) { return !f.geometry.empty(); });
    return kept;
}

geo::RasterImage readExportRaster(const std::string& path, const std::string& crs, const geo::Extent& regionLonLat)
{
    const geo::Extent window = regionLonLat.empty() ? geo::Extent{} : geo::MapCrs(crs).lonLatBox(regionLonLat);
    return geo::readRaster(path, crs, 4096, {}, window);
}

// `lodTolerance` is a lower bound of the image's scale (its layout is not known yet): the
// next coarser level comes too, so the draw picks the level the window would at that scale.
PreparedLayer prepareExportLayer(geo::Layer layer, LayerStyle style, double lodTolerance, bool coarserLevels,
                                 const geo::Extent& regionMap)
{
    if (lodTolerance <= 0 || coarserLevels) return prepareLayer(std::move(layer), std::move(style), 1.0, lodTolerance);
    std::vector<double> levels;
    for (double t : lodTolerances(1.0))
        if (t >= lodTolerance && levels.size() < 2) levels.push_back(t);
    // China comes whole with a view of Cambodia: its far coasts cost a pass, not a simplification.
    return prepareLayerAt(std::move(layer), std::move(style), levels, regionMap.empty() ? nullptr : &regionMap);
}

geo::Extent exportRegionInMap(const std::string& crs, const geo::Extent& regionLonLat)
{
    return regionLonLat.empty() ? geo::Extent{} : geo::MapCrs(crs).lonLatBox(regionLonLat);
}

double exportLodTolerance(const geo::Extent& mapExtent, int width, int height)
{
    if (mapExtent.empty() || width <= 0 || height <= 0) return 0;
    // The map area is at most the whole image, so this is a lower bound of its scale.
    const double upp = std::max(mapExtent.width() / width, mapExtent.height() / height);
    double best = 0;
    for (double t : lodTolerances(1.0))
        if (t <= upp) best = std::max(best, t);
    return best;
}

std::vector<PreparedLayer> prepareBasemap(const std::string& path, const std::string& crs, const geo::Extent& regionLonLat,
                                          std::vector<std::string>& warnings, double lodTolerance, bool coarserLevels)
{
    geo::initGdal();
    std::vector<std::string> present;
    for (const geo::LayerInfo& l : geo::inspectDataset(path).layers) present.push_back(l.name);
    // Read and prepare the layers in parallel.
    std::vector<std::future<PreparedLayer>> tasks;
    for (const BasemapLayer& b : basemapLayersFor(present, path, warnings)) {
        tasks.push_back(std::async(std::launch::async, [=, name = b.name, style = b.style] {
            // Every layer through the R-tree: the countries' palette comes with the data
            // (color_index), so the colours do not depend on which neighbours were read.
            geo::Layer layer = readExportLayer(path, name, crs, regionLonLat);
            // Only the levels of detail the export's scale can use.
            return prepareExportLayer(std::move(layer), style, lodTolerance, coarserLevels,
                                      exportRegionInMap(crs, regionLonLat));
        }));
    }
    std::vector<PreparedLayer> out;
    for (auto& t : tasks) {
        out.push_back(t.get());
        for (const std::string& w : out.back().data->warnings) warnings.push_back(w);
    }
    return out;
}

void addBasemap(Scene& scene, const std::string& path, const std::string& crs, const geo::Extent& regionLonLat,
                std::vector<std::string>& warnings, double lodTolerance)
{
    for (PreparedLayer& p : prepareBasemap(path, crs, regionLonLat, warnings, lodTolerance)) scene.addLayer(std::move(p));
    scene.mapCrs = crs;
}

std::vector<PreparedLayer> prepareExtraLayers(const std::string& path, const std::string& crs, const geo::Extent& regionLonLat,
                                              const ExtraLayerStyle& style, size_t& ordinal,
                                              std::vector<std::string>& warnings, double lodTolerance,
                                              bool coarserLevels)
{
    geo::initGdal();
    const geo::DatasetInfo info = geo::inspectDataset(path);
    std::vector<PreparedLayer> out;
    for (const geo::LayerInfo& l : info.layers) {
        geo::Layer layer = readExportLayer(path, l.name, crs, regionLonLat);
        for (const std::string& w : layer.warnings) warnings.push_back(w);
        LayerStyle s = defaultStyleFor(layer, ordinal++);
        if (!style.fill.empty()) s.fillColor = rgbaFromHex(style.fill);
        if (!style.stroke.empty()) s.strokeColor = rgbaFromHex(style.stroke);
        if (style.strokePx >= 0) s.strokeWidthPx = static_cast<float>(style.strokePx);
        if (!l.name.empty() && layer.name.empty()) layer.name = l.name;
        out.push_back(prepareExportLayer(std::move(layer), std::move(s), lodTolerance, coarserLevels,
                                         exportRegionInMap(crs, regionLonLat)));
    }
    return out;
}

void addExtraLayers(Scene& scene, const std::string& path, const std::string& crs, const geo::Extent& regionLonLat,
                    const ExtraLayerStyle& style, size_t& ordinal, std::vector<std::string>& warnings, double lodTolerance)
{
    for (PreparedLayer& p : prepareExtraLayers(path, crs, regionLonLat, style, ordinal, warnings, lodTolerance))
        scene.addLayer(std::move(p));
    scene.mapCrs = crs;
}

Rgba compoundStatusColor(geo::CompoundStatus status)
{
    switch (status) {
    case geo::CompoundStatus::Active: return {0.80f, 0.10f, 0.10f, 1};
    case geo::CompoundStatus::Raided: return {0.93f, 0.45f, 0.05f, 1};
    case geo::CompoundStatus::Closed: return {0.45f, 0.45f, 0.45f, 1};
    case geo::CompoundStatus::Unknown: break;
    }
    return {0.55f, 0.25f, 0.60f, 1};
}

MarkerLayer& addCompoundMarkers(Scene& scene, const geo::CaseData& cases, const std::string& crs,
                                const std::string& selectedId, const std::function<bool(const geo::Compound&)>& shown)
{
    const geo::MapCrs mapCrs(crs);
    std::vector<Marker> markers;
    size_t selected = markers.max_size();
    for (const geo::Compound& c : cases.compounds) {
        if (shown && !shown(c) && c.id != selectedId) continue;
        Marker m;
        m.position = mapCrs.forward(c.location);
        if (!std::isfinite(m.position.x) || !std::isfinite(m.position.y)) continue; // outside what the CRS shows
        m.fill = compoundStatusColor(c.status);
        m.outline = {1, 1, 1, 1};
        m.sizePx = 11;
        m.outlinePx = 1.5f;
        if (c.precision != geo::LocationPrecision::Site) {
            // Town- or district-precision: a soft halo says "somewhere around here".
            m.halo = {m.fill.r, m.fill.g, m.fill.b, 0.25f};
            m.haloPx = 5;
        }
        markers.push_back(m);
        if (c.id == selectedId) selected = markers.size() - 1;
    }
    if (selected < markers.size()) {
        // Drawn last (on top), larger, with a strong ring.
        Marker m = markers[selected];
        m.sizePx = 16;
        m.outline = {0.10f, 0.10f, 0.10f, 1};
        m.outlinePx = 2.5f;
        m.halo = {1.0f, 0.85f, 0.2f, 0.8f};
        m.haloPx = 4;
        markers.push_back(m);
    }
    MarkerLayer& layer = scene.addMarkerLayer(kCompoundsMarkers); // the window's name, so both exports see it
    layer.setMarkers(std::move(markers));
    return layer;
}

} // namespace viewer
