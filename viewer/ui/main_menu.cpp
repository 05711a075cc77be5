// Main menu, toasts, frame-time overlay.
#include "viewer/ui/main_menu.hpp"
#include "viewer/ui/help_windows.hpp"
#include "viewer/ui/map_crs_menu.hpp"
#include "viewer/ui/measure_overlay.hpp"
#include "viewer/ui/widget_notes.hpp"

#include <imgui.h>

#include <algorithm>

namespace viewer {

namespace {

// End-to-end tests read the menu titles from the state to see which menus the bar offers.
void noteMenu(Session& s, const char* name) { noteItem(s, std::string("menu.") + name); }

} // namespace

void drawMainMenu(Session& s, const std::function<void()>& fileItems)
{
    if (!ImGui::BeginMainMenuBar()) return;
    const bool fileOpen = ImGui::BeginMenu("File");
    noteMenu(s, "File");
    if (fileOpen) {
        if (fileItems) fileItems();
        if (ImGui::MenuItem("Save screenshot (map)", "F12")) s.screenshotRequest = ScreenshotKind::MapOnly;
        if (ImGui::MenuItem("Save screenshot (with panels)", "Shift+F12")) s.screenshotRequest = ScreenshotKind::WithUi;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) s.quitRequested = true;
        ImGui::EndMenu();
    }
    const bool viewOpen = ImGui::BeginMenu("View");
    noteMenu(s, "View");
    if (viewOpen) {
        if (ImGui::MenuItem("Home (Cambodia and neighbours)", "Home")) s.zoomTo(s.homeExtent);
        if (ImGui::MenuItem("Zoom to all layers")) s.zoomTo(s.scene.extent());
        const bool hasSelection = s.scene.selection().has_value();
        if (ImGui::MenuItem("Zoom to selected feature", nullptr, false, hasSelection)) {
            if (const SceneLayer* l = s.scene.find(s.scene.selection()->layerId))
                s.zoomTo(l->data->features[s.scene.selection()->feature].bbox);
        }
        drawMapCrsMenu(s);
        ImGui::Separator();
        ImGui::MenuItem("Layers panel", nullptr, &s.showLayers);
        ImGui::MenuItem("Feature panel", nullptr, &s.showFeature);
        ImGui::MenuItem("Compounds & incidents panel", nullptr, &s.showCases);
        ImGui::EndMenu();
    }
    const bool toolsOpen = ImGui::BeginMenu("Tools");
    noteMenu(s, "Tools");
    if (toolsOpen) {
        drawMeasureMenuItems(s);
        ImGui::EndMenu();
    }
    // Developer tools only with --debug: a user never lands in the ImGui demo by accident.
    if (s.debugMenu) {
        const bool debugOpen = ImGui::BeginMenu("Debug");
        noteMenu(s, "Debug");
        if (debugOpen) {
            ImGui::MenuItem("Frame times", nullptr, &s.showFrameTimes);
            ImGui::MenuItem("ImGui metrics", nullptr, &s.showMetrics);
            ImGui::MenuItem("ImGui demo", nullptr, &s.showDemo);
            ImGui::EndMenu();
        }
    } else {
        s.showDemo = s.showMetrics = s.showFrameTimes = false;
    }
    const bool helpOpen = ImGui::BeginMenu("Help");
    noteMenu(s, "Help");
    if (helpOpen) {
        drawHelpMenuItems(s);
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
    if (s.showDemo) ImGui::ShowDemoWindow(&s.showDemo);
    if (s.showMetrics) ImGui::ShowMetricsWindow(&s.showMetrics);
}

void drawToasts(Session& s)
{
    std::erase_if(s.toasts, [&](const Toast& t) { return t.expiresAt < s.now; });
    if (s.toasts.empty()) return;
    const ImGuiIO& io = ImGui::GetIO();
    // Bottom right, above the status bar, clear of the panels at the top.
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 12, io.DisplaySize.y - ImGui::GetFrameHeight() - 16),
                            ImGuiCond_Always, ImVec2(1, 1));
    ImGui::SetNextWindowBgAlpha(0.85f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("##toasts", nullptr, flags))
        for (const Toast& t : s.toasts) ImGui::TextUnformatted(t.text.c_str());
    ImGui::End();
}

void drawFrameTimes(const Session& s)
{
    if (!s.showFrameTimes) return;
    ImGui::SetNextWindowPos(ImVec2(12, ImGui::GetIO().DisplaySize.y - 80), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowBgAlpha(0.7f);
    if (ImGui::Begin("##frametimes", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs))
        ImGui::Text("map %.1f ms   %.0f fps (ImGui)", s.lastFrameMs, ImGui::GetIO().Framerate);
    ImGui::End();
}

} // namespace viewer
