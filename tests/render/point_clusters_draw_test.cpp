// Dense point layers drawn aggregated (viewer/render/cluster_symbols, MapRenderer, picking):
// a zoomed-out view draws a few hundred discs whose counts add up to the points in view, not
// a quad per point; zooming in splits them; a view of few points draws the points; a disc
// of many is picked as a cluster, a disc of one as its feature.
#include "render_fixture.hpp"
#include "viewer/app/identify.hpp"
#include "viewer/app/navigation.hpp"
#include "viewer/render/cluster_symbols.hpp"
#include "viewer/render/gl_context.hpp"
#include "viewer/render/map_renderer.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace viewer;
using namespace rendertest;

namespace {

// 40,000 points: four towns of 9,000 (sigma 3 km) and 4,000 scattered over 400 km, metres;
// `lone`: and one more, far out at (-480 km, 480 km).
geo::Layer denseTowns(bool lone = false)
{
    std::mt19937 rng(5);
    std::vector<geo::Feature> fs;
    const geo::MapXY towns[] = {{-120e3, -80e3}, {100e3, 60e3}, {130e3, -90e3}, {-60e3, 120e3}};
    int64_t fid = 1;
    for (const geo::MapXY& t : towns) {
        std::normal_distribution<double> dx(t.x, 3000), dy(t.y, 3000);
        for (int i = 0; i < 9000; ++i) fs.push_back(pointFeature(dx(rng), dy(rng), fid++));
    }
    std::uniform_real_distribution<double> u(-200e3, 200e3);
    for (int i = 0; i < 4000; ++i) fs.push_back(pointFeature(u(rng), u(rng), fid++));
    if (lone) fs.push_back(pointFeature(-480e3, 480e3, fid++));
    return makeLayer("fixes", geo::GeomKind::Point, std::move(fs));
}

LayerStyle red()
{
    LayerStyle s;
    s.fillColor = {0.9f, 0.1f, 0.1f, 1};
    s.pointSizePx = 8;
    s.labelField.clear();
    return s;
}

size_t countIn(const geo::Layer& l, const geo::Extent& w)
{
    size_t n = 0;
    for (const geo::Feature& f : l.features) n += w.contains(f.geometry.coords[0].x, f.geometry.coords[0].y);
    return n;
}

SDL_Event click(Uint32 type, geo::ScreenPx at)
{
    SDL_Event e{};
    e.type = type;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = static_cast<int>(std::lround(at.x));
    e.button.y = static_cast<int>(std::lround(at.y));
    e.button.clicks = 1;
    return e;
}

uint64_t sum(const std::vector<geo::PointCluster>& cs)
{
    uint64_t n = 0;
    for (const geo::PointCluster& c : cs) n += c.count;
    return n;
}

} // namespace

TEST_CASE("dense points: a zoomed-out view draws clusters whose counts add up to the points in view")
{
    auto ctx = HeadlessGlContext::create();
    Scene scene;
    scene.background = {1, 1, 1, 1};
    const uint64_t id = scene.addLayer(prepareLayer(denseTowns(), red()));
    const SceneLayer& layer = *scene.find(id);
    REQUIRE(layer.clusters);
    CHECK(layer.clusters->pointCount() == 40000);

    // The whole layer in 512 x 512 pixels (1 km a pixel).
    const geo::Viewport far(512, 512, {0, 0}, 1000);
    const auto clusters = clustersInView(layer, far.unitsPerPixel(), drawWindow(far, 1), 1);
    REQUIRE(clusters.has_value());
    CHECK(sum(*clusters) == 40000);
    // A disc per cell of ~64 px at most: (512 / 64 + 2)^2 cells, far fewer than the points.
    CHECK(clusters->size() <= 100);
    CHECK(clusters->size() >= 4);

    MapRenderer renderer;
    OffscreenTarget target(512, 512, 0);
    const DrawStats stats = renderer.draw(scene, far, target);
    CHECK(stats.clustersDrawn == clusters->size());
    CHECK(stats.featuresVisible == 40000);
    CHECK(stats.drawCalls <= 3); // the discs, their counts
    const Image img = target.readPixels();
    size_t reddish = 0;
    for (size_t i = 0; i < img.rgba.size(); i += 4) reddish += img.rgba[i] > 180 && img.rgba[i + 1] < 90 && img.rgba[i + 2] < 90;
    CHECK(reddish > 500);                 // the discs are there
    CHECK(reddish < 512 * 512 / 4);       // and not one solid blob

    // Zoomed in on one town (100 m a pixel): more, smaller clusters; their counts still add up
    // to the points in view (and none farther out than two of the level's cells).
    const geo::Viewport town(512, 512, {100e3, 60e3}, 100);
    const geo::Extent w = drawWindow(town, 1);
    const auto near = clustersInView(layer, town.unitsPerPixel(), w, 1);
    REQUIRE(near.has_value());
    const double cell = 2 * kClusterCellPx * town.unitsPerPixel() * 2; // two cells (each under 128 px)
    CHECK(sum(*near) >= countIn(*scene.find(id)->data, w));
    geo::Extent grown = w;
    grown.expand(w.minX - cell, w.minY - cell);
    grown.expand(w.maxX + cell, w.maxY + cell);
    CHECK(sum(*near) <= countIn(*scene.find(id)->data, grown));
    uint32_t biggestFar = 0, biggestNear = 0;
    for (const geo::PointCluster& c : *clusters) biggestFar = std::max(biggestFar, c.count);
    for (const geo::PointCluster& c : *near) biggestNear = std::max(biggestNear, c.count);
    CHECK(biggestNear < biggestFar); // the town's cluster split
    CHECK(near->size() > 4);

    // Out in the scatter at 100 m a pixel: a few points in view, drawn one by one.
    const geo::Viewport sparse(512, 512, {0, -190e3}, 100);
    CHECK_FALSE(clustersInView(layer, sparse.unitsPerPixel(), drawWindow(sparse, 1), 1).has_value());
    CHECK(renderer.draw(scene, sparse, target).clustersDrawn == 0);
}

