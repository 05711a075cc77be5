// Grid aggregation of dense point layers (geo/point_clusters.cpp) against brute-force counts.
#include "geo/point_clusters.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

namespace {

// Three dense towns (20,000 points each, sigma 2 km) and 5,000 points scattered over a
// 1,000 km square, in metres: like GPS fixes around towns.
struct Generated {
    std::vector<geo::MapXY> points;
    std::vector<uint32_t> features;
};

Generated denseLayer()
{
    Generated g;
    std::mt19937 rng(11);
    const geo::MapXY towns[] = {{200e3, 300e3}, {650e3, 700e3}, {640e3, 720e3}};
    for (const geo::MapXY& t : towns) {
        std::normal_distribution<double> dx(t.x, 2000), dy(t.y, 2000);
        for (int i = 0; i < 20000; ++i) g.points.push_back({dx(rng), dy(rng)});
    }
    std::uniform_real_distribution<double> u(0, 1e6);
    for (int i = 0; i < 5000; ++i) g.points.push_back({u(rng), u(rng)});
    for (uint32_t i = 0; i < g.points.size(); ++i) g.features.push_back(i);
    return g;
}

size_t countIn(const std::vector<geo::MapXY>& pts, const geo::Extent& w)
{
    size_t n = 0;
    for (const geo::MapXY& p : pts) n += w.contains(p.x, p.y);
    return n;
}

uint64_t sum(const std::vector<geo::PointCluster>& cs)
{
    uint64_t n = 0;
    for (const geo::PointCluster& c : cs) n += c.count;
    return n;
}

geo::Extent box(double x0, double y0, double x1, double y1)
{
    geo::Extent e;
    e.expand(x0, y0);
    e.expand(x1, y1);
    return e;
}

} // namespace

TEST_CASE("dense points: counts in a view add up to the points in it, at every level")
{
    const Generated g = denseLayer();
    const geo::PointClusters pc = geo::PointClusters::build(g.points, g.features);
    REQUIRE(pc.pointCount() == g.points.size());
    REQUIRE(pc.levelCount() >= 8);
    const geo::Extent all = box(-1e7, -1e7, 1e7, 1e7);
    const geo::Extent view = box(150e3, 250e3, 420e3, 410e3); // the first town and some scatter
    for (size_t l = 0; l < pc.levelCount(); ++l) {
        CAPTURE(l);
        std::vector<geo::PointCluster> cs;
        pc.query(l, all, cs);
        CHECK(sum(cs) == g.points.size());
        CHECK(cs.size() == pc.cellCount(l));
        if (l > 0) CHECK(pc.cellSize(l) == 2 * pc.cellSize(l - 1)); // no level skipped above the first
        CHECK(pc.cellSize(l) > 0);
        // The window's clusters: every point in the window, and none farther out than two
        // cells (a cell beside the window may hold points of a cell in it, joined).
        cs.clear();
        pc.query(l, view, cs);
        const double c = 2 * pc.cellSize(l);
        const uint64_t n = sum(cs);
        CHECK(n >= countIn(g.points, view));
        CHECK(n <= countIn(g.points, box(view.minX - c, view.minY - c, view.maxX + c, view.maxY + c)));
        for (const geo::PointCluster& k : cs) {
            // A mean of points within two cells of the window lies there too.
            CHECK(k.centre.x >= view.minX - c);
            CHECK(k.centre.x <= view.maxX + c);
            CHECK(k.centre.y >= view.minY - c);
            CHECK(k.centre.y <= view.maxY + c);
            CHECK(k.count > 0);
            CHECK(k.feature < g.points.size());
        }
    }
    // The finest kept level aggregates (its cells average at least 4/3 points), and a view
    // finer than that draws the points themselves.
    CHECK(pc.cellCount(0) * 4 <= g.points.size() * 3);
    CHECK_FALSE(pc.levelFor(pc.cellSize(0) / 4).has_value());
    CHECK(pc.levelFor(pc.cellSize(0)) == size_t{0});
    CHECK(pc.levelFor(1e12) == pc.levelCount() - 1);
}

