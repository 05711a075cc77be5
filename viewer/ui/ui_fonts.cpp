// UI font loading.
#include "viewer/ui/ui_fonts.hpp"
#include "viewer/render/glyph_ranges.hpp"

namespace viewer {

void loadUiFonts(ImGuiIO& io, float pixelsPerUnit)
{
    const std::string path = defaultFontPath();
    ImFontConfig config;
    config.SizePixels = 13 * pixelsPerUnit; // ImGui's own font, when there is no TTF
    if (path.empty() || !io.Fonts->AddFontFromFileTTF(path.c_str(), kUiFontPx * pixelsPerUnit, nullptr, labelGlyphRanges()))
        io.Fonts->AddFontDefault(&config);
    io.FontGlobalScale = 1 / pixelsPerUnit;
}

} // namespace viewer
