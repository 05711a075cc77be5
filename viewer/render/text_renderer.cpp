// Glyph atlas bake/upload, UTF-8 layout with ImFont glyph metrics, halo + text quads.
#include "viewer/render/text_renderer.hpp"
#include "viewer/render/vertex_layouts.hpp"
#include "viewer/render/glyph_ranges.hpp"
#include "geo/error.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

namespace viewer {

namespace {
constexpr float kBakedSizes[] = {11, 12, 13, 14, 16, 18, 22};
}

TextRenderer::TextRenderer(const std::string& fontPath, const std::string& boldPath)
    : m_atlas(std::make_unique<ImFontAtlas>())
{
    if (fontPath.empty()) throw geo::Error("no label font found (install fonts-dejavu-core or set ATLAS_FONT)");
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    for (float size : kBakedSizes) {
        ImFont* f = m_atlas->AddFontFromFileTTF(fontPath.c_str(), size, &cfg, labelGlyphRanges());
        if (!f) throw geo::Error("cannot load label font " + fontPath);
        m_regular.push_back(f);
        ImFont* b = boldPath.empty() ? nullptr : m_atlas->AddFontFromFileTTF(boldPath.c_str(), size, &cfg, labelGlyphRanges());
        m_bold.push_back(b ? b : f);
    }
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    m_atlas->GetTexDataAsAlpha8(&pixels, &w, &h);
    m_texture = makeTexture();
    glBindTexture(GL_TEXTURE_2D, m_texture.id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    m_atlas->ClearTexData();

    m_program = ShaderProgram::load("text");
    m_vao = makeVertexArray();
    m_vbo = makeBuffer();
    glBindVertexArray(m_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo.id());
    describePosUvColourVertices();
    glBindVertexArray(0);
}

TextRenderer::~TextRenderer() = default;

ImFont* TextRenderer::pick(float sizePx, bool bold, float& scale) const
{
    const auto& fonts = bold ? m_bold : m_regular;
    size_t best = 0;
    for (size_t i = 0; i < fonts.size(); ++i)
        if (std::fabs(kBakedSizes[i] - sizePx) < std::fabs(kBakedSizes[best] - sizePx)) best = i;
    scale = sizePx / kBakedSizes[best];
    return fonts[best];
}

geo::ScreenPx TextRenderer::measure(const std::string& text, float sizePx, bool bold) const
{
    float scale = 1;
    ImFont* f = pick(sizePx, bold, scale);
    const ImVec2 s = f->CalcTextSizeA(f->FontSize, 1e9f, 0, text.c_str(), text.c_str() + text.size());
    return {s.x * scale, s.y * scale};
}

void TextRenderer::add(const std::string& text, float sizePx, bool bold, geo::ScreenPx centre, Rgba color, Rgba halo,
                       float haloPx)
{
    float scale = 1;
    ImFont* f = pick(sizePx, bold, scale);
    const geo::ScreenPx size = measure(text, sizePx, bold);
    // Snap the pen to whole pixels so glyphs stay crisp.
    const float x0 = std::round(static_cast<float>(centre.x - size.x / 2));
    const float y0 = std::round(static_cast<float>(centre.y - size.y / 2));
    const char* s = text.c_str();
    const char* end = s + text.size();
    float penX = x0;
    auto quad = [](std::vector<float>& out, float ax, float ay, float bx, float by, const ImFontGlyph* g, Rgba c) {
        const float v[6][4] = {{ax, ay, g->U0, g->V0}, {bx, ay, g->U1, g->V0}, {bx, by, g->U1, g->V1},
                               {ax, ay, g->U0, g->V0}, {bx, by, g->U1, g->V1}, {ax, by, g->U0, g->V1}};
        for (const auto& p : v) out.insert(out.end(), {p[0], p[1], p[2], p[3], c.r, c.g, c.b, c.a});
    };
    while (s < end) {
        unsigned int c = 0;
        const int len = ImTextCharFromUtf8(&c, s, end);
        if (len <= 0) break;
        s += len;
        const ImFontGlyph* g = f->FindGlyph(static_cast<ImWchar>(c));
        if (!g) continue;
        if (g->Visible) {
            const float ax = penX + g->X0 * scale, ay = y0 + g->Y0 * scale;
            const float bx = penX + g->X1 * scale, by = y0 + g->Y1 * scale;
            if (halo.a > 0 && haloPx > 0) {
                for (int k = 0; k < 8; ++k) {
                    const float ang = static_cast<float>(k) * 0.785398f;
                    const float dx = std::cos(ang) * haloPx, dy = std::sin(ang) * haloPx;
                    quad(m_halo, ax + dx, ay + dy, bx + dx, by + dy, g, halo);
                }
            }
            quad(m_text, ax, ay, bx, by, g, color);
        }
        penX += g->AdvanceX * scale;
    }
}

void TextRenderer::flush(int width, int height)
{
    if (m_text.empty() && m_halo.empty()) return;
    std::vector<float> all;
    all.reserve(m_halo.size() + m_text.size());
    all.insert(all.end(), m_halo.begin(), m_halo.end());
    all.insert(all.end(), m_text.begin(), m_text.end());
    m_halo.clear();
    m_text.clear();
    m_program.use();
    m_program.set("u_viewport", static_cast<float>(width), static_cast<float>(height));
    m_program.set("u_atlas", 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m_texture.id());
    glBindVertexArray(m_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(all.size() * sizeof(float)), all.data(), GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(all.size() / 8));
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
}

} // namespace viewer
