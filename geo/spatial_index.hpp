// An R-tree over feature bounding boxes (Boost.Geometry), for culling and lookups.
#pragma once
#include "geo/coords.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace geo {

class SpatialIndex {
public:
    SpatialIndex();
    // Bulk-loads one box per item; empty boxes are left out. Item ids are the vector indices.
    explicit SpatialIndex(const std::vector<Extent>& boxes);
    ~SpatialIndex();
    SpatialIndex(SpatialIndex&&) noexcept;
    SpatialIndex& operator=(SpatialIndex&&) noexcept;

    std::vector<uint32_t> query(const Extent& window) const;
    // The `k` items whose boxes are nearest to `p` (0 distance when inside), nearest first.
    std::vector<uint32_t> nearest(MapXY p, unsigned k) const;
    size_t size() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace geo
