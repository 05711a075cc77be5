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

TEST_CASE("fit into a screen box: the extent lies inside the box, centred there, with the margin")
{
    geo::Viewport v(1600, 900, {}, 1.0);
    geo::Extent e{1000, 2000, 5000, 4000};
    const geo::ScreenPx lo{330, 30}, hi{1150, 850};
    v.fit(e, 0.06, lo, hi);
    const geo::ScreenPx a = v.toScreen({e.minX, e.maxY}), b = v.toScreen({e.maxX, e.minY});
    CHECK(a.x >= lo.x - 1e-6);
    CHECK(a.y >= lo.y - 1e-6);
    CHECK(b.x <= hi.x + 1e-6);
    CHECK(b.y <= hi.y + 1e-6);
    // Centred in the box, and the wider side (here x) uses the box less the margins.
    CHECK((a.x + b.x) / 2 == doctest::Approx((lo.x + hi.x) / 2));
    CHECK((a.y + b.y) / 2 == doctest::Approx((lo.y + hi.y) / 2));
    CHECK(b.x - a.x == doctest::Approx((hi.x - lo.x) * 0.88));
    // An empty box, or one reaching outside the view, fits on the whole view as before.
    geo::Viewport whole(1600, 900, {}, 1.0), empty(1600, 900, {}, 1.0), outside(1600, 900, {}, 1.0);
    whole.fit(e, 0.06);
    empty.fit(e, 0.06, {}, {});
    outside.fit(e, 0.06, {-10, 0}, {900, 900});
    CHECK(empty.unitsPerPixel() == doctest::Approx(whole.unitsPerPixel()));
    CHECK(empty.center().x == doctest::Approx(whole.center().x));
    CHECK(outside.unitsPerPixel() == doctest::Approx(whole.unitsPerPixel()));
}
