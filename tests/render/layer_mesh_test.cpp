// Levels of detail: each level stays within its tolerance of the full geometry (Hausdorff
// distance, both directions, on a real province), levels that shed too little are dropped,
// and the vertex runs carry the pads a stroke join needs.
#include "render_fixture.hpp"
#include "viewer/app/layer_loader.hpp"
#include "viewer/render/layer_mesh.hpp"

#include "geo/locator.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace viewer;
using rendertest::lineFeature;
using rendertest::makeLayer;
using rendertest::polygonFeature;

namespace {

double segmentDistance(geo::MapXY p, geo::MapXY a, geo::MapXY b)
{
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0;
    return std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
}

double distanceToPolyline(geo::MapXY p, const std::vector<geo::MapXY>& line)
{
    double best = INFINITY;
    for (size_t i = 0; i + 1 < line.size(); ++i) best = std::min(best, segmentDistance(p, line[i], line[i + 1]));
    return best;
}

// Directed Hausdorff distance from `a` to `b`, sampling a's segments every `step`.
double directedHausdorff(const std::vector<geo::MapXY>& a, const std::vector<geo::MapXY>& b, double step)
{
    double worst = 0;
    for (size_t i = 0; i + 1 < a.size(); ++i) {
        const double len = std::hypot(a[i + 1].x - a[i].x, a[i + 1].y - a[i].y);
        const int n = std::max(1, static_cast<int>(len / step));
        for (int k = 0; k <= n; ++k) {
            const double t = static_cast<double>(k) / n;
            worst = std::max(worst, distanceToPolyline({a[i].x + t * (a[i + 1].x - a[i].x), a[i].y + t * (a[i + 1].y - a[i].y)}, b));
        }
    }
    return worst;
}

std::vector<geo::MapXY> partOf(const LodMesh& lod, size_t part, geo::MapXY origin)
{
    std::vector<geo::MapXY> out;
    for (int32_t v = lod.partFirst[part]; v < lod.partFirst[part] + lod.partCount[part]; ++v)
        out.push_back({origin.x + lod.xy[2 * v], origin.y + lod.xy[2 * v + 1]});
    return out;
}

} // namespace

TEST_CASE("levels of detail: every level within its tolerance of the full province outline")
{
    const geo::Layer provinces = readMapLayer(geo::defaultBasemapPath(), "provinces", geo::MapCrs());
    const int name = provinces.fieldIndex("name");
    geo::Layer one = makeLayer("svay", geo::GeomKind::Polygon, {});
    for (const geo::Feature& f : provinces.features)
        if (provinces.value(f, name) == "Svay Rieng") one.features.push_back(f);
    REQUIRE(one.features.size() == 1);
    one.extent = one.features[0].bbox;
    const geo::Geometry& full = one.features[0].geometry;
    const std::vector<geo::MapXY> exterior(full.coords.begin() + full.partStarts[0], full.coords.begin() + full.partStarts[1]);

    const LayerMesh mesh = buildLayerMesh(one, lodTolerances(1.0));
    REQUIRE(mesh.lods.size() >= 3);
    CHECK(mesh.lods[0].tolerance == 0);
    size_t checked = 0;
    for (size_t i = 0; i < mesh.lods.size(); ++i) {
        const LodMesh& lod = mesh.lods[i];
        if (i > 0) {
            CHECK(lod.tolerance > mesh.lods[i - 1].tolerance);
            CHECK(lod.vertexCount() * 4 <= mesh.lods[i - 1].vertexCount() * 3); // each kept level sheds a quarter
        }
        if (lod.featureParts[0].count == 0) continue; // vanished at this scale
        const std::vector<geo::MapXY> simplified = partOf(lod, lod.featureParts[0].first, mesh.origin);
        CAPTURE(lod.tolerance);
        // Float offsets add centimetres; the bound is the tolerance (a pixel at that scale).
        const double slack = 0.05 + lod.tolerance * 1e-6;
        const double step = std::max(lod.tolerance / 4, 50.0);
        CHECK(directedHausdorff(exterior, simplified, step) <= lod.tolerance + slack + step * 0.01);
        CHECK(directedHausdorff(simplified, exterior, step) <= lod.tolerance + slack + step * 0.01);
        ++checked;
    }
    CHECK(checked >= 3);
}

TEST_CASE("levels of detail: a ring is padded by its wrap-around neighbours, a line by its ends")
{
    const geo::Layer layer = makeLayer("mixed", geo::GeomKind::Polygon,
                                       {polygonFeature({{0, 0, 10, 0, 10, 10, 0, 10, 0, 0}}, 1), lineFeature({0, 20, 5, 20, 5, 20, 9, 25}, 2)});
    const LayerMesh mesh = buildLayerMesh(layer, {0.0});
    REQUIRE(mesh.lods.size() == 1);
    const LodMesh& l = mesh.lods[0];
    REQUIRE(l.partFirst.size() == 2);
    auto x = [&](int32_t v) { return l.xy[2 * v] + mesh.origin.x; };
    auto y = [&](int32_t v) { return l.xy[2 * v + 1] + mesh.origin.y; };
    // Ring: pad (0,10), 0,0 10,0 10,10 0,10 0,0, pad (10,0).
    const int32_t r = l.partFirst[0];
    CHECK(l.partCount[0] == 5);
    CHECK(l.partFilled[0] == 1);
    CHECK(l.real[r - 1] == 0);
    CHECK((x(r - 1) == 0 && y(r - 1) == 10));
    CHECK((x(r + 4) == 0 && y(r + 4) == 0));
    CHECK((x(r + 5) == 10 && y(r + 5) == 0));
    CHECK(l.real[r + 5] == 0);
    // Line: the repeated point dropped; pads repeat its end points.
    const int32_t s = l.partFirst[1];
    CHECK(l.partCount[1] == 3);
    CHECK(l.partFilled[1] == 0);
    CHECK((x(s - 1) == 0 && y(s - 1) == 20));
    CHECK((x(s + 3) == 9 && y(s + 3) == 25));
    CHECK(l.real[s + 3] == 0);
    CHECK(s == r + 5 + 2); // parts follow each other: pad, pad between
}
