// Marker instances: local origin, lazy upload, one instanced draw.
#include "viewer/render/marker_layer.hpp"

namespace viewer {

void MarkerLayer::setMarkers(std::vector<Marker> markers)
{
    m_markers = std::move(markers);
    geo::Extent e;
    for (const Marker& m : m_markers) e.expand(m.position.x, m.position.y);
    m_origin = e.empty() ? geo::MapXY{} : e.center();
    m_dirty = true;
}

void MarkerLayer::draw(GLuint quadBuffer) const
{
    if (m_markers.empty()) return;
    if (!m_vao) {
        m_vao = makeVertexArray();
        m_vbo = makeBuffer();
    }
    glBindVertexArray(m_vao.id());
    if (m_dirty) {
        std::vector<float> data;
        data.reserve(m_markers.size() * kMarkerFloats);
        for (const Marker& m : m_markers) {
            data.insert(data.end(), {static_cast<float>(m.position.x - m_origin.x), static_cast<float>(m.position.y - m_origin.y),
                                     m.sizePx, m.outlinePx, m.fill.r, m.fill.g, m.fill.b, m.fill.a, m.outline.r,
                                     m.outline.g, m.outline.b, m.outline.a, m.halo.r, m.halo.g, m.halo.b, m.halo.a,
                                     m.haloPx});
        }
        glBindBuffer(GL_ARRAY_BUFFER, m_vbo.id());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), GL_STATIC_DRAW);
        m_dirty = false;
    }
    glBindBuffer(GL_ARRAY_BUFFER, quadBuffer);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo.id());
    const GLsizei stride = kMarkerFloats * sizeof(float);
    const int sizes[] = {2, 1, 1, 4, 4, 4, 1};
    size_t offset = 0;
    for (int i = 0; i < 7; ++i) {
        const GLuint loc = static_cast<GLuint>(i + 1);
        glEnableVertexAttribArray(loc);
        glVertexAttribPointer(loc, sizes[i], GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offset * sizeof(float)));
        glVertexAttribDivisor(loc, 1);
        offset += static_cast<size_t>(sizes[i]);
    }
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(m_markers.size()));
    glBindVertexArray(0);
}

} // namespace viewer
