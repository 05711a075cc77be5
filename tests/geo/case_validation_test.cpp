// Constraints of case data (geo/cases/case_validation.cpp) and the model's helpers: one
// finding per broken rule, with the code and the ids a panel needs to point at the row.
#include "geo/cases/case_edit.hpp"
#include "geo/cases/case_validation.hpp"
#include "geo/cases/country_codes.hpp"

#include <doctest/doctest.h>

namespace {

geo::CaseData minimal()
{
    geo::CaseData d;
    d.compounds.push_back({"kk-park", "KK Park", {}, "scam compound", geo::CompoundStatus::Raided, geo::CaseDate{2025, 10, 16},
                           {98.55694, 16.63111}, geo::LocationPrecision::Site, "", "Myanmar", "Kayin State", "MM-13"});
    geo::Incident i;
    i.id = "2025-10-16-kk-park-raid";
    i.kind = geo::IncidentKind::Raid;
    i.start = {2025, 10, 16};
    i.totalPeople = 2198;
    d.incidents.push_back(i);
    d.links.push_back({i.id, "kk-park", geo::LinkRelation::At});
    d.sources.push_back({"thestar-kk", "The Star (Malaysia)", "", "https://www.thestar.com.my/y", {}});
    d.incidentSources.push_back({i.id, "thestar-kk", ""});
    return d;
}

std::string only(const geo::CaseData& d)
{
    const auto f = geo::validateCaseData(d);
    return f.size() == 1 ? f[0].code : "(" + std::to_string(f.size()) + " findings)";
}

} // namespace

TEST_CASE("valid data has no findings")
{
    CHECK(geo::validateCaseData(minimal()).empty());
}

TEST_CASE("each constraint gives its own code")
{
    geo::CaseData d = minimal();
    d.incidents.push_back(d.incidents[0]);
    CHECK(only(d) == "duplicate-id");
    d = minimal();
    d.links.push_back(d.links[0]);
    CHECK(only(d) == "duplicate-link");
    d = minimal();
    d.links[0].compoundId = "nowhere";
    CHECK(only(d) == "missing-compound");
    d = minimal();
    d.incidentSources[0].sourceId = "nowhere";
    CHECK(only(d) == "missing-source");
    d = minimal();
    d.counts.push_back({"2025-10-16-kk-park-raid", "MM", -1});
    CHECK(only(d) == "negative-count");
    d = minimal();
    d.incidents[0].personnel = -5;
    CHECK(only(d) == "negative-count");
    d = minimal();
    d.counts.push_back({"2025-10-16-kk-park-raid", "Myanmar", 1});
    CHECK(only(d) == "unknown-nationality");
    d = minimal();
    d.counts.push_back({"2025-10-16-kk-park-raid", "other", 1});
    CHECK(geo::validateCaseData(d).empty());
    d = minimal();
    d.incidents[0].start = {2025, 13, 1};
    CHECK(only(d) == "bad-date");
    d = minimal();
    d.incidents[0].end = geo::CaseDate{2025, 10, 15};
    CHECK(only(d) == "end-before-start");
    d = minimal();
    d.compounds[0].id = "kk park";
    d.links[0].compoundId = "kk park";
    CHECK(only(d) == "bad-slug");
    d = minimal();
    d.compounds[0].kind = "casino?";
    CHECK(only(d) == "unknown-kind");
    d = minimal();
    d.compounds[0].location.lat = 91;
    CHECK(only(d) == "bad-coordinates");
    d = minimal();
    d.compounds[0].statedIso31662 = "Kayin";
    CHECK(only(d) == "bad-iso-3166-2");
    d = minimal();
    d.sources[0].url = "www.example.org";
    CHECK(only(d) == "bad-url");
}

TEST_CASE("slugs, dates, enumeration names and country codes")
{
    CHECK(geo::isSlug("a7-park"));
    CHECK(geo::isSlug("2026-01-31-a7-park-raid"));
    CHECK_FALSE(geo::isSlug("a7_park"));
    CHECK_FALSE(geo::isSlug("-a7"));
    CHECK_FALSE(geo::isSlug("a7--park"));
    CHECK_FALSE(geo::isSlug("A7-park"));
    CHECK(geo::parseCaseDate("2024-02-29")->valid());
    CHECK_FALSE(geo::parseCaseDate("2025-02-29")->valid());
    CHECK_FALSE(geo::parseCaseDate("31/01/2026"));
    CHECK(geo::describeDate({2025, 11, 1}, geo::DatePrecision::Month) == "November 2025");
    CHECK(geo::describeDate({2026, 1, 31}, geo::DatePrecision::Day) == "31 January 2026");
    CHECK(geo::parseLinkRelation("possibly linked") == geo::LinkRelation::PossiblyLinked);
    CHECK_FALSE(geo::parseIncidentKind("Raid"));
    for (auto k : geo::allIncidentKinds()) CHECK(geo::parseIncidentKind(geo::nameOf(k)) == k);
    CHECK(geo::isNationalityCode("TW"));
    CHECK(geo::isNationalityCode("CN"));
    CHECK_FALSE(geo::isNationalityCode("XX"));
    CHECK_FALSE(geo::isNationalityCode("cn"));
    CHECK(std::string(geo::findCountry("KHM")->alpha2) == "KH");
}

TEST_CASE("CaseEdit cascades removals so the result stays valid")
{
    geo::CaseEdit e(minimal());
    e.removeCompound("kk-park");
    CHECK(e.problems().empty());
    CHECK(e.data().links.empty());
    geo::CaseEdit s(minimal());
    s.removeSource("thestar-kk");
    CHECK(s.problems().empty());
    CHECK(s.data().incidentSources.empty());
}
