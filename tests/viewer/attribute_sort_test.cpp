// The attribute table's sort (viewer/ui/attribute_sort.cpp): text by collation, not bytes;
// numbers by value and before text; descending; fid.
#include "viewer/ui/attribute_sort.hpp"

#include <doctest/doctest.h>

#include <numeric>
#include <string>
#include <vector>

using namespace viewer;

namespace {

geo::Layer provinceLayer(const std::vector<std::string>& names)
{
    geo::Layer l;
    l.fields = {{"name", geo::FieldType::String}};
    int64_t fid = 100;
    for (const std::string& n : names) {
        geo::Feature f;
        f.fid = fid--;
        f.values = {n};
        l.features.push_back(f);
    }
    return l;
}

std::vector<std::string> namesIn(const geo::Layer& l, const std::vector<uint32_t>& rows)
{
    std::vector<std::string> out;
    for (uint32_t r : rows) out.push_back(l.features[r].values[0]);
    return out;
}

std::vector<uint32_t> allRows(const geo::Layer& l)
{
    std::vector<uint32_t> rows(l.features.size());
    std::iota(rows.begin(), rows.end(), 0u);
    return rows;
}

} // namespace

TEST_CASE("attribute table: Kâmpóng sorts before Krâchéh (collation, not bytes)")
{
    const geo::TextCollator collator("root");
    const geo::Layer l = provinceLayer({"Krâchéh", "Kâmpóng Cham", "Kampot", "Koh Kong", "Kâmpóng Spœ"});
    std::vector<uint32_t> rows = allRows(l);
    sortAttributeRows(rows, l, 1, true, collator);
    CHECK(namesIn(l, rows) == std::vector<std::string>{"Kâmpóng Cham", "Kâmpóng Spœ", "Kampot", "Koh Kong", "Krâchéh"});
    sortAttributeRows(rows, l, 1, false, collator);
    CHECK(namesIn(l, rows) == std::vector<std::string>{"Krâchéh", "Koh Kong", "Kampot", "Kâmpóng Spœ", "Kâmpóng Cham"});
}

TEST_CASE("attribute table: numbers by value before text; fid column; no sort column")
{
    const geo::TextCollator collator("root");
    const geo::Layer l = provinceLayer({"10", "n/a", "9", "2.5", "Élan"});
    std::vector<uint32_t> rows = allRows(l);
    sortAttributeRows(rows, l, 1, true, collator);
    CHECK(namesIn(l, rows) == std::vector<std::string>{"2.5", "9", "10", "Élan", "n/a"});
    sortAttributeRows(rows, l, 0, true, collator); // fids run 100, 99, ... in file order
    CHECK(namesIn(l, rows) == std::vector<std::string>{"Élan", "2.5", "9", "n/a", "10"});
    const std::vector<uint32_t> before = rows;
    sortAttributeRows(rows, l, -1, true, collator);
    CHECK(rows == before);
}
