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
        m_changedThisBatch.clear();
        return false;
    }
    if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP) {
        // A key changes state at most once per frame: ImGui compares its state frame to
        // frame, so a release and press in one frame (two quick Backspaces) read as "held".
        const SDL_Scancode code = e.key.keysym.scancode;
        if (std::find(m_changedThisBatch.begin(), m_changedThisBatch.end(), code) != m_changedThisBatch.end()) {
            m_held = e;
            m_changedThisBatch.clear();
            return false;
        }
        m_changedThisBatch.push_back(code);
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
