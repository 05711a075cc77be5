// A Locator that reads only a region around a place answers as the whole-basemap one does,
// and says so (exact()); when the region is too small to know the nearest border, it says not.
#include "geo/locator.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

namespace {
geo::Extent around(geo::LonLat p, double deg) { return {p.lon - deg, p.lat - deg, p.lon + deg, p.lat + deg}; }
} // namespace

TEST_CASE("locator: a region read answers like the whole basemap where exact() says so")
{
    const geo::Locator whole(testdata::basemap());
    // Bavet (by the VN border), Phnom Penh, Poipet (TH border), the Golden Triangle, Sihanoukville (coast).
    for (const geo::LonLat p : {geo::LonLat{106.1333, 11.0667}, geo::LonLat{104.92, 11.5564}, geo::LonLat{102.56, 13.66},
                                geo::LonLat{100.08, 20.35}, geo::LonLat{103.53, 10.63}}) {
        CAPTURE(p.lon);
        CAPTURE(p.lat);
        const geo::Locator local(testdata::basemap(), around(p, 4));
        const geo::Location a = whole.locate(p), b = local.locate(p);
        CHECK(whole.exact(a));
        REQUIRE(local.exact(b));
        REQUIRE(a.border);
        REQUIRE(b.border);
        CHECK(b.border->distanceKm == doctest::Approx(a.border->distanceKm));
        CHECK(b.border->across.code == a.border->across.code);
        CHECK(b.country.certainty == a.country.certainty);
        CHECK((b.country.area ? b.country.area->code : "") == (a.country.area ? a.country.area->code : ""));
        CHECK((b.province.area ? b.province.area->name : "") == (a.province.area ? a.province.area->name : ""));
    }
    // Phnom Penh is ~60 km from the nearest border: a region of +-0.2 degrees (~22 km) cannot know it.
    const geo::LonLat pp{104.92, 11.5564};
    const geo::Locator tiny(testdata::basemap(), around(pp, 0.2));
    CHECK_FALSE(tiny.exact(tiny.locate(pp)));
    // A point outside the region read is never exact.
    CHECK_FALSE(tiny.exact(tiny.locate({106.1333, 11.0667})));
}
