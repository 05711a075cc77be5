// The UI font: DejaVu Sans (or Noto Sans) with the glyph ranges the place names need.
#pragma once
#include <imgui.h>

namespace viewer {

// The UI font's size in layout pixels.
constexpr float kUiFontPx = 15;

// Adds the UI font to io.Fonts, rasterised at `pixelsPerUnit` drawable pixels per ImGui unit
// (io.FontGlobalScale brings it back to layout pixels); keeps ImGui's default font when no TTF
// is found.
void loadUiFonts(ImGuiIO& io, float pixelsPerUnit = 1);

} // namespace viewer
