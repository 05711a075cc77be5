// A display list of 2D drawing in image pixels (top-left origin): filled shapes, lines, text
// with halos and RGBA pictures. Built once for a whole image (layout and map labels), then
// drawn tile by tile with an offset, so nothing is cut or duplicated at tile seams. No GL.
#pragma once
#include "viewer/render/font_set.hpp"
#include "viewer/render/image.hpp"
#include "viewer/render/layer_style.hpp"

#include "geo/coords.hpp"

#include <string>
#include <vector>

namespace viewer {

// Vertices are x, y, u, v, r, g, b, a (8 floats); what u, v mean depends on the batch kind.
enum class OverlayKind { Solid, Text, Picture };

struct OverlayBatch {
    OverlayKind kind = OverlayKind::Solid;
    std::vector<float> vertices;     // Solid and Picture; for Text the glyph quads
    std::vector<float> haloVertices; // Text: drawn first, under every glyph of the batch
    int picture = -1;                // Picture: index into Overlay::pictures()
};

class Overlay {
public:
    void fillRect(double x0, double y0, double x1, double y1, Rgba c);
    void strokeRect(double x0, double y0, double x1, double y1, double width, Rgba c);
    // Triangles, convex polygons, circles and slanted lines are antialiased (a fading fringe).
    void fillTriangle(geo::ScreenPx a, geo::ScreenPx b, geo::ScreenPx c, Rgba color);
    // A convex polygon, as a fan.
    void fillConvex(const std::vector<geo::ScreenPx>& pts, Rgba c);
    void fillCircle(geo::ScreenPx centre, double radius, Rgba c);
    // A straight segment `width` pixels wide (butt caps).
    void line(geo::ScreenPx a, geo::ScreenPx b, double width, Rgba c);
    // Text with its top-left corner at `topLeft`; `haloPx` > 0 draws an outline halo.
    void text(const FontSet& fonts, const std::string& s, float sizePx, bool bold, geo::ScreenPx topLeft, Rgba color,
              Rgba halo = {0, 0, 0, 0}, float haloPx = 0);
    // An RGBA picture (e.g. the inset map) with its top-left corner at (x, y).
    void picture(int x, int y, Image image);

    const std::vector<OverlayBatch>& batches() const { return m_batches; }
    const std::vector<Image>& pictures() const { return m_pictures; }
    bool empty() const { return m_batches.empty(); }

private:
    OverlayBatch& batch(OverlayKind kind);
    void quad(std::vector<float>& out, geo::ScreenPx a, geo::ScreenPx b, geo::ScreenPx c, geo::ScreenPx d, Rgba color);

    std::vector<OverlayBatch> m_batches;
    std::vector<Image> m_pictures;
};

} // namespace viewer