TEST_CASE("dense points: one cluster far out splits into the towns when zooming in")
{
    // Two towns of 1,000 points 10 km apart, each within 100 m of its centre.
    std::vector<geo::MapXY> pts;
    std::vector<uint32_t> ids;
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> d(-100, 100);
    const geo::MapXY a{500e3, 500e3}, b{510e3, 500e3};
    for (int i = 0; i < 1000; ++i) pts.push_back({a.x + d(rng), a.y + d(rng)});
    for (int i = 0; i < 1000; ++i) pts.push_back({b.x + d(rng), b.y + d(rng)});
    for (uint32_t i = 0; i < pts.size(); ++i) ids.push_back(i);
    const geo::PointClusters pc = geo::PointClusters::build(pts, ids);
    const geo::Extent all = box(0, 0, 1e6, 1e6);

    std::vector<geo::PointCluster> far;
    pc.query(pc.levelCount() - 1, all, far);
    REQUIRE(far.size() == 1);
    CHECK(far[0].count == 2000);
    CHECK(std::abs(far[0].centre.x - 505e3) < 20);
    CHECK(std::abs(far[0].centre.y - 500e3) < 20);

    // Cells of about 1 km: the towns are apart, one disc each even where the grid cuts one.
    const std::optional<size_t> level = pc.levelFor(1000);
    REQUIRE(level.has_value());
    CHECK(pc.cellSize(*level) >= 1000);
    CHECK(pc.cellSize(*level) < 2000);
    std::vector<geo::PointCluster> near;
    pc.query(*level, all, near);
    CHECK(near.size() == 2);
    uint64_t atA = 0, atB = 0;
    for (const geo::PointCluster& c : near) {
        const bool nearA = std::hypot(c.centre.x - a.x, c.centre.y - a.y) < 150;
        const bool nearB = std::hypot(c.centre.x - b.x, c.centre.y - b.y) < 150;
        CHECK((nearA || nearB));
        (nearA ? atA : atB) += c.count;
        // Town A's points are features 0-999, B's 1000-1999: a cluster names one of its own.
        CHECK((nearA ? c.feature < 1000 : c.feature >= 1000));
    }
    CHECK(atA == 1000);
    CHECK(atB == 1000);
}

TEST_CASE("dense points: a lone point is a cluster of one at its own place, multipoints count each point")
{
    geo::Layer layer;
    layer.kind = geo::GeomKind::Point;
    for (int i = 0; i < 3; ++i) {
        geo::Feature f;
        f.geometry.kind = geo::GeomKind::Point;
        f.geometry.coords.push_back({100.0 * i, 50});
        if (i == 2) f.geometry.coords.push_back({1e5, 1e5}); // a multipoint: far away
        f.geometry.partStarts = {0, static_cast<uint32_t>(f.geometry.coords.size())};
        layer.features.push_back(std::move(f));
    }
    const geo::PointClusters pc = geo::PointClusters::ofLayer(layer);
    CHECK(pc.pointCount() == 4);
    REQUIRE(pc.levelCount() > 0);
    // A level whose cells are ~1 km: the three near points together, the far one alone.
    const std::optional<size_t> level = pc.levelFor(1000);
    REQUIRE(level.has_value());
    std::vector<geo::PointCluster> cs;
    pc.query(*level, box(-1e6, -1e6, 1e6, 1e6), cs);
    REQUIRE(cs.size() == 2);
    const geo::PointCluster& lone = cs[0].count == 1 ? cs[0] : cs[1];
    const geo::PointCluster& three = cs[0].count == 1 ? cs[1] : cs[0];
    CHECK(lone.count == 1);
    CHECK(lone.feature == 2);
    CHECK(lone.centre.x == doctest::Approx(1e5));
    CHECK(lone.centre.y == doctest::Approx(1e5));
    CHECK(three.count == 3);
    CHECK(three.feature == 0);
    CHECK(three.centre.x == doctest::Approx(100));
    // Nothing outside the points' cells, and an empty layer has no levels.
    cs.clear();
    pc.query(*level, box(-9e5, -9e5, -8e5, -8e5), cs);
    CHECK(cs.empty());
    CHECK(geo::PointClusters::ofLayer(geo::Layer{}).levelCount() == 0);
}
