// Label scale ranges mean one map scale in every map CRS (Scene::groundMetresPerPixel,
// labelsShownAt). Issue 18: at 1:3.16 M the province names showed in UTM 48N but not in Web
// Mercator, whose units at 12.5 N are 1/cos(12.5) = 1.024 ground metres.
#include "viewer/app/layer_loader.hpp"
#include "viewer/render/gl_context.hpp"
#include "viewer/render/map_renderer.hpp"
#include "viewer/render/render_target.hpp"

#include "geo/locator.hpp"

#include <doctest/doctest.h>

using namespace viewer;

namespace {

constexpr geo::LonLat kCentre{105.0, 12.5}; // central Cambodia, on UTM 48N's meridian

// The view at `centre` drawn at OGC scale 1:`denominator` in `crs` (0.28 mm pixels).
geo::Viewport viewAtScale(const geo::MapCrs& crs, double denominator, int w = 480, int h = 320)
{
    const geo::MapXY c = crs.forward(kCentre);
    geo::Viewport view(w, h, c, 1);
    view.setUnitsPerPixelLimits(crs.minUnitsPerPixel(), crs.maxUnitsPerPixel()); // degrees: below 0.01 a pixel
    view.setUnitsPerPixel(denominator * 0.00028 / crs.metresPerUnitAt(c));
    return view;
}

// Only the provinces carry labels (the countries' names have their own range).
Scene provincesOnly(const geo::MapCrs& crs)
{
    std::vector<std::string> warnings;
    Scene scene;
    for (PreparedLayer& p : loadBasemap(geo::defaultBasemapPath(), crs, warnings)) {
        if (p.data->name != "provinces") p.style.labelField.clear();
        scene.addLayer(std::move(p));
    }
    scene.mapCrs = crs.definition();
    scene.metresPerUnit = crs.nominalMetresPerUnit();
    return scene;
}

size_t labelsDrawn(const Scene& scene, const geo::Viewport& view)
{
    MapRenderer renderer;
    OffscreenTarget target(view.width(), view.height(), 0);
    return renderer.draw(scene, view, target).labelsPlaced;
}

} // namespace

TEST_CASE("ground metres per pixel: the same map scale gives the same value in Web Mercator, UTM and degrees")
{
    for (const std::string def : {"EPSG:3857", "EPSG:32648", "EPSG:4326"}) {
        CAPTURE(def);
        const geo::MapCrs crs(def);
        Scene scene;
        scene.mapCrs = crs.definition();
        scene.metresPerUnit = crs.nominalMetresPerUnit();
        const geo::Viewport view = viewAtScale(crs, 3.16e6);
        CHECK(scene.groundMetresPerPixel(view) == doctest::Approx(3.16e6 * 0.00028).epsilon(1e-6));
    }
}

TEST_CASE("the label rule: a range is inclusive at both ends")
{
    LayerStyle s;
    s.labelMinUnitsPerPixel = 100;
    s.labelMaxUnitsPerPixel = 900;
    CHECK(labelsShownAt(s, 100));
    CHECK(labelsShownAt(s, 900));
    CHECK_FALSE(labelsShownAt(s, 99.9));
    CHECK_FALSE(labelsShownAt(s, 900.1));
}

TEST_CASE("render: province labels at 1:3.16 M in Web Mercator and in UTM 48N alike, and at 1:3.4 M in neither")
{
    auto ctx = HeadlessGlContext::create();
    const geo::MapCrs mercator, utm("EPSG:32648");
    const Scene inMercator = provincesOnly(mercator), inUtm = provincesOnly(utm);
    REQUIRE(inMercator.layers().size() == 4);
    REQUIRE(inUtm.layers().size() == 4);
    // The provinces' range ends at 900 m a pixel: 1:3.16 M is 885 m, 1:3.4 M is 952 m.
    const size_t mercatorIn = labelsDrawn(inMercator, viewAtScale(mercator, 3.16e6));
    const size_t utmIn = labelsDrawn(inUtm, viewAtScale(utm, 3.16e6));
    CHECK(mercatorIn > 0); // was 0: the Mercator units per pixel (906) are past 900
    CHECK(utmIn > 0);
    CHECK(labelsDrawn(inMercator, viewAtScale(mercator, 3.4e6)) == 0);
    CHECK(labelsDrawn(inUtm, viewAtScale(utm, 3.4e6)) == 0);
}
