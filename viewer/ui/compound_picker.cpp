// Popup, tooltip and labels; positions convert drawable pixels to window points.
#include "viewer/ui/compound_picker.hpp"

#include "viewer/cases/compound_style.hpp"

#include <imgui.h>

namespace viewer {

namespace {

constexpr const char* kPickerId = "Compounds at this point";

ImU32 toU32(Rgba c) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a)); }

ImVec2 toPoints(const Session& s, geo::ScreenPx p)
{
    return ImVec2(static_cast<float>(p.x / s.pixelRatio), static_cast<float>(p.y / s.pixelRatio));
}

void dot(const geo::Compound& c)
{
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool place = isPlaceKind(c.kind);
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + h / 2, p.y + h / 2), h * 0.38f,
                                                toU32(place ? kPlaceFill : statusColor(c.status)));
    ImGui::GetWindowDrawList()->AddCircle(ImVec2(p.x + h / 2, p.y + h / 2), h * 0.38f,
                                          toU32(place ? kPlaceOutline : Rgba{1, 1, 1, 1}), 0, 1.5f);
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
}

} // namespace

void drawCompoundPicker(Session& s)
{
    CaseView& cases = s.cases;
    if (!cases.hasData()) return;
    if (cases.picker) {
        cases.pickerShowing = cases.picker->compoundIds;
        ImGui::SetNextWindowPos(toPoints(s, cases.picker->at));
        ImGui::OpenPopup(kPickerId);
        cases.picker.reset();
    }
    cases.pickerItems.clear();
    if (!ImGui::BeginPopup(kPickerId)) return;
    ImGui::Text("%zu compounds share this point:", cases.pickerShowing.size());
    ImGui::Separator();
    for (const std::string& id : cases.pickerShowing) {
        const geo::Compound* c = cases.data().findCompound(id);
        if (!c) continue;
        dot(*c);
        const std::string label = c->name + "  (" + geo::nameOf(c->status) + ")##pick-" + id;
        if (ImGui::Selectable(label.c_str())) {
            cases.select(id);
            s.scene.select(std::nullopt);
        }
        const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
        cases.pickerItems.emplace_back(id, geo::ScreenPx{(lo.x + hi.x) / 2 * s.pixelRatio, (lo.y + hi.y) / 2 * s.pixelRatio});
    }
    ImGui::EndPopup();
}

bool drawCompoundTooltip(const Session& s)
{
    if (!s.cursor || !s.cases.hasData()) return false;
    const std::vector<std::string> ids = s.cases.compoundsAt(*s.cursor, s.view);
    if (ids.empty()) return false;
    ImGui::SetNextWindowPos(ImVec2(toPoints(s, *s.cursor).x + 16, toPoints(s, *s.cursor).y + 18));
    ImGui::BeginTooltip();
    for (const std::string& id : ids)
        if (const geo::Compound* c = s.cases.data().findCompound(id)) {
            dot(*c);
            ImGui::Text("%s  (%s)", c->name.c_str(), geo::nameOf(c->status));
        }
    if (ids.size() > 1) ImGui::TextDisabled("Click to choose one");
    ImGui::EndTooltip();
    return true;
}

void drawCompoundLabels(const Session& s)
{
    if (!s.cases.hasData()) return;
    const MarkerLayout& layout = s.cases.layout();
    const LayoutInput& input = s.cases.layoutInput();
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const ImU32 text = IM_COL32(20, 20, 30, 255), halo = IM_COL32(255, 255, 255, 230);
    for (const PlacedGroup& g : layout.groups) {
        if (g.members.size() < 2) continue;
        if (!g.spread) {
            // A badge with the count on the top member of the stack.
            const PlacedCompound& top = layout.compounds[g.members.back()];
            const ImVec2 p = toPoints(s, s.view.toScreen(top.drawn));
            // Marker sizes are in style pixels, ImGui's units.
            const ImVec2 c(p.x + top.diameterPx / 2 + 4, p.y - top.diameterPx / 2 - 3);
            dl->AddCircleFilled(c, 8, IM_COL32(30, 30, 40, 235));
            const std::string n = std::to_string(g.members.size());
            const ImVec2 ts = ImGui::CalcTextSize(n.c_str());
            dl->AddText(ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), IM_COL32(255, 255, 255, 255), n.c_str());
            continue;
        }
        // Spread: each name beside its marker, on the side away from the shared point.
        const ImVec2 a = toPoints(s, s.view.toScreen(g.anchor));
        for (size_t m : g.members) {
            const PlacedCompound& p = layout.compounds[m];
            const ImVec2 q = toPoints(s, s.view.toScreen(p.drawn));
            const std::string& name = input.compounds[p.input].name;
            const ImVec2 ts = ImGui::CalcTextSize(name.c_str());
            const float r = p.diameterPx / 2 + 4;
            const float x = q.x >= a.x - 1 ? q.x + r : q.x - r - ts.x;
            const float y = q.y - ts.y / 2;
            for (int dx = -1; dx <= 1; ++dx)
                for (int dy = -1; dy <= 1; ++dy)
                    if (dx || dy) dl->AddText(ImVec2(x + static_cast<float>(dx), y + static_cast<float>(dy)), halo, name.c_str());
            dl->AddText(ImVec2(x, y), text, name.c_str());
        }
    }
}

} // namespace viewer
