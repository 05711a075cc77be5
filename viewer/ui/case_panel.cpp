// Panel layout: search + list, filter, legend, then the selected compound's details.
#include "viewer/ui/case_panel.hpp"
#include "viewer/ui/case_editor.hpp"
#include "viewer/ui/panel_layout.hpp"
#include "viewer/ui/case_incident.hpp"
#include "viewer/ui/panel_window.hpp"
#include "viewer/ui/time_filter.hpp"
#include "viewer/ui/widget_notes.hpp"

#include "viewer/cases/compound_search.hpp"
#include "viewer/cases/compound_style.hpp"

#include "geo/location_format.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace viewer {

namespace {

const ImVec4 kWarnColor(0.85f, 0.37f, 0.0f, 1);
const ImVec4 kOkColor(0.0f, 0.50f, 0.36f, 1);

ImU32 toU32(Rgba c) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a)); }

// A coloured disc the size of a text line, then the cursor on the same line.
void statusDot(Rgba fill, Rgba outline)
{
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(p.x + h / 2, p.y + h / 2);
    dl->AddCircleFilled(c, h * 0.38f, toU32(fill));
    dl->AddCircle(c, h * 0.38f, toU32(outline), 0, 1.5f);
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
}

void compoundDot(const geo::Compound& c)
{
    if (isPlaceKind(c.kind)) statusDot(kPlaceFill, kPlaceOutline);
    else statusDot(statusColor(c.status), {1, 1, 1, 1});
}

// The status colours, one line, always shown.
void drawStatusKey()
{
    for (geo::CompoundStatus s : geo::allCompoundStatuses()) {
        statusDot(statusColor(s), {1, 1, 1, 1});
        ImGui::TextUnformatted(statusLabel(s));
        ImGui::SameLine(0, 12);
    }
    statusDot(kPlaceFill, kPlaceOutline);
    ImGui::TextUnformatted("Place");
}

void drawLegend()
{
    statusDot(kPlaceFill, kPlaceOutline);
    ImGui::TextUnformatted("Place (airport, crossing) or an incident's own location");
    ImGui::TextWrapped("Size: people affected (incidents at the compound in the date range, square-root scale). "
                       "Shaded circle: town-precision location, the compound is somewhere within ~%.0f km. "
                       "Compounds sharing a point are stacked when zoomed out (click to choose) and spread in a "
                       "ring around the point when zoomed in. Dotted lines join the selected compound to incident "
                       "places; sparse dots mean \"possibly linked\".",
                       kTownUncertaintyKm);
}

void drawCheck(const char* level, StatedCheck c)
{
    const ImVec4 color = c == StatedCheck::Contradicted ? kWarnColor : c == StatedCheck::NotStated ? ImVec4(0.5f, 0.5f, 0.5f, 1)
                                                                                                     : kOkColor;
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::Bullet();
    ImGui::TextWrapped("stated %s: %s", level, describeStatedCheck(c));
    ImGui::PopStyleColor();
}

