// Source numbers in the incident panel (viewer/cases/source_numbers.cpp): in the order a reader
// first meets each source, one number per source, every list reading upwards. Issue 18: A7
// Park's raid listed [1][4][5][6][2], its compound's own sources (folded away) numbered first.
#include "viewer/cases/compound_details.hpp"
#include "viewer/cases/source_numbers.hpp"

#include "geo/cases/case_checks.hpp"
#include "geo/cases/case_store.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

using namespace viewer;

namespace {

std::vector<SourceRef> cites(std::initializer_list<const char*> ids)
{
    std::vector<SourceRef> out;
    for (const char* id : ids) {
        SourceRef r;
        r.id = id;
        out.push_back(r);
    }
    return out;
}

std::vector<int> numbers(const std::vector<SourceRef>& list)
{
    std::vector<int> out;
    for (const SourceRef& r : list) out.push_back(r.number);
    return out;
}

std::vector<std::string> ids(const std::vector<SourceRef>& list)
{
    std::vector<std::string> out;
    for (const SourceRef& r : list) out.push_back(r.id);
    return out;
}

} // namespace

TEST_CASE("sources are numbered where first cited, in reading order, and each list is sorted")
{
    std::vector<SourceRef> raid = cites({"a", "d", "e", "f", "b"});
    std::vector<SourceRef> later = cites({"g", "d"});
    std::vector<SourceRef> compound = cites({"a", "b", "c"});
    numberSources({&raid, &later, &compound});
    CHECK(numbers(raid) == std::vector<int>{1, 2, 3, 4, 5});
    CHECK(ids(raid) == std::vector<std::string>{"a", "d", "e", "f", "b"});
    // "d" keeps the number it got in the raid; the list reads upwards.
    CHECK(numbers(later) == std::vector<int>{2, 6});
    CHECK(ids(later) == std::vector<std::string>{"d", "g"});
    CHECK(numbers(compound) == std::vector<int>{1, 5, 7});
}

TEST_CASE("numbering: empty lists and a source cited twice in one list")
{
    std::vector<SourceRef> none;
    std::vector<SourceRef> twice = cites({"x", "y", "x"});
    numberSources({&none, &twice});
    CHECK(none.empty());
    CHECK(numbers(twice) == std::vector<int>{1, 1, 2});
    CHECK(ids(twice) == std::vector<std::string>{"x", "x", "y"});
}

TEST_CASE("A7 Park's panel: the raid's sources read [1] to [5], the compound's own sources come after")
{
    const geo::CaseData data = geo::CaseStore::open("data/cases.gpkg").data();
    const geo::Compound* a7 = data.findCompound("a7-park");
    REQUIRE(a7);
    const CompoundDetails d = buildDetails(data, *a7, nullptr, geo::checkCases(data, nullptr, {}), TimeFilter{});
    REQUIRE_FALSE(d.incidents.empty());
    const IncidentRow& raid = d.incidents.front();
    REQUIRE(raid.id == "2026-01-31-a7-park-raid");
    REQUIRE(raid.sources.size() == 5);
    CHECK(numbers(raid.sources) == std::vector<int>{1, 2, 3, 4, 5}); // was 1, 4, 5, 6, 2
    // One number per source across the panel, and the compound's list reads upwards too.
    std::map<std::string, int> seen;
    auto same = [&](const std::vector<SourceRef>& list) {
        for (const SourceRef& r : list) {
            const auto [it, added] = seen.emplace(r.id, r.number);
            CHECK_MESSAGE(it->second == r.number, r.id);
            (void)added;
        }
        CHECK(std::is_sorted(list.begin(), list.end(), [](const SourceRef& a, const SourceRef& b) { return a.number < b.number; }));
    };
    for (const IncidentRow& row : d.incidents) same(row.sources);
    same(d.sources);
    REQUIRE_FALSE(d.sources.empty());
}
