// Douglas-Peucker levels of detail: collapsed rings vanish, or with keepSpecks leave one
// speck per cell of four tolerances, so an archipelago stays visible at a bounded cost.
#include "geo/simplify.hpp"

#include <doctest/doctest.h>

namespace {

// A multipolygon of `n` x `n` square islands of side `size`, `gap` apart (map units).
geo::Geometry islands(int n, double size, double gap)
{
    geo::Geometry g;
    g.kind = geo::GeomKind::Polygon;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const double x = i * gap, y = j * gap;
            for (geo::MapXY p : {geo::MapXY{x, y}, geo::MapXY{x + size, y}, geo::MapXY{x + size, y + size},
                                 geo::MapXY{x, y + size}, geo::MapXY{x, y}})
                g.coords.push_back(p);
            g.partStarts.push_back(static_cast<uint32_t>(g.coords.size()));
            g.polygonStarts.push_back(static_cast<uint32_t>(g.partCount()));
        }
    return g;
}

} // namespace

TEST_CASE("simplify: islands below the tolerance vanish, or stay as one speck per cell")
{
    // 10 x 10 islands of 5 units, 10 apart: all within one 400-unit cell at tolerance 100.
    const geo::Geometry close = islands(10, 5, 10);
    CHECK(geo::simplifyGeometry(close, 100).empty());
    const geo::Geometry specks = geo::simplifyGeometry(close, 100, true);
    REQUIRE(specks.polygonCount() == 1);
    CHECK(specks.coords.size() == 5);
    // The speck is a square of half the tolerance on the first island of its cell.
    const geo::Extent e = specks.extent();
    CHECK(e.width() == doctest::Approx(50));
    CHECK(e.center().x == doctest::Approx(2.5));
    CHECK(e.center().y == doctest::Approx(2.5));

    // Islands 1000 apart fall in different cells: one speck each.
    CHECK(geo::simplifyGeometry(islands(3, 5, 1000), 100, true).polygonCount() == 9);

    // Islands larger than two tolerances keep their shape.
    const geo::Geometry big = geo::simplifyGeometry(islands(2, 500, 1000), 100, true);
    CHECK(big.polygonCount() == 4);
    CHECK(big.coords.size() == 4 * 5);
    CHECK(big.extent().width() == doctest::Approx(1500));
}

TEST_CASE("simplify: a speck replaces its polygon's holes too")
{
    geo::Geometry g = islands(1, 50, 0);
    // A hole inside the 50-unit island.
    for (geo::MapXY p : {geo::MapXY{10, 10}, geo::MapXY{20, 10}, geo::MapXY{20, 20}, geo::MapXY{10, 20}, geo::MapXY{10, 10}})
        g.coords.push_back(p);
    g.partStarts.push_back(static_cast<uint32_t>(g.coords.size()));
    g.polygonStarts.back() = static_cast<uint32_t>(g.partCount());
    const geo::Geometry s = geo::simplifyGeometry(g, 100, true);
    REQUIRE(s.polygonCount() == 1);
    CHECK(s.partCount() == 1);
    CHECK(s.polygonStarts.back() == 1);
}
