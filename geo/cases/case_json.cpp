// JSON shapes of compounds, incidents, sources and findings (documented in data/cases/README.md).
#include "geo/cases/case_json.hpp"

namespace geo {

namespace {

using nlohmann::json;

json optDate(const std::optional<CaseDate>& d) { return d ? json(d->iso()) : json(nullptr); }
json optInt(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }
json optText(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

} // namespace

json toJson(const Compound& c)
{
    return {{"id", c.id},
            {"name", c.name},
            {"aliases", c.aliases},
            {"kind", c.kind},
            {"status", nameOf(c.status)},
            {"status_date", optDate(c.statusDate)},
            {"lon", c.location.lon},
            {"lat", c.location.lat},
            {"location_precision", nameOf(c.precision)},
            {"notes", optText(c.notes)},
            {"stated", {{"country", optText(c.statedCountry)},
                        {"admin1", optText(c.statedAdmin1)},
                        {"iso_3166_2", optText(c.statedIso31662)}}}};
}

json toJson(const Source& s)
{
    return {{"id", s.id},
            {"publisher", optText(s.publisher)},
            {"title", optText(s.title)},
            {"url", s.url},
            {"published", optDate(s.published)}};
}

json toJson(const IncidentView& v)
{
    const Incident& i = *v.incident;
    json j = {{"id", i.id},
              {"kind", nameOf(i.kind)},
              {"start", i.start.iso()},
              {"end", optDate(i.end)},
              {"date_precision", nameOf(i.datePrecision)},
              {"date_text", describeIncidentDates(i)},
              {"summary", optText(i.summary)},
              {"total_people", optInt(i.totalPeople)},
              {"personnel", optInt(i.personnel)},
              {"location", i.location ? json{{"lon", i.location->lon}, {"lat", i.location->lat}} : json(nullptr)}};
    j["compounds"] = json::array();
    for (const IncidentLink* l : v.links) j["compounds"].push_back({{"id", l->compoundId}, {"relation", nameOf(l->relation)}});
    j["counts"] = json::array();
    for (const NationalityCount* c : v.counts) j["counts"].push_back({{"nationality", c->nationality}, {"count", c->count}});
    j["counts_sum"] = v.counts.empty() ? json(nullptr) : json(v.countsSum());
    j["sources"] = json::array();
    for (const auto& [cite, src] : v.sources) {
        json s = src ? toJson(*src) : json{{"id", cite->sourceId}, {"missing", true}};
        s["claim"] = optText(cite->claim);
        j["sources"].push_back(std::move(s));
    }
    return j;
}

json toJson(const CaseFinding& f)
{
    return {{"severity", nameOf(f.severity)},
            {"code", f.code},
            {"incident", optText(f.incidentId)},
            {"compound", optText(f.compoundId)},
            {"source", optText(f.sourceId)},
            {"message", f.message}};
}

json toJson(const std::vector<CaseFinding>& findings)
{
    json a = json::array();
    for (const CaseFinding& f : findings) a.push_back(toJson(f));
    return a;
}

std::string describeIncidentDates(const Incident& i)
{
    const std::string start = describeDate(i.start, i.datePrecision);
    if (!i.end || *i.end == i.start) return start;
    return start + " to " + describeDate(*i.end, i.datePrecision);
}

} // namespace geo
