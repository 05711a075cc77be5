// Fills drawn stencil-then-cover (no triangulation, no validity pass): the even-odd rule
// within a feature, whatever the rings (bow ties, holes listed first, holes written as
// separate polygons), overlapping features both filled, translucent fills painted once.
// The oracle is the area: filled pixels at one map unit per pixel, no MSAA, no strokes.
#include "render_fixture.hpp"
#include "viewer/render/gl_context.hpp"
#include "viewer/render/map_renderer.hpp"

#include "geo/simplify.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace viewer;
using namespace rendertest;

namespace {

constexpr Rgba kFill{0.0f, 0.0f, 1.0f, 1};

LayerStyle fillOnly(Rgba c = kFill)
{
    LayerStyle s;
    s.fillColor = c;
    s.strokeWidthPx = 0;
    s.labelField.clear();
    return s;
}

Image draw(const Scene& scene)
{
    MapRenderer renderer;
    OffscreenTarget target(256, 256, 0);
    renderer.draw(scene, geo::Viewport(256, 256, {128, 128}, 1.0), target);
    return target.readPixels();
}

size_t countNear(const Image& img, int r, int g, int b, int tolerance = 2)
{
    size_t n = 0;
    for (size_t i = 0; i < img.rgba.size(); i += 4)
        n += std::abs(img.rgba[i] - r) <= tolerance && std::abs(img.rgba[i + 1] - g) <= tolerance &&
             std::abs(img.rgba[i + 2] - b) <= tolerance;
    return n;
}

size_t filledArea(std::vector<geo::Feature> features)
{
    Scene scene;
    scene.background = {1, 1, 1, 1};
    scene.addLayer(prepareLayer(makeLayer("areas", geo::GeomKind::Polygon, std::move(features)), fillOnly()));
    return countNear(draw(scene), 0, 0, 255);
}

} // namespace

TEST_CASE("fill: a concave polygon covers exactly its area")
{
    auto ctx = HeadlessGlContext::create();
    // 200 x 200 square with a notch to (100, 60): area 40000 - 200 * 140 / 2 = 26000.
    CHECK(filledArea({polygonFeature({{20, 20, 220, 20, 220, 220, 120, 80, 20, 220, 20, 20}}, 1)}) ==
          doctest::Approx(26000).epsilon(0.01));
}

TEST_CASE("fill: holes are left out, whether listed after or before the exterior")
{
    auto ctx = HeadlessGlContext::create();
    const std::vector<double> outer{20, 20, 220, 20, 220, 220, 20, 220, 20, 20};
    const std::vector<double> hole{60, 60, 100, 60, 100, 100, 60, 100, 60, 60};
    CHECK(filledArea({polygonFeature({outer, hole}, 1)}) == doctest::Approx(40000 - 1600).epsilon(0.01));
    // Mis-nested: the hole first, then the exterior; and the hole written as its own polygon.
    CHECK(filledArea({polygonFeature({hole, outer}, 1)}) == doctest::Approx(40000 - 1600).epsilon(0.01));
    CHECK(filledArea({multiPolygonFeature({{outer}, {hole}}, 1)}) == doctest::Approx(40000 - 1600).epsilon(0.01));
}

TEST_CASE("fill: a self-intersecting bow tie follows the even-odd rule")
{
    auto ctx = HeadlessGlContext::create();
    // Two triangles of 200 x 100 / 2 each meeting at (120, 120).
    CHECK(filledArea({polygonFeature({{20, 20, 220, 220, 220, 20, 20, 220, 20, 20}}, 1)}) ==
          doctest::Approx(20000).epsilon(0.02));
}

TEST_CASE("fill: two overlapping features are both filled where they overlap")
{
    auto ctx = HeadlessGlContext::create();
    // 100 x 100 squares overlapping by 50 x 50: the union is 17500.
    CHECK(filledArea({polygonFeature({{20, 20, 120, 20, 120, 120, 20, 120, 20, 20}}, 1),
                      polygonFeature({{70, 70, 170, 70, 170, 170, 70, 170, 70, 70}}, 2)}) ==
          doctest::Approx(17500).epsilon(0.01));
}

TEST_CASE("fill: a translucent concave fill is blended once per pixel")
{
    auto ctx = HeadlessGlContext::create();
    // A comb: its fan from the first vertex overlaps itself many times.
    std::vector<double> comb{20, 20, 220, 20, 220, 220, 200, 220, 200, 60};
    for (double x : {180.0, 140.0, 100.0, 60.0}) comb.insert(comb.end(), {x, 60, x, 220, x - 20, 220, x - 20, 60});
    comb.insert(comb.end(), {20, 60, 20, 20});
    Scene scene;
    scene.background = {1, 1, 1, 1};
    scene.addLayer(prepareLayer(makeLayer("comb", geo::GeomKind::Polygon, {polygonFeature({comb}, 1)}),
                                fillOnly({0, 0, 0, 0.5f})));
    const Image img = draw(scene);
    // Every painted pixel is 50 % grey (painted twice would be 25 %); none darker.
    const size_t half = countNear(img, 128, 128, 128, 2);
    CHECK(half == doctest::Approx(200 * 40 + 5 * 20 * 160).epsilon(0.02)); // the base and five teeth
    CHECK(countNear(img, 64, 64, 64, 20) == 0);
}

TEST_CASE("fill: a long ring, filled as chunk fans and a spine, covers exactly its area")
{
    auto ctx = HeadlessGlContext::create();
    // A 401-point star (many more points than kFanChunk): spikes between radii 100 and 60.
    std::vector<double> star;
    std::vector<geo::MapXY> pts;
    for (int i = 0; i <= 400; ++i) {
        const double a = 2 * M_PI * (i % 400) / 400.0, r = i % 2 ? 60.0 : 100.0;
        star.insert(star.end(), {128 + r * std::cos(a), 128 + r * std::sin(a)});
        pts.push_back({star[star.size() - 2], star.back()});
    }
    const double area = std::fabs(geo::ringArea(pts.data(), pts.size()));
    const size_t filled = filledArea({polygonFeature({star}, 1)});
    CHECK(filled == doctest::Approx(area).epsilon(0.02));
    // The same star with a hole: the chunks of both rings cancel where they should.
    std::vector<double> hole{108, 108, 148, 108, 148, 148, 108, 148, 108, 108};
    CHECK(filledArea({polygonFeature({star, hole}, 1)}) == doctest::Approx(area - 1600).epsilon(0.02));
}
