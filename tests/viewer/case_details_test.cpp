// What the incident panel shows for A7 Park, from the sample store: incidents in time order,
// "possibly linked" kept as such, the Bavet raid's figures flagged (2,153 vs 2,044), numbered
// sources, the time filter, and the stated-vs-derived province check.
#include "viewer/cases/case_view.hpp"
#include "viewer/cases/compound_details.hpp"
#include "viewer/render/scene.hpp"

#include "geo/cases/case_checks.hpp"
#include "geo/cases/case_store.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace viewer;

namespace {
const geo::CaseData& sample()
{
    static const geo::CaseData data = geo::CaseStore::open("data/cases.gpkg").data();
    return data;
}
} // namespace

TEST_CASE("case details: A7 Park's incidents, figures and sources")
{
    const geo::CaseData& d = sample();
    const geo::Compound* a7 = d.findCompound("a7-park");
    REQUIRE(a7);
    const auto findings = geo::checkCases(d, nullptr, {});
    const CompoundDetails det = buildDetails(d, *a7, nullptr, findings, TimeFilter{});
    REQUIRE(det.incidents.size() == 2);
    const IncidentRow& raid = det.incidents[0];
    CHECK(raid.id == "2026-01-31-a7-park-raid");
    CHECK(raid.kind == geo::IncidentKind::Raid);
    CHECK(raid.relation == geo::LinkRelation::At);
    CHECK(raid.dates == "31 January 2026 to 1 February 2026");
    REQUIRE(raid.figures.total);
    CHECK(*raid.figures.total == 2044);
    CHECK(raid.figures.breakdownSum == 2153);
    CHECK(raid.figures.exceedsTotal);
    REQUIRE(raid.figures.bars.size() == 4);
    CHECK(raid.figures.bars[0].code == "CN");
    CHECK(raid.figures.bars[0].count == 1792);
    CHECK(raid.figures.bars[0].country == "China");
    CHECK(raid.figures.personnel == 700);
    CHECK(raid.sources.size() >= 3);
    const IncidentRow& deport = det.incidents[1];
    CHECK(deport.relation == geo::LinkRelation::PossiblyLinked);
    CHECK(deport.figures.belowTotal);
    bool airport = false;
    for (const LinkedPlace& p : deport.places) airport = airport || (p.compoundId == "techo-airport" && p.kind == "airport");
    CHECK(airport);
    // People affected counts only incidents "at" the compound.
    CHECK(det.peopleAffected == 2044);
    // One number per source across the panel: a source cited twice keeps its number.
    std::map<std::string, int> numbers;
    for (const SourceRef& s : det.sources) numbers[s.id] = s.number;
    for (const IncidentRow& r : det.incidents)
        for (const SourceRef& s : r.sources) {
            if (numbers.count(s.id)) CHECK(numbers[s.id] == s.number);
            numbers[s.id] = s.number;
        }
    std::set<int> distinct;
    for (const auto& [id, n] : numbers) distinct.insert(n);
    CHECK(distinct.size() == numbers.size());
    // The raid's mismatch is among the findings shown.
    bool exceeds = false;
    for (const geo::CaseFinding& f : det.findings) exceeds = exceeds || f.code == "breakdown-exceeds-total";
    CHECK(exceeds);
}

TEST_CASE("case details: the time filter hides what happened outside the range")
{
    const geo::CaseData& d = sample();
    TimeFilter f;
    f.enabled = true;
    f.range = {dayNumber({2026, 1, 1}), dayNumber({2026, 2, 1})};
    const CompoundDetails det = buildDetails(d, *d.findCompound("a7-park"), nullptr, {}, f);
    REQUIRE(det.incidents.size() == 1);
    CHECK(det.incidents[0].id == "2026-01-31-a7-park-raid");
    CHECK(det.outsideFilter == 1);
    f.range = {dayNumber({2020, 1, 1}), dayNumber({2020, 12, 31})};
    CHECK(peopleAffected(d, "a7-park", f) == 0);
    CHECK(peopleAffected(d, "a7-park", TimeFilter{}) == 2044);
}

