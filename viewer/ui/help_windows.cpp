// The shortcut list is a two-column table; About is text the user can select and copy.
#include "viewer/ui/help_windows.hpp"
#include "viewer/ui/panel_window.hpp"
#include "viewer/ui/shortcuts.hpp"
#include "viewer/ui/widget_notes.hpp"

#include <imgui.h>

namespace viewer {

namespace {

void drawShortcuts(Session& s)
{
    if (!s.showShortcuts) return;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    PanelWindow window("Keyboard shortcuts", &s.showShortcuts, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
    if (!window) return;
    if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn("Keys");
        ImGui::TableSetupColumn("Does");
        ImGui::TableHeadersRow();
        for (const Shortcut& k : keyboardShortcuts()) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(k.keys);
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(k.action);
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("F1 or Esc closes this window");
    if (ImGui::IsWindowFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) s.showShortcuts = false;
}

void drawAbout(Session& s)
{
    if (!s.showAbout) return;
    if (!s.about) s.about = gatherAboutInfo();
    const AboutInfo& a = *s.about;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(420, 0), ImVec2(640, io.DisplaySize.y * 0.9f));
    PanelWindow window("About Compound Atlas", &s.showAbout, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
    if (!window) return;
    ImGui::Text("Compound Atlas %s", a.version.c_str());
    ImGui::TextWrapped("A map viewer for investigating scam compounds in Southeast Asia.");
    ImGui::Separator();
    ImGui::TextUnformatted("Libraries (as loaded now)");
    if (ImGui::BeginTable("libraries", 2, ImGuiTableFlags_SizingFixedFit)) {
        for (const auto& [name, version] : a.libraries) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(name.c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(version.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::TextUnformatted("Shipped data");
    if (!a.dataError.empty()) {
        ImGui::TextWrapped("%s", a.dataError.c_str());
    } else {
        ImGui::TextWrapped("%s", a.data.summary.c_str());
        for (const geo::DataLicence& d : a.data.entries)
            ImGui::BulletText("%s %s: %s", d.source.c_str(), d.version.c_str(), d.licence.c_str());
    }
    ImGui::TextWrapped("Sample cases: compiled from the public reports each record cites (its sources).");
    ImGui::TextDisabled("Data folder: %s", a.dataDir.c_str());
    if (ImGui::Button("Copy versions")) {
        std::string text = "Compound Atlas " + a.version;
        for (const auto& [name, version] : a.libraries) text += "\n" + name + " " + version;
        ImGui::SetClipboardText(text.c_str());
    }
}

} // namespace

void drawHelpMenuItems(Session& s)
{
    if (ImGui::MenuItem("Keyboard shortcuts", "F1")) s.showShortcuts = !s.showShortcuts;
    noteItem(s, "menu.Help.Shortcuts");
    if (ImGui::MenuItem("About Compound Atlas")) s.showAbout = true;
    noteItem(s, "menu.Help.About");
}

void drawHelpWindows(Session& s)
{
    drawShortcuts(s);
    drawAbout(s);
}

} // namespace viewer
