// Points are kept in lon/lat and projected each frame, so the drawing follows pan, zoom and a
// change of map CRS.
#include "viewer/ui/measure_overlay.hpp"
#include "viewer/ui/panel_window.hpp"

#include <imgui.h>

#include <cmath>
#include <vector>

namespace viewer {

namespace {

constexpr ImU32 kLine = IM_COL32(200, 30, 60, 255);
constexpr ImU32 kHalo = IM_COL32(255, 255, 255, 200);
constexpr ImU32 kFill = IM_COL32(200, 30, 60, 40);

// Screen points (ImGui points, not drawable pixels) of the tool's corners that the CRS can show.
std::vector<ImVec2> screenPoints(const Session& s)
{
    std::vector<ImVec2> out;
    const float k = static_cast<float>(1 / s.pixelRatio);
    for (const MeasurePoint& p : s.measure.points()) {
        const geo::MapXY m = s.crs.forward(p.at);
        if (!std::isfinite(m.x) || !std::isfinite(m.y)) continue;
        const geo::ScreenPx q = s.view.toScreen(m);
        out.push_back(ImVec2(static_cast<float>(q.x) * k, static_cast<float>(q.y) * k));
    }
    return out;
}

// ImGui fills convex polygons only; a concave ring is outlined and left unfilled.
bool convex(const std::vector<ImVec2>& p)
{
    int sign = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        const ImVec2 &a = p[i], &b = p[(i + 1) % p.size()], &c = p[(i + 2) % p.size()];
        const float cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
        if (cross == 0) continue;
        if (sign == 0) sign = cross > 0 ? 1 : -1;
        else if ((cross > 0 ? 1 : -1) != sign) return false;
    }
    return true;
}

void drawOnMap(const Session& s)
{
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    std::vector<ImVec2> pts = screenPoints(s);
    const bool area = s.measure.mode() == MeasureMode::Area;
    // While points are being taken, a rubber band to the pointer (over the map only).
    std::vector<ImVec2> line = pts;
    if (s.measure.takingPoints() && s.cursor && !s.cursorOverUi && !pts.empty())
        line.push_back(ImVec2(static_cast<float>(s.cursor->x / s.pixelRatio), static_cast<float>(s.cursor->y / s.pixelRatio)));
    if (area && line.size() >= 3 && convex(line)) dl->AddConvexPolyFilled(line.data(), static_cast<int>(line.size()), kFill);
    const ImDrawFlags closed = area && line.size() >= 3 ? ImDrawFlags_Closed : ImDrawFlags_None;
    if (line.size() >= 2) {
        dl->AddPolyline(line.data(), static_cast<int>(line.size()), kHalo, closed, 5.0f);
        dl->AddPolyline(line.data(), static_cast<int>(line.size()), kLine, closed, 2.5f);
    }
    const auto& mp = s.measure.points();
    for (size_t i = 0; i < pts.size() && i < mp.size(); ++i) {
        dl->AddCircleFilled(pts[i], 4.5f, kLine);
        dl->AddCircle(pts[i], 4.5f, kHalo, 0, 1.5f);
        if (!mp[i].snappedTo.empty()) dl->AddCircle(pts[i], 9.0f, kLine, 0, 2.0f); // snapped: a ring
    }
    if (pts.size() < 2) return;
    // The total beside the last point, on a light box so it reads over any map.
    const std::string total = s.measure.totalText();
    const ImVec2 size = ImGui::CalcTextSize(total.c_str());
    const ImVec2 at(pts.back().x + 12, pts.back().y - size.y - 8);
    dl->AddRectFilled(ImVec2(at.x - 4, at.y - 2), ImVec2(at.x + size.x + 4, at.y + size.y + 2), IM_COL32(255, 255, 255, 230), 3.0f);
    dl->AddRect(ImVec2(at.x - 4, at.y - 2), ImVec2(at.x + size.x + 4, at.y + size.y + 2), kLine, 3.0f);
    dl->AddText(at, IM_COL32(20, 20, 20, 255), total.c_str());
}

void drawWindow(Session& s)
{
    MeasureTool& m = s.measure;
    const ImGuiIO& io = ImGui::GetIO();
    // Held at the bottom centre, above the status bar, as it grows with the points: clear of
    // the panels and of the top of the map.
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y - ImGui::GetFrameHeight() - 12), ImGuiCond_Always,
                            ImVec2(0.5f, 1));
    bool open = true;
    const char* title = m.mode() == MeasureMode::Area ? "Measure area###measure" : "Measure distance###measure";
    {
        PanelWindow window(title, &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
        if (window) {
            ImGui::TextUnformatted(m.totalText().c_str());
            if (m.mode() == MeasureMode::Area) ImGui::TextDisabled("perimeter %s", geo::formatLength(m.lengthM(), m.unit()).c_str());
            int unit = static_cast<int>(m.unit());
            ImGui::RadioButton("km", &unit, static_cast<int>(geo::LengthUnit::Kilometres));
            ImGui::SameLine();
            ImGui::RadioButton("m", &unit, static_cast<int>(geo::LengthUnit::Metres));
            ImGui::SameLine();
            ImGui::RadioButton("nautical miles", &unit, static_cast<int>(geo::LengthUnit::NauticalMiles));
            m.setUnit(static_cast<geo::LengthUnit>(unit));
            for (size_t i = 0; i < m.points().size(); ++i) {
                const MeasurePoint& p = m.points()[i];
                if (p.snappedTo.empty()) ImGui::TextDisabled("%zu. %.5f, %.5f", i + 1, p.at.lon, p.at.lat);
                else ImGui::Text("%zu. %s", i + 1, p.snappedTo.c_str());
            }
            if (ImGui::Button("Copy")) ImGui::SetClipboardText(m.resultText().c_str());
            ImGui::SameLine();
            if (ImGui::Button("Undo point")) m.removeLast();
            if (m.takingPoints()) {
                ImGui::SameLine();
                if (ImGui::Button("Finish")) m.finish();
            }
            ImGui::TextDisabled(m.takingPoints() ? "Click the map; near a compound snaps to it.\nDouble click or Enter finishes, Esc closes."
                                                 : "Esc closes; M or Shift+M starts again.");
        }
    }
    if (!open) m.end();
}

} // namespace

void drawMeasureMenuItems(Session& s)
{
    if (ImGui::MenuItem("Measure distance", "M")) s.measure.start(MeasureMode::Distance);
    if (ImGui::MenuItem("Measure area", "Shift+M")) s.measure.start(MeasureMode::Area);
}

void drawMeasure(Session& s)
{
    if (!s.measure.active()) return;
    drawOnMap(s);
    drawWindow(s);
}

} // namespace viewer
