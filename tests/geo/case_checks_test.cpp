// The sample cases (data/cases/ and data/cases.gpkg) and `cases check` (geo/cases/case_checks.cpp):
// content, each check on crafted data, the spatial join, and loose province-name comparison.
#include "geo/cases/case_checks.hpp"
#include "geo/cases/case_csv.hpp"
#include "geo/cases/case_store.hpp"
#include "geo/cases/place_names.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace {

const geo::Locator& locator()
{
    static const geo::Locator l(testdata::basemap()); // read-only after construction
    return l;
}

const geo::AreaNames& names()
{
    static const geo::AreaNames n = geo::AreaNames::fromBasemap(testdata::basemap());
    return n;
}

size_t countCode(const std::vector<geo::CaseFinding>& f, const std::string& code, const std::string& id = {})
{
    return std::count_if(f.begin(), f.end(), [&](const geo::CaseFinding& x) {
        return x.code == code && (id.empty() || x.incidentId == id || x.compoundId == id);
    });
}

} // namespace

TEST_CASE("the sample: 8 places, 13 incidents, the A7 raid's published figures, sources for every incident")
{
    const geo::CaseData csv = geo::readCaseCsv("data/cases");
    const geo::CaseData gpkg = geo::CaseStore::open("data/cases.gpkg").data();
    CHECK(csv == gpkg); // the committed store is built from the committed CSVs
    CHECK(gpkg.compounds.size() == 8);
    CHECK(gpkg.incidents.size() == 13);
    const geo::Incident* raid = gpkg.findIncident("2026-01-31-a7-park-raid");
    REQUIRE(raid);
    CHECK(raid->totalPeople == 2044);
    CHECK(raid->personnel == 700);
    CHECK(raid->start == geo::CaseDate{2026, 1, 31});
    CHECK(raid->end == geo::CaseDate{2026, 2, 1});
    const geo::IncidentView v = gpkg.view(*raid);
    std::map<std::string, int64_t> counts;
    for (auto* c : v.counts) counts[c->nationality] = c->count;
    CHECK(counts == std::map<std::string, int64_t>{{"CN", 1792}, {"MM", 179}, {"VN", 177}, {"TW", 5}});
    CHECK(v.countsSum() == 2153);
    CHECK(v.sources.size() >= 2);

    const auto a7 = gpkg.incidentsFor("a7-park");
    REQUIRE(a7.size() == 2);
    CHECK(a7[1].incident->id == "2026-02-02-techo-deportation");
    CHECK(a7[1].relation == geo::LinkRelation::PossiblyLinked);
    CHECK(a7[1].incident->totalPeople == 406);
    CHECK(gpkg.findCompound("techo-airport")->kind == "airport");
    for (const geo::Source& s : gpkg.sources) CHECK_MESSAGE(s.url.rfind("http", 0) == 0, s.id);
}

TEST_CASE("checks on the sample: the Bavet sum is flagged, no errors, stated provinces agree")
{
    const geo::CaseData d = geo::CaseStore::open("data/cases.gpkg").data();
    const auto f = geo::checkCases(d, &locator(), names());
    CHECK_FALSE(geo::hasErrors(f));
    CHECK(countCode(f, "breakdown-exceeds-total", "2026-01-31-a7-park-raid") == 1);
    CHECK(countCode(f, "breakdown-exceeds-total") == 1);
    CHECK(countCode(f, "breakdown-below-total", "2026-02-02-techo-deportation") == 1);
    CHECK(countCode(f, "stated-province-contradiction") == 0);
    CHECK(countCode(f, "stated-country-contradiction") == 0);
    CHECK(countCode(f, "incident-without-source") == 0);
    CHECK(countCode(f, "attribution-uncertain", "kk-park") == 2); // polygons say Tak, Thailand; Kayin is a candidate
}

