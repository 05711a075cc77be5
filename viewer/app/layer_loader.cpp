// Layer reading and projection into the map CRS, default styles, and parallel preparation
// (one task per layer).
#include "viewer/app/layer_loader.hpp"
#include "viewer/render/basemap_style.hpp"

#include "geo/crs.hpp"
#include "geo/error.hpp"
#include "geo/vector_source.hpp"

#include <algorithm>
#include <future>

namespace viewer {

geo::Layer readMapLayer(const std::string& path, const std::string& layerName, const geo::MapCrs& crs)
{
    geo::Layer layer = geo::readLayer(path, layerName, geo::kWgs84);
    crs.projectLayer(layer);
    return layer;
}


LayerStyle defaultStyleFor(const geo::Layer& layer, size_t ordinal)
{
    static constexpr Rgba kColors[] = {{0.85f, 0.37f, 0.01f, 1}, {0.46f, 0.44f, 0.70f, 1}, {0.11f, 0.62f, 0.47f, 1},
                                       {0.91f, 0.16f, 0.54f, 1}, {0.40f, 0.65f, 0.12f, 1}, {0.65f, 0.46f, 0.11f, 1}};
    const Rgba c = kColors[ordinal % 6];
    LayerStyle s;
    s.strokeColor = c;
    s.fillColor = {c.r, c.g, c.b, 0.25f};
    s.strokeWidthPx = layer.kind == geo::GeomKind::Line ? 2.0f : 1.0f;
    s.pointSizePx = 9;
    if (layer.kind == geo::GeomKind::Point) s.fillColor = c; // markers are opaque anyway
    for (const char* field : {"name", "NAME", "Name", "title", "label"})
        if (layer.fieldIndex(field) >= 0) {
            s.labelField = field;
            break;
        }
    s.labelSizePx = 12;
    s.labelMaxUnitsPerPixel = 2000;
    s.labelPriority = 5;
    return s;
}

std::vector<PreparedLayer> loadBasemap(const std::string& path, const geo::MapCrs& crs, std::vector<std::string>& warnings,
                                       double deferBelowMetres)
{
    geo::initGdal();
    std::vector<std::string> present;
    for (const geo::LayerInfo& l : geo::inspectDataset(path).layers) present.push_back(l.name);
    std::vector<std::future<PreparedLayer>> tasks;
    for (const BasemapLayer& j : basemapLayersFor(present, path, warnings)) {
        const double mpu = crs.nominalMetresPerUnit();
        tasks.push_back(std::async(std::launch::async, [path, j, deferBelowMetres, crs, mpu] {
            return prepareLayer(readMapLayer(path, j.name, crs), j.style, mpu, deferBelowMetres / mpu);
        }));
    }
    std::vector<PreparedLayer> out;
    for (auto& t : tasks) {
        out.push_back(t.get());
        for (const std::string& w : out.back().data->warnings) warnings.push_back(w);
    }
    return out;
}

} // namespace viewer
