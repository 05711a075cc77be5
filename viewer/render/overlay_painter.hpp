// Draws an Overlay (layout, map labels, inset picture) into the bound render target with a
// pixel offset, so one display list built for the whole image can be drawn tile by tile.
#pragma once
#include "viewer/render/font_set.hpp"
#include "viewer/render/gl_handles.hpp"
#include "viewer/render/overlay.hpp"
#include "viewer/render/shader_program.hpp"

namespace viewer {

class OverlayPainter {
public:
    // Uploads the font atlas. Needs a current GL 3.3 context.
    explicit OverlayPainter(const FontSet& fonts);

    // Draws `overlay` into the bound target of `width` x `height` pixels whose top-left pixel
    // is pixel (offsetX, offsetY) of the whole image.
    void draw(const Overlay& overlay, int offsetX, int offsetY, int width, int height);

private:
    ShaderProgram m_program;
    GlTexture m_atlas;
    GlVertexArray m_vao;
    GlBuffer m_vbo;
};

} // namespace viewer
