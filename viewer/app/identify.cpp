// Top-down picking over visible layers.
#include "viewer/app/identify.hpp"

#include "viewer/render/cluster_symbols.hpp"

#include "geo/geodesic.hpp"

#include <algorithm>
#include <cmath>

namespace viewer {

namespace {

double segmentDistance(geo::MapXY p, geo::MapXY a, geo::MapXY b)
{
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
}

double distanceToParts(const geo::Geometry& g, geo::MapXY p)
{
    double best = INFINITY;
    if (g.kind == geo::GeomKind::Point) {
        for (const geo::MapXY& q : g.coords) best = std::min(best, std::hypot(q.x - p.x, q.y - p.y));
        return best;
    }
    for (size_t part = 0; part < g.partCount(); ++part)
        for (size_t i = g.partStarts[part] + 1; i < g.partStarts[part + 1]; ++i)
            best = std::min(best, segmentDistance(p, g.coords[i - 1], g.coords[i]));
    return best;
}

// What a layer drawn as clusters shows under `p`: nullopt when it is drawn point by point
// here; else the disc hit (nearest centre), or an empty hit (count 0) when none is.
std::optional<geo::PointCluster> clusterAt(const SceneLayer& layer, const geo::Viewport& view, geo::MapXY p,
                                           double pixelScale)
{
    const double upp = view.unitsPerPixel() * pixelScale;
    // The renderer's window: it decides point by point or clusters, as in the frame drawn.
    const auto clusters = clustersInView(layer, view.unitsPerPixel(), drawWindow(view, pixelScale), pixelScale);
    if (!clusters) return std::nullopt;
    geo::PointCluster best;
    double bestDistance = INFINITY;
    for (const geo::PointCluster& c : *clusters) {
        const double r = (clusterDiameterPx(c.count, layer.style.pointSizePx) / 2 + kPickTolerancePx) * upp;
        const double d = std::hypot(c.centre.x - p.x, c.centre.y - p.y);
        if (d <= r && d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}

} // namespace

MapHit pickAt(const Scene& scene, const geo::Viewport& view, geo::ScreenPx at, double pixelScale)
{
    const geo::MapXY p = view.toMap(at);
    const double upp = view.unitsPerPixel() * pixelScale; // map units per style pixel
    for (size_t li = scene.layers().size(); li-- > 0;) {
        const SceneLayer& layer = scene.layers()[li];
        if (!layer.style.visible || layer.style.opacity <= 0) continue;
        if (const std::optional<geo::PointCluster> c = clusterAt(layer, view, p, pixelScale)) {
            if (c->count == 1) return {FeatureRef{layer.id, c->feature}, std::nullopt};
            if (c->count > 1) return {std::nullopt, ClusterHit{layer.id, *c}};
            continue; // between the discs: nothing of this layer is drawn there
        }
        double tolerance = kPickTolerancePx * upp;
        if (layer.data->kind == geo::GeomKind::Point) tolerance += layer.style.pointSizePx / 2 * upp;
        geo::Extent probe;
        probe.expand(p.x - tolerance, p.y - tolerance);
        probe.expand(p.x + tolerance, p.y + tolerance);
        std::vector<uint32_t> ids = layer.index.query(probe);
        std::sort(ids.begin(), ids.end());
        // Among hits, prefer the nearest line/point, and the last-drawn polygon.
        std::optional<size_t> best;
        double bestDistance = INFINITY;
        for (uint32_t id : ids) {
            const geo::Geometry& g = layer.data->features[id].geometry;
            if (g.kind == geo::GeomKind::Polygon) {
                if (geo::polygonContains(g, p)) {
                    best = id;
                    bestDistance = 0;
                }
            } else if (g.kind == geo::GeomKind::Line || g.kind == geo::GeomKind::Point) {
                const double d = distanceToParts(g, p);
                if (d <= tolerance && d < bestDistance) {
                    best = id;
                    bestDistance = d;
                }
            }
        }
        if (best) return {FeatureRef{layer.id, *best}, std::nullopt};
    }
    return {};
}

std::optional<FeatureRef> pickFeature(const Scene& scene, const geo::Viewport& view, geo::ScreenPx at, double pixelScale)
{
    return pickAt(scene, view, at, pixelScale).feature;
}

std::optional<ClusterHit> pickCluster(const Scene& scene, const geo::Viewport& view, geo::ScreenPx at, double pixelScale)
{
    return pickAt(scene, view, at, pixelScale).cluster;
}

} // namespace viewer
