// Status bar window pinned to the bottom edge.
#include "viewer/ui/status_bar.hpp"
#include "viewer/ui/coordinate_format.hpp"
#include "viewer/ui/map_crs_menu.hpp"

#include <imgui.h>

namespace viewer {

float statusBarHeight() { return ImGui::GetFrameHeight() + 6; }

void drawStatusBar(Session& session)
{
    const ImGuiIO& io = ImGui::GetIO();
    const float h = statusBarHeight();
    ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y - h));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 3));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin("##status", nullptr, flags)) {
        if (session.cursor) {
            const geo::LonLat ll = session.crs.inverse(session.view.toMap(*session.cursor));
            ImGui::Text("%s   %s", formatDecimal(ll).c_str(), formatDms(ll).c_str());
        } else {
            ImGui::TextDisabled("move the pointer over the map");
        }
        ImGui::SameLine(io.DisplaySize.x * 0.55f);
        const double scale = geo::scaleDenominator(session.view.unitsPerPixel() * session.pixelRatio,
                                                   session.crs.metresPerUnitAt(session.view.center()));
        ImGui::Text("%s", formatScale(scale).c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("|");
        ImGui::SameLine();
        // The CRS label is also the way to change it (as View > Map CRS).
        if (ImGui::SmallButton((session.crs.label() + "##crs").c_str())) ImGui::OpenPopup("##mapcrs");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Map CRS: click to change");
        if (ImGui::BeginPopup("##mapcrs")) {
            drawMapCrsChoices(session);
            ImGui::EndPopup();
        }
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

} // namespace viewer