// Returns false when the user cleared the selection (`d` is then about to go stale).
bool drawCompound(Session& s, const CompoundDetails& d)
{
    const geo::Compound& c = d.compound;
    compoundDot(c);
    ImGui::TextUnformatted(c.name.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", c.id.c_str());
    if (!c.aliases.empty()) {
        std::string aka;
        for (const std::string& a : c.aliases) aka += (aka.empty() ? "" : "; ") + a;
        ImGui::TextWrapped("Also known as: %s", aka.c_str());
    }
    ImGui::Text("Kind: %s", c.kind.c_str());
    ImGui::Text("Status: %s%s", geo::nameOf(c.status),
                c.statusDate ? (" since " + geo::describeDate(*c.statusDate, geo::DatePrecision::Day)).c_str() : "");
    ImGui::Text("Point: %.5f, %.5f (lon, lat)", c.location.lon, c.location.lat);
    ImGui::Text("Precision: %s", geo::nameOf(c.precision));
    if (c.precision != geo::LocationPrecision::Site) {
        ImGui::SameLine();
        ImGui::TextDisabled("(a %s centre, not the compound itself)", geo::nameOf(c.precision));
    }
    if (d.derived) {
        const geo::Location& loc = d.derived->location;
        ImGui::TextWrapped("Country (from the basemap): %s", geo::describeAttribution(loc.country).c_str());
        ImGui::TextWrapped("Province (from the basemap): %s", geo::describeAttribution(loc.province).c_str());
        ImGui::TextWrapped("Border: %s", geo::describeBorder(loc.border).c_str());
    } else {
        ImGui::TextDisabled("Country and province: not derived (basemap unavailable)");
    }
    if (!c.statedAdmin1.empty() || !c.statedCountry.empty()) {
        ImGui::TextWrapped("Stated: %s%s, %s", c.statedAdmin1.c_str(),
                           c.statedIso31662.empty() ? "" : (" (" + c.statedIso31662 + ")").c_str(), c.statedCountry.c_str());
        if (d.derived) {
            drawCheck("country", d.derived->country);
            drawCheck("province", d.derived->province);
        }
    }
    if (!c.notes.empty()) ImGui::TextWrapped("Notes: %s", c.notes.c_str());
    if (ImGui::SmallButton("Zoom to compound")) {
        const geo::MapXY m = s.crs.forward(c.location);
        const double mpu = s.crs.metresPerUnitAt(m);
        const double r = 8000 / (mpu > 0 ? mpu : 1); // ~8 km around
        geo::Extent e;
        e.expand(m.x - r, m.y - r);
        e.expand(m.x + r, m.y + r);
        s.zoomTo(e);
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("Clear selection")) return false;
    ImGui::Separator();
    ImGui::Text("Incidents (%zu, in time order)", d.incidents.size());
    if (d.outsideFilter > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("+ %zu outside the date range", d.outsideFilter);
    }
    if (d.incidents.empty()) ImGui::TextDisabled("None recorded%s.", d.outsideFilter ? " in the date range" : "");
    for (const IncidentRow& row : d.incidents) drawIncidentRow(row, d.incidents.size() <= 3);
    // Below the incidents: the numbers run in reading order (see source_numbers.hpp).
    if (!d.sources.empty() && ImGui::TreeNodeEx("Sources about the compound", ImGuiTreeNodeFlags_None)) {
        for (const SourceRef& r : d.sources) drawSourceRef(r);
        ImGui::TreePop();
    }
    if (!d.findings.empty()) {
        ImGui::Separator();
        ImGui::Text("Findings (%zu)", d.findings.size());
        for (const geo::CaseFinding& f : d.findings) drawFinding(f);
    }
    return true;
}

void drawList(Session& s)
{
    CaseView& cases = s.cases;
    const geo::CaseData& data = cases.data();
    char buf[256];
    std::snprintf(buf, sizeof buf, "%s", cases.search.c_str());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##search", "Search name or alias...", buf, sizeof buf)) cases.search = buf;
    noteItem(s, "cases.search");
    const std::vector<SearchHit> hits = searchCompounds(data, cases.search);
    const float rows = static_cast<float>(std::min<size_t>(std::max<size_t>(hits.size(), 1), 5));
    ImGui::BeginChild("##compounds", ImVec2(0, rows * ImGui::GetTextLineHeightWithSpacing() + 8), true);
    for (const SearchHit& h : hits) {
        const geo::Compound& c = data.compounds[h.compound];
        const bool shown = cases.shown(c);
        compoundDot(c);
        std::string label = c.name;
        if (!h.matchedAlias.empty()) label += "  (" + h.matchedAlias + ")";
        label += "##" + c.id;
        if (!shown) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        if (ImGui::Selectable(label.c_str(), cases.selected() == c.id)) {
            cases.select(c.id);
            s.scene.select(std::nullopt);
            cases.centreRequested = true;
        }
        if (!shown) ImGui::PopStyleColor();
        if (!shown && ImGui::IsItemHovered()) ImGui::SetTooltip("No incident in the date range");
    }
    if (hits.empty()) ImGui::TextDisabled("No compound matches.");
    ImGui::EndChild();
    // Enter in the search box picks the best match.
    if (!hits.empty() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) && !cases.search.empty() &&
        cases.selected() != data.compounds[hits.front().compound].id) {
        cases.select(data.compounds[hits.front().compound].id);
        s.scene.select(std::nullopt);
        cases.centreRequested = true;
    }
}

} // namespace

void drawCasePanel(Session& s)
{
    if (!s.showCases) return;
    const ImGuiIO& io = ImGui::GetIO();
    const PanelBox at = panelLayout(io.DisplaySize.x, io.DisplaySize.y).cases; // the right edge
    ImGui::SetNextWindowPos(ImVec2(at.x, at.y), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(at.w, at.h), ImGuiCond_FirstUseEver);
    PanelWindow window("Compounds & incidents", &s.showCases);
    if (!window) return;
    noteWindow(s, "cases.panel"); // its scroll: the e2e test scrolls to the incidents
    CaseView& cases = s.cases;
    if (!cases.hasData()) {
        if (cases.loading()) ImGui::TextDisabled("Loading the case store...");
        if (!cases.error().empty()) ImGui::TextColored(kWarnColor, "%s", cases.error().c_str());
        return;
    }
    if (!cases.error().empty()) ImGui::TextColored(kWarnColor, "%s", cases.error().c_str());
    drawList(s);
    drawCaseEditButtons(s);
    if (ImGui::CollapsingHeader("Date range")) drawTimeFilter(cases);
    drawStatusKey();
    if (ImGui::CollapsingHeader("Legend")) drawLegend();
    ImGui::Separator();
    if (const CompoundDetails* d = cases.details()) {
        if (!drawCompound(s, *d)) cases.select("");
    } else ImGui::TextDisabled("Click a compound on the map, or pick one above.");
}

} // namespace viewer
