// How big the interface is drawn: the UI scale, in window points per layout pixel (a 96-dpi
// pixel). Dear ImGui lays out and the map sizes its strokes and markers in layout pixels, so
// every size in the code is one number for all displays; the window is what scales.
#pragma once
#include <optional>
#include <string>

namespace viewer {

constexpr double kMinUiScale = 0.5, kMaxUiScale = 4;

struct UiScale {
    double scale = 1;
    std::string source;  // "--ui-scale", "ATLAS_UI_SCALE", "display" or "default"
    std::string warning; // a bad ATLAS_UI_SCALE, ignored ("" when none)
};

// The scale, first found: `option` (--ui-scale; 0 = not given), `env` (ATLAS_UI_SCALE; null or
// "" = not set), then the display. When the window's drawable is larger than the window
// (`drawablePerPoint` > 1: Wayland, macOS), the system already scales the points: 1. Else
// the display's DPI over 96, in steps of 0.25; below 120 dpi it is 1 (monitors report 90 to 110
// dpi for an ordinary screen, and Xvfb 100); `dpi` <= 0 (unknown) gives 1.
UiScale chooseUiScale(double option, const char* env, double dpi, double drawablePerPoint);

// "2", "1.5": a scale from ATLAS_UI_SCALE or --ui-scale, if a number in kMinUiScale..kMaxUiScale.
std::optional<double> parseUiScale(const std::string& text);

} // namespace viewer
