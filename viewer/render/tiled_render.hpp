// Rendering an image of any size (up to ImageWriter's limit) in tiles no larger than the GL
// limits: each tile is the same map drawn through a sub-viewport, plus the overlay drawn
// with the tile's offset; rows are handed on one band at a time, so memory stays bounded.
// TiledRenderer renders one tile per call, so the app can spread a big export over frames.
#pragma once
#include "viewer/render/map_renderer.hpp"
#include "viewer/render/overlay.hpp"
#include "viewer/render/overlay_painter.hpp"

#include "geo/viewport.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace viewer {

// The largest tile side this context supports (renderbuffer and viewport limits), at most `cap`.
int maxTileSide(int cap = 4096);

struct TiledRender {
    const Scene* scene = nullptr;
    geo::Viewport view;               // the whole image: its size is the output size
    DrawOptions options{false, true, true}; // map labels come through the overlay
    const Overlay* overlay = nullptr; // drawn over the map, in whole-image pixels
    OverlayPainter* painter = nullptr;
    int tileSide = 0;                 // 0 = maxTileSide()
    // No MSAA, as the window draws: strokes and markers antialias in their shaders, and a
    // software rasteriser spends about half an export's time on 4x multisampling.
    int samples = 0;
};

// One tile of the grid: the part of the image it covers (edge tiles are cropped).
struct TileRect {
    int x = 0, y = 0, w = 0, h = 0;
};

// The tile grid of a width x height image, row by row, left to right (no GL).
std::vector<TileRect> tileGrid(int width, int height, int side);

using BandSink = std::function<void(int y, int rows, const uint8_t* rgba)>;

class TiledRenderer {
public:
    // Makes the tile target (GL thread). Throws geo::Error when it cannot be made.
    TiledRenderer(MapRenderer& renderer, const TiledRender& job);

    int tileCount() const { return static_cast<int>(m_tiles.size()); }
    int tilesDone() const { return m_next; }
    bool done() const { return m_next >= tileCount(); }
    // The tile the next renderNext() draws (undefined when done()).
    const TileRect& nextTile() const { return m_tiles[static_cast<size_t>(m_next)]; }

    // Renders the next tile; when it completes a row of tiles, hands the band of full-width
    // rows to `band` (top band first).
    void renderNext(const BandSink& band);

private:
    MapRenderer& m_renderer;
    TiledRender m_job;
    std::vector<TileRect> m_tiles;
    int m_tileW = 0, m_tileH = 0, m_next = 0;
    OffscreenTarget m_target;
    std::vector<uint8_t> m_band;
};

// All tiles in one go: `progress(fraction)` after each. Throws geo::Error as above.
void renderTiled(MapRenderer& renderer, const TiledRender& job, const BandSink& band,
                 const std::function<void(double)>& progress = {});

} // namespace viewer
