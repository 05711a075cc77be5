// Civil-date <-> day-number conversion (Howard Hinnant's days_from_civil) and span overlap.
#include "viewer/cases/case_time_range.hpp"

#include <algorithm>

namespace viewer {

namespace {

int daysInMonth(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[std::clamp(m, 1, 12) - 1];
}

} // namespace

int dayNumber(const geo::CaseDate& d)
{
    const int m = std::clamp(d.month, 1, 12);
    const int y = d.year - (m <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + std::max(d.day, 1) - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

geo::CaseDate dateOfDay(int z)
{
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

DaySpan incidentSpan(const geo::Incident& i)
{
    const geo::CaseDate end = i.end.value_or(i.start);
    geo::CaseDate first = i.start, last = end;
    switch (i.datePrecision) {
    case geo::DatePrecision::Day: break;
    case geo::DatePrecision::Month:
        first.day = 1;
        last.day = daysInMonth(last.year, last.month);
        break;
    case geo::DatePrecision::Year:
        first.month = first.day = 1;
        last.month = 12;
        last.day = 31;
        break;
    }
    DaySpan s{dayNumber(first), dayNumber(last)};
    if (s.last < s.first) std::swap(s.first, s.last);
    return s;
}

std::optional<DaySpan> incidentsSpan(const geo::CaseData& data)
{
    std::optional<DaySpan> out;
    for (const geo::Incident& i : data.incidents) {
        const DaySpan s = incidentSpan(i);
        if (!out) out = s;
        out->first = std::min(out->first, s.first);
        out->last = std::max(out->last, s.last);
    }
    return out;
}

std::string isoOfDay(int day) { return dateOfDay(day).iso(); }

} // namespace viewer
