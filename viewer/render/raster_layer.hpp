// Raster layers: an RGBA image already warped into the map CRS, drawn as one textured
// quad over its extent, under the vector layers, with its own opacity.
#pragma once
#include "viewer/render/gl_handles.hpp"
#include "viewer/render/shader_program.hpp"

#include "geo/raster_source.hpp"
#include "geo/viewport.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace viewer {

// The quad's corners in map units, counter-clockwise from bottom left (x, y pairs), and the
// matching texture coordinates (top row of the image first, so v = 0 is the north edge).
struct RasterQuad {
    double xy[8];
    float uv[8];
};
RasterQuad rasterQuad(const geo::Extent& extent);

class RasterLayer {
public:
    // Uploads the image as a texture (needs a current GL context).
    RasterLayer(uint64_t id, const geo::RasterImage& image);

    uint64_t id() const { return m_id; }
    const std::string& name() const { return m_name; }
    const std::string& sourcePath() const { return m_sourcePath; }
    const geo::Extent& extent() const { return m_extent; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    const std::vector<std::string>& warnings() const { return m_warnings; }
    const std::string& rendering() const { return m_rendering; } // geo::RasterImage::rendering
    GLuint texture() const { return m_texture.id(); }

    // A sharper image of the part in view (viewer/app/raster_detail), drawn over the whole
    // file's image; extent() and width() stay the whole file's. Needs the GL context.
    void setDetail(const geo::RasterImage& part);
    bool hasDetail() const { return static_cast<bool>(m_detail); }
    const geo::Extent& detailExtent() const { return m_detailExtent; }
    double detailUnitsPerPixel() const { return m_detailUpp; } // 0 without a detail image
    double sourceUnitsPerPixel() const { return m_sourceUpp; } // the file's own pixels (0: unknown)
    GLuint detailTexture() const { return m_detail.id(); }

    bool visible = true;
    float opacity = 1.0f;

private:
    uint64_t m_id;
    std::string m_name, m_sourcePath;
    geo::Extent m_extent;
    int m_width = 0, m_height = 0;
    std::vector<std::string> m_warnings;
    std::string m_rendering;
    double m_sourceUpp = 0;
    GlTexture m_texture;
    GlTexture m_detail;
    geo::Extent m_detailExtent;
    double m_detailUpp = 0;
};

// Draws raster layers (compiles assets/shaders/raster.* once).
class RasterPainter {
public:
    RasterPainter();
    // Draws the visible rasters that meet the view, in order (first = bottom).
    size_t draw(const std::vector<RasterLayer>& rasters, const geo::Viewport& view) const;

private:
    ShaderProgram m_program;
    GlVertexArray m_vao;
    GlBuffer m_vbo;
};

} // namespace viewer
