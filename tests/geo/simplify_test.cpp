// Douglas-Peucker levels of detail: collapsed rings vanish, or with keepSpecks leave one
// speck per cell of four tolerances, so an archipelago stays visible at a bounded cost.
#include "geo/simplify.hpp"
#include "geo/geodesic.hpp"

#include <cmath>
#include <vector>

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

namespace {

// One polygon: a wiggly ring of `n` points around a circle of radius `r` at the origin
// (a coast: every point off the circle by up to a tenth of the radius).
geo::Geometry wigglyDisc(size_t n, double r)
{
    geo::Geometry g;
    g.kind = geo::GeomKind::Polygon;
    for (size_t i = 0; i < n; ++i) {
        const double a = 2 * 3.14159265358979 * double(i) / double(n);
        const double rr = r * (1 + 0.1 * std::sin(37 * a) * std::cos(11 * a));
        g.coords.push_back({rr * std::cos(a), rr * std::sin(a)});
    }
    g.coords.push_back(g.coords.front());
    g.partStarts.push_back(static_cast<uint32_t>(g.coords.size()));
    g.polygonStarts.push_back(1);
    return g;
}

std::vector<geo::MapXY> pointsIn(const geo::Geometry& g, const geo::Extent& box)
{
    std::vector<geo::MapXY> in;
    for (geo::MapXY p : g.coords)
        if (box.contains(p.x, p.y)) in.push_back(p);
    return in;
}

} // namespace

TEST_CASE("simplify: runs far from an export's region are cut short, and inside it nothing changes")
{
    const geo::Geometry coast = wigglyDisc(100'000, 1000);
    const double tolerance = 0.05;
    const geo::Geometry whole = geo::simplifyGeometry(coast, tolerance, true);
    SUBCASE("a region on the coast: the same vertices inside it, the same fill, a fraction of the rest")
    {
        const geo::Extent region{900, -100, 1200, 100};
        const geo::Geometry cut = geo::simplifyGeometry(coast, tolerance, true, &region);
        const std::vector<geo::MapXY> a = pointsIn(whole, region), b = pointsIn(cut, region);
        REQUIRE(a.size() > 50);
        REQUIRE(a.size() == b.size());
        for (size_t i = 0; i < a.size(); ++i) {
            CHECK(a[i].x == b[i].x);
            CHECK(a[i].y == b[i].y);
        }
        CHECK(cut.coords.size() * 10 < whole.coords.size());
        int differ = 0, inside = 0;
        for (double x = 901; x < 1200; x += 3)
            for (double y = -99; y < 100; y += 3) {
                const bool w = geo::polygonContains(whole, {x, y});
                inside += w;
                differ += w != geo::polygonContains(cut, {x, y});
            }
        CHECK(inside > 100);
        CHECK(differ == 0);
    }
    SUBCASE("a region inside the land, far from every coast: still land")
    {
        const geo::Extent region{-50, -50, 50, 50};
        const geo::Geometry cut = geo::simplifyGeometry(coast, tolerance, true, &region);
        REQUIRE(cut.partCount() == 1);
        CHECK(cut.coords.size() < 40);
        CHECK(geo::polygonContains(cut, {0, 0}));
        CHECK(geo::polygonContains(cut, {45, -45}));
    }
}
