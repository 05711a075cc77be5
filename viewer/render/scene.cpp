// Layer preparation (index, LODs, anchors, greedy palette colouring) and scene bookkeeping.
#include "viewer/render/scene.hpp"

#include "geo/feature_kinds.hpp"

#include "geo/label_placement.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace viewer {

namespace {

constexpr int kPaletteSize = 5;

// A layer's own colouring: the basemap's countries carry `color_index` (a greedy colouring
// of their shared borders, data/build_basemap.py), so a country has the same colour
// however few of its neighbours were read (the export reads only what its view shows).
bool storedClasses(const geo::Layer& layer, std::vector<uint8_t>& cls)
{
    const int field = layer.fieldIndex("color_index");
    if (field < 0) return false;
    cls.assign(layer.features.size(), 0);
    for (size_t f = 0; f < layer.features.size(); ++f) {
        const std::string& v = layer.value(layer.features[f], field);
        char* end = nullptr;
        const long c = std::strtol(v.c_str(), &end, 10);
        if (v.empty() || *end || c < 0) return false; // not a colouring: compute one
        cls[f] = static_cast<uint8_t>(c % kPaletteSize);
    }
    return true;
}

// Greedy colouring over the bbox-overlap graph: features whose boxes overlap get different
// colours (of `colours`, at most 8) where that many allow.
std::vector<uint8_t> greedyColouring(const geo::Layer& layer, const geo::SpatialIndex& index, int colours)
{
    std::vector<uint8_t> cls(layer.features.size(), 0);
    for (size_t f = 0; f < layer.features.size(); ++f) {
        bool used[8] = {};
        for (uint32_t other : index.query(layer.features[f].bbox))
            if (other < f) used[cls[other]] = true;
        int pick = static_cast<int>(f % colours);
        for (int k = 0; k < colours; ++k) {
            const int c = (static_cast<int>(f) + k) % colours;
            if (!used[c]) {
                pick = c;
                break;
            }
        }
        cls[f] = static_cast<uint8_t>(pick);
    }
    return cls;
}

// Neighbours get different palette colours: the layer's own, else a greedy colouring.
std::vector<uint8_t> paletteClasses(const geo::Layer& layer, const geo::SpatialIndex& index)
{
    std::vector<uint8_t> cls;
    return storedClasses(layer, cls) ? cls : greedyColouring(layer, index, kPaletteSize);
}

PreparedLayer prepareWith(geo::Layer layer, LayerStyle style, const std::vector<double>& now, std::vector<double> deferred,
                          std::optional<geo::SpatialIndex> index = std::nullopt, const geo::Extent* within = nullptr)
{
    PreparedLayer p;
    p.index = index ? std::move(*index) : featureIndex(layer);
    if (layer.kind == geo::GeomKind::Polygon) p.paletteClass = paletteClasses(layer, p.index);
    p.deferredTolerances = std::move(deferred);
    p.mesh = buildLayerMesh(layer, now, nullptr, within);
    // Stencil bits only matter to fills: a layer of points or lines has none to colour (for
    // a million points the overlap queries were a tenth of the load).
    const bool anyArea = std::any_of(layer.features.begin(), layer.features.end(),
                                     [](const geo::Feature& f) { return f.geometry.kind == geo::GeomKind::Polygon; });
    if (anyArea) p.mesh.stencilBit = greedyColouring(layer, p.index, 8); // LayerMesh::stencilBit
    p.labelAnchors.reserve(layer.features.size());
    p.featureSize.reserve(layer.features.size());
    for (const geo::Feature& f : layer.features) {
        p.labelAnchors.push_back(geo::labelAnchor(f.geometry));
        p.featureSize.push_back(f.bbox.empty() ? 0 : std::hypot(f.bbox.width(), f.bbox.height()));
    }
    p.clusters = pointClustersFor(layer);
    p.featureKinds = geo::featureKindsText(layer);
    p.data = std::make_shared<const geo::Layer>(std::move(layer));
    p.style = std::move(style);
    return p;
}
} // namespace

geo::SpatialIndex featureIndex(const geo::Layer& layer)
{
    std::vector<geo::Extent> boxes;
    boxes.reserve(layer.features.size());
    for (const geo::Feature& f : layer.features) boxes.push_back(f.bbox);
    return geo::SpatialIndex(boxes);
}

std::shared_ptr<const geo::PointClusters> pointClustersFor(const geo::Layer& layer)
{
    // Only a layer of points alone: drawing clusters leaves out the layer's point-by-point pass.
    if (layer.kind != geo::GeomKind::Point) return nullptr;
    size_t points = 0;
    for (const geo::Feature& f : layer.features) {
        if (f.geometry.kind == geo::GeomKind::Point) points += f.geometry.coords.size();
        else if (f.geometry.kind != geo::GeomKind::None) return nullptr;
    }
    if (points < kClusterFrom) return nullptr;
    return std::make_shared<const geo::PointClusters>(geo::PointClusters::ofLayer(layer));
}

