// Triangulation oracle: the triangles' areas sum to the polygon's area (holes subtracted,
// multipolygon parts added), for synthetic shapes and a real province.
#include "render_fixture.hpp"
#include "viewer/app/layer_loader.hpp"
#include "viewer/render/tessellator.hpp"

#include "geo/locator.hpp"
#include "geo/simplify.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace viewer;
using rendertest::multiPolygonFeature;
using rendertest::polygonFeature;

namespace {
// Exterior areas minus hole areas, summed over polygons (the oracle).
double polygonArea(const geo::Geometry& g)
{
    double total = 0;
    for (size_t p = 0; p < g.polygonCount(); ++p)
        for (size_t r = g.polygonStarts[p]; r < g.polygonStarts[p + 1]; ++r) {
            const double a = std::fabs(geo::ringArea(g.coords.data() + g.partStarts[r], g.partStarts[r + 1] - g.partStarts[r]));
            total += r == g.polygonStarts[p] ? a : -a;
        }
    return total;
}
double tessellatedArea(const geo::Geometry& g)
{
    TriangleMesh mesh;
    REQUIRE(tessellatePolygons(g, g.extent().center(), mesh));
    REQUIRE(mesh.indices.size() % 3 == 0);
    return triangleArea(mesh);
}
} // namespace

TEST_CASE("tessellator: a concave polygon's triangles cover exactly its area")
{
    const auto f = polygonFeature({{0, 0, 10, 0, 10, 10, 5, 3, 0, 10, 0, 0}}, 1);
    CHECK(tessellatedArea(f.geometry) == doctest::Approx(polygonArea(f.geometry)).epsilon(1e-9));
    CHECK(polygonArea(f.geometry) == doctest::Approx(65.0));
}

TEST_CASE("tessellator: holes are left out")
{
    const auto f = polygonFeature({{0, 0, 10, 0, 10, 10, 0, 10, 0, 0}, {2, 2, 4, 2, 4, 4, 2, 4, 2, 2}, {6, 6, 8, 6, 8, 8, 6, 6}}, 1);
    CHECK(tessellatedArea(f.geometry) == doctest::Approx(100.0 - 4.0 - 2.0).epsilon(1e-9));
}

TEST_CASE("tessellator: multipolygon parts are all filled, and overlapping parts stay filled")
{
    const auto f = multiPolygonFeature({{{0, 0, 4, 0, 4, 4, 0, 4, 0, 0}}, {{10, 10, 13, 10, 13, 13, 10, 13, 10, 10}},
                                        {{2, 2, 6, 2, 6, 6, 2, 6, 2, 2}}},
                                       1);
    // Each polygon tessellated on its own: the overlap (2x2) is counted twice, not dropped.
    CHECK(tessellatedArea(f.geometry) == doctest::Approx(16.0 + 9.0 + 16.0).epsilon(1e-9));
}

TEST_CASE("tessellator: a self-intersecting bow tie follows the odd winding rule")
{
    const auto f = polygonFeature({{0, 0, 10, 10, 10, 0, 0, 10, 0, 0}}, 1);
    CHECK(tessellatedArea(f.geometry) == doctest::Approx(50.0).epsilon(1e-9));
}

TEST_CASE("tessellator: a real province (Svay Rieng) in Web Mercator metres")
{
    const geo::Layer provinces = readMapLayer(geo::defaultBasemapPath(), "provinces", geo::MapCrs());
    const int name = provinces.fieldIndex("name");
    const geo::Feature* svay = nullptr;
    for (const geo::Feature& f : provinces.features)
        if (provinces.value(f, name) == "Svay Rieng") svay = &f;
    REQUIRE(svay);
    const double expected = polygonArea(svay->geometry);
    CHECK(expected > 1e9); // ~3 000 km2 stretched by Mercator
    // Float32 offsets from the centre: relative error stays far below a pixel's worth.
    CHECK(tessellatedArea(svay->geometry) == doctest::Approx(expected).epsilon(1e-6));
    // And every simplified level keeps it within a few percent.
    const geo::Geometry coarse = geo::simplifyGeometry(svay->geometry, 1280);
    CHECK(tessellatedArea(coarse) == doctest::Approx(polygonArea(coarse)).epsilon(1e-6));
    CHECK(polygonArea(coarse) == doctest::Approx(expected).epsilon(0.05));
}
