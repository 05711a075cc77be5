// Douglas-Peucker on each part after a radial-distance pass, iterative (rings can have
// hundreds of thousands of points).
#include "geo/simplify.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace geo {

namespace {

// One speck per cell this many tolerances wide: a dot every few pixels keeps an archipelago
// visible; one per islet would cost as much as the islets (OSM land: 900 k rings).
constexpr double kSpeckCell = 4;

constexpr size_t kSpan = 4096;

// Appends the kept points of pts[0..n) to `out` (first and last always kept).
void douglasPeucker(const MapXY* pts, size_t n, double tolerance, std::vector<MapXY>& out)
{
    if (n <= 2) {
        out.insert(out.end(), pts, pts + n);
        return;
    }
    // Reused across calls: fresh buffers per ring cost more in page faults than the search.
    thread_local std::vector<char> keep;
    thread_local std::vector<std::pair<size_t, size_t>> stack;
    keep.assign(n, 0);
    keep[0] = keep[n - 1] = 1;
    stack.clear();
    stack.emplace_back(0, n - 1);
    const double tol2 = tolerance * tolerance;
    while (!stack.empty()) {
        auto [first, last] = stack.back();
        stack.pop_back();
        // Squared distance to the segment first-last; the one division per segment, not per
        // point (it was most of the search's time).
        const MapXY a = pts[first];
        const double dx = pts[last].x - a.x, dy = pts[last].y - a.y;
        const double len2 = dx * dx + dy * dy;
        const double inv = len2 > 0 ? 1 / len2 : 0;
        double worst = -1;
        size_t worstAt = first;
        for (size_t i = first + 1; i < last; ++i) {
            const double px = pts[i].x - a.x, py = pts[i].y - a.y;
            const double t = std::clamp((px * dx + py * dy) * inv, 0.0, 1.0);
            const double ex = t * dx - px, ey = t * dy - py;
            const double d = ex * ex + ey * ey;
            if (d > worst) {
                worst = d;
                worstAt = i;
            }
        }
        if (worst > tol2) {
            keep[worstAt] = 1;
            stack.emplace_back(first, worstAt);
            stack.emplace_back(worstAt, last);
        }
    }
    for (size_t i = 0; i < n; ++i)
        if (keep[i]) out.push_back(pts[i]);
}

// Radial-distance pass, then Douglas-Peucker: points within an eighth of the tolerance of
// the last point kept go first, in one linear pass (at coarse levels of 10 m data, most of
// them), and Douglas-Peucker runs on the rest with the other seven eighths. The two errors
// add up to at most the tolerance. Appends pts[0..n-1) (all but the last point) to `out`.
void reduceSpan(const MapXY* pts, size_t n, double tolerance, std::vector<MapXY>& out)
{
    thread_local std::vector<MapXY> near;
    near.clear();
    const double r = tolerance / 8, r2 = r * r;
    near.push_back(pts[0]);
    for (size_t i = 1; i + 1 < n; ++i) {
        const double dx = pts[i].x - near.back().x, dy = pts[i].y - near.back().y;
        if (dx * dx + dy * dy > r2) near.push_back(pts[i]);
    }
    near.push_back(pts[n - 1]);
    douglasPeucker(near.data(), near.size(), tolerance - r, out);
    out.pop_back();
}

// Simplifies a run in spans of kSpan points whose ends are kept, each on its own: the
// search is O(n * kSpan) at worst instead of O(n^2) (a coast whose farthest point keeps
// falling next to an end), for one extra vertex per span, and a span's result depends on
// its points only. So a span whose box misses `within` can become its chord: the area
// between them lies in that box, outside `within`, and what is inside draws exactly as it
// would from the whole run. Appends to `out`; the first and last points stay. Returns
// whether a chord stands in for a span.
bool reduce(const MapXY* pts, size_t n, double tolerance, const Extent* within, std::vector<MapXY>& out)
{
    if (n <= 2) {
        out.insert(out.end(), pts, pts + n);
        return false;
    }
    bool chord = false;
    for (size_t first = 0; first < n - 1; first += kSpan) {
        const size_t last = std::min(first + kSpan, n - 1);
        if (within) {
            Extent box;
            for (size_t i = first; i <= last; ++i) box.expand(pts[i].x, pts[i].y);
            if (!box.intersects(*within)) {
                out.push_back(pts[first]);
                chord = true;
                continue;
            }
        }
        reduceSpan(pts + first, last - first + 1, tolerance, out);
    }
    out.push_back(pts[n - 1]);
    return chord;
}

} // namespace

