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
#include <random>

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

namespace {

// 2,000 random-walk tracks of 101 vertices, 220 m a step (like bench/make-scale-data.py's
// lines_2m, a tenth of it), over 400 km: each far finer than the coarse levels.
geo::Layer tracks()
{
    std::mt19937 rng(17);
    std::uniform_real_distribution<double> start(-200e3, 200e3), heading(0, 2 * M_PI);
    std::normal_distribution<double> turn(0, 0.3);
    std::vector<geo::Feature> fs;
    for (int i = 0; i < 2000; ++i) {
        double x = start(rng), y = start(rng), a = heading(rng);
        std::vector<double> xy;
        for (int v = 0; v < 101; ++v) {
            xy.push_back(x);
            xy.push_back(y);
            a += turn(rng);
            x += 220 * std::cos(a);
            y += 220 * std::sin(a);
        }
        fs.push_back(lineFeature(xy, i + 1));
    }
    return makeLayer("tracks", geo::GeomKind::Line, std::move(fs));
}

LayerStyle track()
{
    LayerStyle s = plain();
    s.fill = false;
    s.strokeColor = {0, 0, 1, 1};
    s.strokeWidthPx = 2;
    return s;
}

} // namespace

TEST_CASE("refine: thousands of lines get their full detail for the view, and draw as from a whole level")
{
    auto ctx = HeadlessGlContext::create();
    Scene partial;
    partial.background = {1, 1, 1, 1};
    const uint64_t id = partial.addLayer(prepareLayer(tracks(), track(), 1.0, 5000));
    const SceneLayer& l = *partial.find(id);
    REQUIRE(!l.deferredTolerances.empty());
    // Zoomed out the coarse levels draw the tracks at once (not blank before any refining).
    const geo::Viewport whole(256, 256, {0, 0}, 1600);
    CHECK(blue(draw(partial, whole)) > 500);

    // 10 m a pixel on the middle of track 0: the full-resolution level, for the tracks in
    // and around the view only.
    const geo::Viewport view(256, 256, l.data->features[0].geometry.coords[50], 10);
    const std::vector<RefineJob> jobs = refinePlan(partial, view);
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].tolerances.front() == 0);
    geo::Extent around = view.visibleExtent();
    const double grow = std::max(around.width(), around.height()) / 4;
    around.expand(around.minX - grow, around.minY - grow);
    around.expand(around.maxX + grow, around.maxY + grow);
    std::vector<uint32_t> near;
    for (uint32_t f = 0; f < l.data->features.size(); ++f)
        if (l.data->features[f].bbox.intersects(around)) near.push_back(f);
    REQUIRE(!near.empty());
    CHECK(near.front() == 0);
    CHECK(near.size() < 100);
    CHECK(jobs[0].features == near);

    // Every vertex of those tracks is in the level built (one part of 101 each), none else.
    const std::vector<LodMesh> fine = buildLods(*jobs[0].data, jobs[0].origin, {0}, nullptr, &jobs[0].features);
    REQUIRE(fine.size() == 1);
    CHECK(fine[0].vertexCount() >= near.size() * 103); // 101 + the two pads
    for (uint32_t f : near) {
        REQUIRE(fine[0].featureParts[f].count == 1);
        CHECK(fine[0].partCount[fine[0].featureParts[f].first] == 101);
    }
    refine(partial, jobs);
    for (uint32_t f : near) CHECK(l.gpu->levelHas(0, f));
    CHECK_FALSE(l.gpu->levelComplete(0));
    CHECK(refinePlan(partial, view).empty());

    // Drawn as the same view of a layer prepared whole.
    Scene all;
    all.background = {1, 1, 1, 1};
    all.addLayer(prepareLayerAt(tracks(), track(), lodTolerances(1.0)));
    const Image expected = draw(all, view), actual = draw(partial, view);
    size_t differing = 0;
    for (size_t i = 0; i < actual.rgba.size(); ++i) differing += std::abs(int(actual.rgba[i]) - int(expected.rgba[i])) > 24;
    CHECK(blue(expected) > 150); // track 0 at least, through the middle
    CHECK(differing == 0);
}
