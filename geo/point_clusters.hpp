// Dense point layers aggregated on a grid per zoom level: cells of base * 2^k map units,
// each holding its points' count, mean position and first feature (a cell whose mean lies
// within half a cell of a bigger neighbour's is joined to it: the grid does not cut a town
// into overlapping discs, so a cluster's points lie within its cell and the eight around it). Built once per layer on
// a worker; a view asks for the cells in its window at the level whose cells are about the
// size it draws a cluster, at a cost proportional to the cells on screen, not to the file.
#pragma once
#include "geo/coords.hpp"
#include "geo/layer.hpp"

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

namespace geo {

struct PointCluster {
    MapXY centre;          // mean of the cell's points
    uint32_t count = 0;    // points in the cell
    uint32_t feature = 0;  // the lowest feature number among them (the feature itself for count 1)
};

class PointClusters {
public:
    PointClusters() = default;
    // `points[i]` belongs to feature `features[i]`. Levels whose cells would hold fewer than
    // 4/3 points on average are not kept (they would aggregate almost nothing: a view that
    // fine draws the points themselves). `cancel`, when set, stops early (empty result).
    static PointClusters build(const std::vector<MapXY>& points, const std::vector<uint32_t>& features,
                               const std::atomic<bool>* cancel = nullptr);
    // Every point of the layer's Point features (a multipoint gives one per coordinate).
    static PointClusters ofLayer(const Layer& layer, const std::atomic<bool>* cancel = nullptr);

    size_t pointCount() const { return m_points; }
    size_t levelCount() const { return m_levels.size(); }
    double cellSize(size_t level) const;
    size_t cellCount(size_t level) const { return m_levels[level].code.size(); }
    // The level whose cells are the smallest that are at least `cellUnits` wide; nullopt when
    // even the finest kept level's cells are more than twice that (the view is fine enough for
    // the points themselves). Past the coarsest level: the coarsest.
    std::optional<size_t> levelFor(double cellUnits) const;
    // Appends the clusters of `level` whose cells intersect `window` or touch a cell that does
    // (one joined to its neighbour), in cell order (the same order for any window: tiles of
    // one export agree). So every point in the window is counted, and none farther out than
    // two cells. Costs about the number of cells of
    // that level in the window (times a binary search), or one pass over the level when the
    // window holds more cells than the level has.
    void query(size_t level, const Extent& window, std::vector<PointCluster>& out) const;

private:
    struct Level {
        int shift = 0;                // cells of base * 2^shift
        std::vector<uint64_t> code;   // Morton code of (ix, iy), ascending
        std::vector<uint32_t> count;
        std::vector<uint32_t> feature;
        std::vector<MapXY> centre;
    };
    MapXY m_origin;
    double m_base = 1;
    size_t m_points = 0;
    std::vector<Level> m_levels; // finest first
};

} // namespace geo
