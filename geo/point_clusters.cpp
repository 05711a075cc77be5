// Grid aggregation of points: one sort by Morton code of the finest grid, then each level's
// cells are runs of the finer level's (a parent's code is its children's shifted by 2 bits).
#include "geo/point_clusters.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace geo {

namespace {

// Finest grid: 2^20 cells across the points' extent (about 2 m for mainland Southeast Asia).
constexpr int kFinestBits = 20;

uint64_t spread(uint32_t v)
{
    uint64_t x = v;
    x = (x | (x << 16)) & 0x0000FFFF0000FFFFull;
    x = (x | (x << 8)) & 0x00FF00FF00FF00FFull;
    x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0Full;
    x = (x | (x << 2)) & 0x3333333333333333ull;
    x = (x | (x << 1)) & 0x5555555555555555ull;
    return x;
}

uint64_t morton(uint32_t ix, uint32_t iy) { return spread(ix) | (spread(iy) << 1); }

uint32_t compact(uint64_t x)
{
    x &= 0x5555555555555555ull;
    x = (x | (x >> 1)) & 0x3333333333333333ull;
    x = (x | (x >> 2)) & 0x0F0F0F0F0F0F0F0Full;
    x = (x | (x >> 4)) & 0x00FF00FF00FF00FFull;
    x = (x | (x >> 8)) & 0x0000FFFF0000FFFFull;
    x = (x | (x >> 16)) & 0x00000000FFFFFFFFull;
    return static_cast<uint32_t>(x);
}

// Cells of one level: Morton codes ascending, with their points' count, lowest feature and
// coordinate sums (relative to the origin, so the means stay exact far from (0, 0)).
struct Cells {
    std::vector<uint64_t> code;
    std::vector<uint32_t> count, feature;
    std::vector<double> sumX, sumY;
};

// The index of `code` in `codes` (ascending), searched outwards from index `from` (a
// neighbour's Morton code is usually close by: few cache misses); codes.size() if absent.
size_t findNear(const std::vector<uint64_t>& codes, size_t from, uint64_t code)
{
    const size_t n = codes.size();
    size_t lo = from, hi = from;
    if (codes[from] < code) {
        size_t step = 1;
        while (hi < n && codes[hi] < code) {
            lo = hi;
            hi = std::min(n, hi + step);
            step *= 2;
        }
        hi = std::min(n, hi + 1); // codes[hi] may be the one
    } else {
        size_t step = 1;
        while (lo > 0 && codes[lo] > code) {
            hi = lo;
            lo = lo > step ? lo - step : 0;
            step *= 2;
        }
        hi = std::min(n, hi + 1);
    }
    const auto it = std::lower_bound(codes.begin() + static_cast<long>(lo), codes.begin() + static_cast<long>(hi), code);
    return it != codes.begin() + static_cast<long>(hi) && *it == code ? static_cast<size_t>(it - codes.begin()) : n;
}

// A town that the grid happens to cut in two would draw as two discs on top of each other:
// a cell whose points' mean lies within half a cell of a neighbour's joins the bigger one
// (biggest first, ties by code: the same for every view). Only the level as drawn changes;
// the next level is aggregated from the cells as the grid cut them.
Cells joinNeighbours(const Cells& in, double cell)
{
    const size_t n = in.code.size();
    std::vector<size_t> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return in.count[a] != in.count[b] ? in.count[a] > in.count[b] : in.code[a] < in.code[b];
    });
    Cells out = in;
    std::vector<uint8_t> alive(n, 1);
    const double reach2 = (cell / 2) * (cell / 2);
    for (size_t c : order) {
        if (!alive[c]) continue;
        const int64_t ix = compact(in.code[c]), iy = compact(in.code[c] >> 1);
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) {
                if ((dx == 0 && dy == 0) || ix + dx < 0 || iy + dy < 0) continue;
                const uint64_t code = morton(static_cast<uint32_t>(ix + dx), static_cast<uint32_t>(iy + dy));
                const size_t m = findNear(in.code, c, code);
                if (m == n) continue;
                if (!alive[m]) continue;
                const double ex = out.sumX[c] / out.count[c] - out.sumX[m] / out.count[m];
                const double ey = out.sumY[c] / out.count[c] - out.sumY[m] / out.count[m];
                if (ex * ex + ey * ey >= reach2) continue;
                out.count[c] += out.count[m];
                out.feature[c] = std::min(out.feature[c], out.feature[m]);
                out.sumX[c] += out.sumX[m];
                out.sumY[c] += out.sumY[m];
                alive[m] = 0;
            }
    }
    Cells kept;
    for (size_t i = 0; i < n; ++i) {
        if (!alive[i]) continue;
        kept.code.push_back(out.code[i]);
        kept.count.push_back(out.count[i]);
        kept.feature.push_back(out.feature[i]);
        kept.sumX.push_back(out.sumX[i]);
        kept.sumY.push_back(out.sumY[i]);
    }
    return kept;
}

