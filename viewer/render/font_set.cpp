// Baking with ImGui's font atlas (no ImGui context needed) restricted to the code points used.
#include "viewer/render/font_set.hpp"
#include "viewer/render/glyph_ranges.hpp"

#include "geo/error.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

namespace viewer {

namespace {
float roundSize(float s) { return std::max(4.0f, std::round(s * 4) / 4); }
} // namespace

FontSet::FontSet(const std::vector<FontFace>& faces, const std::vector<std::string>& texts)
    : m_atlas(std::make_unique<ImFontAtlas>())
{
    const std::string regular = defaultFontPath(), bold = defaultBoldFontPath();
    if (regular.empty()) throw geo::Error("no font found (install fonts-dejavu-core or set ATLAS_FONT)");
    ImFontGlyphRangesBuilder builder;
    for (ImWchar c = 0x20; c < 0x7F; ++c) builder.AddChar(c);
    builder.AddChar(0x00B7); // middle dot, used as a separator
    builder.AddChar(0x2013);
    builder.AddChar(0x00B0);
    for (const std::string& t : texts) builder.AddText(t.c_str(), t.c_str() + t.size());
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    m_ranges.assign(ranges.begin(), ranges.end());
    static_assert(sizeof(ImWchar) == sizeof(unsigned short));

    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    m_atlas->TexDesiredWidth = 2048;
    for (const FontFace& f : faces) {
        const FontFace face{roundSize(f.sizePx), f.bold && !bold.empty()};
        bool have = false;
        for (const auto& [known, font] : m_fonts) have |= known.sizePx == face.sizePx && known.bold == face.bold;
        if (have) continue;
        const std::string& path = face.bold ? bold : regular;
        ImFont* font = m_atlas->AddFontFromFileTTF(path.c_str(), face.sizePx, &cfg, m_ranges.data());
        if (!font) throw geo::Error("cannot load font " + path);
        m_fonts.push_back({face, font});
    }
    if (m_fonts.empty()) throw geo::Error("no font sizes asked for");
    m_atlas->GetTexDataAsAlpha8(&m_pixels, &m_width, &m_height);
}

FontSet::~FontSet() = default;

ImFont* FontSet::pick(float sizePx, bool bold, float& scale) const
{
    const float want = roundSize(sizePx);
    size_t best = 0;
    float bestCost = 1e30f;
    for (size_t i = 0; i < m_fonts.size(); ++i) {
        const FontFace& f = m_fonts[i].first;
        const float cost = std::fabs(f.sizePx - want) + (f.bold != bold ? 1000.0f : 0.0f);
        if (cost < bestCost) {
            bestCost = cost;
            best = i;
        }
    }
    scale = sizePx / m_fonts[best].first.sizePx;
    return m_fonts[best].second;
}

geo::ScreenPx FontSet::measure(const std::string& text, float sizePx, bool bold) const
{
    float scale = 1;
    ImFont* f = pick(sizePx, bold, scale);
    const ImVec2 s = f->CalcTextSizeA(f->FontSize, 1e9f, 0, text.c_str(), text.c_str() + text.size());
    return {s.x * scale, s.y * scale};
}

float FontSet::lineHeight(float sizePx, bool bold) const
{
    float scale = 1;
    ImFont* f = pick(sizePx, bold, scale);
    return f->FontSize * scale;
}

void FontSet::layout(const std::string& text, float sizePx, bool bold, geo::ScreenPx topLeft,
                     const std::function<void(const GlyphQuad&)>& out) const
{
    float scale = 1;
    ImFont* f = pick(sizePx, bold, scale);
    const float x0 = std::round(static_cast<float>(topLeft.x));
    const float y0 = std::round(static_cast<float>(topLeft.y));
    const char* s = text.c_str();
    const char* end = s + text.size();
    float penX = x0;
    while (s < end) {
        unsigned int c = 0;
        const int len = ImTextCharFromUtf8(&c, s, end);
        if (len <= 0) break;
        s += len;
        const ImFontGlyph* g = f->FindGlyph(static_cast<ImWchar>(c));
        if (!g) continue;
        if (g->Visible)
            out({penX + g->X0 * scale, y0 + g->Y0 * scale, penX + g->X1 * scale, y0 + g->Y1 * scale, g->U0, g->V0, g->U1,
                 g->V1});
        penX += g->AdvanceX * scale;
    }
}

} // namespace viewer
