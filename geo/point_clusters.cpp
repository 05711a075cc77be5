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

    // Level 0 from the points; each next level from the one before. Sums are kept relative
    // to the origin so the means stay exact to the metre far from (0, 0).
    struct Cells {
        std::vector<uint64_t> code;
        std::vector<uint32_t> count, feature;
        std::vector<double> sumX, sumY;
    };
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
            Level l;
            l.shift = shift;
            l.code = cur.code;
            l.count = cur.count;
            l.feature = cur.feature;
            l.centre.reserve(cells);
            for (size_t c = 0; c < cells; ++c)
                l.centre.push_back({box.minX + cur.sumX[c] / cur.count[c], box.minY + cur.sumY[c] / cur.count[c]});
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
    if (window.maxX < m_origin.x || window.maxY < m_origin.y) return;
    const int64_t x0 = cellIndex(window.minX - m_origin.x, size, maxIndex);
    const int64_t x1 = cellIndex(window.maxX - m_origin.x, size, maxIndex);
    const int64_t y0 = cellIndex(window.minY - m_origin.y, size, maxIndex);
    const int64_t y1 = cellIndex(window.maxY - m_origin.y, size, maxIndex);
    if (window.minX - m_origin.x > static_cast<double>(maxIndex + 1) * size ||
        window.minY - m_origin.y > static_cast<double>(maxIndex + 1) * size)
        return;
    auto emit = [&](size_t c) { out.push_back({l.centre[c], l.count[c], l.feature[c]}); };
    const double span = static_cast<double>(x1 - x0 + 1) * static_cast<double>(y1 - y0 + 1);
    if (span >= static_cast<double>(l.code.size())) {
        // More cells in the window than in the level: one pass, keeping those inside.
        for (size_t c = 0; c < l.code.size(); ++c) {
            uint64_t ix = 0, iy = 0;
            for (int b = 0; b < 32; ++b) {
                ix |= ((l.code[c] >> (2 * b)) & 1) << b;
                iy |= ((l.code[c] >> (2 * b + 1)) & 1) << b;
            }
            const auto sx = static_cast<int64_t>(ix), sy = static_cast<int64_t>(iy);
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
