// The DPI the desktop gives the window's display, for the UI scale (viewer/app/ui_scale.hpp).
#pragma once
#include <SDL.h>

namespace viewer {

// On X11 there are three answers, asked in this order: the desktop's Xft.dpi resource (set by
// GNOME, KDE and xrdb when the user picks a scale; GTK and Qt follow it), the monitor's size
// (SDL_GetDisplayDPI, from XRandR) and the X screen's size in millimetres (what xdpyinfo prints;
// Xvfb -dpi sets it). Elsewhere SDL's answer. 0 when nothing knows.
double displayDpi(SDL_Window* window);

} // namespace viewer
