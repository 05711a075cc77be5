// Where a frame's batch of input events ends (the rules are listed in input_pacer.hpp).
#include "viewer/app/input_pacer.hpp"

#include <algorithm>

namespace viewer {

namespace {
uint32_t buttonBit(Uint8 button) { return button < 32 ? 1u << button : 0; }

bool isModifier(SDL_Scancode code)
{
    return (code >= SDL_SCANCODE_LCTRL && code <= SDL_SCANCODE_RGUI); // L/R Ctrl, Shift, Alt, GUI
}
} // namespace

bool InputPacer::next(SDL_Event& e)
{
    if (m_held) {
        e = *m_held;
        m_held.reset();
    } else if (!SDL_PollEvent(&e)) {
        newBatch();
        return false;
    }
    if (endsBatch(e)) {
        m_held = e;
        newBatch();
        return false;
    }
    note(e);
    return true;
}

bool InputPacer::endsBatch(const SDL_Event& e) const
{
    switch (e.type) {
    case SDL_KEYDOWN:
    case SDL_KEYUP:
        // ImGui compares key state frame to frame: a release and press in one frame (two
        // quick Backspaces) would read as "held".
        if (m_keyPressed && isModifier(e.key.keysym.scancode)) return true;
        return std::find(m_keysChanged.begin(), m_keysChanged.end(), e.key.keysym.scancode) != m_keysChanged.end();
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        return m_moved || m_wheeled || (m_buttonsChanged & buttonBit(e.button.button)) != 0;
    case SDL_MOUSEWHEEL:
        return m_moved || m_buttonsChanged != 0;
    case SDL_MOUSEMOTION:
        return m_buttonsChanged != 0 || m_wheeled;
    default:
        return false;
    }
}

void InputPacer::note(const SDL_Event& e)
{
    switch (e.type) {
    case SDL_KEYDOWN:
    case SDL_KEYUP:
        m_keysChanged.push_back(e.key.keysym.scancode);
        if (e.type == SDL_KEYDOWN && !isModifier(e.key.keysym.scancode)) m_keyPressed = true;
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        m_buttonsChanged |= buttonBit(e.button.button);
        break;
    case SDL_MOUSEWHEEL:
        m_wheeled = true;
        break;
    case SDL_MOUSEMOTION:
        m_moved = true;
        break;
    default:
        break;
    }
}

void InputPacer::newBatch()
{
    m_keysChanged.clear();
    m_keyPressed = false;
    m_buttonsChanged = 0;
    m_moved = m_wheeled = false;
}

} // namespace viewer
