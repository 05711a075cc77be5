// UI font loading.
#include "viewer/ui/ui_fonts.hpp"
#include "viewer/render/glyph_ranges.hpp"

namespace viewer {

void loadUiFonts(ImGuiIO& io)
{
    const std::string path = defaultFontPath();
    if (path.empty() || !io.Fonts->AddFontFromFileTTF(path.c_str(), 15.0f, nullptr, labelGlyphRanges()))
        io.Fonts->AddFontDefault();
}

} // namespace viewer
