// Sorting by precomputed keys: each row's value is parsed (number) or collated (ICU sort key)
// once, not in every comparison.
#include "viewer/ui/attribute_sort.hpp"

#include "geo/classify.hpp"

#include <algorithm>
#include <string>

namespace viewer {

namespace {

struct RowKey {
    bool number = false;
    double value = 0;
    std::string text; // collation sort key
};

} // namespace

void sortAttributeRows(std::vector<uint32_t>& rows, const geo::Layer& layer, int column, bool ascending,
                       const geo::TextCollator& collator)
{
    if (column < 0) return;
    if (column == 0) {
        std::stable_sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
            const int64_t x = layer.features[a].fid, y = layer.features[b].fid;
            return ascending ? x < y : y < x;
        });
        return;
    }
    const int field = column - 1;
    std::vector<RowKey> keys(layer.features.size());
    for (uint32_t r : rows) {
        const std::string& v = layer.value(layer.features[r], field);
        RowKey& k = keys[r];
        k.number = geo::parseNumber(v, k.value);
        if (!k.number) k.text = collator.sortKey(v);
    }
    auto less = [&](const RowKey& a, const RowKey& b) {
        if (a.number && b.number) return a.value < b.value;
        if (a.number != b.number) return a.number; // numbers before text
        return a.text < b.text;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
        return ascending ? less(keys[a], keys[b]) : less(keys[b], keys[a]);
    });
}

} // namespace viewer
