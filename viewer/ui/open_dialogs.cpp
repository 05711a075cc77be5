// File menu items, load progress, layer choice and network confirmation.
#include "viewer/ui/open_dialogs.hpp"
#include "viewer/ui/modal_keys.hpp"

#include "geo/session_file.hpp"

#include <imgui.h>

namespace viewer {

void drawFileMenuItems(const std::vector<std::string>& recent, FileMenuRequest& r)
{
    if (ImGui::MenuItem("Open...", "Ctrl+O")) r.open = true;
    if (ImGui::BeginMenu("Open recent", !recent.empty())) {
        for (const std::string& p : recent)
            if (ImGui::MenuItem(p.c_str())) r.recent = p;
        ImGui::Separator();
        if (ImGui::MenuItem("Clear the list")) r.clearRecent = true;
        ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Open session...")) r.openSession = true;
    if (ImGui::MenuItem("Save session...", "Ctrl+S")) r.saveSession = true;
    ImGui::Separator();
}

void drawLoadProgress(LoadQueue& queue)
{
    const std::vector<LoadQueue::JobView> jobs = queue.jobs();
    if (jobs.empty()) return;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(12, io.DisplaySize.y - ImGui::GetFrameHeight() - 16), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowBgAlpha(0.9f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##loading", nullptr, flags)) {
        ImGui::TextUnformatted("Loading");
        for (const LoadQueue::JobView& j : jobs) {
            ImGui::PushID(static_cast<int>(j.id));
            ImGui::TextUnformatted(j.label.c_str());
            const std::string overlay = j.stage + " " + std::to_string(static_cast<int>(j.progress * 100)) + "%";
            ImGui::ProgressBar(static_cast<float>(j.progress), ImVec2(220, 0), overlay.c_str());
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) queue.cancel(j.id);
            ImGui::PopID();
        }
    }
    ImGui::End();
}

void drawLayerChoices(LoadQueue& queue)
{
    std::vector<LayerChoice>& choices = queue.choices();
    if (choices.empty()) return;
    LayerChoice& c = choices.front();
    const char* id = "Choose layers###layerchoice";
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    bool answered = false;
    if (ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("%s has %zu layers. Which ones should be added?", geo::redactCredentials(c.path).c_str(), c.layers.size());
        if (ImGui::SmallButton("All")) std::fill(c.chosen.begin(), c.chosen.end(), 1);
        ImGui::SameLine();
        if (ImGui::SmallButton("None")) std::fill(c.chosen.begin(), c.chosen.end(), 0);
        ImGui::BeginChild("layers", ImVec2(520, std::min(320.0f, 26.0f * c.layers.size() + 8)), true);
        for (size_t i = 0; i < c.layers.size(); ++i) {
            const geo::LayerInfo& l = c.layers[i];
            const std::string label = l.name + "  (" + std::to_string(l.featureCount) + " " + l.geometryType + ")##" +
                                      std::to_string(i);
            bool on = c.chosen[i] != 0;
            if (ImGui::Checkbox(label.c_str(), &on)) c.chosen[i] = on;
        }
        ImGui::EndChild();
        if (ImGui::Button("Add")) {
            std::vector<LoadOrder> orders;
            for (size_t i = 0; i < c.layers.size(); ++i)
                if (c.chosen[i]) {
                    LoadOrder o;
                    o.path = c.path;
                    o.layer = c.layers[i].name;
                    orders.push_back(std::move(o));
                }
            if (!orders.empty()) queue.load(std::move(orders));
            answered = true;
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || modalCancelPressed()) answered = true;
        if (answered) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (answered) choices.erase(choices.begin());
}

std::optional<bool> drawRemoteConfirm(const std::vector<std::string>& sources)
{
    const char* id = "Open network sources?###remoteconfirm";
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    std::optional<bool> answer;
    if (ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("This session reads from the network or a database server:");
        for (const std::string& s : sources) ImGui::BulletText("%s", geo::redactCredentials(s).c_str());
        ImGui::TextUnformatted("Opening them connects to those servers. The local layers open either way.");
        if (ImGui::Button("Connect and open them")) answer = true;
        ImGui::SameLine();
        // Esc takes the answer that reaches no server.
        if (ImGui::Button("Open only the local layers") || modalCancelPressed()) answer = false;
        if (answer) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    return answer;
}

} // namespace viewer