TEST_CASE("each check fires on crafted data")
{
    geo::CaseData d = geo::readCaseCsv("data/cases");
    d.incidentSources.erase(std::remove_if(d.incidentSources.begin(), d.incidentSources.end(),
                                           [](auto& s) { return s.incidentId == "2025-10-16-kk-park-raid"; }),
                            d.incidentSources.end());
    d.counts.push_back({"2025-10-16-kk-park-raid", "ZZ", 3});
    d.incidents[0].end = geo::CaseDate{2000, 1, 1};
    const std::string endBefore = d.incidents[0].id;
    d.links.push_back({"2025-10-16-kk-park-raid", "nowhere-park", geo::LinkRelation::Linked});
    geo::Compound wrong = *d.findCompound("techo-airport");
    wrong.id = "wrong-province";
    wrong.statedAdmin1 = "Takeo";
    wrong.statedIso31662 = "KH-21";
    d.compounds.push_back(wrong);
    geo::Compound wrongCountry = wrong;
    wrongCountry.id = "wrong-country";
    wrongCountry.statedCountry = "Vietnam";
    wrongCountry.statedAdmin1 = "Kandal";
    wrongCountry.statedIso31662 = "VN-39";
    d.compounds.push_back(wrongCountry);
    d.sortRows();

    const auto f = geo::checkCases(d, &locator(), names());
    CHECK(geo::hasErrors(f));
    CHECK(countCode(f, "incident-without-source", "2025-10-16-kk-park-raid") == 1);
    CHECK(countCode(f, "unknown-nationality", "2025-10-16-kk-park-raid") == 1);
    CHECK(countCode(f, "end-before-start", endBefore) == 1);
    CHECK(countCode(f, "missing-compound", "nowhere-park") == 1);
    CHECK(countCode(f, "stated-province-contradiction", "wrong-province") == 1);
    CHECK(countCode(f, "stated-country-contradiction", "wrong-province") == 0);
    CHECK(countCode(f, "stated-country-contradiction", "wrong-country") == 1);
    CHECK(f.front().severity == geo::Severity::Error); // errors first
}

TEST_CASE("spatial join: a7-park is in Svay Rieng, Cambodia, by the border with Vietnam")
{
    const geo::CaseData d = geo::CaseStore::open("data/cases.gpkg").data();
    const geo::Location loc = locator().locate(d.findCompound("a7-park")->location);
    REQUIRE(loc.province.area);
    CHECK(loc.province.area->name == "Svay Rieng");
    REQUIRE(loc.country.area);
    CHECK(loc.country.area->name == "Cambodia");
    REQUIRE(loc.border);
    CHECK(loc.border->across.name == "Vietnam");
    CHECK(loc.border->distanceKm < 5.0);
    CHECK(geo::checkCompoundLocation(*d.findCompound("a7-park"), loc, names()).empty());
}

TEST_CASE("loose place names: diacritics, generic words, ISO 3166-2 against HASC")
{
    CHECK(geo::samePlaceName("Kândal", "Kandal"));
    CHECK(geo::samePlaceName("Kayin State", "kayin"));
    CHECK(geo::samePlaceName("Preah Sihanouk", "Krong Preah Sihanouk"));
    CHECK(geo::samePlaceName("Tây Ninh", "TAY NINH"));
    CHECK_FALSE(geo::samePlaceName("Svay Rieng", "Prey Veng"));
    const geo::AreaRef svayRieng{"Svay Rieng", "KH.SR", 0, true};
    CHECK(geo::statedProvinceMatches("Svay Rieng", "KH-20", svayRieng, names()));
    CHECK(geo::statedProvinceMatches("Svaay Rieng", "", svayRieng, names())); // via name_alt
    CHECK_FALSE(geo::statedProvinceMatches("Svay Rieng", "VN-37", svayRieng, names())); // another country's code
    CHECK_FALSE(geo::statedProvinceMatches("Takeo", "KH-21", svayRieng, names()));
    CHECK(geo::statedCountryMatches("Cambodia", "KH-20", {"Cambodia", "KHM", 0, true}));
    CHECK(geo::statedCountryMatches("", "KH-20", {"Cambodia", "KHM", 0, true}));
    CHECK_FALSE(geo::statedCountryMatches("Vietnam", "VN-39", {"Cambodia", "KHM", 0, true}));
}
