// Building the legend, attribution and incident box text from the scene and the case data.
#include "viewer/export/briefing_content.hpp"
#include "viewer/export/export_scene.hpp"
#include "viewer/render/layer_titles.hpp"

#include "geo/location_format.hpp"
#include "geo/locator.hpp"

#include <algorithm>
#include <set>

namespace viewer {

std::string groupedThousands(int64_t v)
{
    std::string s = std::to_string(v < 0 ? -v : v);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
    return v < 0 ? "-" + s : s;
}

namespace {

// Provinces drawn as outlines only (a basemap older than province_lines) read as boundaries.
std::string displayName(const SceneLayer& l)
{
    const std::string& n = l.data->name;
    if (n == "provinces" && !l.style.fill && !l.style.thematic.active()) return layerTitle("province_lines");
    return n.empty() ? "Layer" : layerTitle(n);
}

// A layer whose style draws nothing (the basemap's provinces, whose boundaries province_lines
// draws), or that has nothing to draw (no feature read: the borders around Fiji, which has no
// land border), gets no legend entry: the legend lists what the reader sees.
bool drawsNothing(const SceneLayer& l)
{
    const LayerStyle& st = l.style;
    if (l.data->kind == geo::GeomKind::None) return true;
    if (st.thematic.active() || l.data->kind == geo::GeomKind::Point) return false;
    const bool filled = l.data->kind == geo::GeomKind::Polygon && st.fill;
    return !filled && st.strokeWidthPx <= 0;
}

std::string capitalised(std::string s)
{
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

} // namespace

std::vector<LegendEntry> legendFor(const Scene& scene, const std::vector<const geo::Compound*>& shown)
{
    std::vector<LegendEntry> out;
    for (const SceneLayer& l : scene.layers()) {
        const LayerStyle& st = l.style;
        if (!st.visible || st.opacity <= 0 || drawsNothing(l)) continue;
        LegendEntry e;
        e.label = displayName(l);
        if (st.thematic.active()) {
            // One entry per class, as the style editor lists them (pushed last class first:
            // the whole list is reversed below).
            const ThematicStyle& t = st.thematic;
            for (size_t k = t.colors.size(); k-- > 0;) {
                LegendEntry c;
                c.label = e.label + ": " + (k < t.labels.size() ? t.labels[k] : "") +
                          (k < t.counts.size() ? " (" + std::to_string(t.counts[k]) + ")" : "");
                c.symbol = l.data->kind == geo::GeomKind::Polygon ? LegendSymbol::Area
                           : l.data->kind == geo::GeomKind::Line  ? LegendSymbol::Line
                                                                  : LegendSymbol::Point;
                c.fill = t.colors[k];
                c.stroke = l.data->kind == geo::GeomKind::Line ? t.colors[k] : st.strokeColor;
                c.strokePx = st.strokeWidthPx;
                c.sizePx = st.pointSizePx;
                out.push_back(c);
            }
            continue;
        }
        e.fill = st.fillColor;
        e.stroke = st.strokeColor;
        e.strokePx = st.strokeWidthPx;
        e.sizePx = st.pointSizePx;
        switch (l.data->kind) {
        case geo::GeomKind::Polygon:
            e.symbol = !st.fill ? LegendSymbol::Line : st.paletteFill ? LegendSymbol::PaletteArea : LegendSymbol::Area;
            if (st.paletteFill) e.palette.assign(st.palette.begin(), st.palette.begin() + 3);
            break;
        case geo::GeomKind::Line: e.symbol = LegendSymbol::Line; break;
        default: e.symbol = LegendSymbol::Point; break;
        }
        out.push_back(e);
    }
    // Top layer first, as a reader scans from what is on top.
    std::reverse(out.begin(), out.end());
    std::set<geo::CompoundStatus> statuses;
    for (const geo::Compound* c : shown) statuses.insert(c->status);
    for (geo::CompoundStatus s : geo::allCompoundStatuses()) {
        if (!statuses.count(s)) continue;
        LegendEntry e;
        e.label = "Compound, " + std::string(geo::nameOf(s));
        e.symbol = LegendSymbol::Point;
        e.fill = compoundStatusColor(s);
        e.stroke = {1, 1, 1, 1};
        e.sizePx = 11;
        e.strokePx = 1.5f;
        out.insert(out.begin(), e);
    }
    return out;
}

std::string attributionFor(const geo::CaseData& cases, const std::vector<const geo::Compound*>& shown, bool anyBasemap)
{
    std::set<std::string> publishers;
    for (const geo::Compound* c : shown) {
        for (const auto& [link, src] : cases.sourcesFor(c->id))
            if (src) publishers.insert(src->publisher);
        for (const geo::IncidentView& v : cases.incidentsFor(c->id))
            for (const auto& [link, src] : v.sources)
                if (src) publishers.insert(src->publisher);
    }
    std::string s = anyBasemap ? "Basemap: Natural Earth 1:10m (public domain)." : "";
    if (!publishers.empty()) {
        s += s.empty() ? "Cases: " : " Cases: ";
        bool first = true;
        for (const std::string& p : publishers) {
            s += (first ? "" : ", ") + p;
            first = false;
        }
        s += ".";
    }
    return s;
}

IncidentBoxContent incidentBoxFor(const geo::CaseData& cases, const geo::Compound& c,
                                  const std::optional<geo::Location>& location)
{
    IncidentBoxContent box;
    box.heading = c.name;
    auto add = [&](const std::string& line, bool bold = false) {
        box.lines.push_back(line);
        box.bold.push_back(bold);
    };
    std::string kind = capitalised(c.kind) + " - " + geo::nameOf(c.status);
    if (c.statusDate) kind += " " + geo::describeDate(*c.statusDate, geo::DatePrecision::Day);
    add(kind);
    if (location) {
        const geo::Attribution& p = location->province;
        if (p.area)
            add("Province: " + p.area->name + " (" + geo::certaintyName(p.certainty) + ", from Natural Earth polygons)");
        else
            add("Province: " + geo::describeAttribution(p));
        if (location->border) add("Border: " + geo::describeBorder(location->border));
    }
    add(std::string("Location precision: ") + geo::nameOf(c.precision));
    const std::vector<geo::IncidentView> incidents = cases.incidentsFor(c.id); // in time order
    std::set<std::string> publishers;
    size_t shownIncidents = 0;
    for (const geo::IncidentView& v : incidents) {
        if (shownIncidents++ == 3) break;
        const geo::Incident& inc = *v.incident;
        std::string head = geo::describeDate(inc.start, inc.datePrecision);
        if (inc.end) head += " to " + geo::describeDate(*inc.end, inc.datePrecision);
        // A link that is not "at" is a claim of its own: never let it read as a fact.
        const std::string relation = v.relation == geo::LinkRelation::At ? "" : " (" + std::string(geo::nameOf(v.relation)) + ")";
        add(head + ": " + geo::nameOf(inc.kind) + relation, true);
        std::string figures;
        if (inc.totalPeople) figures = groupedThousands(*inc.totalPeople) + (inc.kind == geo::IncidentKind::Raid ? " detained" : " people");
        if (!v.counts.empty()) {
            std::string by;
            for (const geo::NationalityCount* n : v.counts)
                by += (by.empty() ? "" : " / ") + n->nationality + " " + groupedThousands(n->count);
            figures += (figures.empty() ? "" : ": ") + by;
            if (inc.totalPeople && v.countsSum() > *inc.totalPeople)
                figures += " (as published; adds to " + groupedThousands(v.countsSum()) + ")";
        }
        if (!figures.empty()) add(figures);
        if (inc.personnel) add("~" + groupedThousands(*inc.personnel) + " personnel");
        for (const auto& [link, src] : v.sources)
            if (src) publishers.insert(src->publisher);
    }
    if (incidents.empty()) add("No incidents recorded.");
    for (const auto& [link, src] : cases.sourcesFor(c.id))
        if (src) publishers.insert(src->publisher);
    if (!publishers.empty()) {
        std::string s = "Sources: ";
        bool first = true;
        for (const std::string& p : publishers) {
            s += (first ? "" : ", ") + p;
            first = false;
        }
        add(s);
    }
    return box;
}

} // namespace viewer
