// Turns SDL input into camera moves and selection: drag to pan, wheel zooms around the
// cursor, double click zooms in, +/- and arrows, Home, click to select, Esc to deselect.
#pragma once
#include "viewer/app/session.hpp"

#include <SDL.h>

namespace viewer {

class Navigation {
public:
    // Handles one event the UI did not take. `mouseFree` / `keysFree` say whether ImGui
    // wants the mouse / keyboard. Coordinates are converted with session.windowRatio.
    void handle(const SDL_Event& e, Session& session, bool mouseFree, bool keysFree);

    bool dragging() const { return m_dragging; }

    // Zoom step per wheel notch and per key press.
    static constexpr double kWheelFactor = 1.25;
    static constexpr double kKeyFactor = 1.5;

private:
    bool m_pressed = false;
    bool m_dragging = false;
    geo::ScreenPx m_pressAt{}, m_last{};
};

} // namespace viewer
