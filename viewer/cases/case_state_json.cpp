// Case state JSON, written from the same CompoundDetails the panel draws.
#include "viewer/cases/case_state_json.hpp"

#include "geo/location_format.hpp"

namespace viewer {

namespace {

using nlohmann::json;

json sourcesJson(const std::vector<SourceRef>& sources)
{
    json a = json::array();
    for (const SourceRef& s : sources)
        a.push_back({{"number", s.number}, {"id", s.id}, {"url", s.url}, {"claim", s.claim}, {"missing", s.missing}});
    return a;
}

json panelJson(const CompoundDetails& d)
{
    json c = {{"id", d.compound.id},
              {"name", d.compound.name},
              {"status", geo::nameOf(d.compound.status)},
              {"precision", geo::nameOf(d.compound.precision)},
              {"people_affected", d.peopleAffected}};
    if (d.derived) {
        c["country"] = geo::describeAttribution(d.derived->location.country);
        c["province"] = geo::describeAttribution(d.derived->location.province);
        c["border"] = geo::describeBorder(d.derived->location.border);
        c["stated_country_check"] = describeStatedCheck(d.derived->country);
        c["stated_province_check"] = describeStatedCheck(d.derived->province);
    }
    json incidents = json::array();
    for (const IncidentRow& r : d.incidents) {
        json bars = json::array();
        for (const FigureBar& b : r.figures.bars) bars.push_back({{"code", b.code}, {"count", b.count}});
        incidents.push_back({{"id", r.id},
                             {"kind", geo::nameOf(r.kind)},
                             {"relation", geo::nameOf(r.relation)},
                             {"dates", r.dates},
                             {"total", r.figures.total ? json(*r.figures.total) : json(nullptr)},
                             {"breakdown_sum", r.figures.breakdownSum},
                             {"breakdown_exceeds_total", r.figures.exceedsTotal},
                             {"by_nationality", bars},
                             {"personnel", r.figures.personnel ? json(*r.figures.personnel) : json(nullptr)},
                             {"sources", sourcesJson(r.sources)}});
    }
    json findings = json::array();
    for (const geo::CaseFinding& f : d.findings) findings.push_back(f.code);
    return {{"compound", c},
            {"sources", sourcesJson(d.sources)},
            {"incidents", incidents},
            {"outside_filter", d.outsideFilter},
            {"findings", findings}};
}

json statusJson(const EditorStatus& st)
{
    json conflicts = json::array();
    for (const geo::CaseConflict& c : st.conflicts) {
        json fields = json::array();
        for (const geo::FieldChange& f : c.fields) fields.push_back({{"field", f.field}, {"theirs", f.theirs}, {"yours", f.yours}});
        conflicts.push_back({{"table", c.table}, {"key", c.key}, {"what", c.what}, {"fields", fields}});
    }
    return {{"error", st.error.empty() ? json(nullptr) : json(st.error)}, {"conflicts", conflicts}};
}

// The open editor forms as the windows show them (what is typed, and the last save's refusal).
json editorJson(const CaseEditing& ed)
{
    json j;
    j["saves"] = ed.saves;
    j["compound"] = nullptr;
    if (ed.compound) {
        const CompoundForm& f = *ed.compound;
        j["compound"] = {{"id", f.id},
                         {"is_new", f.isNew},
                         {"name", f.name},
                         {"status", geo::nameOf(f.status)},
                         {"notes", f.notes},
                         {"save_status", statusJson(ed.compoundStatus)}};
    }
    j["incident"] = nullptr;
    if (ed.incident) j["incident"] = {{"id", ed.incident->id}, {"save_status", statusJson(ed.incidentStatus)}};
    return j;
}

} // namespace

json caseStateJson(const CaseView& cases, const geo::Viewport& view)
{
    json j;
    j["store"] = cases.storePath();
    j["loaded"] = cases.hasData();
    j["error"] = cases.error().empty() ? json(nullptr) : json(cases.error());
    j["reloads"] = cases.reloads();
    j["selected_compound"] = cases.selected().empty() ? json(nullptr) : json(cases.selected());
    j["search"] = cases.search;
    const TimeFilter& f = cases.filter();
    j["time_filter"] = {{"enabled", f.enabled}, {"from", isoOfDay(f.range.first)}, {"to", isoOfDay(f.range.last)}};
    j["panel"] = cases.details() ? panelJson(*cases.details()) : json(nullptr);
    json markers = json::array();
    const MarkerLayout& layout = cases.layout();
    for (const PlacedCompound& p : layout.compounds) {
        const geo::ScreenPx s = view.toScreen(p.drawn);
        const PlacedGroup& g = layout.groups[p.group];
        markers.push_back({{"id", cases.layoutInput().compounds[p.input].id},
                           {"x", s.x},
                           {"y", s.y},
                           {"diameter", p.diameterPx},
                           {"spread", g.spread && g.members.size() > 1},
                           {"stacked", !g.spread && g.members.size() > 1},
                           {"group_size", g.members.size()}});
    }
    j["markers"] = markers;
    json picker = json::array();
    for (const auto& [id, at] : cases.pickerItems) picker.push_back({{"id", id}, {"x", at.x}, {"y", at.y}});
    j["picker"] = picker;
    j["editor"] = editorJson(cases.editing);
    return j;
}

} // namespace viewer
