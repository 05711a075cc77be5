// Where the window opens: where it was last closed ($XDG_CONFIG_HOME/compound-atlas/window.json),
// else fitted to the display's usable area on a first start. No SDL here, so it is unit-tested.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace viewer {

struct ScreenRect {
    int x = 0, y = 0, w = 0, h = 0;
    bool operator==(const ScreenRect&) const = default;
};

struct WindowGeometry {
    ScreenRect rect;        // window points: position of the client area, and its size
    bool maximized = false;
    bool operator==(const WindowGeometry&) const = default;
};

// The folder for the app's remembered settings: $XDG_CONFIG_HOME/compound-atlas, else
// ~/.config/compound-atlas; "" when neither is set.
std::string configDir();

// The geometry to open with: `remembered` when at least kMinVisible points of it square lie
// on one of `displays` (usable bounds, the primary first), shrunk to fit that display; else
// the primary display's usable area less a small margin (a first start, or a monitor gone).
WindowGeometry chooseWindowGeometry(const std::optional<WindowGeometry>& remembered, const std::vector<ScreenRect>& displays);
constexpr int kMinVisible = 64;

// window.json in `dir`: {"x","y","width","height","maximized"}. A missing or damaged file
// (or absurd sizes) reads as none: the window then opens fitted, never fails.
std::optional<WindowGeometry> loadWindowGeometry(const std::string& dir);
// Written atomically (temporary file, then rename); false when it cannot be written.
bool saveWindowGeometry(const std::string& dir, const WindowGeometry& g);

} // namespace viewer