PreparedLayer prepareLayer(geo::Layer layer, LayerStyle style, double metresPerUnit, double deferBelow,
                           std::optional<geo::SpatialIndex> index)
{
    std::vector<double> now, deferred;
    for (double t : lodTolerances(metresPerUnit)) (t < deferBelow ? deferred : now).push_back(t);
    if (now.empty()) now.swap(deferred);
    return prepareWith(std::move(layer), std::move(style), now, std::move(deferred), std::move(index));
}

PreparedLayer prepareLayerAt(geo::Layer layer, LayerStyle style, const std::vector<double>& tolerances,
                             const geo::Extent* within)
{
    return prepareWith(std::move(layer), std::move(style), tolerances, {}, std::nullopt, within);
}

uint64_t Scene::addLayer(PreparedLayer prepared)
{
    SceneLayer l;
    l.id = m_nextId++;
    l.data = std::move(prepared.data);
    l.index = std::move(prepared.index);
    l.style = std::move(prepared.style);
    l.gpu = std::make_unique<GpuLayer>(prepared.mesh);
    l.labelAnchors = std::move(prepared.labelAnchors);
    l.featureSize = std::move(prepared.featureSize);
    l.paletteClass = std::move(prepared.paletteClass);
    l.deferredTolerances = std::move(prepared.deferredTolerances);
    l.clusters = std::move(prepared.clusters);
    l.featureKinds = prepared.featureKinds.empty() ? geo::featureKindsText(*l.data) : std::move(prepared.featureKinds);
    m_layers.push_back(std::move(l));
    return m_layers.back().id;
}

void Scene::refineLayer(uint64_t id, const std::vector<LodMesh>& fine)
{
    SceneLayer* l = find(id);
    if (!l) return;
    l->gpu->addLods(fine);
    // A level built for the features in view stays deferred for the others.
    if (fine.empty()) l->deferredTolerances.clear(); // nothing to build there (no lines or areas)
    std::erase_if(l->deferredTolerances, [&](double t) { return l->gpu->levelComplete(t); });
}

void Scene::removeLayer(uint64_t id)
{
    if (m_selection && m_selection->layerId == id) select(std::nullopt);
    std::erase_if(m_layers, [&](const SceneLayer& l) { return l.id == id; });
}

void Scene::moveLayer(size_t from, size_t to)
{
    if (from >= m_layers.size() || to >= m_layers.size() || from == to) return;
    SceneLayer l = std::move(m_layers[from]);
    m_layers.erase(m_layers.begin() + static_cast<long>(from));
    m_layers.insert(m_layers.begin() + static_cast<long>(to), std::move(l));
}

SceneLayer* Scene::find(uint64_t id)
{
    for (SceneLayer& l : m_layers)
        if (l.id == id) return &l;
    return nullptr;
}

const SceneLayer* Scene::find(uint64_t id) const
{
    for (const SceneLayer& l : m_layers)
        if (l.id == id) return &l;
    return nullptr;
}

MarkerLayer& Scene::addMarkerLayer(const std::string& name)
{
    m_markers.emplace_back(name);
    return m_markers.back();
}

void Scene::select(std::optional<FeatureRef> ref)
{
    m_selection.reset();
    m_selectionMesh.reset();
    if (!ref) return;
    const SceneLayer* l = find(ref->layerId);
    if (!l || ref->feature >= l->data->features.size()) return;
    m_selection = ref;
    geo::Layer one;
    one.kind = l->data->kind;
    one.features.push_back(l->data->features[ref->feature]);
    one.extent = one.features.back().bbox;
    m_selectionMesh = std::make_unique<GpuLayer>(buildLayerMesh(one, {0.0}));
}

uint64_t Scene::addRasterLayer(const geo::RasterImage& image)
{
    m_rasters.emplace_back(m_nextId++, image);
    return m_rasters.back().id();
}

void Scene::anchorRasters()
{
    if (rastersAboveLayer && find(rastersAboveLayer)) return;
    rastersAboveLayer = 0;
    if (m_layers.empty()) return;
    const SceneLayer& bottom = m_layers.front();
    const LayerStyle& st = bottom.style;
    const bool opaque = st.fill && st.opacity >= 1 && (st.paletteFill || st.fillColor.a >= 1);
    if (bottom.data->kind == geo::GeomKind::Polygon && opaque) rastersAboveLayer = bottom.id;
}

void Scene::removeRasterLayer(uint64_t id)
{
    std::erase_if(m_rasters, [&](const RasterLayer& r) { return r.id() == id; });
}

double Scene::groundMetresPerPixel(const geo::Viewport& view) const
{
    try {
        if (!m_scaleCrs || m_scaleCrs->definition() != mapCrs) m_scaleCrs.emplace(mapCrs);
    } catch (const std::exception&) { // a CRS PROJ does not know cannot have been drawn in: nominal
        return view.unitsPerPixel() * metresPerUnit;
    }
    const double m = m_scaleCrs->metresPerUnitAt(view.center());
    return view.unitsPerPixel() * (std::isfinite(m) && m > 0 ? m : metresPerUnit);
}

geo::Extent Scene::extent() const
{
    geo::Extent e;
    for (const SceneLayer& l : m_layers) e.expand(l.data->extent);
    for (const RasterLayer& r : m_rasters) e.expand(r.extent());
    return e;
}

} // namespace viewer
