// One small program for all overlay batches: solid colour, glyph coverage, or RGBA picture.
// The shader is inline (not in assets/shaders/) because it belongs to this file alone.
#include "viewer/render/overlay_painter.hpp"
#include "viewer/render/vertex_layouts.hpp"

namespace viewer {

namespace {

constexpr const char* kVert = R"(#version 330 core
layout(location = 0) in vec2 a_px;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;
uniform vec2 u_viewport;
uniform vec2 u_offset;
out vec2 v_uv;
out vec4 v_color;
void main()
{
    v_uv = a_uv;
    v_color = a_color;
    vec2 p = a_px - u_offset;
    gl_Position = vec4(p.x / u_viewport.x * 2.0 - 1.0, 1.0 - p.y / u_viewport.y * 2.0, 0.0, 1.0);
}
)";

constexpr const char* kFrag = R"(#version 330 core
uniform sampler2D u_tex;
uniform int u_mode; // 0 solid, 1 glyph coverage (red channel), 2 RGBA picture
in vec2 v_uv;
in vec4 v_color;
out vec4 o_color;
void main()
{
    if (u_mode == 1) o_color = vec4(v_color.rgb, v_color.a * texture(u_tex, v_uv).r);
    else if (u_mode == 2) o_color = texture(u_tex, v_uv);
    else o_color = v_color;
}
)";

void upload(const std::vector<float>& v)
{
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(v.size() * sizeof(float)), v.data(), GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(v.size() / 8));
}

} // namespace

OverlayPainter::OverlayPainter(const FontSet& fonts) : m_program(ShaderProgram::fromSource("overlay", kVert, kFrag))
{
    m_atlas = makeTexture();
    glBindTexture(GL_TEXTURE_2D, m_atlas.id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, fonts.atlasWidth(), fonts.atlasHeight(), 0, GL_RED, GL_UNSIGNED_BYTE,
                 fonts.atlasPixels());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    m_vao = makeVertexArray();
    m_vbo = makeBuffer();
    glBindVertexArray(m_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo.id());
    describePosUvColourVertices();
    glBindVertexArray(0);
}

void OverlayPainter::draw(const Overlay& overlay, int offsetX, int offsetY, int width, int height)
{
    if (overlay.empty()) return;
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    m_program.use();
    m_program.set("u_viewport", static_cast<float>(width), static_cast<float>(height));
    m_program.set("u_offset", static_cast<float>(offsetX), static_cast<float>(offsetY));
    m_program.set("u_tex", 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(m_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo.id());
    for (const OverlayBatch& b : overlay.batches()) {
        if (b.kind == OverlayKind::Solid) {
            m_program.set("u_mode", 0);
            upload(b.vertices);
        } else if (b.kind == OverlayKind::Text) {
            m_program.set("u_mode", 1);
            glBindTexture(GL_TEXTURE_2D, m_atlas.id());
            if (!b.haloVertices.empty()) upload(b.haloVertices);
            upload(b.vertices);
        } else {
            const Image& img = overlay.pictures()[static_cast<size_t>(b.picture)];
            GlTexture tex = makeTexture();
            glBindTexture(GL_TEXTURE_2D, tex.id());
            glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, img.width, img.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
            m_program.set("u_mode", 2);
            upload(b.vertices);
        }
    }
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindVertexArray(0);
    glUseProgram(0);
}

} // namespace viewer
