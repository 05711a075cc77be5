// Point markers with per-marker colour, size, outline and halo (e.g. compounds by status,
// with a halo for town-precision points). Instanced quads with an SDF circle.
#pragma once
#include "viewer/render/gl_handles.hpp"
#include "viewer/render/layer_style.hpp"

#include "geo/coords.hpp"

#include <string>
#include <vector>

namespace viewer {

struct Marker {
    geo::MapXY position;          // map CRS
    Rgba fill{0.85f, 0.2f, 0.15f, 1};
    Rgba outline{1, 1, 1, 1};
    float sizePx = 10;            // diameter of the disc, outline included
    float outlinePx = 1.5f;
    Rgba halo{0, 0, 0, 0};        // alpha 0 = no halo
    float haloPx = 0;             // ring width drawn outside the disc
};

// Floats per instance in the GPU buffer: pos 2, size 1, outline width 1, fill 4, outline 4,
// halo 4, halo width 1.
constexpr int kMarkerFloats = 17;

class MarkerLayer {
public:
    explicit MarkerLayer(std::string name = "markers") : m_name(std::move(name)) {}

    const std::string& name() const { return m_name; }
    bool visible = true;
    float opacity = 1.0f;

    // Replaces all markers; uploaded on the next draw.
    void setMarkers(std::vector<Marker> markers);
    const std::vector<Marker>& markers() const { return m_markers; }

    // Uploads if changed (render thread) and draws with the bound marker program.
    // Positions are sent relative to `origin`, which the caller passes as the uniform base.
    void draw(GLuint quadBuffer) const;
    geo::MapXY origin() const { return m_origin; }

private:
    std::string m_name;
    std::vector<Marker> m_markers;
    geo::MapXY m_origin;
    // GPU copy: refreshed lazily on draw; mutable because uploading does not change what is drawn.
    mutable GlVertexArray m_vao;
    mutable GlBuffer m_vbo;
    mutable bool m_dirty = true;
};

} // namespace viewer
