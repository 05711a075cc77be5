// Map labels: a TTF baked into a glyph atlas (ImGui's font atlas, no ImGui context needed)
// at a few pixel sizes, drawn as textured quads with a halo, in one draw call per flush.
#pragma once
#include "viewer/render/gl_handles.hpp"
#include "viewer/render/layer_style.hpp"
#include "viewer/render/shader_program.hpp"

#include "geo/coords.hpp"

#include <memory>
#include <string>
#include <vector>

struct ImFontAtlas;
struct ImFont;

namespace viewer {

class TextRenderer {
public:
    // Bakes `fontPath` (regular) and `boldPath` (may be "") with labelGlyphRanges(). Needs GL.
    TextRenderer(const std::string& fontPath, const std::string& boldPath);
    ~TextRenderer();
    TextRenderer(const TextRenderer&) = delete;
    TextRenderer& operator=(const TextRenderer&) = delete;

    // Width and height in pixels of `text` (UTF-8) at `sizePx`.
    geo::ScreenPx measure(const std::string& text, float sizePx, bool bold = false) const;
    // Queues `text` centred on `centre` (pixels, y down) with a halo of `haloPx`.
    void add(const std::string& text, float sizePx, bool bold, geo::ScreenPx centre, Rgba color, Rgba halo,
             float haloPx = 1.5f);
    // Draws everything queued into the bound target of `width` x `height` pixels, then clears.
    void flush(int width, int height);

private:
    ImFont* pick(float sizePx, bool bold, float& scale) const;

    std::unique_ptr<ImFontAtlas> m_atlas;
    std::vector<ImFont*> m_regular, m_bold; // one per baked size, ascending
    GlTexture m_texture;
    ShaderProgram m_program;
    GlVertexArray m_vao;
    GlBuffer m_vbo;
    std::vector<float> m_halo, m_text; // x, y, u, v, r, g, b, a per vertex
};

} // namespace viewer
