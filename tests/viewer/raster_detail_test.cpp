// When the view needs a sharper read of a raster (viewer/app/raster_detail.cpp): only past
// the whole image's pixels, only for the part in view, and never finer than the file.
#include "viewer/app/raster_detail.hpp"

#include <doctest/doctest.h>

using namespace viewer;

TEST_CASE("raster detail: the part in view is read again only when the whole image is too coarse")
{
    const geo::Extent raster{0, 0, 10000, 10000}; // read whole at 100 units a pixel; the file has 1
    const geo::Extent none;
    // The whole raster on screen at 100 units a pixel: the whole image serves.
    CHECK_FALSE(detailWindow(raster, 100, 1, geo::Viewport(100, 100, {5000, 5000}, 100), none, 0));
    // Zoomed in to 10 units a pixel around (2000, 3000): a window about the visible part.
    const geo::Viewport near(200, 100, {2000, 3000}, 10);
    const std::optional<geo::Extent> w = detailWindow(raster, 100, 1, near, none, 0);
    REQUIRE(w);
    const geo::Extent v = near.visibleExtent();
    CHECK(w->minX < v.minX);
    CHECK(w->maxX > v.maxX);
    CHECK(w->width() == doctest::Approx(v.width() * 1.5));
    CHECK(w->height() == doctest::Approx(v.height() * 1.5));
    // A detail image that covers it at 10 units a pixel: nothing more; a small pan neither.
    CHECK_FALSE(detailWindow(raster, 100, 1, near, *w, 10));
    CHECK_FALSE(detailWindow(raster, 100, 1, geo::Viewport(200, 100, {2100, 3000}, 10), *w, 10));
    // Panned far away, or zoomed in further: read again.
    CHECK(detailWindow(raster, 100, 1, geo::Viewport(200, 100, {8000, 8000}, 10), *w, 10));
    CHECK(detailWindow(raster, 100, 1, geo::Viewport(200, 100, {2000, 3000}, 2), *w, 10));
    // Never finer than the file's own pixels: at 0.1 units a pixel a detail at 1 is enough.
    const geo::Viewport street(200, 100, {2000, 3000}, 0.1);
    const std::optional<geo::Extent> s = detailWindow(raster, 100, 1, street, none, 0);
    REQUIRE(s);
    CHECK_FALSE(detailWindow(raster, 100, 1, street, *s, 1));
    CHECK_FALSE(detailWindow(raster, 100, 100, street, none, 0)); // the whole image is the file already
    // Outside the raster: nothing; at its edge the window stays within it.
    CHECK_FALSE(detailWindow(raster, 100, 1, geo::Viewport(200, 100, {20000, 3000}, 10), none, 0));
    const std::optional<geo::Extent> edge = detailWindow(raster, 100, 1, geo::Viewport(200, 100, {0, 0}, 10), none, 0);
    REQUIRE(edge);
    CHECK(edge->minX == 0);
    CHECK(edge->minY == 0);
}
