// Error-level constraints on case data, shared by CaseStore (refuse the write) and `cases check`.
#include "geo/cases/case_validation.hpp"
#include "geo/cases/country_codes.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace geo {

namespace {

class Collector {
public:
    void add(std::string code, std::string message, std::string incident = {}, std::string compound = {},
             std::string source = {})
    {
        m_out.push_back({Severity::Error, std::move(code), std::move(incident), std::move(compound), std::move(source),
                         std::move(message)});
    }
    std::vector<CaseFinding> take() { return std::move(m_out); }

private:
    std::vector<CaseFinding> m_out;
};

std::string quoted(const std::string& s) { return "'" + s + "'"; }

bool validLonLat(const LonLat& p)
{
    return std::isfinite(p.lon) && std::isfinite(p.lat) && std::abs(p.lon) <= 180.0 && std::abs(p.lat) <= 90.0;
}

// "KH-20", "MM-13", "TH-63": a country code, a hyphen and one to three letters or digits.
bool isIso31662(const std::string& s)
{
    const size_t dash = s.find('-');
    if (dash != 2 || s.size() < 4 || s.size() > 6 || !findCountry(s.substr(0, 2))) return false;
    return std::all_of(s.begin() + 3, s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

void checkDate(Collector& c, const CaseDate& d, const std::string& what, const std::string& incident,
               const std::string& compound, const std::string& source = {})
{
    if (!d.valid()) c.add("bad-date", what + " " + quoted(d.iso()) + " is not a valid date (YYYY-MM-DD)", incident, compound, source);
}

void checkCompounds(Collector& c, const CaseData& data)
{
    std::set<std::string> seen;
    for (const Compound& x : data.compounds) {
        if (!isSlug(x.id)) c.add("bad-slug", "compound id " + quoted(x.id) + " is not a slug (lower-case letters, digits, single hyphens)", {}, x.id);
        if (!seen.insert(x.id).second) c.add("duplicate-id", "duplicate compound id " + quoted(x.id), {}, x.id);
        if (x.name.empty()) c.add("missing-field", "compound " + quoted(x.id) + " has no name", {}, x.id);
        const auto& kinds = compoundKinds();
        if (std::find(kinds.begin(), kinds.end(), x.kind) == kinds.end())
            c.add("unknown-kind", "compound " + quoted(x.id) + " has unknown kind " + quoted(x.kind), {}, x.id);
        if (x.statusDate) checkDate(c, *x.statusDate, "compound " + quoted(x.id) + " status date", {}, x.id);
        if (!validLonLat(x.location))
            c.add("bad-coordinates", "compound " + quoted(x.id) + " has a location outside -180..180 / -90..90", {}, x.id);
        for (const std::string& a : x.aliases)
            if (a.empty() || a.find(';') != std::string::npos)
                c.add("bad-alias", "compound " + quoted(x.id) + " has an empty alias or one containing ';'", {}, x.id);
        if (!x.statedIso31662.empty() && !isIso31662(x.statedIso31662))
            c.add("bad-iso-3166-2", "compound " + quoted(x.id) + " states " + quoted(x.statedIso31662) + ", not an ISO 3166-2 code", {}, x.id);
    }
}

void checkIncidents(Collector& c, const CaseData& data)
{
    std::set<std::string> seen;
    for (const Incident& x : data.incidents) {
        if (!isSlug(x.id)) c.add("bad-slug", "incident id " + quoted(x.id) + " is not a slug (lower-case letters, digits, single hyphens)", x.id);
        if (!seen.insert(x.id).second) c.add("duplicate-id", "duplicate incident id " + quoted(x.id), x.id);
        const std::string what = "incident " + quoted(x.id);
        checkDate(c, x.start, what + " start", x.id, {});
        if (x.end) {
            checkDate(c, *x.end, what + " end", x.id, {});
            if (x.start.valid() && x.end->valid() && *x.end < x.start)
                c.add("end-before-start", what + " ends (" + x.end->iso() + ") before it starts (" + x.start.iso() + ")", x.id);
        }
        if (x.totalPeople && *x.totalPeople < 0) c.add("negative-count", what + " has a negative total of people", x.id);
        if (x.personnel && *x.personnel < 0) c.add("negative-count", what + " has a negative number of personnel", x.id);
        if (x.location && !validLonLat(*x.location))
            c.add("bad-coordinates", what + " has a location outside -180..180 / -90..90", x.id);
    }
}

void checkSources(Collector& c, const CaseData& data)
{
    std::set<std::string> seen;
    for (const Source& x : data.sources) {
        if (!isSlug(x.id)) c.add("bad-slug", "source id " + quoted(x.id) + " is not a slug (lower-case letters, digits, single hyphens)", {}, {}, x.id);
        if (!seen.insert(x.id).second) c.add("duplicate-id", "duplicate source id " + quoted(x.id), {}, {}, x.id);
        if (x.url.rfind("http://", 0) != 0 && x.url.rfind("https://", 0) != 0)
            c.add("bad-url", "source " + quoted(x.id) + " has no http(s) URL", {}, {}, x.id);
        if (x.published) checkDate(c, *x.published, "source " + quoted(x.id) + " published date", {}, {}, x.id);
    }
}

void checkRelations(Collector& c, const CaseData& data)
{
    std::set<std::string> incidents, compounds, sources;
    for (const Incident& x : data.incidents) incidents.insert(x.id);
    for (const Compound& x : data.compounds) compounds.insert(x.id);
    for (const Source& x : data.sources) sources.insert(x.id);

    std::set<std::pair<std::string, std::string>> keys;
    for (const IncidentLink& l : data.links) {
        if (!incidents.count(l.incidentId))
            c.add("missing-incident", "link to compound " + quoted(l.compoundId) + " names a missing incident " + quoted(l.incidentId), l.incidentId, l.compoundId);
        if (!compounds.count(l.compoundId))
            c.add("missing-compound", "incident " + quoted(l.incidentId) + " links to a missing compound " + quoted(l.compoundId), l.incidentId, l.compoundId);
        if (!keys.insert({l.incidentId, l.compoundId}).second)
            c.add("duplicate-link", "incident " + quoted(l.incidentId) + " links to " + quoted(l.compoundId) + " twice", l.incidentId, l.compoundId);
    }
    keys.clear();
    for (const NationalityCount& n : data.counts) {
        const std::string what = "incident " + quoted(n.incidentId) + " count for " + quoted(n.nationality);
        if (!incidents.count(n.incidentId)) c.add("missing-incident", what + ": no such incident", n.incidentId);
        if (!isNationalityCode(n.nationality))
            c.add("unknown-nationality", what + ": not an ISO 3166-1 alpha-2 code or 'other'", n.incidentId);
        if (n.count < 0) c.add("negative-count", what + " is negative (" + std::to_string(n.count) + ")", n.incidentId);
        if (!keys.insert({n.incidentId, n.nationality}).second) c.add("duplicate-count", what + " appears twice", n.incidentId);
    }
    keys.clear();
    for (const IncidentSource& s : data.incidentSources) {
        if (!incidents.count(s.incidentId))
            c.add("missing-incident", "source " + quoted(s.sourceId) + " is cited for a missing incident " + quoted(s.incidentId), s.incidentId, {}, s.sourceId);
        if (!sources.count(s.sourceId))
            c.add("missing-source", "incident " + quoted(s.incidentId) + " cites a missing source " + quoted(s.sourceId), s.incidentId, {}, s.sourceId);
        if (!keys.insert({s.incidentId, s.sourceId}).second)
            c.add("duplicate-incident-source", "incident " + quoted(s.incidentId) + " cites " + quoted(s.sourceId) + " twice", s.incidentId, {}, s.sourceId);
    }
    keys.clear();
    for (const CompoundSource& s : data.compoundSources) {
        if (!compounds.count(s.compoundId))
            c.add("missing-compound", "source " + quoted(s.sourceId) + " is cited for a missing compound " + quoted(s.compoundId), {}, s.compoundId, s.sourceId);
        if (!sources.count(s.sourceId))
            c.add("missing-source", "compound " + quoted(s.compoundId) + " cites a missing source " + quoted(s.sourceId), {}, s.compoundId, s.sourceId);
        if (!keys.insert({s.compoundId, s.sourceId}).second)
            c.add("duplicate-compound-source", "compound " + quoted(s.compoundId) + " cites " + quoted(s.sourceId) + " twice", {}, s.compoundId, s.sourceId);
    }
}

} // namespace

const char* nameOf(Severity s)
{
    switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
    }
    return "error";
}

bool hasErrors(const std::vector<CaseFinding>& findings)
{
    return std::any_of(findings.begin(), findings.end(), [](const CaseFinding& f) { return f.severity == Severity::Error; });
}

std::string summarizeFindings(const std::vector<CaseFinding>& findings)
{
    if (findings.empty()) return "no problems";
    std::string s = findings.front().message;
    if (findings.size() > 1) s += " (and " + std::to_string(findings.size() - 1) + " more problems)";
    return s;
}

std::vector<CaseFinding> validateCaseData(const CaseData& data)
{
    Collector c;
    checkCompounds(c, data);
    checkIncidents(c, data);
    checkSources(c, data);
    checkRelations(c, data);
    return c.take();
}

} // namespace geo
