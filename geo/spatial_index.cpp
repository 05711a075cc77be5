// Boost.Geometry R-tree (R*-tree, bulk loaded by the packing constructor).
#include "geo/spatial_index.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>

namespace geo {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BBox = bg::model::box<BPoint>;
using Entry = std::pair<BBox, uint32_t>;

struct SpatialIndex::Impl {
    bgi::rtree<Entry, bgi::rstar<16>> tree;
};

SpatialIndex::SpatialIndex() : m_impl(std::make_unique<Impl>()) {}

SpatialIndex::SpatialIndex(const std::vector<Extent>& boxes) : m_impl(std::make_unique<Impl>())
{
    std::vector<Entry> entries;
    entries.reserve(boxes.size());
    for (size_t i = 0; i < boxes.size(); ++i) {
        const Extent& e = boxes[i];
        if (e.empty()) continue;
        entries.emplace_back(BBox(BPoint(e.minX, e.minY), BPoint(e.maxX, e.maxY)), static_cast<uint32_t>(i));
    }
    m_impl->tree = bgi::rtree<Entry, bgi::rstar<16>>(entries.begin(), entries.end());
}

SpatialIndex::~SpatialIndex() = default;
SpatialIndex::SpatialIndex(SpatialIndex&&) noexcept = default;
SpatialIndex& SpatialIndex::operator=(SpatialIndex&&) noexcept = default;

std::vector<uint32_t> SpatialIndex::query(const Extent& w) const
{
    std::vector<uint32_t> out;
    if (w.empty()) return out;
    BBox box(BPoint(w.minX, w.minY), BPoint(w.maxX, w.maxY));
    m_impl->tree.query(bgi::intersects(box), boost::make_function_output_iterator([&](const Entry& e) {
                           out.push_back(e.second);
                       }));
    return out;
}

std::vector<uint32_t> SpatialIndex::nearest(MapXY p, unsigned k) const
{
    std::vector<Entry> found;
    m_impl->tree.query(bgi::nearest(BPoint(p.x, p.y), k), std::back_inserter(found));
    std::vector<std::pair<double, uint32_t>> ranked;
    for (const Entry& e : found) ranked.emplace_back(bg::distance(BPoint(p.x, p.y), e.first), e.second);
    std::sort(ranked.begin(), ranked.end());
    std::vector<uint32_t> out;
    for (auto& r : ranked) out.push_back(r.second);
    return out;
}

size_t SpatialIndex::size() const { return m_impl->tree.size(); }

} // namespace geo
