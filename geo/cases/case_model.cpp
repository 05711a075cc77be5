// Enumeration names, dates and the lookups on CaseData that the CLI and the panel share.
#include "geo/cases/case_model.hpp"

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace geo {

namespace {

template <typename E, size_t N>
std::optional<E> parseName(std::string_view s, const char* const (&names)[N])
{
    for (size_t i = 0; i < N; ++i)
        if (s == names[i]) return static_cast<E>(i);
    return std::nullopt;
}

template <typename E, size_t N>
std::vector<E> allOf(const char* const (&)[N])
{
    std::vector<E> v;
    for (size_t i = 0; i < N; ++i) v.push_back(static_cast<E>(i));
    return v;
}

const char* const kStatusNames[] = {"active", "raided", "closed", "unknown"};
const char* const kPrecisionNames[] = {"site", "town", "district"};
const char* const kIncidentKindNames[] = {"raid", "arrest", "deportation", "rescue", "closure", "sanction", "report"};
const char* const kDatePrecisionNames[] = {"day", "month", "year"};
const char* const kRelationNames[] = {"at", "linked", "possibly linked"};

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

bool sameLonLat(const LonLat& a, const LonLat& b) { return a.lon == b.lon && a.lat == b.lat; }

bool same(const Compound& a, const Compound& b)
{
    return a.id == b.id && a.name == b.name && a.aliases == b.aliases && a.kind == b.kind && a.status == b.status &&
           a.statusDate == b.statusDate && sameLonLat(a.location, b.location) && a.precision == b.precision &&
           a.notes == b.notes && a.statedCountry == b.statedCountry && a.statedAdmin1 == b.statedAdmin1 &&
           a.statedIso31662 == b.statedIso31662;
}

bool same(const Incident& a, const Incident& b)
{
    const bool sameLoc = a.location.has_value() == b.location.has_value() &&
                         (!a.location || sameLonLat(*a.location, *b.location));
    return a.id == b.id && a.kind == b.kind && a.start == b.start && a.end == b.end &&
           a.datePrecision == b.datePrecision && a.summary == b.summary && a.totalPeople == b.totalPeople &&
           a.personnel == b.personnel && sameLoc;
}

bool same(const IncidentLink& a, const IncidentLink& b)
{
    return a.incidentId == b.incidentId && a.compoundId == b.compoundId && a.relation == b.relation;
}
bool same(const NationalityCount& a, const NationalityCount& b)
{
    return a.incidentId == b.incidentId && a.nationality == b.nationality && a.count == b.count;
}
bool same(const Source& a, const Source& b)
{
    return a.id == b.id && a.publisher == b.publisher && a.title == b.title && a.url == b.url &&
           a.published == b.published;
}
bool same(const IncidentSource& a, const IncidentSource& b)
{
    return a.incidentId == b.incidentId && a.sourceId == b.sourceId && a.claim == b.claim;
}

bool same(const CompoundSource& a, const CompoundSource& b)
{
    return a.compoundId == b.compoundId && a.sourceId == b.sourceId && a.claim == b.claim;
}

template <typename T>
bool sameRows(const std::vector<T>& a, const std::vector<T>& b)
{
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!same(a[i], b[i])) return false;
    return true;
}

} // namespace

const char* nameOf(CompoundStatus v) { return kStatusNames[static_cast<int>(v)]; }
const char* nameOf(LocationPrecision v) { return kPrecisionNames[static_cast<int>(v)]; }
const char* nameOf(IncidentKind v) { return kIncidentKindNames[static_cast<int>(v)]; }
const char* nameOf(DatePrecision v) { return kDatePrecisionNames[static_cast<int>(v)]; }
const char* nameOf(LinkRelation v) { return kRelationNames[static_cast<int>(v)]; }

std::optional<CompoundStatus> parseCompoundStatus(std::string_view s) { return parseName<CompoundStatus>(s, kStatusNames); }
std::optional<LocationPrecision> parseLocationPrecision(std::string_view s)
{
    return parseName<LocationPrecision>(s, kPrecisionNames);
}
std::optional<IncidentKind> parseIncidentKind(std::string_view s) { return parseName<IncidentKind>(s, kIncidentKindNames); }
std::optional<DatePrecision> parseDatePrecision(std::string_view s)
{
    return parseName<DatePrecision>(s, kDatePrecisionNames);
}
std::optional<LinkRelation> parseLinkRelation(std::string_view s) { return parseName<LinkRelation>(s, kRelationNames); }

const std::vector<CompoundStatus>& allCompoundStatuses()
{
    static const std::vector<CompoundStatus> v = allOf<CompoundStatus>(kStatusNames);
    return v;
}
const std::vector<LocationPrecision>& allLocationPrecisions()
{
    static const std::vector<LocationPrecision> v = allOf<LocationPrecision>(kPrecisionNames);
    return v;
}
const std::vector<IncidentKind>& allIncidentKinds()
{
    static const std::vector<IncidentKind> v = allOf<IncidentKind>(kIncidentKindNames);
    return v;
}
const std::vector<DatePrecision>& allDatePrecisions()
{
    static const std::vector<DatePrecision> v = allOf<DatePrecision>(kDatePrecisionNames);
    return v;
}
const std::vector<LinkRelation>& allLinkRelations()
{
    static const std::vector<LinkRelation> v = allOf<LinkRelation>(kRelationNames);
    return v;
}

const std::vector<std::string>& compoundKinds()
{
    static const std::vector<std::string> kinds = {"scam compound", "casino compound", "casino", "SEZ",
                                                   "airport",       "border crossing", "other"};
    return kinds;
}

