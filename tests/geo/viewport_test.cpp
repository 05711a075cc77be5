// Camera maths (geo/viewport.cpp): zoom keeps the anchor fixed, fit contains the box.
#include "geo/viewport.hpp"

#include <doctest/doctest.h>

TEST_CASE("zoomAt keeps the map point under the cursor where it was")
{
    geo::Viewport v(800, 600, {1.18e7, 1.24e6}, 500.0);
    geo::ScreenPx cursor{620, 130};
    geo::MapXY before = v.toMap(cursor);
    v.zoomAt(cursor, 2.0);
    CHECK(v.unitsPerPixel() == doctest::Approx(250.0));
    geo::MapXY after = v.toMap(cursor);
    CHECK(after.x == doctest::Approx(before.x).epsilon(1e-12));
    CHECK(after.y == doctest::Approx(before.y).epsilon(1e-12));
}

TEST_CASE("screen and map transforms are inverse; y grows down on screen")
{
    geo::Viewport v(640, 480, {100.0, 200.0}, 2.0);
    geo::ScreenPx s = v.toScreen({102.0, 204.0});
    CHECK(s.x == doctest::Approx(321.0));
    CHECK(s.y == doctest::Approx(238.0));
    geo::MapXY m = v.toMap(s);
    CHECK(m.x == doctest::Approx(102.0));
    CHECK(m.y == doctest::Approx(204.0));
}

TEST_CASE("pan moves the map with the pointer")
{
    geo::Viewport v(640, 480, {0, 0}, 10.0);
    geo::MapXY grabbed = v.toMap({100, 100});
    v.panPixels(50, -20);
    geo::ScreenPx now = v.toScreen(grabbed);
    CHECK(now.x == doctest::Approx(150));
    CHECK(now.y == doctest::Approx(80));
}

TEST_CASE("fit shows the whole extent with a margin, and zoom is clamped")
{
    geo::Viewport v(1000, 500, {0, 0}, 1.0);
    geo::Extent e;
    e.expand(-2000, -100);
    e.expand(2000, 100);
    v.fit(e, 0.1);
    geo::Extent vis = v.visibleExtent();
    CHECK(vis.minX <= e.minX);
    CHECK(vis.maxX >= e.maxX);
    CHECK(vis.minY <= e.minY);
    CHECK(vis.maxY >= e.maxY);
    CHECK(vis.width() == doctest::Approx(4000 / 0.8));
    v.zoomAt({500, 250}, 1e12);
    CHECK(v.unitsPerPixel() == doctest::Approx(geo::Viewport::kMinUnitsPerPixel));
}
