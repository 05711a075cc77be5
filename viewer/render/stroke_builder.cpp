// Miter-joined stroke strips; the vertex shader scales the extrusion to pixels.
#include "viewer/render/stroke_builder.hpp"

#include <algorithm>
#include <cmath>

namespace viewer {

void buildStroke(const geo::MapXY* pts, size_t n, bool closed, geo::MapXY origin, StrokeMesh& out)
{
    // Drop repeated points (and the closing duplicate of a ring).
    std::vector<geo::MapXY> p;
    p.reserve(n);
    for (size_t i = 0; i < n; ++i)
        if (p.empty() || pts[i].x != p.back().x || pts[i].y != p.back().y) p.push_back(pts[i]);
    if (closed && p.size() > 1 && p.front().x == p.back().x && p.front().y == p.back().y) p.pop_back();
    const size_t m = p.size();
    if (m < 2) return;
    if (closed && m < 3) closed = false;

    auto normalOf = [&](size_t a, size_t b) {
        const double dx = p[b].x - p[a].x, dy = p[b].y - p[a].y;
        const double len = std::hypot(dx, dy);
        return geo::MapXY{-dy / len, dx / len};
    };
    const uint32_t base = static_cast<uint32_t>(out.vertexCount());
    const size_t count = closed ? m + 1 : m; // closed: repeat the first vertex at the end
    for (size_t k = 0; k < count; ++k) {
        const size_t i = k % m;
        geo::MapXY nPrev, nNext;
        const bool hasPrev = closed || i > 0, hasNext = closed || i + 1 < m;
        if (hasPrev) nPrev = normalOf((i + m - 1) % m, i);
        if (hasNext) nNext = normalOf(i, (i + 1) % m);
        if (!hasPrev) nPrev = nNext;
        if (!hasNext) nNext = nPrev;
        double mx = nPrev.x + nNext.x, my = nPrev.y + nNext.y;
        double mlen = std::hypot(mx, my);
        double ex, ey;
        if (mlen < 1e-9) { // a full reversal: use the normal
            ex = nNext.x;
            ey = nNext.y;
        } else {
            mx /= mlen;
            my /= mlen;
            double scale = 1.0 / std::max(1e-6, mx * nNext.x + my * nNext.y);
            if (scale > kMiterLimit) scale = kMiterLimit;
            ex = mx * scale;
            ey = my * scale;
        }
        const float x = static_cast<float>(p[i].x - origin.x), y = static_cast<float>(p[i].y - origin.y);
        for (float side : {1.0f, -1.0f}) {
            out.vertices.insert(out.vertices.end(),
                                {x, y, static_cast<float>(ex * side), static_cast<float>(ey * side), side});
        }
    }
    for (size_t k = 0; k + 1 < count; ++k) {
        const uint32_t a = base + static_cast<uint32_t>(2 * k);
        out.indices.insert(out.indices.end(), {a, a + 1, a + 2, a + 1, a + 3, a + 2});
    }
}

} // namespace viewer
