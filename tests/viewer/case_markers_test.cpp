// Compound markers: status colours, sizes by people affected, co-located compounds spread
// in a ring (or stacked when zoomed out) and every one of them reachable by a click.
#include "viewer/app/map_crs.hpp"
#include "viewer/cases/case_markers.hpp"
#include "viewer/cases/colocation.hpp"
#include "viewer/cases/compound_style.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <set>

using namespace viewer;

namespace {
const geo::LonLat kBavet{106.1333, 11.0667};

LayoutInput bavet()
{
    LayoutInput in;
    const char* ids[] = {"a7-park", "bavet-crown", "bavet-hengheng", "bavet-mocbai"};
    for (const char* id : ids) {
        CompoundPoint p;
        p.id = id;
        p.name = id;
        p.location = kBavet;
        p.precision = geo::LocationPrecision::Town;
        in.compounds.push_back(p);
    }
    in.compounds[0].status = geo::CompoundStatus::Raided;
    in.compounds[0].people = 2044;
    CompoundPoint kk;
    kk.id = "kk-park";
    kk.location = {98.55694, 16.63111};
    in.compounds.push_back(kk);
    return in;
}

geo::Viewport viewAt(geo::LonLat c, double upp) { return geo::Viewport(1000, 800, geo::webMercatorForward(c), upp); }
} // namespace

TEST_CASE("case markers: status colours are distinct, sizes grow with sqrt(people) and are clamped")
{
    std::set<std::tuple<float, float, float>> colours;
    for (geo::CompoundStatus s : geo::allCompoundStatuses()) {
        const Rgba c = statusColor(s);
        colours.insert({c.r, c.g, c.b});
    }
    CHECK(colours.size() == geo::allCompoundStatuses().size());
    CHECK(compoundDiameterPx(0) == kMinDiameterPx);
    CHECK(compoundDiameterPx(-5) == kMinDiameterPx);
    CHECK(compoundDiameterPx(1000000) == kMaxDiameterPx);
    CHECK(compoundDiameterPx(static_cast<int64_t>(kPeopleAtMax)) == doctest::Approx(kMaxDiameterPx));
    // sqrt scale: a quarter of the people is half the growth.
    const float quarter = compoundDiameterPx(static_cast<int64_t>(kPeopleAtMax / 4));
    CHECK(quarter - kMinDiameterPx == doctest::Approx((kMaxDiameterPx - kMinDiameterPx) / 2).epsilon(1e-4));
    CHECK(compoundDiameterPx(2044) > compoundDiameterPx(406));
    CHECK(isPlaceKind("airport"));
    CHECK_FALSE(isPlaceKind("casino compound"));
    CHECK(uncertaintyKm(geo::LocationPrecision::Site) == 0);
    CHECK(uncertaintyKm(geo::LocationPrecision::Town) > 0);
}

TEST_CASE("case markers: co-located compounds group, the ring keeps neighbours apart")
{
    const auto groups = groupColocated({kBavet, {98.5, 16.6}, {kBavet.lon + 1e-7, kBavet.lat}, kBavet});
    REQUIRE(groups.size() == 2);
    CHECK(groups[0] == std::vector<size_t>{0, 2, 3});
    CHECK(groups[1] == std::vector<size_t>{1});
    for (size_t n = 2; n <= 12; ++n) {
        const auto ring = ringOffsets(n, 20, 3);
        REQUIRE(ring.size() == n);
        for (size_t i = 0; i < n; ++i)
            for (size_t j = i + 1; j < n; ++j)
                CHECK(std::hypot(ring[i].x - ring[j].x, ring[i].y - ring[j].y) >= 23 - 1e-9);
    }
    CHECK(ringOffsets(1, 20).front().x == 0);
    CHECK(ringOffsets(4, 20).front().y < 0); // first at the top
}

TEST_CASE("case markers: zoomed in, the Bavet four spread and each is hit by a click on it")
{
    const LayoutInput in = bavet();
    const geo::Viewport view = viewAt(kBavet, 50); // 50 m/px: spread
    const MarkerLayout layout = layoutMarkers(in, view, geo::MapCrs());
    REQUIRE(layout.compounds.size() == 5);
    std::set<std::string> hit;
    for (size_t i = 0; i < layout.compounds.size(); ++i) {
        const PlacedCompound& p = layout.compounds[i];
        if (in.compounds[p.input].id == "kk-park") continue;
        CHECK(layout.groups[p.group].spread);
        const auto h = hitTest(layout, view, view.toScreen(p.drawn));
        REQUIRE(h);
        REQUIRE(h->compound);
        hit.insert(in.compounds[layout.compounds[*h->compound].input].id);
    }
    CHECK(hit.size() == 4);
    // The shared point itself offers the list.
    const auto centre = hitTest(layout, view, view.toScreen(geo::webMercatorForward(kBavet)));
    REQUIRE(centre);
    CHECK(centre->group);
    CHECK(layout.groups[*centre->group].members.size() == 4);
    // A town-precision point is drawn with a circle of uncertainty of its real size.
    REQUIRE(!layout.uncertainty.empty());
    const double radiusPx = kTownUncertaintyKm * 1000 / std::cos(kBavet.lat * M_PI / 180) / 50;
    CHECK(layout.uncertainty.front().sizePx == doctest::Approx(2 * radiusPx).epsilon(0.01));
    // A7 Park (2,044 people) is drawn bigger than the others.
    float a7 = 0, crown = 0;
    for (const PlacedCompound& p : layout.compounds) {
        if (in.compounds[p.input].id == "a7-park") a7 = p.diameterPx;
        if (in.compounds[p.input].id == "bavet-crown") crown = p.diameterPx;
    }
    CHECK(a7 > crown);
}

TEST_CASE("case markers: zoomed out, the four stack and a click lists them all")
{
    const LayoutInput in = bavet();
    const geo::Viewport view = viewAt(kBavet, 2000);
    const MarkerLayout layout = layoutMarkers(in, view, geo::MapCrs());
    const auto h = hitTest(layout, view, view.toScreen(geo::webMercatorForward(kBavet)));
    REQUIRE(h);
    REQUIRE(h->group);
    CHECK_FALSE(layout.groups[*h->group].spread);
    CHECK(layout.groups[*h->group].members.size() == 4);
    // Nothing hit far from any marker.
    CHECK_FALSE(hitTest(layout, view, {5, 5}));
    // Every compound has a marker drawn (none hidden).
    CHECK(layout.markers.size() == in.compounds.size());
}

TEST_CASE("case markers: the selected compound is joined to incident places; 'possibly linked' is sparser")
{
    LayoutInput in = bavet();
    in.selected = "a7-park";
    IncidentPlace airport;
    airport.location = {104.91661, 11.36292};
    airport.relation = geo::LinkRelation::PossiblyLinked;
    airport.joined = true;
    airport.ownMarker = false;
    in.places.push_back(airport);
    const geo::Viewport view = viewAt({105.5, 11.2}, 300);
    const MarkerLayout possibly = layoutMarkers(in, view, geo::MapCrs());
    in.places[0].relation = geo::LinkRelation::At;
    const MarkerLayout firm = layoutMarkers(in, view, geo::MapCrs());
    CHECK(possibly.links.size() > 5);
    CHECK(firm.links.size() > 3 * possibly.links.size());
    CHECK(possibly.places.empty()); // the airport has its own compound marker
    // The selected one is drawn last (on top) with a halo.
    CHECK(firm.markers.back().haloPx > 0);
}
