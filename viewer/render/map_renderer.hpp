// The map renderer: draws a Scene through a Viewport into any RenderTarget. Per frame it
// only culls with the spatial index, picks a level of detail, sets uniforms and draws.
#pragma once
#include "viewer/render/gl_handles.hpp"
#include "viewer/render/render_target.hpp"
#include "viewer/render/scene.hpp"
#include "viewer/render/shader_program.hpp"
#include "viewer/render/text_renderer.hpp"

#include "geo/viewport.hpp"

#include <memory>
#include <unordered_map>

namespace viewer {

struct DrawOptions {
    bool labels = true;
    bool selection = true;
    bool clear = true;
    // Drawable pixels per style pixel (the window's UI scale and high-DPI ratio): stroke widths,
    // marker and label sizes in styles are layout pixels, drawn this many pixels wide.
    float pixelScale = 1;
};

struct DrawStats {
    size_t drawCalls = 0;
    size_t featuresVisible = 0;
    size_t labelsPlaced = 0;
    size_t clustersDrawn = 0; // discs of dense point layers drawn aggregated (cluster_symbols.hpp)
};

class MapRenderer {
public:
    // Compiles the shaders (the label font is baked on first use). Needs a current GL 3.3 context.
    MapRenderer();
    ~MapRenderer();

    // The viewport's pixel size should match the target's (it is what the map is laid out in).
    DrawStats draw(const Scene& scene, const geo::Viewport& view, RenderTarget& target, const DrawOptions& options = {});

    TextRenderer& text(); // the label font, baked on first use

private:
    void setCamera(const ShaderProgram& p, const geo::Viewport& view, geo::MapXY origin) const;
    void drawLabels(const Scene& scene, const geo::Viewport& view, const std::vector<std::vector<uint32_t>>& visible,
                    float pixelScale, DrawStats& stats);
    // A dense point layer's clusters in view: discs, then their counts.
    void drawClusters(const std::vector<geo::PointCluster>& clusters, const LayerStyle& style,
                      const geo::Viewport& view, float pixelScale, DrawStats& stats);

    // Where a big area's name went when its usual anchor was out of view, per layer id and
    // feature: kept while it stays in view at about that scale (finding it crosses every edge
    // of the feature, 9 x 270 k for China at full detail, each frame), and the name stays put
    // on the map as it pans instead of sliding with the window.
    struct HeldAnchor {
        geo::MapXY anchor;
        double unitsPerPixel = 0;
        bool found = false;
        geo::Extent window; // a miss holds only for this window
    };
    std::unordered_map<uint64_t, HeldAnchor> m_heldAnchors;

    ShaderProgram m_fill, m_stroke, m_marker;
    std::unique_ptr<RasterPainter> m_raster;
    GlBuffer m_quad;
    MarkerLayer m_clusters; // this frame's clusters of one layer, refilled per layer drawn
    std::unique_ptr<TextRenderer> m_text;
};

} // namespace viewer
