// Label anchors (interior points) and greedy grid-accelerated collision removal.
#include "geo/label_placement.hpp"
#include "geo/geodesic.hpp"
#include "geo/simplify.hpp"

#include <algorithm>
#include <cmath>

namespace geo {

namespace {

// The single polygon `poly` of `g` as its own Geometry (for polygonContains).
Geometry polygonOf(const Geometry& g, size_t poly)
{
    Geometry one;
    one.kind = GeomKind::Polygon;
    for (size_t r = g.polygonStarts[poly]; r < g.polygonStarts[poly + 1]; ++r) {
        one.coords.insert(one.coords.end(), g.coords.begin() + g.partStarts[r], g.coords.begin() + g.partStarts[r + 1]);
        one.partStarts.push_back(static_cast<uint32_t>(one.coords.size()));
    }
    one.polygonStarts.push_back(static_cast<uint32_t>(one.partCount()));
    return one;
}

// The middle of the widest chord at height y (even-odd crossings), or nothing.
bool widestChord(const Geometry& poly, double y, MapXY& mid, double& width)
{
    std::vector<double> xs;
    for (size_t r = 0; r < poly.partCount(); ++r) {
        const size_t b = poly.partStarts[r], e = poly.partStarts[r + 1];
        for (size_t i = b, j = e - 1; i < e; j = i++) {
            const MapXY a = poly.coords[i], c = poly.coords[j];
            if ((a.y > y) != (c.y > y)) xs.push_back(a.x + (y - a.y) * (c.x - a.x) / (c.y - a.y));
        }
    }
    std::sort(xs.begin(), xs.end());
    bool found = false;
    for (size_t i = 0; i + 1 < xs.size(); i += 2) {
        const double w = xs[i + 1] - xs[i];
        if (w > width) {
            width = w;
            mid = {(xs[i] + xs[i + 1]) / 2, y};
            found = true;
        }
    }
    return found;
}

} // namespace

MapXY labelAnchor(const Geometry& g)
{
    if (g.empty()) return {};
    if (g.kind == GeomKind::Point) return g.coords.front();
    if (g.kind == GeomKind::Line) {
        size_t best = 0, bestLen = 0;
        for (size_t p = 0; p < g.partCount(); ++p) {
            const size_t len = g.partStarts[p + 1] - g.partStarts[p];
            if (len > bestLen) bestLen = len, best = p;
        }
        return g.coords[g.partStarts[best] + bestLen / 2];
    }
    size_t best = 0;
    double bestArea = -1;
    for (size_t poly = 0; poly < g.polygonCount(); ++poly) {
        const size_t r = g.polygonStarts[poly];
        const double a = std::fabs(ringArea(g.coords.data() + g.partStarts[r], g.partStarts[r + 1] - g.partStarts[r]));
        if (a > bestArea) bestArea = a, best = poly;
    }
    const Geometry poly = polygonOf(g, best);
    // Area centroid of the exterior ring.
    const MapXY* pts = poly.coords.data();
    const size_t n = poly.partStarts[1];
    double cx = 0, cy = 0, a2 = 0;
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        const double cross = pts[j].x * pts[i].y - pts[i].x * pts[j].y;
        a2 += cross;
        cx += (pts[j].x + pts[i].x) * cross;
        cy += (pts[j].y + pts[i].y) * cross;
    }
    const Extent box = poly.extent();
    MapXY centroid = a2 != 0 ? MapXY{cx / (3 * a2), cy / (3 * a2)} : box.center();
    if (polygonContains(poly, centroid)) {
        // A centroid hugging an edge reads badly; prefer the chord middle at its height.
        MapXY mid;
        double w = -1;
        if (widestChord(poly, centroid.y, mid, w)) return {centroid.x * 0.5 + mid.x * 0.5, centroid.y};
        return centroid;
    }
    MapXY bestMid = box.center();
    double bestWidth = -1;
    for (int k = 1; k < 16; ++k) widestChord(poly, box.minY + box.height() * k / 16.0, bestMid, bestWidth);
    return bestMid;
}

bool labelAnchorWithin(const Geometry& g, const Extent& window, double minWidth, MapXY& out)
{
    if (g.kind != GeomKind::Polygon || g.empty() || window.empty()) return false;
    const Extent box = g.extent();
    const double y0 = std::max(window.minY + window.height() * 0.1, box.minY);
    const double y1 = std::min(window.maxY - window.height() * 0.1, box.maxY);
    if (y0 >= y1) return false;
    double best = minWidth;
    bool found = false;
    std::vector<double> xs;
    for (int k = 0; k < 9; ++k) {
        const double y = y0 + (y1 - y0) * (k + 0.5) / 9;
        xs.clear();
        for (size_t r = 0; r < g.partCount(); ++r) {
            const size_t b = g.partStarts[r], e = g.partStarts[r + 1];
            for (size_t i = b, j = e - 1; i < e; j = i++) {
                const MapXY a = g.coords[i], c = g.coords[j];
                if ((a.y > y) != (c.y > y)) xs.push_back(a.x + (y - a.y) * (c.x - a.x) / (c.y - a.y));
            }
        }
        std::sort(xs.begin(), xs.end());
        for (size_t i = 0; i + 1 < xs.size(); i += 2) {
            const double l = std::max(xs[i], window.minX), rgt = std::min(xs[i + 1], window.maxX);
            if (rgt - l > best) {
                best = rgt - l;
                out = {(l + rgt) / 2, y};
                found = true;
            }
        }
    }
    return found;
}

std::vector<size_t> placeLabels(const std::vector<LabelBox>& boxes, double width, double height)
{
    constexpr double kCell = 64;
    const int cols = std::max(1, static_cast<int>(std::ceil(width / kCell)));
    const int rows = std::max(1, static_cast<int>(std::ceil(height / kCell)));
    std::vector<std::vector<size_t>> grid(static_cast<size_t>(cols) * rows);
    std::vector<size_t> accepted;
    for (size_t i = 0; i < boxes.size(); ++i) {
        const LabelBox& b = boxes[i];
        if (b.minX < 0 || b.minY < 0 || b.maxX > width || b.maxY > height) continue;
        const int c0 = std::clamp(static_cast<int>(b.minX / kCell), 0, cols - 1);
        const int c1 = std::clamp(static_cast<int>(b.maxX / kCell), 0, cols - 1);
        const int r0 = std::clamp(static_cast<int>(b.minY / kCell), 0, rows - 1);
        const int r1 = std::clamp(static_cast<int>(b.maxY / kCell), 0, rows - 1);
        bool clash = false;
        for (int r = r0; r <= r1 && !clash; ++r)
            for (int c = c0; c <= c1 && !clash; ++c)
                for (size_t other : grid[static_cast<size_t>(r) * cols + c])
                    if (b.overlaps(boxes[other])) {
                        clash = true;
                        break;
                    }
        if (clash) continue;
        accepted.push_back(i);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) grid[static_cast<size_t>(r) * cols + c].push_back(i);
    }
    return accepted;
}

} // namespace geo
