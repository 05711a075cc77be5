// Begin/End written once: a scope guard so an early return can never skip ImGui::End().
#pragma once
#include <imgui.h>

namespace viewer {

class PanelWindow {
public:
    PanelWindow(const char* title, bool* open, ImGuiWindowFlags flags = 0) : m_visible(ImGui::Begin(title, open, flags)) {}
    ~PanelWindow() { ImGui::End(); }
    PanelWindow(const PanelWindow&) = delete;
    PanelWindow& operator=(const PanelWindow&) = delete;
    explicit operator bool() const { return m_visible; }

private:
    bool m_visible;
};

} // namespace viewer
