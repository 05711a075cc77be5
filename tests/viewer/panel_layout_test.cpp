// The panels' first places and the map area they leave (viewer/ui/panel_layout.cpp), and Home
// framed in it. Issue 18: the Feature panel opened over the Compounds panel, and Home put KK
// Park and Shwe Kokko (Myawaddy, ~98.5 E 16.7 N) under the Layers panel.
#include "viewer/app/session.hpp"
#include "viewer/ui/panel_layout.hpp"

#include <doctest/doctest.h>

using namespace viewer;

namespace {

bool overlap(const PanelBox& a, const PanelBox& b)
{
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

bool inside(geo::ScreenPx p, const MapArea& a) { return p.x > a.min.x && p.x < a.max.x && p.y > a.min.y && p.y < a.max.y; }

} // namespace

TEST_CASE("the Feature panel opens beside the Compounds panel, never over it")
{
    for (auto [w, h] : {std::pair{1024.0f, 700.0f}, {1280.0f, 800.0f}, {1600.0f, 900.0f}, {1920.0f, 1080.0f}}) {
        CAPTURE(w);
        const PanelLayout l = panelLayout(w, h);
        CHECK_FALSE(overlap(l.feature, l.cases)); // was at the right edge, on top of it
        CHECK(l.feature.x >= 0);
        CHECK(l.feature.bottom() <= h);
        CHECK(l.cases.right() <= w);
    }
}

TEST_CASE("the free map area lies between the panel columns, below the menu, above the status bar")
{
    const PanelLayout l = panelLayout(1600, 900);
    const MapArea a = freeMapArea(l, 1600, 900, true, true, 1.0);
    REQUIRE_FALSE(a.empty());
    CHECK(a.min.x >= l.layers.right());
    CHECK(a.min.x >= l.feature.right());
    CHECK(a.max.x <= l.cases.x);
    CHECK(a.min.y >= 20);
    CHECK(a.max.y <= 900 - 20);
    // High-DPI: drawable pixels.
    const MapArea a2 = freeMapArea(l, 1600, 900, true, true, 2.0);
    CHECK(a2.min.x == doctest::Approx(a.min.x * 2));
    CHECK(a2.max.y == doctest::Approx(a.max.y * 2));
    // A hidden panel gives its column back.
    const MapArea noCases = freeMapArea(l, 1600, 900, true, false, 1.0);
    CHECK(noCases.max.x == doctest::Approx(1600));
    // A narrow window: no sliver between the columns; the map keeps the left one (the Layers
    // panel is short), never the Compounds panel's.
    const PanelLayout narrow = panelLayout(800, 500);
    const MapArea n = freeMapArea(narrow, 800, 500, true, true, 1.0);
    REQUIRE_FALSE(n.empty());
    CHECK(n.min.x == 0);
    CHECK(n.max.x <= narrow.cases.x);
}

TEST_CASE("Home at 1600x900 shows the Myawaddy compounds and Bavet in the part the panels leave free")
{
    Session s;
    s.view.resize(1600, 900);
    const MapArea a = freeMapArea(panelLayout(1600, 900), 1600, 900, s.showLayers, s.showCases, 1.0);
    s.mapAreaMin = a.min;
    s.mapAreaMax = a.max;
    s.setCrs(geo::MapCrs());
    s.zoomTo(s.homeExtent);
    for (geo::LonLat p : {geo::LonLat{98.557, 16.631},  // KK Park
                          geo::LonLat{98.531, 16.820},  // Shwe Kokko
                          geo::LonLat{106.133, 11.067}, // A7 Park, Bavet
                          geo::LonLat{103.5, 10.633}}) { // Sihanoukville
        CAPTURE(p.lon);
        CAPTURE(p.lat);
        CHECK(inside(s.view.toScreen(s.crs.forward(p)), a));
    }
}
