// A layer's meshes uploaded to GPU buffers once; drawing binds and issues one multi-draw
// per pass over the visible features' index ranges.
#pragma once
#include "viewer/render/gl_handles.hpp"
#include "viewer/render/layer_mesh.hpp"

#include <vector>

namespace viewer {

class GpuLayer {
public:
    // Uploads `mesh` (needs a current GL context). The CPU vertex arrays can then be freed;
    // only the per-feature ranges are kept.
    explicit GpuLayer(const LayerMesh& mesh);
    // Adds more levels (built later with the same origin), kept sorted finest first.
    void addLods(const LayerMesh& mesh);

    geo::MapXY origin() const { return m_origin; }
    size_t lodCount() const { return m_lods.size(); }
    double lodTolerance(size_t lod) const { return m_lods[lod].tolerance; }
    size_t chooseLod(double unitsPerPixel) const;
    bool hasPoints() const { return m_pointCount > 0; }
    // Whether any feature has a fill / a stroke (mixed-kind layers may have all three).
    bool hasFill() const { return m_hasFill; }
    bool hasStroke() const { return m_hasStroke; }

    // Draw the given features (sorted ascending indices) with the currently bound program.
    // Return the number of draw calls issued.
    size_t drawFill(size_t lod, const std::vector<uint32_t>& features) const;
    size_t drawStroke(size_t lod, const std::vector<uint32_t>& features) const;
    // Points are drawn as instanced quads with the marker program; per-instance position
    // comes from the layer, the other marker attributes are constants set by the caller.
    size_t drawPoints(const std::vector<uint32_t>& features, GLuint quadBuffer) const;

    size_t gpuBytes() const { return m_bytes; }

private:
    struct Lod {
        double tolerance = 0;
        GlVertexArray fillVao, strokeVao;
        GlBuffer fillVbo, fillClassVbo, fillIbo, strokeVbo, strokeIbo;
        std::vector<IndexRange> fillRanges, strokeRanges;
    };
    void uploadLods(const LayerMesh& mesh);
    size_t multiDraw(GLuint vao, const std::vector<IndexRange>& ranges, const std::vector<uint32_t>& features) const;

    geo::MapXY m_origin;
    std::vector<Lod> m_lods;
    GlVertexArray m_pointVao;
    GlBuffer m_pointVbo;
    std::vector<IndexRange> m_pointRanges;
    size_t m_pointCount = 0;
    size_t m_bytes = 0;
    bool m_hasFill = false, m_hasStroke = false;
};

} // namespace viewer
