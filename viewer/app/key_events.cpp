#include "viewer/app/key_events.hpp"

#include <imgui.h>

#include <algorithm>

namespace viewer {

bool KeyEventPacer::next(SDL_Event& e)
{
    if (m_held) {
        e = *m_held;
        m_held.reset();
    } else if (!SDL_PollEvent(&e)) {
        m_downThisBatch.clear();
        return false;
    }
    if (e.type == SDL_KEYDOWN) {
        m_downThisBatch.push_back(e.key.keysym.scancode);
    } else if (e.type == SDL_KEYUP &&
               std::find(m_downThisBatch.begin(), m_downThisBatch.end(), e.key.keysym.scancode) != m_downThisBatch.end()) {
        m_held = e;
        m_downThisBatch.clear();
        return false;
    }
    return true;
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