// The cell index of `v` (offset from the origin) in cells of `size`, within [0, maxIndex].
int64_t cellIndex(double v, double size, int64_t maxIndex)
{
    const double i = std::floor(v / size);
    if (!(i >= 0)) return 0; // NaN too
    return std::min<int64_t>(static_cast<int64_t>(std::min(i, 9e15)), maxIndex);
}

} // namespace

PointClusters PointClusters::build(const std::vector<MapXY>& points, const std::vector<uint32_t>& features,
                                   const std::atomic<bool>* cancel)
{
    PointClusters out;
    const size_t n = std::min(points.size(), features.size());
    Extent box;
    for (size_t i = 0; i < n; ++i)
        if (std::isfinite(points[i].x) && std::isfinite(points[i].y)) box.expand(points[i].x, points[i].y);
    if (box.empty()) return out;
    out.m_origin = {box.minX, box.minY};
    const double span = std::max(box.width(), box.height());
    out.m_base = span > 0 ? span / (1 << kFinestBits) * (1 + 1e-9) : 1;
    const int64_t maxIndex = (int64_t{1} << kFinestBits) - 1;

    // The finest grid: (code, point) sorted by code.
    std::vector<std::pair<uint64_t, uint32_t>> keyed;
    keyed.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        if (!std::isfinite(points[i].x) || !std::isfinite(points[i].y)) continue;
        const auto ix = static_cast<uint32_t>(cellIndex(points[i].x - box.minX, out.m_base, maxIndex));
        const auto iy = static_cast<uint32_t>(cellIndex(points[i].y - box.minY, out.m_base, maxIndex));
        keyed.emplace_back(morton(ix, iy), static_cast<uint32_t>(i));
    }
    std::sort(keyed.begin(), keyed.end());
    out.m_points = keyed.size();
    if (cancel && cancel->load()) return {};

    // Level 0 from the points; each next level from the one before.
    Cells cur;
    for (const auto& [code, i] : keyed) {
        const double x = points[i].x - box.minX, y = points[i].y - box.minY;
        if (cur.code.empty() || cur.code.back() != code) {
            cur.code.push_back(code);
            cur.count.push_back(0);
            cur.feature.push_back(features[i]);
            cur.sumX.push_back(0);
            cur.sumY.push_back(0);
        }
        ++cur.count.back();
        cur.feature.back() = std::min(cur.feature.back(), features[i]);
        cur.sumX.back() += x;
        cur.sumY.back() += y;
    }
    keyed = {};
    for (int shift = 0;; ++shift) {
        if (cancel && cancel->load()) return {};
        const size_t cells = cur.code.size();
        if (cells * 4 <= out.m_points * 3 || cells == 1) {
            Cells drawn = joinNeighbours(cur, std::ldexp(out.m_base, shift));
            Level l;
            l.shift = shift;
            l.code = std::move(drawn.code);
            l.count = std::move(drawn.count);
            l.feature = std::move(drawn.feature);
            l.centre.reserve(l.code.size());
            for (size_t c = 0; c < l.code.size(); ++c)
                l.centre.push_back({box.minX + drawn.sumX[c] / l.count[c], box.minY + drawn.sumY[c] / l.count[c]});
            out.m_levels.push_back(std::move(l));
        }
        if (cells == 1) break;
        Cells next;
        for (size_t c = 0; c < cells; ++c) {
            const uint64_t parent = cur.code[c] >> 2;
            if (next.code.empty() || next.code.back() != parent) {
                next.code.push_back(parent);
                next.count.push_back(0);
                next.feature.push_back(cur.feature[c]);
                next.sumX.push_back(0);
                next.sumY.push_back(0);
            }
            next.count.back() += cur.count[c];
            next.feature.back() = std::min(next.feature.back(), cur.feature[c]);
            next.sumX.back() += cur.sumX[c];
            next.sumY.back() += cur.sumY[c];
        }
        cur = std::move(next);
    }
    return out;
}

