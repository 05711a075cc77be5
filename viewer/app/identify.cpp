// Top-down picking over visible layers.
#include "viewer/app/identify.hpp"

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

} // namespace

std::optional<FeatureRef> pickFeature(const Scene& scene, const geo::Viewport& view, geo::ScreenPx at, double pixelScale)
{
    const geo::MapXY p = view.toMap(at);
    const double upp = view.unitsPerPixel() * pixelScale; // map units per style pixel
    for (size_t li = scene.layers().size(); li-- > 0;) {
        const SceneLayer& layer = scene.layers()[li];
        if (!layer.style.visible || layer.style.opacity <= 0) continue;
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
        if (best) return FeatureRef{layer.id, *best};
    }
    return std::nullopt;
}

} // namespace viewer