double ringArea(const MapXY* pts, size_t n)
{
    if (n < 3) return 0;
    double a = 0;
    for (size_t i = 0, j = n - 1; i < n; j = i++) a += (pts[j].x - pts[i].x) * (pts[j].y + pts[i].y);
    return a / 2;
}

void appendSpeck(Geometry& g, MapXY c, double tolerance)
{
    const double h = tolerance / 4;
    for (MapXY p : {MapXY{c.x - h, c.y - h}, MapXY{c.x + h, c.y - h}, MapXY{c.x + h, c.y + h}, MapXY{c.x - h, c.y + h},
                    MapXY{c.x - h, c.y - h}})
        g.coords.push_back(p);
    g.partStarts.push_back(static_cast<uint32_t>(g.coords.size()));
    g.polygonStarts.push_back(static_cast<uint32_t>(g.partCount()));
}

Geometry simplifyGeometry(const Geometry& g, double tolerance, bool keepSpecks, const Extent* within)
{
    if (g.kind == GeomKind::Point || g.kind == GeomKind::None || tolerance <= 0) return g;
    Geometry out;
    out.kind = g.kind;
    if (g.kind == GeomKind::Line) {
        for (size_t p = 0; p < g.partCount(); ++p) {
            const size_t b = g.partStarts[p], e = g.partStarts[p + 1];
            const size_t before = out.coords.size();
            reduce(g.coords.data() + b, e - b, tolerance, within, out.coords);
            if (out.coords.size() - before < 2) out.coords.resize(before);
            else out.partStarts.push_back(static_cast<uint32_t>(out.coords.size()));
        }
        return out;
    }
    std::set<std::pair<int64_t, int64_t>> speckCells;
    for (size_t poly = 0; poly < g.polygonCount(); ++poly) {
        const size_t partsBefore = out.partStarts.size();
        bool speck = false;
        for (size_t r = g.polygonStarts[poly]; r < g.polygonStarts[poly + 1]; ++r) {
            const size_t b = g.partStarts[r], e = g.partStarts[r + 1];
            const size_t before = out.coords.size();
            const bool chord = reduce(g.coords.data() + b, e - b, tolerance, within, out.coords);
            const size_t kept = out.coords.size() - before;
            const bool exterior = r == g.polygonStarts[poly];
            Extent ringBox;
            for (size_t i = before; i < out.coords.size(); ++i) ringBox.expand(out.coords[i].x, out.coords[i].y);
            // Two tolerances across at most is two pixels at the scale this level is for:
            // a dot, not a shape (and OSM coasts have hundreds of thousands of them).
            // (Chords make a ring look smaller than it is: such a ring is long, and it stays.)
            const bool collapsed = chord ? kept < 3
                                         : (kept < 4 || std::fabs(ringArea(out.coords.data() + before, kept)) < tolerance * tolerance ||
                                            (ringBox.width() < 2 * tolerance && ringBox.height() < 2 * tolerance));
            if (collapsed) {
                out.coords.resize(before);
                if (!exterior) continue;
                // No exterior: the polygon goes with its holes, or leaves a speck.
                if (keepSpecks) {
                    Extent island; // where the whole ring was (its simplified remains may be two points)
                    for (size_t i = b; i < e; ++i) island.expand(g.coords[i].x, g.coords[i].y);
                    const MapXY c = island.center();
                    const double cell = kSpeckCell * tolerance;
                    if (speckCells.emplace(static_cast<int64_t>(std::floor(c.x / cell)),
                                           static_cast<int64_t>(std::floor(c.y / cell)))
                            .second) {
                        appendSpeck(out, c, tolerance);
                        speck = true; // a polygon of its own, without the holes
                    }
                }
                break;
            }
            out.partStarts.push_back(static_cast<uint32_t>(out.coords.size()));
        }
        if (!speck && out.partStarts.size() > partsBefore)
            out.polygonStarts.push_back(static_cast<uint32_t>(out.partStarts.size() - 1));
    }
    return out;
}

} // namespace geo
