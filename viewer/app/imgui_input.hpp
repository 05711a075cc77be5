// What Dear ImGui 1.86 reads of the mouse and the modifiers, taken from the events the app
// handled this frame (viewer/app/input_pacer.hpp) instead of SDL's live state. The SDL backend
// polls the pointer and the buttons from the X server at NewFrame, which under load can be
// ahead of the events the map has seen: ImGui then judged hover and WantCaptureMouse at a
// place the map's events had not reached yet, and a press and release within one frame came
// out as whatever the live state happened to be.
#pragma once
#include <SDL.h>

struct ImGuiIO;

namespace viewer {

// The pointer as the events left it, in window points.
class ImGuiPointer {
public:
    void track(const SDL_Event& e);
    // Call between ImGui_ImplSDL2_NewFrame and ImGui::NewFrame. Until the first mouse event
    // the backend's own reading stays.
    void applyTo(ImGuiIO& io) const;

private:
    bool m_seen = false;   // any mouse event yet
    bool m_inside = false; // false after the pointer left the window
    float m_x = 0, m_y = 0;
    bool m_down[3] = {false, false, false}; // left, right, middle
};

// After ImGui_ImplSDL2_ProcessEvent: Shift/Ctrl/Alt/Super as the key event carried them
// (SDL's state after the whole batch may already have Ctrl up).
void syncImGuiModifiers(const SDL_Event& e);

} // namespace viewer
