// The checks behind `cases check`; validation errors come from validateCaseData.
#include "geo/cases/case_checks.hpp"
#include "geo/cases/case_validation.hpp"
#include "geo/location_format.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>

#include <string_view>
#include <unordered_map>

namespace geo {

namespace {

std::string thousands(int64_t v)
{
    std::string s = std::to_string(v < 0 ? -v : v);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
    return v < 0 ? "-" + s : s;
}

CaseFinding finding(Severity s, std::string code, std::string incident, std::string compound, std::string message)
{
    return {s, std::move(code), std::move(incident), std::move(compound), {}, std::move(message)};
}

// What the incident checks need of an incident's rows, gathered for all incidents in one pass
// (CaseData::view per incident scans every row: quadratic on a 200,000-incident store).
struct IncidentRows {
    int64_t countsSum = 0;
    bool hasCounts = false, hasSources = false, hasLinks = false;
};

std::unordered_map<std::string_view, IncidentRows> gatherIncidentRows(const CaseData& data)
{
    std::unordered_map<std::string_view, IncidentRows> out;
    for (const NationalityCount& c : data.counts) {
        IncidentRows& r = out[c.incidentId];
        r.countsSum += c.count;
        r.hasCounts = true;
    }
    for (const IncidentSource& s : data.incidentSources) out[s.incidentId].hasSources = true;
    for (const IncidentLink& l : data.links) out[l.incidentId].hasLinks = true;
    return out;
}

void checkIncident(const IncidentRows& v, const Incident& inc, std::vector<CaseFinding>& out)
{
    const std::string what = "incident '" + inc.id + "'";
    if (v.hasCounts && inc.totalPeople) {
        const int64_t sum = v.countsSum;
        if (sum > *inc.totalPeople)
            out.push_back(finding(Severity::Warning, "breakdown-exceeds-total", inc.id, {},
                                  what + ": nationality counts add to " + thousands(sum) + ", more than the total of " +
                                      thousands(*inc.totalPeople)));
        else if (sum < *inc.totalPeople)
            out.push_back(finding(Severity::Info, "breakdown-below-total", inc.id, {},
                                  what + ": nationality counts add to " + thousands(sum) + " of a total of " +
                                      thousands(*inc.totalPeople) + " (partial breakdown)"));
    }
    if (!v.hasSources)
        out.push_back(finding(Severity::Warning, "incident-without-source", inc.id, {}, what + " cites no source"));
    if (!v.hasLinks && !inc.location)
        out.push_back(finding(Severity::Warning, "incident-unplaced", inc.id, {},
                              what + " is linked to no compound and has no location of its own"));
}

bool amongCandidates(const Attribution& a, const std::function<bool(const AreaRef&)>& matches)
{
    if (a.area && matches(*a.area)) return true;
    return std::any_of(a.candidates.begin(), a.candidates.end(), matches);
}

// One comparison (country or province) of a stated area against an attribution.
void compare(const Compound& c, const char* level, const std::string& stated, const Attribution& a,
             const std::function<bool(const AreaRef&)>& matches, std::vector<CaseFinding>& out)
{
    if (stated.empty()) return;
    const std::string what = "compound '" + c.id + "': stated " + level + " '" + stated + "'";
    switch (a.certainty) {
    case Certainty::Certain:
        if (!matches(*a.area))
            out.push_back(finding(Severity::Warning, std::string("stated-") + level + "-contradiction", {}, c.id,
                                  what + " but the point lies in " + describeAttribution(a)));
        return;
    case Certainty::Uncertain:
        if (!amongCandidates(a, matches))
            out.push_back(finding(Severity::Warning, std::string("stated-") + level + "-contradiction", {}, c.id,
                                  what + " is not among the candidates: " + describeAttribution(a)));
        else if (!a.area || !matches(*a.area))
            out.push_back(finding(Severity::Info, "attribution-uncertain", {}, c.id,
                                  what + " is among the candidates; the polygons say " + describeAttribution(a)));
        return;
    case Certainty::None:
        out.push_back(finding(Severity::Info, "attribution-none", {}, c.id,
                              what + " cannot be compared: " + describeAttribution(a)));
        return;
    }
}

int severityRank(Severity s) { return static_cast<int>(s); }

} // namespace

std::vector<CaseFinding> checkCompoundLocation(const Compound& c, const Location& loc, const AreaNames& names)
{
    std::vector<CaseFinding> out;
    compare(c, "country", c.statedCountry, loc.country,
            [&](const AreaRef& r) { return statedCountryMatches(c.statedCountry, c.statedIso31662, r); }, out);
    compare(c, "province", c.statedAdmin1, loc.province,
            [&](const AreaRef& r) { return statedProvinceMatches(c.statedAdmin1, c.statedIso31662, r, names); }, out);
    return out;
}

std::vector<CaseFinding> checkCases(const CaseData& data, const Locator* locator, const AreaNames& names)
{
    std::vector<CaseFinding> out = validateCaseData(data);
    const auto rows = gatherIncidentRows(data);
    for (const Incident& inc : data.incidents) {
        auto it = rows.find(inc.id);
        checkIncident(it == rows.end() ? IncidentRows{} : it->second, inc, out);
    }
    if (locator)
        for (const Compound& c : data.compounds) {
            if (std::abs(c.location.lon) > 180 || std::abs(c.location.lat) > 90 || c.location.lon != c.location.lon)
                continue; // reported by validation
            auto found = checkCompoundLocation(c, locator->locate(c.location), names);
            out.insert(out.end(), found.begin(), found.end());
        }
    std::stable_sort(out.begin(), out.end(), [](const CaseFinding& a, const CaseFinding& b) {
        return std::make_tuple(severityRank(a.severity), a.incidentId, a.compoundId) <
               std::make_tuple(severityRank(b.severity), b.incidentId, b.compoundId);
    });
    return out;
}

} // namespace geo
