// The panels' look: ImGui's light theme with text fields that stand out from every window
// and dialog background (the light theme draws them white on a white dialog: issue 18).
#pragma once
#include <imgui.h>

namespace viewer {

// Fills `style` (no ImGui context needed, so tests can check the colours).
void applyUiStyle(ImGuiStyle& style);

// WCAG contrast ratio (1 to 21) of two colours, each drawn over `under` by its alpha.
float contrastRatio(ImVec4 a, ImVec4 b, ImVec4 under = ImVec4(1, 1, 1, 1));

} // namespace viewer
