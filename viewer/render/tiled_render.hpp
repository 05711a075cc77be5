// Rendering an image of any size (up to ImageWriter's limit) in tiles no larger than the GL
// limits: each tile is the same map drawn through a sub-viewport, plus the overlay drawn
// with the tile's offset; rows are handed on one band at a time, so memory stays bounded.
#pragma once
#include "viewer/render/map_renderer.hpp"
#include "viewer/render/overlay.hpp"
#include "viewer/render/overlay_painter.hpp"

#include "geo/viewport.hpp"

#include <cstdint>
#include <functional>

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
    int samples = 4;                  // MSAA, as the window's screenshots use
};

// Calls `band(y, rows, rgba)` for consecutive bands of full-width rows (top first) and
// `progress(fraction)` after each tile. Throws geo::Error when a tile target cannot be made.
void renderTiled(MapRenderer& renderer, const TiledRender& job,
                 const std::function<void(int y, int rows, const uint8_t* rgba)>& band,
                 const std::function<void(double)>& progress = {});

} // namespace viewer
