// Buffer upload, part culling, stencil-then-cover fills and instanced segment strokes.
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

// Culled parts this many vertices long or shorter are drawn through rather than split the run.
constexpr int32_t kMergeGap = 512;

// Vertex attribute locations of assets/shaders/stroke.vert.
enum StrokeAttrib : GLuint { kPrev = 0, kA = 1, kB = 2, kNext = 3, kRealA = 4, kRealB = 5, kCorner = 6 };

} // namespace

GpuLayer::GpuLayer(const LayerMesh& mesh) : m_origin(mesh.origin), m_stencilBit(mesh.stencilBit)
{
    addLods(mesh.lods);
    if (!mesh.points.empty()) {
        m_pointCount = mesh.points.size() / 2;
        m_pointRanges = mesh.pointRanges;
        m_pointVao = makeVertexArray();
        m_pointVbo = upload(GL_ARRAY_BUFFER, mesh.points, m_bytes);
    }
    glBindVertexArray(0);
}

void GpuLayer::addLods(const std::vector<LodMesh>& lods)
{
    for (const LodMesh& src : lods) {
        auto at = std::find_if(m_levels.begin(), m_levels.end(), [&](const Level& l) { return l.tolerance >= src.tolerance; });
        if (at == m_levels.end() || at->tolerance != src.tolerance) {
            Level level;
            level.tolerance = src.tolerance;
            at = m_levels.insert(at, std::move(level));
        }
        const int32_t index = static_cast<int32_t>(m_lods.size());
        if (src.features.empty()) {
            at->whole = index;
            at->owner.clear();
        } else if (at->whole < 0) {
            if (at->owner.size() < src.featureParts.size()) at->owner.resize(src.featureParts.size(), -1);
            for (uint32_t f : src.features) at->owner[f] = index;
        }
        Lod lod;
        lod.tolerance = src.tolerance;
        m_hasStroke |= !src.partFirst.empty();
        m_hasFill |= std::find(src.partFilled.begin(), src.partFilled.end(), 1) != src.partFilled.end();
        lod.partFirst = src.partFirst;
        lod.partCount = src.partCount;
        lod.partSpineFirst = src.partSpineFirst;
        lod.partSpineCount = src.partSpineCount;
        lod.partBox = src.partBox;
        lod.partFilled = src.partFilled;
        lod.featureParts = src.featureParts;
        lod.xyVbo = upload(GL_ARRAY_BUFFER, src.xy, m_bytes);
        lod.realVbo = upload(GL_ARRAY_BUFFER, src.real, m_bytes);

        lod.fillVao = makeVertexArray();
        glBindVertexArray(lod.fillVao.id());
        glBindBuffer(GL_ARRAY_BUFFER, lod.xyVbo.id());
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);

        // The stroke VAO's per-segment pointers are set per draw (they start at the run).
        lod.strokeVao = makeVertexArray();
        glBindVertexArray(lod.strokeVao.id());
        for (GLuint a : {kPrev, kA, kB, kNext, kRealA, kRealB}) {
            glEnableVertexAttribArray(a);
            glVertexAttribDivisor(a, 1);
        }
        glEnableVertexAttribArray(kCorner);
        m_lods.push_back(std::move(lod));
    }
    glBindVertexArray(0);
}

size_t GpuLayer::chooseLod(double unitsPerPixel) const
{
    size_t best = 0;
    for (size_t i = 0; i < m_levels.size(); ++i)
        if (m_levels[i].tolerance <= unitsPerPixel) best = i; // simplification error <= 1 px
    return best;
}

const GpuLayer::Level* GpuLayer::findLevel(double tolerance) const
{
    for (const Level& l : m_levels)
        if (l.tolerance == tolerance) return &l;
    return nullptr;
}

bool GpuLayer::levelHas(double tolerance, uint32_t f) const
{
    const Level* l = findLevel(tolerance);
    return l && (l->whole >= 0 || (f < l->owner.size() && l->owner[f] >= 0));
}

bool GpuLayer::levelComplete(double tolerance) const
{
    const Level* l = findLevel(tolerance);
    return l && (l->whole >= 0 || (!l->owner.empty() && std::find(l->owner.begin(), l->owner.end(), -1) == l->owner.end()));
}