TEST_CASE("case details: stated province against the attribution")
{
    geo::Compound c;
    c.id = "x";
    c.statedCountry = "Cambodia";
    c.statedAdmin1 = "Svay Rieng";
    geo::Location loc;
    loc.country.certainty = geo::Certainty::Certain;
    loc.country.area = geo::AreaRef{"Cambodia", "KHM", 0, true};
    loc.province.certainty = geo::Certainty::Uncertain;
    loc.province.area = geo::AreaRef{"Svay Rieng", "KH.SR", 0, true};
    const DerivedLocation ok = deriveLocation(c, loc, geo::checkCompoundLocation(c, loc, {}));
    CHECK(ok.country == StatedCheck::Consistent);
    CHECK(ok.province == StatedCheck::AmongCandidates);
    c.statedAdmin1 = "Kandal";
    loc.province.certainty = geo::Certainty::Certain;
    const DerivedLocation bad = deriveLocation(c, loc, geo::checkCompoundLocation(c, loc, {}));
    CHECK(bad.province == StatedCheck::Contradicted);
    c.statedAdmin1.clear();
    CHECK(deriveLocation(c, loc, {}).province == StatedCheck::NotStated);
}

TEST_CASE("case view: selection builds the panel; markers for every compound; a click on the stack asks which")
{
    CaseView v;
    v.setData(sample(), {}, "data/cases.gpkg");
    CHECK(v.details() == nullptr);
    v.select("a7-park");
    REQUIRE(v.details());
    CHECK(v.details()->compound.name == "A7 Park");
    CHECK(v.layoutInput().compounds.size() == sample().compounds.size());
    // Filtering to a range without A7 Park's incidents still keeps the selection's marker.
    TimeFilter f;
    f.enabled = true;
    f.range = {dayNumber({2000, 1, 1}), dayNumber({2000, 1, 2})};
    v.setFilter(f);
    bool a7 = false;
    for (const CompoundPoint& p : v.layoutInput().compounds) a7 = a7 || p.id == "a7-park";
    CHECK(a7);
    CHECK(v.details()->incidents.empty());
}

TEST_CASE("case view: at a UI scale of 2 the markers are laid out and hit in style pixels, drawn where they were")
{
    // Jin Bei in Sihanoukville stands alone: a click just outside its disc at scale 1 is on it
    // at scale 2, where the disc covers twice the pixels; its centre does not move.
    const geo::MapCrs crs;
    const geo::Viewport view(1200, 800, crs.forward({104.9, 11.6}), 800);
    auto centreAndRadius = [&](CaseView& v, double scale, geo::ScreenPx& centre) {
        Scene scene;
        v.syncScene(scene, view, crs, scale);
        for (const PlacedCompound& p : v.layout().compounds)
            if (v.layoutInput().compounds[p.input].id == "sihanoukville-jinbei") {
                REQUIRE(v.layout().groups[p.group].members.size() == 1);
                centre = view.toScreen(p.drawn);
                return p.diameterPx / 2.0;
            }
        FAIL("no Jin Bei marker");
        return 0.0;
    };
    CaseView one, two;
    one.setData(sample(), {}, "data/cases.gpkg");
    two.setData(sample(), {}, "data/cases.gpkg");
    geo::ScreenPx c1, c2;
    const double r1 = centreAndRadius(one, 1, c1), r2 = centreAndRadius(two, 2, c2);
    CHECK(r1 == r2); // in style pixels
    CHECK(c1.x == doctest::Approx(c2.x));
    CHECK(c1.y == doctest::Approx(c2.y));
    const geo::ScreenPx beside{c1.x + r1 + kHitSlopPx + 2, c1.y};
    CHECK(one.compoundsAt(beside, view).empty());
    CHECK(two.compoundsAt(beside, view) == std::vector<std::string>{"sihanoukville-jinbei"});
    CHECK(two.compoundsAt({c1.x + 2 * (r1 + kHitSlopPx) + 2, c1.y}, view).empty());
}
