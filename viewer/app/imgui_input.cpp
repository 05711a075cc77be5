// ImGui's mouse and modifier state from the events (see imgui_input.hpp).
#include "viewer/app/imgui_input.hpp"

#include <imgui.h>

#include <cfloat>

namespace viewer {

namespace {
int imguiButton(Uint8 sdlButton)
{
    switch (sdlButton) {
    case SDL_BUTTON_LEFT: return 0;
    case SDL_BUTTON_RIGHT: return 1;
    case SDL_BUTTON_MIDDLE: return 2;
    default: return -1;
    }
}
} // namespace

void ImGuiPointer::track(const SDL_Event& e)
{
    switch (e.type) {
    case SDL_MOUSEMOTION:
        m_seen = m_inside = true;
        m_x = static_cast<float>(e.motion.x);
        m_y = static_cast<float>(e.motion.y);
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
        m_seen = m_inside = true;
        m_x = static_cast<float>(e.button.x);
        m_y = static_cast<float>(e.button.y);
        const int b = imguiButton(e.button.button);
        if (b >= 0) m_down[b] = e.type == SDL_MOUSEBUTTONDOWN;
        break;
    }
    case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_LEAVE) m_inside = false;
        // A release that happens in another window never reaches us: no button stays held.
        if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST) m_down[0] = m_down[1] = m_down[2] = false;
        break;
    default:
        break;
    }
}

void ImGuiPointer::applyTo(ImGuiIO& io) const
{
    if (!m_seen) return;
    // A button held across the window's edge keeps the pointer (SDL captures the mouse).
    const bool held = m_down[0] || m_down[1] || m_down[2];
    io.MousePos = m_inside || held ? ImVec2(m_x, m_y) : ImVec2(-FLT_MAX, -FLT_MAX);
    for (int b = 0; b < 3; ++b) io.MouseDown[b] = m_down[b];
}

void syncImGuiModifiers(const SDL_Event& e)
{
    if (e.type != SDL_KEYDOWN && e.type != SDL_KEYUP) return;
    ImGuiIO& io = ImGui::GetIO();
    const Uint16 mod = e.key.keysym.mod;
    io.KeyShift = (mod & KMOD_SHIFT) != 0;
    io.KeyCtrl = (mod & KMOD_CTRL) != 0;
    io.KeyAlt = (mod & KMOD_ALT) != 0;
    io.KeySuper = (mod & KMOD_GUI) != 0;
}

} // namespace viewer
