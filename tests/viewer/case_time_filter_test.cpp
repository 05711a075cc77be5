// The time filter: day numbers, incident spans by date precision, overlap with the range.
#include "viewer/cases/case_time_range.hpp"

#include <doctest/doctest.h>

using namespace viewer;

namespace {
geo::Incident incident(geo::CaseDate start, std::optional<geo::CaseDate> end = {},
                       geo::DatePrecision p = geo::DatePrecision::Day)
{
    geo::Incident i;
    i.start = start;
    i.end = end;
    i.datePrecision = p;
    return i;
}
} // namespace

TEST_CASE("case time filter: day numbers round-trip and match the epoch")
{
    CHECK(dayNumber({1970, 1, 1}) == 0);
    CHECK(dayNumber({2026, 1, 31}) + 1 == dayNumber({2026, 2, 1}));
    CHECK(dayNumber({2024, 3, 1}) - dayNumber({2024, 2, 28}) == 2); // leap year
    for (int d = dayNumber({1999, 12, 25}); d < dayNumber({2001, 3, 5}); d += 17) CHECK(dayNumber(dateOfDay(d)) == d);
    CHECK(isoOfDay(dayNumber({2026, 2, 2})) == "2026-02-02");
}

TEST_CASE("case time filter: spans widen with date precision")
{
    const DaySpan raid = incidentSpan(incident({2026, 1, 31}, geo::CaseDate{2026, 2, 1}));
    CHECK(raid.first == dayNumber({2026, 1, 31}));
    CHECK(raid.last == dayNumber({2026, 2, 1}));
    const DaySpan month = incidentSpan(incident({2025, 11, 1}, {}, geo::DatePrecision::Month));
    CHECK(month.first == dayNumber({2025, 11, 1}));
    CHECK(month.last == dayNumber({2025, 11, 30}));
    const DaySpan year = incidentSpan(incident({2024, 1, 1}, {}, geo::DatePrecision::Year));
    CHECK(year.last == dayNumber({2024, 12, 31}));
}

TEST_CASE("case time filter: an incident with a duration counts when its span overlaps the range")
{
    const geo::Incident raid = incident({2026, 1, 31}, geo::CaseDate{2026, 2, 1});
    TimeFilter f;
    CHECK(f.admits(raid)); // off: everything
    f.enabled = true;
    f.range = {dayNumber({2026, 2, 1}), dayNumber({2026, 2, 10})}; // starts on the raid's last day
    CHECK(f.admits(raid));
    f.range = {dayNumber({2026, 1, 1}), dayNumber({2026, 1, 31})}; // ends on its first day
    CHECK(f.admits(raid));
    f.range = {dayNumber({2026, 2, 2}), dayNumber({2026, 3, 1})};
    CHECK_FALSE(f.admits(raid));
    // A month-precision incident overlaps any day of its month.
    const geo::Incident november = incident({2025, 11, 1}, {}, geo::DatePrecision::Month);
    f.range = {dayNumber({2025, 11, 20}), dayNumber({2025, 11, 20})};
    CHECK(f.admits(november));
}

TEST_CASE("case time filter: the data's span covers every incident")
{
    geo::CaseData d;
    d.incidents.push_back(incident({2026, 1, 31}, geo::CaseDate{2026, 2, 1}));
    d.incidents.push_back(incident({2019, 3, 1}, {}, geo::DatePrecision::Month));
    const auto span = incidentsSpan(d);
    REQUIRE(span);
    CHECK(span->first == dayNumber({2019, 3, 1}));
    CHECK(span->last == dayNumber({2026, 2, 1}));
    CHECK_FALSE(incidentsSpan(geo::CaseData{}));
}
