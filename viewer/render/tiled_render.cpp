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

std::vector<TileRect> tileGrid(int width, int height, int side)
{
    std::vector<TileRect> tiles;
    if (width <= 0 || height <= 0 || side <= 0) return tiles;
    const int tw = std::min(width, side), th = std::min(height, side);
    for (int y = 0; y < height; y += th)
        for (int x = 0; x < width; x += tw) tiles.push_back({x, y, std::min(tw, width - x), std::min(th, height - y)});
    return tiles;
}

namespace {
int sideFor(const TiledRender& job) { return job.tileSide > 0 ? job.tileSide : maxTileSide(); }
} // namespace

TiledRenderer::TiledRenderer(MapRenderer& renderer, const TiledRender& job)
    : m_renderer(renderer), m_job(job), m_tiles(tileGrid(job.view.width(), job.view.height(), sideFor(job))),
      m_tileW(std::min(job.view.width(), sideFor(job))), m_tileH(std::min(job.view.height(), sideFor(job))),
      m_target(m_tileW, m_tileH, job.samples),
      m_band(static_cast<size_t>(job.view.width()) * m_tileH * 4)
{
}

void TiledRenderer::renderNext(const BandSink& band)
{
    if (done()) return;
    const TileRect t = m_tiles[static_cast<size_t>(m_next)];
    const int W = m_job.view.width();
    if (tileCount() == 1) {
        m_renderer.draw(*m_job.scene, m_job.view, m_target, m_job.options);
    } else {
        // Full-size tile through a sub-viewport at the image's scale (edge tiles are cropped).
        const geo::MapXY centre = m_job.view.toMap({t.x + m_tileW / 2.0, t.y + m_tileH / 2.0});
        const geo::Viewport sub(m_tileW, m_tileH, centre, m_job.view.unitsPerPixel());
        m_renderer.draw(*m_job.scene, sub, m_target, m_job.options);
    }
    if (m_job.overlay && m_job.painter) {
        m_target.bind();
        m_job.painter->draw(*m_job.overlay, t.x, t.y, m_tileW, m_tileH);
    }
    const Image tile = m_target.readPixels();
    for (int y = 0; y < t.h; ++y)
        std::memcpy(&m_band[(static_cast<size_t>(y) * W + t.x) * 4], &tile.rgba[static_cast<size_t>(y) * m_tileW * 4],
                    static_cast<size_t>(t.w) * 4);
    ++m_next;
    if (t.x + t.w >= W) band(t.y, t.h, m_band.data()); // the row of tiles is complete
}

void renderTiled(MapRenderer& renderer, const TiledRender& job, const BandSink& band,
                 const std::function<void(double)>& progress)
{
    TiledRenderer tiles(renderer, job);
    while (!tiles.done()) {
        tiles.renderNext(band);
        if (progress) progress(static_cast<double>(tiles.tilesDone()) / tiles.tileCount());
    }
}

} // namespace viewer
