// The Map CRS submenu.
#include "viewer/ui/map_crs_menu.hpp"
#include "viewer/ui/widget_notes.hpp"

#include "geo/crs.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>
#include <cstdlib>

namespace viewer {

std::string utmZoneName(const std::string& utmCode)
{
    const int code = std::atoi(utmCode.c_str() + (utmCode.rfind(':') == std::string::npos ? 0 : utmCode.rfind(':') + 1));
    return "WGS 84 / UTM zone " + std::to_string(code % 100) + (code / 100 == 326 ? "N" : "S");
}

void drawMapCrsMenu(Session& s)
{
    const bool open = ImGui::BeginMenu("Map CRS");
    noteItem(s, "menu.View.Map CRS");
    if (!open) return;
    drawMapCrsChoices(s);
    ImGui::EndMenu();
}

void drawMapCrsChoices(Session& s)
{
    const std::string& now = s.crs.definition();
    if (ImGui::MenuItem("Web Mercator (EPSG:3857)", nullptr, now == geo::kWebMercator)) s.crsRequest = geo::kWebMercator;
    if (ImGui::MenuItem("WGS 84, lon/lat degrees (EPSG:4326)", nullptr, now == geo::kWgs84)) s.crsRequest = geo::kWgs84;
    const geo::LonLat centre = s.crs.inverse(s.view.center());
    const bool placed = std::isfinite(centre.lon) && std::isfinite(centre.lat);
    const std::string utm = placed ? geo::utmCrsFor(centre) : "";
    const std::string utmItem = "UTM zone of the view centre" + (placed ? ": " + utmZoneName(utm) + " (" + utm + ")" : "");
    if (ImGui::MenuItem(utmItem.c_str(), nullptr, placed && now == utm, placed)) s.crsRequest = utm;
    noteItem(s, "menu.View.Map CRS.UTM");
    ImGui::Separator();
    ImGui::TextUnformatted("EPSG code:");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    const bool enter = ImGui::InputTextWithHint("##crscode", "e.g. 32648", &s.crsCodeInput, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Use") || enter) && !s.crsCodeInput.empty()) {
        s.crsRequest = s.crsCodeInput;
        ImGui::CloseCurrentPopup();
    }
    ImGui::Separator();
    ImGui::TextDisabled("Now: %s", s.crs.label().c_str());
}

} // namespace viewer
