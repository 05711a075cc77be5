// The UI font: DejaVu Sans (or Noto Sans) with the glyph ranges the place names need.
#pragma once
#include <imgui.h>

namespace viewer {

// Adds the UI font to io.Fonts; keeps ImGui's default font when no TTF is found.
void loadUiFonts(ImGuiIO& io);

} // namespace viewer
