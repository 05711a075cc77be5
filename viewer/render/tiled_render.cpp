// Tile loop: sub-viewports share the whole image's scale, so strokes, markers and the
// overlay line up exactly across seams; edge tiles are rendered full size and cropped.
#include "viewer/render/tiled_render.hpp"

#include <algorithm>
#include <cstring>

namespace viewer {

int maxTileSide(int cap)
{
    GLint rb = 0, vp[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &rb);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, vp);
    int side = cap;
    if (rb > 0) side = std::min(side, static_cast<int>(rb));
    if (vp[0] > 0) side = std::min({side, static_cast<int>(vp[0]), static_cast<int>(vp[1])});
    return std::max(64, side);
}

void renderTiled(MapRenderer& renderer, const TiledRender& job,
                 const std::function<void(int, int, const uint8_t*)>& band, const std::function<void(double)>& progress)
{
    const int W = job.view.width(), H = job.view.height();
    const int side = job.tileSide > 0 ? job.tileSide : maxTileSide();
    const int tw = std::min(W, side), th = std::min(H, side);
    const int cols = (W + tw - 1) / tw, rows = (H + th - 1) / th;
    OffscreenTarget target(tw, th, job.samples);
    std::vector<uint8_t> rowsBuf(static_cast<size_t>(W) * th * 4);
    const double upp = job.view.unitsPerPixel();
    int done = 0;
    for (int r = 0; r < rows; ++r) {
        const int y0 = r * th, bandRows = std::min(th, H - y0);
        for (int c = 0; c < cols; ++c) {
            const int x0 = c * tw, cols0 = std::min(tw, W - x0);
            const geo::MapXY centre = job.view.toMap({x0 + tw / 2.0, y0 + th / 2.0});
            const geo::Viewport sub(tw, th, centre, upp);
            if (cols == 1 && rows == 1) {
                renderer.draw(*job.scene, job.view, target, job.options);
            } else {
                renderer.draw(*job.scene, sub, target, job.options);
            }
            if (job.overlay && job.painter) {
                target.bind();
                job.painter->draw(*job.overlay, x0, y0, tw, th);
            }
            const Image tile = target.readPixels();
            for (int y = 0; y < bandRows; ++y)
                std::memcpy(&rowsBuf[(static_cast<size_t>(y) * W + x0) * 4], &tile.rgba[static_cast<size_t>(y) * tw * 4],
                            static_cast<size_t>(cols0) * 4);
            ++done;
            if (progress) progress(static_cast<double>(done) / (cols * rows));
        }
        band(y0, bandRows, rowsBuf.data());
    }
}

} // namespace viewer