int32_t GpuLayer::lodFor(size_t level, uint32_t f) const
{
    auto has = [&](const Level& l) { return l.whole >= 0 ? l.whole : (f < l.owner.size() ? l.owner[f] : -1); };
    // The level asked for, else coarser (detail still being built), else finer.
    for (size_t i = level; i < m_levels.size(); ++i)
        if (const int32_t at = has(m_levels[i]); at >= 0) return at;
    for (size_t i = std::min(level, m_levels.size()); i-- > 0;)
        if (const int32_t at = has(m_levels[i]); at >= 0) return at;
    return -1;
}

std::vector<std::pair<int32_t, std::vector<uint32_t>>> GpuLayer::byMesh(size_t level,
                                                                         const std::vector<uint32_t>& features) const
{
    std::vector<std::pair<int32_t, std::vector<uint32_t>>> out;
    if (level >= m_levels.size()) return out;
    if (m_levels[level].whole >= 0) {
        out.emplace_back(m_levels[level].whole, features);
        return out;
    }
    for (uint32_t f : features) {
        const int32_t at = lodFor(level, f);
        if (at < 0) continue;
        auto g = std::find_if(out.begin(), out.end(), [&](const auto& e) { return e.first == at; });
        if (g == out.end()) g = out.insert(out.end(), {at, {}});
        g->second.push_back(f);
    }
    return out;
}

bool GpuLayer::partVisible(const Lod& l, size_t part, const float box[4]) const
{
    const float* b = &l.partBox[4 * part];
    return b[0] <= box[2] && box[0] <= b[2] && b[1] <= box[3] && box[1] <= b[3];
}

namespace {
// The window as float offsets from the origin, grown by a float's rounding.
void windowBox(const geo::Extent& w, geo::MapXY o, float box[4])
{
    const double pad = 1e-6 * std::max({std::abs(w.minX - o.x), std::abs(w.maxX - o.x), std::abs(w.minY - o.y),
                                        std::abs(w.maxY - o.y), 1.0});
    box[0] = static_cast<float>(w.minX - o.x - pad);
    box[1] = static_cast<float>(w.minY - o.y - pad);
    box[2] = static_cast<float>(w.maxX - o.x + pad);
    box[3] = static_cast<float>(w.maxY - o.y + pad);
}
} // namespace

size_t GpuLayer::drawFill(size_t lod, const std::vector<uint32_t>& features, const geo::Extent& window) const
{
    float box[4];
    windowBox(window, m_origin, box);
    if (lod < m_levels.size() && m_levels[lod].whole >= 0) // one mesh: no copy of the list
        return fillMesh(m_lods[m_levels[lod].whole], features, box);
    size_t calls = 0;
    for (const auto& [at, fs] : byMesh(lod, features)) calls += fillMesh(m_lods[at], fs, box);
    return calls;
}

size_t GpuLayer::drawStroke(size_t lod, const std::vector<uint32_t>& features, const geo::Extent& window,
                            GLuint corners) const
{
    float box[4];
    windowBox(window, m_origin, box);
    if (lod < m_levels.size() && m_levels[lod].whole >= 0) // one mesh: no copy of the list
        return strokeMesh(m_lods[m_levels[lod].whole], features, box, corners);
    size_t calls = 0;
    for (const auto& [at, fs] : byMesh(lod, features)) calls += strokeMesh(m_lods[at], fs, box, corners);
    return calls;
}

