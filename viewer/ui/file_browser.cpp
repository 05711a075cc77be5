// File browser modal: std::filesystem listing (folders first, hidden files left out),
// double-click a folder to enter it, double-click a file (or type a name) to choose it.
#include "viewer/ui/file_browser.hpp"
#include "viewer/ui/modal_keys.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

namespace viewer {

namespace fs = std::filesystem;

void FileBrowser::open(Mode mode, const std::string& title, const std::string& folder, const std::string& fileName)
{
    std::error_code ec;
    m_mode = mode;
    m_title = title;
    m_folder = folder.empty() ? fs::current_path(ec).string() : folder;
    std::snprintf(m_name, sizeof m_name, "%s", fileName.c_str());
    m_open = true;
    m_popupRequested = true;
    list();
}

void FileBrowser::list()
{
    m_entries.clear();
    m_error.clear();
    std::error_code ec;
    for (fs::directory_iterator it(m_folder, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code e2;
        m_entries.emplace_back(name, it->is_directory(e2));
    }
    if (ec) m_error = "cannot list " + m_folder + ": " + ec.message();
    std::sort(m_entries.begin(), m_entries.end(), [](const auto& a, const auto& b) {
        if (a.second != b.second) return a.second;
        return a.first < b.first;
    });
}

std::optional<std::string> FileBrowser::draw()
{
    if (!m_open) return std::nullopt;
    const std::string id = m_title + "###filebrowser";
    if (m_popupRequested) {
        ImGui::OpenPopup(id.c_str());
        m_popupRequested = false;
    }
    std::optional<std::string> chosen;
    ImGui::SetNextWindowSize(ImVec2(560, 440), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(id.c_str(), &m_open)) {
        m_open = false;
        return std::nullopt;
    }
    if (ImGui::Button("Up")) {
        m_folder = fs::path(m_folder).parent_path().string();
        list();
    }
    ImGui::SameLine();
    ImGui::TextWrapped("%s", m_folder.c_str());
    if (!m_error.empty()) ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1), "%s", m_error.c_str());
    ImGui::BeginChild("entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2), true);
    std::optional<std::string> enter;
    for (const auto& [name, folder] : m_entries) {
        const std::string label = folder ? name + "/" : name;
        if (ImGui::Selectable(label.c_str(), !folder && name == m_name, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (!folder) std::snprintf(m_name, sizeof m_name, "%s", name.c_str());
            if (ImGui::IsMouseDoubleClicked(0)) {
                if (folder) enter = name;
                else chosen = (fs::path(m_folder) / name).string();
            }
        }
    }
    ImGui::EndChild();
    if (enter) {
        m_folder = (fs::path(m_folder) / *enter).string();
        list();
    }
    ImGui::SetNextItemWidth(360);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere(); // type a name straight away
    ImGui::InputText("File name", m_name, sizeof m_name);
    if (ImGui::Button(m_mode == Mode::Open ? "Open" : "Save") && std::strlen(m_name) > 0) {
        const fs::path p(m_name);
        chosen = (p.is_absolute() ? p : fs::path(m_folder) / p).string();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || modalCancelPressed()) m_open = false;
    if (chosen) m_open = false;
    if (!m_open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return chosen;
}

} // namespace viewer
