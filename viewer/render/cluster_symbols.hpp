// How a dense point layer is drawn aggregated (no GL): which grid level a view uses, the
// clusters in its window, and each cluster's symbol (a disc sized by its count, with the
// count on it). One rule for the window, the export and picking.
#pragma once
#include "viewer/render/layer_style.hpp"
#include "viewer/render/marker_layer.hpp"

#include "geo/point_clusters.hpp"
#include "geo/viewport.hpp"

#include <optional>
#include <string>
#include <vector>

namespace viewer {

struct SceneLayer;

// A cluster is drawn for a grid cell about this many style pixels wide: symbols (at most
// kClusterMaxPx) stay apart and a count stays readable.
constexpr double kClusterCellPx = 64;
constexpr float kClusterMaxPx = 52;
// A view with no more points than this draws them one by one (they seldom cover each other
// at that density, and each can be seen and clicked).
constexpr uint64_t kPointsAloneUpTo = 2000;

// The map window a frame of `view` draws: the view with a margin of 32 style pixels, so
// thick strokes and markers at the edge are not cut off (MapRenderer culls with it; picking
// asks for clusters with it, so both see the same ones).
geo::Extent drawWindow(const geo::Viewport& view, double pixelScale);

// The clusters of `layer` that a view of `window` (map units, culling margin included)
// draws, or nullopt when the layer is drawn point by point there (it has no clusters, a
// thematic style colours it point by point, the view is fine enough for the points, or it
// holds kPointsAloneUpTo points or fewer).
// `pixelScale`: drawable pixels per style pixel.
std::optional<std::vector<geo::PointCluster>> clustersInView(const SceneLayer& layer, double unitsPerPixel,
                                                             const geo::Extent& window, double pixelScale);

// Disc diameter in style pixels: a single point as the layer's own points, more points on
// a logarithmic scale, never more than kClusterMaxPx.
float clusterDiameterPx(uint32_t count, float pointSizePx);
// "7", "999", "1.2k", "12k", "1.2M".
std::string clusterCountText(uint32_t count);
// The marker of one cluster in the layer's style (a point of its own for count 1).
Marker clusterMarker(const geo::PointCluster& c, const LayerStyle& style);

} // namespace viewer
