// What the map shows: vector layers (data + index + style + GPU buffers) in draw order,
// marker layers on top, and the selected feature. Independent of any UI; the window,
// render tests and headless export all draw a Scene.
#pragma once
#include "viewer/render/gpu_layer.hpp"
#include "viewer/render/layer_mesh.hpp"
#include "viewer/render/layer_style.hpp"
#include "viewer/render/marker_layer.hpp"
#include "viewer/render/raster_layer.hpp"

#include "geo/layer.hpp"
#include "geo/map_crs.hpp"
#include "geo/point_clusters.hpp"
#include "geo/spatial_index.hpp"
#include "geo/viewport.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace viewer {

// A layer made ready for the GPU on any thread: everything but the upload.
struct PreparedLayer {
    std::shared_ptr<const geo::Layer> data;
    geo::SpatialIndex index;
    LayerMesh mesh;
    std::vector<geo::MapXY> labelAnchors; // per feature
    std::vector<double> featureSize;      // per feature: bbox diagonal (label priority)
    LayerStyle style;
    std::vector<uint8_t> paletteClass;    // per feature (polygon layers)
    std::vector<double> deferredTolerances; // fine levels left for buildLods() on a worker
    // A point layer of kClusterFrom points or more: its grid aggregation (null otherwise).
    std::shared_ptr<const geo::PointClusters> clusters;
    std::string featureKinds; // geo::featureKindsText, counted here once (empty: Scene::addLayer counts)
};

// Projected layer -> index, LOD meshes, label anchors, palette classes. No GL.
// `metresPerUnit` sets the LOD tolerances (1 for metre-based map CRSs). Levels finer than
// `deferBelow` (map units) are not built now: the layer shows at once with coarser levels
// and buildLods() builds the rest later, on a worker (0 = build everything now).
// `index`: the layer's R-tree when the reader built one already (geo::LoadedVector).
PreparedLayer prepareLayer(geo::Layer layer, LayerStyle style, double metresPerUnit = 1.0, double deferBelow = 0,
                           std::optional<geo::SpatialIndex> index = std::nullopt);
// Only the levels an image of one scale can draw (an export), tolerances in map units;
// with `within`, drawn right only inside that box (buildLayerMesh).
PreparedLayer prepareLayerAt(geo::Layer layer, LayerStyle style, const std::vector<double>& tolerances,
                             const geo::Extent* within = nullptr);
// The R-tree over the layer's feature boxes (ids = feature indices).
geo::SpatialIndex featureIndex(const geo::Layer& layer);
// Point layers with at least this many points are drawn aggregated where they are dense
// (viewer/render/cluster_symbols.hpp); fewer are always drawn point by point.
constexpr size_t kClusterFrom = 5000;
// The grid aggregation of a point layer of kClusterFrom points or more, else null. No GL.
std::shared_ptr<const geo::PointClusters> pointClustersFor(const geo::Layer& layer);

struct SceneLayer {
    uint64_t id = 0;                      // stable while the layer lives
    std::shared_ptr<const geo::Layer> data;
    geo::SpatialIndex index;
    LayerStyle style;
    std::unique_ptr<GpuLayer> gpu;
    std::vector<geo::MapXY> labelAnchors;
    std::vector<double> featureSize;
    std::vector<uint8_t> paletteClass;
    std::vector<double> deferredTolerances;
    std::shared_ptr<const geo::PointClusters> clusters;
    // "1 polygon, 1 line": the Layers panel shows it every frame, a pass over the features
    // that cost 15 ms a frame for a million points; counted once.
    std::string featureKinds;
};


// A feature of a layer, by layer id and index into Layer::features.
struct FeatureRef {
    uint64_t layerId = 0;
    size_t feature = 0;
    bool operator==(const FeatureRef&) const = default;
};

class Scene {
public:
    Scene() = default;
    Scene(Scene&&) = default;
    Scene& operator=(Scene&&) = default;

    // Uploads (needs the GL context) and appends on top. Returns the new layer's id.
    uint64_t addLayer(PreparedLayer prepared);
    void removeLayer(uint64_t id);
    // Moves a layer from draw position `from` to `to` (0 = bottom).
    void moveLayer(size_t from, size_t to);
    // Uploads the deferred fine levels of layer `id` (ignored if the layer is gone).
    void refineLayer(uint64_t id, const std::vector<LodMesh>& fine);

    const std::vector<SceneLayer>& layers() const { return m_layers; }
    std::vector<SceneLayer>& layers() { return m_layers; }
    SceneLayer* find(uint64_t id);
    const SceneLayer* find(uint64_t id) const;

    std::vector<MarkerLayer>& markerLayers() { return m_markers; }
    const std::vector<MarkerLayer>& markerLayers() const { return m_markers; }
    MarkerLayer& addMarkerLayer(const std::string& name);

    // Raster layers, drawn first (under every vector layer), first = bottom.
    std::vector<RasterLayer>& rasterLayers() { return m_rasters; }
    const std::vector<RasterLayer>& rasterLayers() const { return m_rasters; }
    // Uploads (needs the GL context) and puts it above the other rasters. Returns its id.
    uint64_t addRasterLayer(const geo::RasterImage& image);
    // Rasters are drawn right after this vector layer (0: before all of them). Set to an
    // opaque land fill at the bottom (the basemap's countries) so imagery is not hidden.
    uint64_t rastersAboveLayer = 0;
    // Imagery under an opaque land fill would never show: sets rastersAboveLayer to the bottom
    // layer when it covers the land with opaque colour (the basemap's countries), keeping a
    // choice whose layer is still there. The window's loads and the export both use it.
    void anchorRasters();
    void removeRasterLayer(uint64_t id);

    // The selection and its highlight geometry (built on the GL thread when set).
    void select(std::optional<FeatureRef> ref);
    const std::optional<FeatureRef>& selection() const { return m_selection; }
    const GpuLayer* selectionMesh() const { return m_selectionMesh.get(); }

    std::string mapCrs = "EPSG:3857";
    // Metres per unit of mapCrs, roughly (degrees: 111 320): the fallback where the true scale
    // cannot be measured (a view centred off the CRS's area).
    double metresPerUnit = 1;
    // Metres on the ground per pixel at the view's centre, as PROJ measures mapCrs there. Label
    // scale ranges compare with it, so one range means one map scale in every CRS (issue 18:
    // at 1:3.16 M provinces were labelled in UTM, not in Web Mercator, whose units are
    // 1/cos(latitude) ground metres).
    double groundMetresPerPixel(const geo::Viewport& view) const;
    Rgba background{0.80f, 0.87f, 0.92f, 1}; // sea

    // Union of all layer extents.
    geo::Extent extent() const;

private:
    std::vector<SceneLayer> m_layers;
    std::vector<MarkerLayer> m_markers;
    std::vector<RasterLayer> m_rasters;
    std::optional<FeatureRef> m_selection;
    // mapCrs as a MapCrs, made on first use and again when mapCrs changes (PROJ objects are
    // not cheap to make per frame). Like the rest of a Scene, used by one thread at a time.
    mutable std::optional<geo::MapCrs> m_scaleCrs;
    std::unique_ptr<GpuLayer> m_selectionMesh;
    uint64_t m_nextId = 1;
};

} // namespace viewer
