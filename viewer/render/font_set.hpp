// Fonts for export layout and map labels, baked (on the CPU) at exactly the pixel sizes asked
// for, holding only the glyphs the given texts use: a 300 DPI title is as crisp as a 96 DPI one.
#pragma once
#include "geo/coords.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

struct ImFontAtlas;
struct ImFont;

namespace viewer {

struct FontFace {
    float sizePx = 14;
    bool bold = false;
};

// One glyph quad in pixels (a = top-left, b = bottom-right) with its atlas coordinates.
struct GlyphQuad {
    float ax, ay, bx, by, u0, v0, u1, v1;
};

class FontSet {
public:
    // Bakes every face with the code points of `texts` (plus printable ASCII). Throws
    // geo::Error when no font file exists. Deterministic: same inputs, same atlas.
    FontSet(const std::vector<FontFace>& faces, const std::vector<std::string>& texts);
    ~FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    // Width and height in pixels of `text` (UTF-8, one line).
    geo::ScreenPx measure(const std::string& text, float sizePx, bool bold) const;
    // Glyph quads of `text` with its top-left corner at `topLeft` (snapped to whole pixels).
    void layout(const std::string& text, float sizePx, bool bold, geo::ScreenPx topLeft,
                const std::function<void(const GlyphQuad&)>& out) const;
    // Line height (ascent + descent + gap) at `sizePx`.
    float lineHeight(float sizePx, bool bold) const;

    // The coverage atlas (one byte per pixel).
    const uint8_t* atlasPixels() const { return m_pixels; }
    int atlasWidth() const { return m_width; }
    int atlasHeight() const { return m_height; }

private:
    ImFont* pick(float sizePx, bool bold, float& scale) const;

    std::unique_ptr<ImFontAtlas> m_atlas;
    std::vector<unsigned short> m_ranges; // ImWchar (16-bit in Debian's ImGui)
    std::vector<std::pair<FontFace, ImFont*>> m_fonts;
    unsigned char* m_pixels = nullptr;
    int m_width = 0, m_height = 0;
};

} // namespace viewer
