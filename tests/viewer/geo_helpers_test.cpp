// The geo/ helpers the viewer added: Douglas-Peucker levels of detail and label placement.
#include "geo/label_placement.hpp"
#include "geo/simplify.hpp"
#include "geo/geodesic.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

namespace {
geo::Geometry ring(const std::vector<geo::MapXY>& pts)
{
    geo::Geometry g;
    g.kind = geo::GeomKind::Polygon;
    g.coords = pts;
    g.partStarts = {0, static_cast<uint32_t>(pts.size())};
    g.polygonStarts = {0, 1};
    return g;
}
} // namespace

TEST_CASE("simplify: a noisy line keeps its shape within the tolerance, and fewer points")
{
    geo::Geometry g;
    g.kind = geo::GeomKind::Line;
    for (int i = 0; i <= 1000; ++i) g.coords.push_back({i * 1.0, std::sin(i * 0.01) * 100 + ((i % 2) ? 0.3 : -0.3)});
    g.partStarts = {0, static_cast<uint32_t>(g.coords.size())};
    const geo::Geometry s = geo::simplifyGeometry(g, 1.0);
    CHECK(s.coords.size() < 100);
    CHECK(s.coords.front().x == 0);
    CHECK(s.coords.back().x == 1000);
    // Every original point lies within the tolerance of the simplified line.
    for (const geo::MapXY& p : g.coords) {
        double best = 1e300;
        for (size_t k = 1; k < s.coords.size(); ++k) {
            const geo::MapXY a = s.coords[k - 1], b = s.coords[k];
            const double dx = b.x - a.x, dy = b.y - a.y;
            const double t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
            best = std::min(best, std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y));
        }
        CHECK(best <= 1.0 + 1e-9);
    }
}

TEST_CASE("simplify: rings smaller than the tolerance vanish, with their holes")
{
    geo::Geometry g = ring({{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}});
    CHECK(geo::simplifyGeometry(g, 5).empty());
    CHECK(geo::simplifyGeometry(g, 0.01).coords.size() == 5);
}

TEST_CASE("labelAnchor: inside a C-shaped polygon whose centroid is outside")
{
    const geo::Geometry c = ring({{0, 0}, {10, 0}, {10, 2}, {2, 2}, {2, 8}, {10, 8}, {10, 10}, {0, 10}, {0, 0}});
    const geo::MapXY a = geo::labelAnchor(c);
    CHECK(geo::polygonContains(c, a));
}

TEST_CASE("labelAnchorWithin: finds the visible part of a big polygon")
{
    const geo::Geometry big = ring({{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}});
    geo::Extent window{900, 900, 1100, 1100};
    geo::MapXY a;
    REQUIRE(geo::labelAnchorWithin(big, window, 10, a));
    CHECK(window.contains(a.x, a.y));
    CHECK(geo::polygonContains(big, a));
    CHECK_FALSE(geo::labelAnchorWithin(big, geo::Extent{2000, 2000, 2100, 2100}, 10, a));
}

TEST_CASE("placeLabels: earlier boxes win, overlapping and off-screen ones are dropped")
{
    const std::vector<geo::LabelBox> boxes{{10, 10, 60, 30}, {50, 20, 100, 40}, {70, 10, 120, 30}, {-5, 50, 20, 60},
                                           {200, 200, 260, 220}};
    const auto placed = geo::placeLabels(boxes, 300, 300);
    CHECK(placed == std::vector<size_t>{0, 2, 4});
}
