// Grouping is quadratic in the worst case but runs once per data change over a few thousand
// compounds at most; the ring is a circle whose chord between neighbours fits a marker.
#include "viewer/cases/colocation.hpp"

#include <cmath>
#include <map>
#include <utility>

namespace viewer {

std::vector<std::vector<size_t>> groupColocated(const std::vector<geo::LonLat>& points)
{
    // Bucket on a grid of kSamePointDeg cells, then merge with the neighbouring cells.
    std::map<std::pair<long long, long long>, size_t> groupOfCell;
    std::vector<std::vector<size_t>> groups;
    for (size_t i = 0; i < points.size(); ++i) {
        const long long cx = std::llround(points[i].lon / kSamePointDeg);
        const long long cy = std::llround(points[i].lat / kSamePointDeg);
        size_t found = groups.size();
        for (long long dx = -1; dx <= 1 && found == groups.size(); ++dx)
            for (long long dy = -1; dy <= 1 && found == groups.size(); ++dy) {
                auto it = groupOfCell.find({cx + dx, cy + dy});
                if (it == groupOfCell.end()) continue;
                const geo::LonLat& q = points[groups[it->second].front()];
                if (std::abs(q.lon - points[i].lon) <= kSamePointDeg && std::abs(q.lat - points[i].lat) <= kSamePointDeg)
                    found = it->second;
            }
        if (found == groups.size()) {
            groups.emplace_back();
            groupOfCell[{cx, cy}] = found;
        }
        groups[found].push_back(i);
    }
    return groups;
}

double ringRadiusPx(size_t n, double diameterPx, double gapPx)
{
    if (n < 2) return 0;
    const double pi = std::acos(-1.0);
    // Neighbours on the ring are 2 r sin(pi / n) apart; keep that >= diameter + gap, and the
    // ring at least a marker wide so the shared point in the middle stays clear.
    const double chord = diameterPx + gapPx;
    return std::max(chord / (2 * std::sin(pi / static_cast<double>(n))), diameterPx * 0.9);
}

std::vector<geo::ScreenPx> ringOffsets(size_t n, double diameterPx, double gapPx)
{
    std::vector<geo::ScreenPx> out;
    if (n == 0) return out;
    if (n == 1) return {geo::ScreenPx{0, 0}};
    const double pi = std::acos(-1.0);
    const double r = ringRadiusPx(n, diameterPx, gapPx);
    for (size_t k = 0; k < n; ++k) {
        const double a = -pi / 2 + 2 * pi * static_cast<double>(k) / static_cast<double>(n);
        out.push_back({r * std::cos(a), r * std::sin(a)});
    }
    return out;
}

} // namespace viewer
