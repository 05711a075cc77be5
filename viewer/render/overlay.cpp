// Display-list building: shapes as triangles, text as glyph quads (halo like TextRenderer's).
#include "viewer/render/overlay.hpp"

#include <cmath>

namespace viewer {

OverlayBatch& Overlay::batch(OverlayKind kind)
{
    if (m_batches.empty() || m_batches.back().kind != kind || kind == OverlayKind::Picture)
        m_batches.push_back({kind, {}, {}, -1});
    return m_batches.back();
}

namespace {
void vertex(std::vector<float>& out, geo::ScreenPx p, float u, float v, Rgba c)
{
    out.insert(out.end(), {static_cast<float>(p.x), static_cast<float>(p.y), u, v, c.r, c.g, c.b, c.a});
}
} // namespace

void Overlay::quad(std::vector<float>& out, geo::ScreenPx a, geo::ScreenPx b, geo::ScreenPx c, geo::ScreenPx d, Rgba color)
{
    for (geo::ScreenPx p : {a, b, c, a, c, d}) vertex(out, p, 0, 0, color);
}

void Overlay::fillRect(double x0, double y0, double x1, double y1, Rgba c)
{
    quad(batch(OverlayKind::Solid).vertices, {x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, c);
}

void Overlay::strokeRect(double x0, double y0, double x1, double y1, double w, Rgba c)
{
    fillRect(x0, y0, x1, y0 + w, c);
    fillRect(x0, y1 - w, x1, y1, c);
    fillRect(x0, y0 + w, x0 + w, y1 - w, c);
    fillRect(x1 - w, y0 + w, x1, y1 - w, c);
}

void Overlay::fillTriangle(geo::ScreenPx a, geo::ScreenPx b, geo::ScreenPx c, Rgba color)
{
    fillConvex({a, b, c}, color);
}

// Antialiased as ImGui does its convex fills: the polygon shrunk by half a pixel in full
// colour, plus a one-pixel fringe that fades to transparent outside. Exports draw without
// MSAA (as the window does), so slanted edges would otherwise be jagged.
void Overlay::fillConvex(const std::vector<geo::ScreenPx>& pts, Rgba c)
{
    const size_t n = pts.size();
    if (n < 3) return;
    double area = 0;
    for (size_t i = 0; i < n; ++i) {
        const geo::ScreenPx& p = pts[i];
        const geo::ScreenPx& q = pts[(i + 1) % n];
        area += p.x * q.y - q.x * p.y;
    }
    const double out = area < 0 ? -1 : 1; // so that normals point outwards in either winding
    std::vector<geo::ScreenPx> normals(n);
    for (size_t i = 0; i < n; ++i) {
        const geo::ScreenPx& p = pts[i];
        const geo::ScreenPx& q = pts[(i + 1) % n];
        const double dx = q.x - p.x, dy = q.y - p.y, len = std::hypot(dx, dy);
        normals[i] = len > 0 ? geo::ScreenPx{out * dy / len, -out * dx / len} : geo::ScreenPx{0, 0};
    }
    std::vector<geo::ScreenPx> inner(n), outer(n);
    for (size_t i = 0; i < n; ++i) {
        const geo::ScreenPx& a = normals[(i + n - 1) % n];
        const geo::ScreenPx& b = normals[i];
        double mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
        // Miter: half a pixel from both edges (capped for sharp corners, as ImGui does).
        const double d2 = std::max(mx * mx + my * my, 0.1);
        mx = mx / d2 * 0.5;
        my = my / d2 * 0.5;
        inner[i] = {pts[i].x - mx, pts[i].y - my};
        outer[i] = {pts[i].x + mx, pts[i].y + my};
    }
    std::vector<float>& v = batch(OverlayKind::Solid).vertices;
    const Rgba clear{c.r, c.g, c.b, 0};
    for (size_t i = 1; i + 1 < n; ++i)
        for (const geo::ScreenPx& p : {inner[0], inner[i], inner[i + 1]}) vertex(v, p, 0, 0, c);
    for (size_t i = 0; i < n; ++i) {
        const size_t j = (i + 1) % n;
        vertex(v, inner[i], 0, 0, c);
        vertex(v, inner[j], 0, 0, c);
        vertex(v, outer[j], 0, 0, clear);
        vertex(v, inner[i], 0, 0, c);
        vertex(v, outer[j], 0, 0, clear);
        vertex(v, outer[i], 0, 0, clear);
    }
}

void Overlay::fillCircle(geo::ScreenPx centre, double radius, Rgba c)
{
    std::vector<geo::ScreenPx> pts;
    const int n = std::max(12, static_cast<int>(radius * 2));
    for (int i = 0; i < n; ++i) {
        const double a = 2 * M_PI * i / n;
        pts.push_back({centre.x + radius * std::cos(a), centre.y + radius * std::sin(a)});
    }
    fillConvex(pts, c);
}

void Overlay::line(geo::ScreenPx a, geo::ScreenPx b, double width, Rgba c)
{
    const double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
    if (!(len > 0)) return;
    const double nx = -dy / len * width / 2, ny = dx / len * width / 2;
    if (dx == 0 || dy == 0) { // axis-aligned: crisp, like the rectangles
        quad(batch(OverlayKind::Solid).vertices, {a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny},
             {a.x - nx, a.y - ny}, c);
        return;
    }
    fillConvex({{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}}, c);
}

void Overlay::text(const FontSet& fonts, const std::string& s, float sizePx, bool bold, geo::ScreenPx topLeft, Rgba color,
                   Rgba halo, float haloPx)
{
    OverlayBatch& b = batch(OverlayKind::Text);
    fonts.layout(s, sizePx, bold, topLeft, [&](const GlyphQuad& g) {
        auto put = [&](std::vector<float>& out, float dx, float dy, Rgba c) {
            const float v[6][4] = {{g.ax, g.ay, g.u0, g.v0}, {g.bx, g.ay, g.u1, g.v0}, {g.bx, g.by, g.u1, g.v1},
                                   {g.ax, g.ay, g.u0, g.v0}, {g.bx, g.by, g.u1, g.v1}, {g.ax, g.by, g.u0, g.v1}};
            for (const auto& p : v) out.insert(out.end(), {p[0] + dx, p[1] + dy, p[2], p[3], c.r, c.g, c.b, c.a});
        };
        if (halo.a > 0 && haloPx > 0)
            for (int k = 0; k < 8; ++k) {
                const float ang = static_cast<float>(k) * 0.785398f;
                put(b.haloVertices, std::cos(ang) * haloPx, std::sin(ang) * haloPx, halo);
            }
        put(b.vertices, 0, 0, color);
    });
}

void Overlay::picture(int x, int y, Image image)
{
    if (image.empty()) return;
    const float x0 = static_cast<float>(x), y0 = static_cast<float>(y);
    const float x1 = x0 + static_cast<float>(image.width), y1 = y0 + static_cast<float>(image.height);
    m_pictures.push_back(std::move(image));
    OverlayBatch& b = batch(OverlayKind::Picture);
    b.picture = static_cast<int>(m_pictures.size() - 1);
    const Rgba w{1, 1, 1, 1};
    vertex(b.vertices, {x0, y0}, 0, 0, w);
    vertex(b.vertices, {x1, y0}, 1, 0, w);
    vertex(b.vertices, {x1, y1}, 1, 1, w);
    vertex(b.vertices, {x0, y0}, 0, 0, w);
    vertex(b.vertices, {x1, y1}, 1, 1, w);
    vertex(b.vertices, {x0, y1}, 0, 1, w);
}

} // namespace viewer
