// Country/province attribution and border distance (geo/locator.cpp) on the real basemap,
// checked against independent computations made here with OGR and PROJ's geodesic directly.
#include "geo/error.hpp"
#include "geo/geodesic.hpp"
#include "geo/locator.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <geodesic.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>

namespace {

const geo::Locator& basemapLocator()
{
    static const geo::Locator locator(testdata::basemap()); // read-only after construction
    return locator;
}

bool candidatesName(const geo::Attribution& a, const std::string& name)
{
    return std::any_of(a.candidates.begin(), a.candidates.end(), [&](auto& c) { return c.name == name; });
}

// Brute force: every border segment of the pair, densified to ~20 m, measured with geod_inverse.
double bruteForceBorderKm(geo::LonLat p, const std::string& isoA, const std::string& isoB)
{
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(testdata::basemap().c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    REQUIRE(ds);
    OGRLayer* borders = ds->GetLayerByName("borders");
    geod_geodesic g;
    geod_init(&g, 6378137.0, 1 / 298.257223563);
    double best = INFINITY;
    for (auto& f : *borders) {
        std::string a = f->GetFieldAsString("a_iso3"), b = f->GetFieldAsString("b_iso3");
        if (!((a == isoA && b == isoB) || (a == isoB && b == isoA))) continue;
        OGRGeometry* geom = f->GetGeometryRef();
        for (OGRGeometry* part : *geom->toMultiLineString()) {
            OGRLineString* ls = part->toLineString();
            for (int i = 0; i + 1 < ls->getNumPoints(); ++i) {
                // Axis order in OGR's default for EPSG:4326 from a GPKG is x = lon.
                double x0 = ls->getX(i), y0 = ls->getY(i), x1 = ls->getX(i + 1), y1 = ls->getY(i + 1);
                double s = 0, a1, a2;
                geod_inverse(&g, y0, x0, y1, x1, &s, &a1, &a2);
                int steps = std::max(1, static_cast<int>(s / 20.0));
                for (int k = 0; k <= steps; ++k) {
                    double t = static_cast<double>(k) / steps, d, b1, b2;
                    geod_inverse(&g, p.lat, p.lon, y0 + t * (y1 - y0), x0 + t * (x1 - x0), &d, &b1, &b2);
                    best = std::min(best, d);
                }
            }
        }
    }
    GDALClose(ds);
    return best / 1000.0;
}

} // namespace

TEST_CASE("Bavet's town point (A7 Park) is Svay Rieng, Cambodia, a few km from Vietnam")
{
    geo::Location loc = basemapLocator().locate({106.1333, 11.0667});
    REQUIRE(loc.country.area);
    CHECK(loc.country.area->name == "Cambodia");
    CHECK(loc.country.area->code == "KHM");
    REQUIRE(loc.province.area);
    CHECK(loc.province.area->name == "Svay Rieng");
    CHECK(loc.province.area->code == "KH.SR");
    REQUIRE(loc.border);
    CHECK(loc.border->across.name == "Vietnam");
    CHECK(loc.border->across.code == "VNM");
    CHECK(loc.border->distanceKm > 1.0);
    CHECK(loc.border->distanceKm < 10.0);
}

TEST_CASE("border distance agrees with an independent geodesic brute force within 100 m")
{
    for (geo::LonLat p : {geo::LonLat{106.1333, 11.0667}, geo::LonLat{105.80, 11.09}, geo::LonLat{104.5, 10.6},
                          geo::LonLat{105.2, 11.4}}) {
        CAPTURE(p.lon);
        geo::Location loc = basemapLocator().locate(p);
        REQUIRE(loc.border);
        REQUIRE(loc.border->across.code == "VNM");
        double want = bruteForceBorderKm(p, "KHM", "VNM");
        CHECK(std::abs(loc.border->distanceKm - want) < 0.1);
    }
}

TEST_CASE("central Phnom Penh is in Phnom Penh, with certainty")
{
    geo::Location loc = basemapLocator().locate({104.9200, 11.5564});
    CHECK(loc.country.certainty == geo::Certainty::Certain);
    CHECK(loc.country.area->name == "Cambodia");
    CHECK(loc.province.certainty == geo::Certainty::Certain);
    CHECK(loc.province.area->name == "Phnom Penh");
}

TEST_CASE("Sihanoukville resolves to Preah Sihanouk, or honestly to uncertain/nearest on the generalised coast")
{
    geo::Location loc = basemapLocator().locate({103.5, 10.6333});
    const std::string want = "Krong Preah Sihanouk"; // Natural Earth's spelling
    switch (loc.province.certainty) {
    case geo::Certainty::Certain: CHECK(loc.province.area->name == want); break;
    case geo::Certainty::Uncertain: CHECK(candidatesName(loc.province, want)); break;
    case geo::Certainty::None: REQUIRE(loc.province.nearest); CHECK(loc.province.nearest->name == want); break;
    }
}

TEST_CASE("far out in the Gulf of Thailand there is no country or province, only the nearest")
{
    geo::Location loc = basemapLocator().locate({102.2, 9.3});
    CHECK(loc.country.certainty == geo::Certainty::None);
    CHECK_FALSE(loc.country.area);
    REQUIRE(loc.country.nearest);
    CHECK(loc.country.nearest->distanceKm > 50);
    CHECK(loc.province.certainty == geo::Certainty::None);
    REQUIRE(loc.province.nearest);
    CHECK_FALSE(loc.province.nearest->name.empty());
}

TEST_CASE("a point 500 m from the Cambodia-Vietnam border is uncertain and names both countries")
{
    // Start from Bavet, find the nearest border point, and step back 500 m towards Bavet.
    geo::LonLat bavet{105.80, 11.09};
    geo::Location first = basemapLocator().locate(bavet);
    REQUIRE(first.border);
    geo::LonLat onBorder = first.border->nearestPoint;
    double az = geo::geodesicAzimuthDeg(onBorder, bavet);
    geo::LonLat p = geo::geodesicDestination(onBorder, az, 500.0);
    geo::Location loc = basemapLocator().locate(p);
    CHECK(loc.border->distanceKm == doctest::Approx(0.5).epsilon(0.05));
    CHECK(loc.country.certainty == geo::Certainty::Uncertain);
    CHECK(candidatesName(loc.country, "Cambodia"));
    CHECK(candidatesName(loc.country, "Vietnam"));
}

TEST_CASE("coordinates out of range are refused")
{
    CHECK_THROWS_AS(basemapLocator().locate({181, 0}), geo::Error);
    CHECK_THROWS_AS(basemapLocator().locate({0, -90.5}), geo::Error);
    CHECK_THROWS_AS(basemapLocator().locate({NAN, 0}), geo::Error);
}
