// Finding compounds by part of a name, an alias or the id; accents and case do not matter.
#include "viewer/cases/compound_search.hpp"

#include <doctest/doctest.h>

using namespace viewer;

namespace {
geo::CaseData sample()
{
    geo::CaseData d;
    geo::Compound a;
    a.id = "a7-park";
    a.name = "A7 Park";
    a.aliases = {"A7 Casino", "Van Chheung Casino"};
    geo::Compound k;
    k.id = "kk-park";
    k.name = "KK Park";
    geo::Compound t;
    t.id = "techo-airport";
    t.name = "Techo International Airport";
    t.aliases = {"Aéroport Techo"};
    d.compounds = {a, k, t};
    return d;
}
std::vector<std::string> ids(const geo::CaseData& d, const std::string& q)
{
    std::vector<std::string> out;
    for (const SearchHit& h : searchCompounds(d, q)) out.push_back(d.compounds[h.compound].id);
    return out;
}
} // namespace

TEST_CASE("case search: folding")
{
    CHECK(foldForSearch("Van Chheung-Casino") == "van chheung casino");
    CHECK(foldForSearch("Aéroport ÉLÈVE") == "aeroport eleve");
    CHECK(foldForSearch("Kândal") == "kandal");
}

TEST_CASE("case search: by alias, name, id; best first")
{
    const geo::CaseData d = sample();
    CHECK(ids(d, "chheung") == std::vector<std::string>{"a7-park"});
    const auto hits = searchCompounds(d, "van chheung");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].matchedAlias == "Van Chheung Casino");
    CHECK(ids(d, "park") == std::vector<std::string>{"a7-park", "kk-park"});
    CHECK(ids(d, "KK") == std::vector<std::string>{"kk-park"}); // name prefix first
    CHECK(ids(d, "aeroport") == std::vector<std::string>{"techo-airport"});
    CHECK(ids(d, "techo-air") == std::vector<std::string>{"techo-airport"});
    CHECK(ids(d, "").size() == 3);
    CHECK(ids(d, "shwe").empty());
}
