// Raster texture upload and the textured-quad draw. The quad is rebuilt per frame relative
// to the view centre in double precision, so it does not jitter at street scale.
#include "viewer/render/raster_layer.hpp"

namespace viewer {

RasterQuad rasterQuad(const geo::Extent& e)
{
    return RasterQuad{{e.minX, e.minY, e.maxX, e.minY, e.minX, e.maxY, e.maxX, e.maxY}, {0, 1, 1, 1, 0, 0, 1, 0}};
}

namespace {
void upload(GLuint texture, const geo::RasterImage& image)
{
    glBindTexture(GL_TEXTURE_2D, texture);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 image.rgba.empty() ? nullptr : image.rgba.data());
    glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
}
} // namespace

RasterLayer::RasterLayer(uint64_t id, const geo::RasterImage& image)
    : m_id(id), m_name(image.name), m_sourcePath(image.sourcePath), m_extent(image.extent), m_width(image.width),
      m_height(image.height), m_warnings(image.warnings), m_rendering(image.rendering),
      m_sourceUpp(image.sourceUnitsPerPixel), m_texture(makeTexture())
{
    upload(m_texture.id(), image);
}

void RasterLayer::setDetail(const geo::RasterImage& part)
{
    if (part.width <= 0 || part.height <= 0) return;
    if (!m_detail) m_detail = makeTexture();
    upload(m_detail.id(), part);
    m_detailExtent = part.extent;
    m_detailUpp = part.extent.width() / part.width;
}

RasterPainter::RasterPainter() : m_program(ShaderProgram::load("raster")), m_vao(makeVertexArray()), m_vbo(makeBuffer())
{
    glBindVertexArray(m_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo.id());
    glBufferData(GL_ARRAY_BUFFER, 16 * sizeof(float), nullptr, GL_DYNAMIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), reinterpret_cast<void*>(2 * sizeof(float)));
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

size_t RasterPainter::draw(const std::vector<RasterLayer>& rasters, const geo::Viewport& view) const
{
    const geo::Extent window = view.visibleExtent();
    size_t calls = 0;
    const double upp = view.unitsPerPixel();
    const geo::MapXY c = view.center();
    auto quad = [&](const geo::Extent& e, GLuint texture, float opacity) {
        // Corners straight to clip space, computed in double.
        const RasterQuad q = rasterQuad(e);
        float v[16];
        for (int k = 0; k < 4; ++k) {
            v[4 * k + 0] = static_cast<float>((q.xy[2 * k] - c.x) / upp * 2.0 / view.width());
            v[4 * k + 1] = static_cast<float>((q.xy[2 * k + 1] - c.y) / upp * 2.0 / view.height());
            v[4 * k + 2] = q.uv[2 * k];
            v[4 * k + 3] = q.uv[2 * k + 1];
        }
        glBufferSubData(GL_ARRAY_BUFFER, 0, sizeof v, v);
        m_program.set("u_opacity", opacity);
        glBindTexture(GL_TEXTURE_2D, texture);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        ++calls;
    };
    for (const RasterLayer& r : rasters) {
        if (!r.visible || r.opacity <= 0 || !r.extent().intersects(window)) continue;
        if (!calls) {
            m_program.use();
            m_program.set("u_texture", 0);
            glActiveTexture(GL_TEXTURE0);
            glBindVertexArray(m_vao.id());
            glBindBuffer(GL_ARRAY_BUFFER, m_vbo.id());
        }
        // The detail image over the whole one; where it covers the window the whole one is
        // not drawn (with opacity below 1 the two would show through each other).
        const bool detail = r.hasDetail() && r.detailExtent().intersects(window);
        const geo::Extent& d = r.detailExtent();
        const bool covers = detail && d.minX <= window.minX && d.minY <= window.minY && d.maxX >= window.maxX &&
                            d.maxY >= window.maxY;
        if (!covers) quad(r.extent(), r.texture(), r.opacity);
        if (detail && (covers || r.opacity >= 1)) quad(d, r.detailTexture(), r.opacity);
    }
    if (calls) {
        glBindTexture(GL_TEXTURE_2D, 0);
        glBindVertexArray(0);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
    }
    return calls;
}

} // namespace viewer
