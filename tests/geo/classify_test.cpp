// Categorized and graduated classes (geo/classify.cpp).
#include "geo/classify.hpp"

#include <doctest/doctest.h>

namespace {

geo::Layer layerOf(const std::vector<std::string>& values)
{
    geo::Layer l;
    l.fields.push_back({"v", geo::FieldType::String});
    for (const auto& v : values) {
        geo::Feature f;
        f.values.push_back(v);
        l.features.push_back(f);
    }
    return l;
}

} // namespace

TEST_CASE("categorize: one class per value, most frequent first, the tail folded into (other)")
{
    geo::Layer l = layerOf({"raid", "raid", "arrest", "deportation", "raid", "arrest", "report"});
    auto classes = geo::categorize(l, 0);
    REQUIRE(classes.size() == 4);
    CHECK(classes[0].value == "raid");
    CHECK(classes[0].count == 3);
    CHECK(classes[0].colour != classes[1].colour);
    CHECK(geo::classOf(classes, "arrest", false) == 1);
    CHECK(geo::classOf(classes, "missing", false) == -1);
    auto folded = geo::categorize(l, 0, 2);
    REQUIRE(folded.size() == 2);
    CHECK(folded[1].label == "(other)");
    CHECK(folded[1].count == 4);
    CHECK(geo::classOf(folded, "report", false) == 1);
}

TEST_CASE("graduate: equal intervals and quantiles cover every number exactly once")
{
    geo::Layer l = layerOf({"0", "10", "20", "30", "40", "100", "n/a", ""});
    auto eq = geo::graduate(l, 0, 4, geo::Breaks::EqualInterval);
    REQUIRE(eq.size() == 4);
    CHECK(eq[0].lower == 0);
    CHECK(eq[0].upper == 25);
    CHECK(eq[3].upper == 100);
    size_t total = 0;
    for (auto& c : eq) total += c.count;
    CHECK(total == 6); // "n/a" and "" are in no class
    CHECK(geo::classOf(eq, "100", true) == 3);
    CHECK(geo::classOf(eq, "25", true) == 1);
    CHECK(geo::classOf(eq, "n/a", true) == -1);
    auto q = geo::graduate(l, 0, 3, geo::Breaks::Quantile);
    REQUIRE(q.size() == 3);
    CHECK(q[0].count == 2);
    CHECK(q.front().colour != q.back().colour);
    CHECK(geo::graduate(layerOf({"x", "y"}), 0, 3, geo::Breaks::Quantile).empty());
}

TEST_CASE("parseNumber accepts whole numbers only")
{
    double v;
    CHECK(geo::parseNumber("2044", v));
    CHECK(v == 2044);
    CHECK(geo::parseNumber("-3.5e2", v));
    CHECK_FALSE(geo::parseNumber("12abc", v));
    CHECK_FALSE(geo::parseNumber("nan", v));
    CHECK_FALSE(geo::parseNumber("", v));
}