TEST_CASE("dense points: a disc of many is picked as a cluster, a disc of one as its feature")
{
    auto ctx = HeadlessGlContext::create();
    Scene scene;
    const uint64_t id = scene.addLayer(prepareLayer(denseTowns(true), red()));
    const SceneLayer& layer = *scene.find(id);
    // 2 km a pixel: cells of 128-256 km, so the lone point has one of its own.
    const geo::Viewport far(512, 512, {0, 0}, 2000);
    const auto clusters = clustersInView(layer, far.unitsPerPixel(), drawWindow(far, 1), 1);
    REQUIRE(clusters.has_value());
    const geo::PointCluster* many = nullptr;
    const geo::PointCluster* one = nullptr;
    for (const geo::PointCluster& c : *clusters) {
        if (c.count >= 1000 && (!many || c.count > many->count)) many = &c;
        if (c.count == 1) one = &c;
    }
    REQUIRE(many);
    const auto hit = pickCluster(scene, far, far.toScreen(many->centre));
    REQUIRE(hit.has_value());
    CHECK(hit->layerId == id);
    CHECK(hit->cluster.count == many->count);
    CHECK_FALSE(pickFeature(scene, far, far.toScreen(many->centre)).has_value());
    // Beside the disc, nothing: the points under it are not drawn one by one.
    const geo::ScreenPx c = far.toScreen(many->centre);
    CHECK_FALSE(pickFeature(scene, far, {c.x + kClusterMaxPx, c.y}).has_value());

    REQUIRE(one);
    CHECK(one->feature == 40000);
    const auto f = pickFeature(scene, far, far.toScreen(one->centre));
    REQUIRE(f.has_value());
    CHECK(f->layerId == id);
    CHECK(f->feature == 40000);
    CHECK_FALSE(pickCluster(scene, far, far.toScreen(one->centre)).has_value());

    // Zoomed in to the points themselves, picking finds the nearest point as before.
    const geo::MapXY p = layer.data->features[39999].geometry.coords[0];
    const geo::Viewport atP(512, 512, p, 20);
    REQUIRE_FALSE(clustersInView(layer, atP.unitsPerPixel(), drawWindow(atP, 1), 1).has_value());
    const auto g = pickFeature(scene, atP, atP.toScreen(p));
    REQUIRE(g.has_value());
    CHECK(g->feature == 39999);
}

TEST_CASE("dense points: a click on a disc of many zooms in on it, a click on a disc of one selects its point")
{
    auto ctx = HeadlessGlContext::create();
    Session s;
    s.view = geo::Viewport(512, 512, {0, 0}, 2000);
    const uint64_t id = s.scene.addLayer(prepareLayer(denseTowns(true), red()));
    const auto clusters = clustersInView(*s.scene.find(id), s.view.unitsPerPixel(), drawWindow(s.view, 1), 1);
    REQUIRE(clusters.has_value());
    geo::PointCluster many, one;
    for (const geo::PointCluster& c : *clusters) {
        if (c.count > many.count) many = c;
        if (c.count == 1) one = c;
    }
    REQUIRE(many.count > 1000);
    REQUIRE(one.count == 1);
    Navigation nav;
    // Pixel-rounded clicks: a pixel off the disc centre is still on the disc.
    const geo::ScreenPx atOne = s.view.toScreen(one.centre);
    nav.handle(click(SDL_MOUSEBUTTONDOWN, atOne), s, true, true);
    nav.handle(click(SDL_MOUSEBUTTONUP, atOne), s, true, true);
    REQUIRE(s.scene.selection().has_value());
    CHECK(s.scene.selection()->layerId == id);
    CHECK(s.scene.selection()->feature == 40000);
    CHECK(s.view.unitsPerPixel() == doctest::Approx(2000));

    const geo::ScreenPx atMany = s.view.toScreen(many.centre);
    nav.handle(click(SDL_MOUSEBUTTONDOWN, atMany), s, true, true);
    nav.handle(click(SDL_MOUSEBUTTONUP, atMany), s, true, true);
    CHECK(s.view.unitsPerPixel() == doctest::Approx(500));
    CHECK(s.view.center().x == doctest::Approx(many.centre.x));
    CHECK(s.view.center().y == doctest::Approx(many.centre.y));
    CHECK(s.scene.selection()->feature == 40000); // zooming is not selecting
}
