// The attribute table's row order: by fid, or by a field with numbers first (by value), then
// text by collation (geo::TextCollator: "Kâmpóng" before "Krâchéh", not byte order).
#pragma once
#include "geo/layer.hpp"
#include "geo/text_collation.hpp"

#include <cstdint>
#include <vector>

namespace viewer {

// Sorts `rows` (feature indices of `layer`) by `column`: 0 = fid, k + 1 = field k. Stable:
// rows that compare equal keep their order.
void sortAttributeRows(std::vector<uint32_t>& rows, const geo::Layer& layer, int column, bool ascending,
                       const geo::TextCollator& collator);

} // namespace viewer
