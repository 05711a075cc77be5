// Buffer upload and culled multi-draws (adjacent feature ranges are merged into one).
#include "viewer/render/gpu_layer.hpp"

#include <algorithm>

namespace viewer {

namespace {

template <class T>
GlBuffer upload(GLenum target, const std::vector<T>& data, size_t& bytes)
{
    GlBuffer b = makeBuffer();
    glBindBuffer(target, b.id());
    glBufferData(target, static_cast<GLsizeiptr>(data.size() * sizeof(T)), data.empty() ? nullptr : data.data(),
                 GL_STATIC_DRAW);
    bytes += data.size() * sizeof(T);
    return b;
}

} // namespace

GpuLayer::GpuLayer(const LayerMesh& mesh) : m_origin(mesh.origin)
{
    uploadLods(mesh);
    if (!mesh.points.empty()) {
        m_pointCount = mesh.points.size() / 2;
        m_pointRanges = mesh.pointRanges;
        m_pointVao = makeVertexArray();
        m_pointVbo = upload(GL_ARRAY_BUFFER, mesh.points, m_bytes);
    }
    glBindVertexArray(0);
}

void GpuLayer::addLods(const LayerMesh& mesh)
{
    uploadLods(mesh);
    std::sort(m_lods.begin(), m_lods.end(), [](const Lod& a, const Lod& b) { return a.tolerance < b.tolerance; });
}

void GpuLayer::uploadLods(const LayerMesh& mesh)
{
    for (const LodMesh& src : mesh.lods) {
        Lod lod;
        lod.tolerance = src.tolerance;
        m_hasFill |= !src.fill.indices.empty();
        m_hasStroke |= !src.stroke.indices.empty();
        lod.fillRanges = src.fillRanges;
        lod.strokeRanges = src.strokeRanges;

        lod.fillVao = makeVertexArray();
        glBindVertexArray(lod.fillVao.id());
        lod.fillVbo = upload(GL_ARRAY_BUFFER, src.fill.xy, m_bytes);
        lod.fillIbo = upload(GL_ELEMENT_ARRAY_BUFFER, src.fill.indices, m_bytes);
        glBindBuffer(GL_ARRAY_BUFFER, lod.fillVbo.id());
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
        lod.fillClassVbo = upload(GL_ARRAY_BUFFER, src.fillClass, m_bytes);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, sizeof(float), nullptr);

        lod.strokeVao = makeVertexArray();
        glBindVertexArray(lod.strokeVao.id());
        lod.strokeVbo = upload(GL_ARRAY_BUFFER, src.stroke.vertices, m_bytes);
        lod.strokeIbo = upload(GL_ELEMENT_ARRAY_BUFFER, src.stroke.indices, m_bytes);
        const GLsizei stride = StrokeMesh::kFloatsPerVertex * sizeof(float);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, nullptr);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(2 * sizeof(float)));
        glEnableVertexAttribArray(2);
        glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(4 * sizeof(float)));
        m_lods.push_back(std::move(lod));
    }
    glBindVertexArray(0);
}

size_t GpuLayer::chooseLod(double unitsPerPixel) const
{
    size_t best = 0;
    for (size_t i = 0; i < m_lods.size(); ++i)
        if (m_lods[i].tolerance <= unitsPerPixel) best = i; // simplification error <= 1 px
    return best;
}

size_t GpuLayer::multiDraw(GLuint vao, const std::vector<IndexRange>& ranges, const std::vector<uint32_t>& features) const
{
    std::vector<GLsizei> counts;
    std::vector<const void*> offsets;
    uint32_t runFirst = 0, runCount = 0;
    auto flush = [&] {
        if (runCount == 0) return;
        counts.push_back(static_cast<GLsizei>(runCount));
        offsets.push_back(reinterpret_cast<const void*>(static_cast<uintptr_t>(runFirst) * sizeof(uint32_t)));
        runCount = 0;
    };
    for (uint32_t f : features) {
        if (f >= ranges.size()) continue;
        const IndexRange& r = ranges[f];
        if (r.count == 0) continue;
        if (runCount > 0 && runFirst + runCount == r.first) {
            runCount += r.count;
        } else {
            flush();
            runFirst = r.first;
            runCount = r.count;
        }
    }
    flush();
    if (counts.empty()) return 0;
    glBindVertexArray(vao);
    glMultiDrawElements(GL_TRIANGLES, counts.data(), GL_UNSIGNED_INT, offsets.data(), static_cast<GLsizei>(counts.size()));
    glBindVertexArray(0);
    return 1;
}

size_t GpuLayer::drawFill(size_t lod, const std::vector<uint32_t>& features) const
{
    if (lod >= m_lods.size()) return 0;
    return multiDraw(m_lods[lod].fillVao.id(), m_lods[lod].fillRanges, features);
}

size_t GpuLayer::drawStroke(size_t lod, const std::vector<uint32_t>& features) const
{
    if (lod >= m_lods.size()) return 0;
    return multiDraw(m_lods[lod].strokeVao.id(), m_lods[lod].strokeRanges, features);
}

size_t GpuLayer::drawPoints(const std::vector<uint32_t>& features, GLuint quadBuffer) const
{
    if (!m_pointCount) return 0;
    glBindVertexArray(m_pointVao.id());
    glBindBuffer(GL_ARRAY_BUFFER, quadBuffer);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, m_pointVbo.id());
    glEnableVertexAttribArray(1);
    glVertexAttribDivisor(1, 1);
    size_t calls = 0;
    uint32_t runFirst = 0, runCount = 0;
    auto flush = [&] {
        if (runCount == 0) return;
        glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float),
                              reinterpret_cast<void*>(static_cast<uintptr_t>(runFirst) * 2 * sizeof(float)));
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(runCount));
        ++calls;
        runCount = 0;
    };
    for (uint32_t f : features) {
        if (f >= m_pointRanges.size() || m_pointRanges[f].count == 0) continue;
        const IndexRange& r = m_pointRanges[f];
        if (runCount > 0 && runFirst + runCount == r.first) runCount += r.count;
        else {
            flush();
            runFirst = r.first;
            runCount = r.count;
        }
    }
    flush();
    glBindVertexArray(0);
    return calls;
}

} // namespace viewer