PointClusters PointClusters::ofLayer(const Layer& layer, const std::atomic<bool>* cancel)
{
    std::vector<MapXY> points;
    std::vector<uint32_t> features;
    for (size_t f = 0; f < layer.features.size(); ++f) {
        const Geometry& g = layer.features[f].geometry;
        if (g.kind != GeomKind::Point) continue;
        for (const MapXY& p : g.coords) {
            points.push_back(p);
            features.push_back(static_cast<uint32_t>(f));
        }
    }
    return build(points, features, cancel);
}

double PointClusters::cellSize(size_t level) const { return std::ldexp(m_base, m_levels[level].shift); }

std::optional<size_t> PointClusters::levelFor(double cellUnits) const
{
    if (m_levels.empty() || !(cellUnits > 0)) return std::nullopt;
    if (cellSize(0) > 2 * cellUnits) return std::nullopt;
    for (size_t l = 0; l < m_levels.size(); ++l)
        if (cellSize(l) >= cellUnits) return l;
    return m_levels.size() - 1;
}

void PointClusters::query(size_t level, const Extent& window, std::vector<PointCluster>& out) const
{
    if (level >= m_levels.size() || window.empty()) return;
    const Level& l = m_levels[level];
    const double size = cellSize(level);
    const int64_t maxIndex = (int64_t{1} << (kFinestBits - std::min(l.shift, kFinestBits))) - 1;
    if (window.maxX < m_origin.x - size || window.maxY < m_origin.y - size) return;
    // One cell more around the window: a cell in it may have been joined to a neighbour.
    const int64_t x0 = std::max<int64_t>(0, cellIndex(window.minX - m_origin.x, size, maxIndex) - 1);
    const int64_t x1 = std::min(maxIndex, cellIndex(window.maxX - m_origin.x, size, maxIndex) + 1);
    const int64_t y0 = std::max<int64_t>(0, cellIndex(window.minY - m_origin.y, size, maxIndex) - 1);
    const int64_t y1 = std::min(maxIndex, cellIndex(window.maxY - m_origin.y, size, maxIndex) + 1);
    if (window.minX - m_origin.x > static_cast<double>(maxIndex + 2) * size ||
        window.minY - m_origin.y > static_cast<double>(maxIndex + 2) * size)
        return;
    auto emit = [&](size_t c) { out.push_back({l.centre[c], l.count[c], l.feature[c]}); };
    const double span = static_cast<double>(x1 - x0 + 1) * static_cast<double>(y1 - y0 + 1);
    if (span >= static_cast<double>(l.code.size())) {
        // More cells in the window than in the level: one pass, keeping those inside.
        for (size_t c = 0; c < l.code.size(); ++c) {
            const int64_t sx = compact(l.code[c]), sy = compact(l.code[c] >> 1);
            if (sx >= x0 && sx <= x1 && sy >= y0 && sy <= y1) emit(c);
        }
        return;
    }
    // Cells of the window one by one (each a binary search), gathered then put in cell order.
    std::vector<size_t> found;
    for (int64_t iy = y0; iy <= y1; ++iy)
        for (int64_t ix = x0; ix <= x1; ++ix) {
            const uint64_t code = morton(static_cast<uint32_t>(ix), static_cast<uint32_t>(iy));
            const auto it = std::lower_bound(l.code.begin(), l.code.end(), code);
            if (it != l.code.end() && *it == code) found.push_back(static_cast<size_t>(it - l.code.begin()));
        }
    std::sort(found.begin(), found.end());
    for (size_t c : found) emit(c);
}

} // namespace geo
