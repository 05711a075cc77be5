// The Unicode ranges map labels and the UI need (Latin, Latin Extended-A/B, combining
// marks, Latin Extended Additional for Vietnamese, punctuation), and the font file to use.
#pragma once
#include <imgui.h>

#include <string>

namespace viewer {

// Zero-terminated ImGui range list; valid for the whole program.
const ImWchar* labelGlyphRanges();

// DejaVu Sans from Debian's fonts-dejavu-core, else Noto Sans; $ATLAS_FONT overrides.
// Returns "" when none exists.
std::string defaultFontPath();
std::string defaultBoldFontPath();

} // namespace viewer
