// A layer's levels of detail uploaded to GPU buffers once. Per frame it only gathers the
// visible parts (feature culled by the caller, part by its box here) and multi-draws them:
// fills stencil-then-cover with the even-odd rule, strokes as instanced segments.
#pragma once
#include "viewer/render/gl_handles.hpp"
#include "viewer/render/layer_mesh.hpp"

#include <vector>

namespace viewer {

class GpuLayer {
public:
    // Uploads `mesh` (needs a current GL context). The CPU arrays can then be freed; only
    // the per-part ranges and boxes are kept (for culling).
    explicit GpuLayer(const LayerMesh& mesh);
    // Adds more levels (built later with the same origin), kept sorted finest first. A mesh
    // of some features (LodMesh::features) adds them to its level; the level's other
    // features are drawn from the nearest coarser level that has them (else a finer one).
    void addLods(const std::vector<LodMesh>& lods);

    geo::MapXY origin() const { return m_origin; }
    size_t lodCount() const { return m_levels.size(); }
    double lodTolerance(size_t lod) const { return m_levels[lod].tolerance; }
    size_t chooseLod(double unitsPerPixel) const;
    // Whether the level of `tolerance` holds feature `f` / every feature.
    bool levelHas(double tolerance, uint32_t f) const;
    bool levelComplete(double tolerance) const;
    bool hasPoints() const { return m_pointCount > 0; }
    // Whether any feature has a fill / a stroke (mixed-kind layers may have all three).
    bool hasFill() const { return m_hasFill; }
    bool hasStroke() const { return m_hasStroke; }

    // Fills the given features (ascending indices) with the bound fill program's colour:
    // each part's fan toggles the feature's stencil bit, then the same fans are drawn
    // where the stencil is set, clearing it. Needs a stencil buffer; leaves it zero.
    // `window` (map units) culls parts. Returns the number of draw calls.
    size_t drawFill(size_t lod, const std::vector<uint32_t>& features, const geo::Extent& window) const;
    // Strokes the given features with the bound stroke program; `corners` is the unit quad
    // (x: -1 start / +1 end of the segment, y: side), shared by every layer.
    size_t drawStroke(size_t lod, const std::vector<uint32_t>& features, const geo::Extent& window, GLuint corners) const;
    // Points are drawn as instanced quads with the marker program; per-instance position
    // comes from the layer, the other marker attributes are constants set by the caller.
    size_t drawPoints(const std::vector<uint32_t>& features, GLuint quadBuffer) const;

    size_t gpuBytes() const { return m_bytes; }

private:
    struct Lod {
        double tolerance = 0;
        GlVertexArray fillVao, strokeVao;
        GlBuffer xyVbo, realVbo;
        std::vector<int32_t> partFirst, partCount, partSpineFirst, partSpineCount;
        std::vector<float> partBox;
        std::vector<uint8_t> partFilled;
        std::vector<IndexRange> featureParts;
    };
    // The meshes of one tolerance: one with every feature, or some of features each.
    struct Level {
        double tolerance = 0;
        int32_t whole = -1;          // the m_lods entry with every feature, if any
        std::vector<int32_t> owner;  // else per feature: its m_lods entry, or -1
    };
    const Level* findLevel(double tolerance) const;
    int32_t lodFor(size_t level, uint32_t f) const;
    // `features` split by the m_lods entry that draws each at `level`.
    std::vector<std::pair<int32_t, std::vector<uint32_t>>> byMesh(size_t level, const std::vector<uint32_t>& features) const;
    size_t fillMesh(const Lod& l, const std::vector<uint32_t>& features, const float box[4]) const;
    size_t strokeMesh(const Lod& l, const std::vector<uint32_t>& features, const float box[4], GLuint corners) const;
    bool partVisible(const Lod& l, size_t part, const float box[4]) const;

    geo::MapXY m_origin;
    std::vector<Lod> m_lods;     // in upload order
    std::vector<Level> m_levels; // finest first
    std::vector<uint8_t> m_stencilBit;
    GlVertexArray m_pointVao;
    GlBuffer m_pointVbo;
    std::vector<IndexRange> m_pointRanges;
    size_t m_pointCount = 0;
    size_t m_bytes = 0;
    bool m_hasFill = false, m_hasStroke = false;
};

} // namespace viewer