bool CaseDate::valid() const
{
    if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string CaseDate::iso() const
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::optional<CaseDate> parseCaseDate(std::string_view s)
{
    // Exactly YYYY-MM-DD; GDAL's own date text uses '/', and may append a time of 00:00:00.
    if (s.size() > 10 && s.substr(10).find_first_not_of(" 0:") == std::string_view::npos) s = s.substr(0, 10);
    if (s.size() != 10) return std::nullopt;
    for (size_t i : {4u, 7u})
        if (s[i] != '-' && s[i] != '/') return std::nullopt;
    auto num = [&](size_t at, size_t n, int& out) {
        out = 0;
        for (size_t i = at; i < at + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    CaseDate d;
    if (!num(0, 4, d.year) || !num(5, 2, d.month) || !num(8, 2, d.day)) return std::nullopt;
    return d;
}

std::string describeDate(const CaseDate& d, DatePrecision p)
{
    if (!d.valid()) return d.iso();
    switch (p) {
    case DatePrecision::Year: return std::to_string(d.year);
    case DatePrecision::Month: return std::string(kMonths[d.month - 1]) + " " + std::to_string(d.year);
    case DatePrecision::Day: break;
    }
    return std::to_string(d.day) + " " + kMonths[d.month - 1] + " " + std::to_string(d.year);
}

int64_t IncidentView::countsSum() const
{
    int64_t sum = 0;
    for (const NationalityCount* c : counts) sum += c->count;
    return sum;
}

const Compound* CaseData::findCompound(std::string_view id) const
{
    for (const Compound& c : compounds)
        if (c.id == id) return &c;
    return nullptr;
}

const Incident* CaseData::findIncident(std::string_view id) const
{
    for (const Incident& i : incidents)
        if (i.id == id) return &i;
    return nullptr;
}

const Source* CaseData::findSource(std::string_view id) const
{
    for (const Source& s : sources)
        if (s.id == id) return &s;
    return nullptr;
}

IncidentView CaseData::view(const Incident& incident) const
{
    IncidentView v;
    v.incident = &incident;
    for (const IncidentLink& l : links)
        if (l.incidentId == incident.id) v.links.push_back(&l);
    for (const NationalityCount& c : counts)
        if (c.incidentId == incident.id) v.counts.push_back(&c);
    // Largest first, as reports list them ("CN 1,792, MM 179, VN 177, TW 5").
    std::stable_sort(v.counts.begin(), v.counts.end(), [](const NationalityCount* a, const NationalityCount* b) {
        return a->count > b->count;
    });
    for (const IncidentSource& s : incidentSources)
        if (s.incidentId == incident.id) v.sources.emplace_back(&s, findSource(s.sourceId));
    return v;
}

std::vector<std::pair<const CompoundSource*, const Source*>> CaseData::sourcesFor(std::string_view compoundId) const
{
    std::vector<std::pair<const CompoundSource*, const Source*>> out;
    for (const CompoundSource& s : compoundSources)
        if (s.compoundId == compoundId) out.emplace_back(&s, findSource(s.sourceId));
    return out;
}

std::vector<IncidentView> CaseData::incidentsFor(std::string_view compoundId) const
{
    std::vector<IncidentView> out;
    for (const IncidentLink& l : links) {
        if (l.compoundId != compoundId) continue;
        const Incident* inc = findIncident(l.incidentId);
        if (!inc) continue;
        IncidentView v = view(*inc);
        v.relation = l.relation;
        out.push_back(std::move(v));
    }
    std::stable_sort(out.begin(), out.end(), [](const IncidentView& a, const IncidentView& b) {
        const CaseDate ae = a.incident->end.value_or(a.incident->start);
        const CaseDate be = b.incident->end.value_or(b.incident->start);
        return std::tie(a.incident->start, ae, a.incident->id) < std::tie(b.incident->start, be, b.incident->id);
    });
    return out;
}

void CaseData::sortRows()
{
    auto byId = [](const auto& a, const auto& b) { return a.id < b.id; };
    std::sort(compounds.begin(), compounds.end(), byId);
    std::sort(incidents.begin(), incidents.end(), byId);
    std::sort(sources.begin(), sources.end(), byId);
    std::sort(links.begin(), links.end(), [](const IncidentLink& a, const IncidentLink& b) {
        return std::tie(a.incidentId, a.compoundId) < std::tie(b.incidentId, b.compoundId);
    });
    std::sort(counts.begin(), counts.end(), [](const NationalityCount& a, const NationalityCount& b) {
        return std::tie(a.incidentId, a.nationality) < std::tie(b.incidentId, b.nationality);
    });
    std::sort(incidentSources.begin(), incidentSources.end(), [](const IncidentSource& a, const IncidentSource& b) {
        return std::tie(a.incidentId, a.sourceId) < std::tie(b.incidentId, b.sourceId);
    });
    std::sort(compoundSources.begin(), compoundSources.end(), [](const CompoundSource& a, const CompoundSource& b) {
        return std::tie(a.compoundId, a.sourceId) < std::tie(b.compoundId, b.sourceId);
    });
}

bool CaseData::operator==(const CaseData& o) const
{
    return sameRows(compounds, o.compounds) && sameRows(incidents, o.incidents) && sameRows(links, o.links) &&
           sameRows(counts, o.counts) && sameRows(sources, o.sources) && sameRows(incidentSources, o.incidentSources) &&
           sameRows(compoundSources, o.compoundSources);
}

bool isSlug(std::string_view s)
{
    if (s.empty() || s.size() > 80 || s.front() == '-' || s.back() == '-') return false;
    char prev = 0;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && prev == '-')) return false;
        prev = c;
    }
    return true;
}

} // namespace geo
