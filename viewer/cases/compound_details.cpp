// Gathering a compound's panel content; one source keeps one number across the panel.
#include "viewer/cases/compound_details.hpp"
#include "viewer/cases/source_numbers.hpp"

#include "geo/cases/case_json.hpp"
#include "geo/cases/country_codes.hpp"

#include <algorithm>

namespace viewer {

namespace {

StatedCheck check(const std::string& stated, const geo::Attribution& a, const std::vector<geo::CaseFinding>& findings,
                  const std::string& contradictionCode)
{
    if (stated.empty()) return StatedCheck::NotStated;
    for (const geo::CaseFinding& f : findings)
        if (f.code == contradictionCode) return StatedCheck::Contradicted;
    switch (a.certainty) {
    case geo::Certainty::Certain: return StatedCheck::Consistent;
    case geo::Certainty::Uncertain: return StatedCheck::AmongCandidates;
    case geo::Certainty::None: return StatedCheck::NotComparable;
    }
    return StatedCheck::NotComparable;
}

// Numbered by numberSources once the whole panel is gathered.
SourceRef sourceRef(const std::string& sourceId, const geo::Source* s, const std::string& claim)
{
    SourceRef r;
    r.id = sourceId;
    r.claim = claim;
    if (!s) {
        r.missing = true;
        return r;
    }
    r.publisher = s->publisher;
    r.title = s->title;
    r.url = s->url;
    if (s->published) r.published = s->published->iso();
    return r;
}

} // namespace

const char* describeStatedCheck(StatedCheck c)
{
    switch (c) {
    case StatedCheck::NotStated: return "nothing stated";
    case StatedCheck::Consistent: return "consistent";
    case StatedCheck::AmongCandidates: return "consistent (uncertain attribution; the stated area is a candidate)";
    case StatedCheck::Contradicted: return "CONTRADICTED by the polygons";
    case StatedCheck::NotComparable: return "cannot be compared (the point is in no polygon)";
    }
    return "";
}

DerivedLocation deriveLocation(const geo::Compound& c, const geo::Location& loc, std::vector<geo::CaseFinding> findings)
{
    DerivedLocation d;
    d.location = loc;
    d.country = check(c.statedCountry, loc.country, findings, "stated-country-contradiction");
    d.province = check(c.statedAdmin1, loc.province, findings, "stated-province-contradiction");
    d.findings = std::move(findings);
    return d;
}

std::string withThousands(int64_t v)
{
    std::string s = std::to_string(v < 0 ? -v : v);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
    return v < 0 ? "-" + s : s;
}

int64_t peopleAffected(const geo::CaseData& data, const std::string& compoundId, const TimeFilter& filter)
{
    int64_t sum = 0;
    for (const geo::IncidentView& v : data.incidentsFor(compoundId)) {
        if (v.relation != geo::LinkRelation::At || !filter.admits(*v.incident)) continue;
        sum += v.incident->totalPeople ? *v.incident->totalPeople : v.countsSum();
    }
    return sum;
}

CompoundTotals compoundTotals(const geo::CaseData& data, const TimeFilter& filter)
{
    std::unordered_map<std::string_view, const geo::Incident*> incidents;
    for (const geo::Incident& i : data.incidents) incidents.emplace(i.id, &i);
    std::unordered_map<std::string_view, int64_t> countsSum;
    for (const geo::NationalityCount& c : data.counts) countsSum[c.incidentId] += c.count;
    CompoundTotals t;
    for (const geo::IncidentLink& l : data.links) {
        auto it = incidents.find(l.incidentId);
        if (it == incidents.end() || !filter.admits(*it->second)) continue;
        t.withAdmitted.insert(l.compoundId);
        if (l.relation != geo::LinkRelation::At) continue;
        const geo::Incident& inc = *it->second;
        auto cs = countsSum.find(l.incidentId);
        t.people[l.compoundId] += inc.totalPeople ? *inc.totalPeople : cs == countsSum.end() ? 0 : cs->second;
    }
    return t;
}

CompoundDetails buildDetails(const geo::CaseData& data, const geo::Compound& compound, const DerivedLocation* derived,
                             const std::vector<geo::CaseFinding>& allFindings, const TimeFilter& filter)
{
    CompoundDetails d;
    d.compound = compound;
    if (derived) d.derived = *derived;
    for (const auto& [cite, src] : data.sourcesFor(compound.id)) d.sources.push_back(sourceRef(cite->sourceId, src, cite->claim));

    const std::vector<geo::IncidentView> views = data.incidentsFor(compound.id);
    for (const geo::IncidentView& v : views) {
        const geo::Incident& inc = *v.incident;
        if (!filter.admits(inc)) {
            ++d.outsideFilter;
            continue;
        }
        IncidentRow row;
        row.id = inc.id;
        row.dates = geo::describeIncidentDates(inc);
        row.datePrecision = geo::nameOf(inc.datePrecision);
        row.kind = inc.kind;
        row.relation = v.relation;
        row.summary = inc.summary;
        row.ownLocation = inc.location;
        IncidentFigures& f = row.figures;
        f.total = inc.totalPeople;
        f.personnel = inc.personnel;
        for (const geo::NationalityCount* c : v.counts) {
            const auto country = geo::findCountry(c->nationality);
            f.bars.push_back({c->nationality, country ? country->name : "", c->count});
        }
        f.breakdownSum = v.countsSum();
        f.exceedsTotal = f.total && !f.bars.empty() && f.breakdownSum > *f.total;
        f.belowTotal = f.total && !f.bars.empty() && f.breakdownSum < *f.total;
        for (const geo::IncidentLink* l : v.links) {
            if (l->compoundId == compound.id) continue;
            const geo::Compound* other = data.findCompound(l->compoundId);
            LinkedPlace p;
            p.compoundId = l->compoundId;
            p.relation = l->relation;
            if (other) {
                p.name = other->name;
                p.kind = other->kind;
                p.location = other->location;
            }
            row.places.push_back(std::move(p));
        }
        for (const auto& [cite, src] : v.sources) row.sources.push_back(sourceRef(cite->sourceId, src, cite->claim));
        for (const geo::CaseFinding& f2 : allFindings)
            if (f2.incidentId == inc.id) row.findings.push_back(f2);
        if (v.relation == geo::LinkRelation::At) d.peopleAffected += f.total ? *f.total : f.breakdownSum;
        d.incidents.push_back(std::move(row));
    }
    // Reading order: the incidents, then the compound's own sources (listed below them).
    std::vector<std::vector<SourceRef>*> lists;
    for (IncidentRow& row : d.incidents) lists.push_back(&row.sources);
    lists.push_back(&d.sources);
    numberSources(lists);
    if (derived) d.findings = derived->findings;
    for (const geo::CaseFinding& f : allFindings) {
        const bool aboutIncident = std::any_of(views.begin(), views.end(), [&](const geo::IncidentView& v) {
            return !f.incidentId.empty() && v.incident->id == f.incidentId;
        });
        if ((f.compoundId == compound.id && f.incidentId.empty()) || aboutIncident) d.findings.push_back(f);
    }
    return d;
}

} // namespace viewer
