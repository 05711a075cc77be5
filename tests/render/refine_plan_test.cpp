// Detail built a view at a time (viewer/app/refine_plan, GpuLayer's partial levels): a view
// builds the deferred level it draws for the features in and around it only; a feature
// drawn from such a level looks as it does from a level of every feature; the others are
// still drawn, from a coarser level, never left blank.
#include "render_fixture.hpp"
#include "viewer/app/refine_plan.hpp"
#include "viewer/render/gl_context.hpp"
#include "viewer/render/map_renderer.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace viewer;
using namespace rendertest;

namespace {

constexpr double kApart = 100000; // map units between the two features

// A disc of `n` vertices, radius 100, at (cx, 0): far finer than any coarse level.
std::vector<double> disc(double cx, int n)
{
    std::vector<double> xy;
    for (int i = 0; i <= n; ++i) {
        const double a = 2 * M_PI * (i % n) / n + 0.3 * std::sin(7.0 * 2 * M_PI * i / n);
        xy.push_back(cx + 100 * std::cos(a));
        xy.push_back(100 * std::sin(a));
    }
    return xy;
}

geo::Layer twoDiscs()
{
    return makeLayer("discs", geo::GeomKind::Polygon, {polygonFeature({disc(0, 4000)}, 1), polygonFeature({disc(kApart, 4000)}, 2)});
}

LayerStyle plain()
{
    LayerStyle s;
    s.fillColor = {0, 0, 1, 1};
    s.strokeColor = {0, 0, 0, 1};
    s.strokeWidthPx = 1;
    s.labelField.clear();
    return s;
}

// Only the levels of 5 km and up, as the app first prepares a big file (mpu 1).
PreparedLayer coarseOnly() { return prepareLayer(twoDiscs(), plain(), 1.0, 5000); }

geo::Viewport viewOf(double cx) { return geo::Viewport(256, 256, {cx, 0}, 1.0); }

Image draw(const Scene& scene, const geo::Viewport& view)
{
    MapRenderer renderer;
    OffscreenTarget target(256, 256, 0);
    renderer.draw(scene, view, target);
    return target.readPixels();
}

size_t blue(const Image& img)
{
    size_t n = 0;
    for (size_t i = 0; i < img.rgba.size(); i += 4) n += img.rgba[i] < 40 && img.rgba[i + 1] < 40 && img.rgba[i + 2] > 200;
    return n;
}

void refine(Scene& scene, const std::vector<RefineJob>& jobs)
{
    for (const RefineJob& j : jobs) scene.refineLayer(j.layerId, buildLods(*j.data, j.origin, j.tolerances, nullptr, &j.features));
}

} // namespace

TEST_CASE("refine: a view builds the level it draws for the features near it, and only those")
{
    auto ctx = HeadlessGlContext::create();
    Scene scene;
    scene.addLayer(coarseOnly());
    const SceneLayer& l = scene.layers()[0];
    REQUIRE(l.gpu->lodCount() >= 1);
    CHECK(l.gpu->lodTolerance(0) >= 5000);
    REQUIRE(!l.deferredTolerances.empty());

    // At 1 unit a pixel the full-resolution level (0) is the one drawn: built for disc 0.
    std::vector<RefineJob> jobs = refinePlan(scene, viewOf(0));
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].features == std::vector<uint32_t>{0});
    CHECK(jobs[0].tolerances.front() == 0);
    refine(scene, jobs);
    CHECK(l.gpu->levelHas(0, 0));
    CHECK_FALSE(l.gpu->levelHas(0, 1));
    CHECK_FALSE(l.gpu->levelComplete(0));
    CHECK(refinePlan(scene, viewOf(0)).empty()); // nothing more for that view

    // The other disc's view builds the other disc; the level is then whole and not deferred.
    jobs = refinePlan(scene, viewOf(kApart));
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].features == std::vector<uint32_t>{1});
    refine(scene, jobs);
    CHECK(l.gpu->levelComplete(0));
    CHECK(std::find(l.deferredTolerances.begin(), l.deferredTolerances.end(), 0.0) == l.deferredTolerances.end());

    // A view of the whole layer draws a level built at once: nothing to build.
    CHECK(refinePlan(scene, geo::Viewport(256, 256, {kApart / 2, 0}, 2 * kApart / 256)).empty());
}

TEST_CASE("refine: a feature from a level built for its view draws as from a whole level; the others are not blank")
{
    auto ctx = HeadlessGlContext::create();
    Scene whole;
    whole.background = {1, 1, 1, 1};
    whole.addLayer(prepareLayerAt(twoDiscs(), plain(), lodTolerances(1.0)));
    Scene partial;
    partial.background = {1, 1, 1, 1};
    partial.addLayer(coarseOnly());
    refine(partial, refinePlan(partial, viewOf(0)));

    const Image expected = draw(whole, viewOf(0)), actual = draw(partial, viewOf(0));
    REQUIRE(expected.rgba.size() == actual.rgba.size());
    size_t differing = 0;
    for (size_t i = 0; i < actual.rgba.size(); ++i) differing += std::abs(int(actual.rgba[i]) - int(expected.rgba[i])) > 24;
    CHECK(blue(expected) > 20000); // the disc fills most of the view
    CHECK(differing == 0);

    // Disc 1 was not refined: drawn from the 5 km level meanwhile (a speck at this scale).
    CHECK(blue(draw(partial, viewOf(kApart))) > 0);
}