size_t GpuLayer::fillMesh(const Lod& l, const std::vector<uint32_t>& features, const float box[4]) const
{
    // Fans by stencil bit; the cover pass draws all of them.
    std::vector<GLint> first[8];
    std::vector<GLsizei> count[8];
    bool any = false;
    for (uint32_t f : features) {
        if (f >= l.featureParts.size()) continue;
        const IndexRange r = l.featureParts[f];
        const uint8_t bit = f < m_stencilBit.size() ? m_stencilBit[f] : 0;
        for (uint32_t p = r.first; p < r.first + r.count; ++p) {
            if (!l.partFilled[p] || !partVisible(l, p, box)) continue;
            const int32_t s = l.partFirst[p], n = l.partCount[p];
            if (l.partSpineCount[p] == 0) {
                first[bit].push_back(s);
                count[bit].push_back(n);
            } else { // chunk fans and the spine (layer_mesh.hpp, kFanChunk)
                const int32_t k = static_cast<int32_t>(kFanChunk);
                for (int32_t c = 0; c + 2 < n; c += k) {
                    first[bit].push_back(s + c);
                    count[bit].push_back(std::min(k + 1, n - c));
                }
                first[bit].push_back(l.partSpineFirst[p]);
                count[bit].push_back(l.partSpineCount[p]);
            }
            any = true;
        }
    }
    if (!any) return 0;
    size_t calls = 0;
    glBindVertexArray(l.fillVao.id());
    glEnable(GL_STENCIL_TEST);
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    glStencilFunc(GL_ALWAYS, 0, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
    for (int b = 0; b < 8; ++b) {
        if (first[b].empty()) continue;
        glStencilMask(1u << b);
        glMultiDrawArrays(GL_TRIANGLE_FAN, first[b].data(), count[b].data(), static_cast<GLsizei>(first[b].size()));
        ++calls;
    }
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glStencilMask(0xFF);
    glStencilFunc(GL_NOTEQUAL, 0, 0xFF);
    glStencilOp(GL_ZERO, GL_ZERO, GL_ZERO); // each covered pixel is painted once, then cleared
    for (int b = 0; b < 8; ++b) {
        if (first[b].empty()) continue;
        glMultiDrawArrays(GL_TRIANGLE_FAN, first[b].data(), count[b].data(), static_cast<GLsizei>(first[b].size()));
        ++calls;
    }
    glDisable(GL_STENCIL_TEST);
    glBindVertexArray(0);
    return calls;
}

size_t GpuLayer::strokeMesh(const Lod& l, const std::vector<uint32_t>& features, const float box[4], GLuint corners) const
{
    glBindVertexArray(l.strokeVao.id());
    glBindBuffer(GL_ARRAY_BUFFER, corners);
    glVertexAttribPointer(kCorner, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    size_t calls = 0;
    // Runs of parts adjacent in the buffer are one draw: the segments between two parts
    // touch a pad (or the spine) and are dropped by the shader.
    int32_t runFirst = 0, runEnd = 0, runStorageEnd = 0;
    auto flush = [&] {
        if (runEnd - runFirst < 2) return;
        const GLsizei stride = 2 * sizeof(float);
        glBindBuffer(GL_ARRAY_BUFFER, l.xyVbo.id());
        const GLuint at[4] = {kPrev, kA, kB, kNext};
        for (int k = 0; k < 4; ++k)
            glVertexAttribPointer(at[k], 2, GL_FLOAT, GL_FALSE, stride,
                                  reinterpret_cast<const void*>(static_cast<uintptr_t>(runFirst - 1 + k) * stride));
        glBindBuffer(GL_ARRAY_BUFFER, l.realVbo.id());
        glVertexAttribPointer(kRealA, 1, GL_UNSIGNED_BYTE, GL_FALSE, 1, reinterpret_cast<const void*>(uintptr_t(runFirst)));
        glVertexAttribPointer(kRealB, 1, GL_UNSIGNED_BYTE, GL_FALSE, 1, reinterpret_cast<const void*>(uintptr_t(runFirst + 1)));
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, runEnd - runFirst - 1);
        ++calls;
    };
    bool open = false;
    int32_t chainEnd = -1; // storage end of the last part visited (listed, visible or not)
    for (uint32_t f : features) {
        if (f >= l.featureParts.size()) continue;
        const IndexRange r = l.featureParts[f];
        for (uint32_t p = r.first; p < r.first + r.count; ++p) {
            const int32_t s = l.partFirst[p], e = s + l.partCount[p];
            const int32_t storageEnd = l.partSpineFirst[p] + l.partSpineCount[p];
            // Parts of features not in the list lie between: the run must end before them
            // (they may be another class, drawn in another colour).
            const bool linked = s - 1 == chainEnd;
            chainEnd = storageEnd;
            if (open && !linked) {
                flush();
                open = false;
            }
            if (!partVisible(l, p, box)) continue;
            // The next part, or one a few culled parts on: one draw (a draw call costs a
            // software rasteriser more than a few hundred clipped segments).
            if (open && s - runStorageEnd <= kMergeGap) {
                runEnd = e;
                runStorageEnd = storageEnd;
                continue;
            }
            if (open) flush();
            runFirst = s;
            runEnd = e;
            runStorageEnd = storageEnd;
            open = true;
        }
    }
    if (open) flush();
    glBindVertexArray(0);
    return calls;
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
