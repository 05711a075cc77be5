// The time filter's arithmetic: incidents as day spans (a month-precision date covers the
// whole month), the data's overall span, and whether a span overlaps the chosen range.
#pragma once
#include "geo/cases/case_model.hpp"

#include <optional>
#include <string>

namespace viewer {

// Days since 1970-01-01 (proleptic Gregorian), so a slider can run over integers.
int dayNumber(const geo::CaseDate& d);
geo::CaseDate dateOfDay(int day);

// Inclusive span of days.
struct DaySpan {
    int first = 0;
    int last = 0;
    bool overlaps(const DaySpan& o) const { return first <= o.last && o.first <= last; }
};

// The days an incident may have happened on: start to end (or start), widened to the whole
// month / year when the dates are only that precise.
DaySpan incidentSpan(const geo::Incident& i);

// From the earliest to the latest day of any incident; nullopt when there are none.
std::optional<DaySpan> incidentsSpan(const geo::CaseData& data);

// The filter the UI edits: off, or a range of days. Off lets everything through.
struct TimeFilter {
    bool enabled = false;
    DaySpan range;
    bool admits(const geo::Incident& i) const { return !enabled || incidentSpan(i).overlaps(range); }
};

// "2026-01-31" for a day number.
std::string isoOfDay(int day);

} // namespace viewer
