// Frame drawing: background, layers bottom-up (fill, stroke, points), selection highlight,
// marker layers, then collision-free labels.
#include "viewer/render/map_renderer.hpp"
#include "viewer/render/cluster_symbols.hpp"
#include "viewer/render/glyph_ranges.hpp"

#include "geo/label_placement.hpp"

#include <algorithm>
#include <cmath>

namespace viewer {

namespace {

// A double split into a float and the float of its remainder, so the shader can subtract
// the view centre without losing precision far from the layer origin.
void splitDouble(double v, float& hi, float& lo)
{
    hi = static_cast<float>(v);
    lo = static_cast<float>(v - static_cast<double>(hi));
}

Rgba withOpacity(Rgba c, float opacity) { return {c.r, c.g, c.b, c.a * opacity}; }

void setColor(const ShaderProgram& p, const char* name, Rgba c) { p.set(name, c.r, c.g, c.b, c.a); }

// Constant (non-array) marker attributes for point layers, see gpu_layer.cpp.
void setMarkerConstants(float size, float outlineWidth, Rgba fill, Rgba outline)
{
    glVertexAttrib1f(2, size);
    glVertexAttrib1f(3, outlineWidth);
    glVertexAttrib4f(4, fill.r, fill.g, fill.b, fill.a);
    glVertexAttrib4f(5, outline.r, outline.g, outline.b, outline.a);
    glVertexAttrib4f(6, 0, 0, 0, 0);
    glVertexAttrib1f(7, 0);
}

// Visible features split by thematic class: group 0 has no class, group k + 1 is class k.
std::vector<std::vector<uint32_t>> groupByClass(const ThematicStyle& t, const std::vector<uint32_t>& ids)
{
    std::vector<std::vector<uint32_t>> groups(t.colors.size() + 1);
    const std::vector<int16_t>& cls = *t.featureClass;
    for (uint32_t f : ids) {
        const int c = f < cls.size() ? cls[f] : -1;
        groups[c >= 0 && static_cast<size_t>(c) < t.colors.size() ? c + 1 : 0].push_back(f);
    }
    return groups;
}

} // namespace

MapRenderer::MapRenderer()
    : m_fill(ShaderProgram::load("fill")), m_stroke(ShaderProgram::load("stroke")),
      m_marker(ShaderProgram::load("marker"))
{
    const float quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    m_quad = makeBuffer();
    glBindBuffer(GL_ARRAY_BUFFER, m_quad.id());
    glBufferData(GL_ARRAY_BUFFER, sizeof quad, quad, GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    m_raster = std::make_unique<RasterPainter>();
}

MapRenderer::~MapRenderer() = default;

TextRenderer& MapRenderer::text()
{
    // Baked on first use: the export draws its own labels and never pays for this atlas.
    if (!m_text) m_text = std::make_unique<TextRenderer>(defaultFontPath(), defaultBoldFontPath());
    return *m_text;
}

void MapRenderer::setCamera(const ShaderProgram& p, const geo::Viewport& view, geo::MapXY origin) const
{
    float hx, lx, hy, ly;
    splitDouble(view.center().x - origin.x, hx, lx);
    splitDouble(view.center().y - origin.y, hy, ly);
    p.set("u_centerHi", hx, hy);
    p.set("u_centerLo", lx, ly);
    const double upp = view.unitsPerPixel();
    p.set("u_scale", static_cast<float>(2.0 / (upp * view.width())), static_cast<float>(2.0 / (upp * view.height())));
    p.set("u_pixel", 2.0f / static_cast<float>(view.width()), 2.0f / static_cast<float>(view.height()));
}

DrawStats MapRenderer::draw(const Scene& scene, const geo::Viewport& view, RenderTarget& target, const DrawOptions& options)
{
    DrawStats stats;
    target.bind();
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    if (options.clear) {
        glClearColor(scene.background.r, scene.background.g, scene.background.b, 1);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    // Fills paint where their stencil bits are set and clear them; start from zero.
    glStencilMask(0xFF);
    glClearStencil(0);
    glClear(GL_STENCIL_BUFFER_BIT);

    // Cull with a margin so thick strokes and markers at the edge are not cut off.
    const float k = options.pixelScale;
    const geo::Extent window = drawWindow(view, k);
    m_marker.use();
    m_marker.set("u_sizeScale", k); // every marker below: sizes in style pixels

    // Rasters first (or right above an opaque land fill): imagery sits under the vectors.
    const bool rastersFirst = !scene.rastersAboveLayer || !scene.find(scene.rastersAboveLayer);
    if (rastersFirst) stats.drawCalls += m_raster->draw(scene.rasterLayers(), view);

    std::vector<std::vector<uint32_t>> visible(scene.layers().size());
    for (size_t li = 0; li < scene.layers().size(); ++li) {
        const SceneLayer& layer = scene.layers()[li];
        const LayerStyle& st = layer.style;
        if (!st.visible || st.opacity <= 0) {
            if (layer.id == scene.rastersAboveLayer) stats.drawCalls += m_raster->draw(scene.rasterLayers(), view);
            continue;
        }
        // A dense point layer zoomed out: its clusters in view, not every point (issue 11).
        if (auto clusters = clustersInView(layer, view.unitsPerPixel(), window, k)) {
            drawClusters(*clusters, st, view, k, stats);
            if (layer.id == scene.rastersAboveLayer) stats.drawCalls += m_raster->draw(scene.rasterLayers(), view);
            continue;
        }
        std::vector<uint32_t>& ids = visible[li];
        ids = layer.index.query(window);
        std::sort(ids.begin(), ids.end());
        stats.featuresVisible += ids.size();
        const GpuLayer& gpu = *layer.gpu;
        const size_t lod = gpu.chooseLod(view.unitsPerPixel());
        if (st.thematic.active()) {
            // Categorized / graduated: one draw per class with its colour.
            const auto groups = groupByClass(st.thematic, ids);
            auto colourOf = [&](size_t g, Rgba none) { return g == 0 ? none : st.thematic.colors[g - 1]; };
            // The classes colour a polygon layer's fills even where the style has none of its
            // own (the basemap's provinces): classes are what the user asked to see.
            if (gpu.hasFill()) {
                m_fill.use();
                setCamera(m_fill, view, gpu.origin());
                for (size_t g = 0; g < groups.size(); ++g) {
                    if (groups[g].empty()) continue;
                    setColor(m_fill, "u_color", withOpacity(colourOf(g, st.fillColor), st.opacity));
                    stats.drawCalls += gpu.drawFill(lod, groups[g], window);
                }
            }
            if (gpu.hasStroke() && st.strokeWidthPx > 0) {
                m_stroke.use();
                setCamera(m_stroke, view, gpu.origin());
                m_stroke.set("u_halfWidth", st.strokeWidthPx / 2 * k);
                const bool lines = layer.data->kind == geo::GeomKind::Line;
                for (size_t g = 0; g < groups.size(); ++g) {
                    if (groups[g].empty()) continue;
                    const Rgba c = lines ? colourOf(g, st.strokeColor) : st.strokeColor;
                    setColor(m_stroke, "u_color", withOpacity({c.r, c.g, c.b, lines ? 1.0f : c.a}, st.opacity));
                    stats.drawCalls += gpu.drawStroke(lod, groups[g], window, m_quad.id());
                }
            }
            if (gpu.hasPoints()) {
                m_marker.use();
                setCamera(m_marker, view, gpu.origin());
                m_marker.set("u_opacity", 1.0f);
                for (size_t g = 0; g < groups.size(); ++g) {
                    if (groups[g].empty()) continue;
                    const Rgba c = colourOf(g, st.fillColor);
                    setMarkerConstants(st.pointSizePx, 1.25f, withOpacity({c.r, c.g, c.b, 1}, st.opacity),
                                       withOpacity({1, 1, 1, 1}, st.opacity));
                    stats.drawCalls += gpu.drawPoints(groups[g], m_quad.id());
                }
            }
            if (layer.id == scene.rastersAboveLayer) stats.drawCalls += m_raster->draw(scene.rasterLayers(), view);
            continue;
        }
        if (gpu.hasFill() && st.fill) {
            m_fill.use();
            setCamera(m_fill, view, gpu.origin());
            // Opaque fills need no blending (cheaper on software rasterisers).
            bool opaque = st.opacity >= 1;
            if (st.paletteFill)
                for (const Rgba& c : st.palette) opaque = opaque && c.a >= 1;
            else
                opaque = opaque && st.fillColor.a >= 1;
            if (opaque) glDisable(GL_BLEND);
            if (st.paletteFill) {
                // One draw per palette colour (the stencil paints a pixel in one colour only).
                const size_t colours = st.palette.size();
                std::vector<std::vector<uint32_t>> byClass(colours);
                for (uint32_t f : ids) byClass[f < layer.paletteClass.size() ? layer.paletteClass[f] % colours : 0].push_back(f);
                for (size_t k = 0; k < colours; ++k) {
                    if (byClass[k].empty()) continue;
                    setColor(m_fill, "u_color", withOpacity(st.palette[k], st.opacity));
                    stats.drawCalls += gpu.drawFill(lod, byClass[k], window);
                }
            } else {
                setColor(m_fill, "u_color", withOpacity(st.fillColor, st.opacity));
                stats.drawCalls += gpu.drawFill(lod, ids, window);
            }
            glEnable(GL_BLEND);
        }
        if (gpu.hasStroke() && st.strokeWidthPx > 0) {
            m_stroke.use();
            setCamera(m_stroke, view, gpu.origin());
            setColor(m_stroke, "u_color", withOpacity(st.strokeColor, st.opacity));
            m_stroke.set("u_halfWidth", st.strokeWidthPx / 2 * k);
            stats.drawCalls += gpu.drawStroke(lod, ids, window, m_quad.id());
        }
        if (gpu.hasPoints()) {
            m_marker.use();
            setCamera(m_marker, view, gpu.origin());
            m_marker.set("u_opacity", 1.0f);
            // Markers: the fill colour made opaque, with a white outline that reads on any map.
            const Rgba fill{st.fillColor.r, st.fillColor.g, st.fillColor.b, 1};
            setMarkerConstants(st.pointSizePx, 1.25f, withOpacity(fill, st.opacity), withOpacity({1, 1, 1, 1}, st.opacity));
            stats.drawCalls += gpu.drawPoints(ids, m_quad.id());
        }
        if (layer.id == scene.rastersAboveLayer) stats.drawCalls += m_raster->draw(scene.rasterLayers(), view);
    }

    if (options.selection && scene.selectionMesh()) {
        const GpuLayer& sel = *scene.selectionMesh();
        const std::vector<uint32_t> one{0};
        m_fill.use();
        setCamera(m_fill, view, sel.origin());
        setColor(m_fill, "u_color", {1.0f, 0.80f, 0.20f, 0.35f});
        stats.drawCalls += sel.drawFill(0, one, window);
        m_stroke.use();
        setCamera(m_stroke, view, sel.origin());
        setColor(m_stroke, "u_color", {0.90f, 0.35f, 0.05f, 1});
        m_stroke.set("u_halfWidth", 1.75f * k);
        stats.drawCalls += sel.drawStroke(0, one, window, m_quad.id());
        if (sel.hasPoints()) {
            m_marker.use();
            setCamera(m_marker, view, sel.origin());
            m_marker.set("u_opacity", 1.0f);
            setMarkerConstants(16, 3, {1.0f, 0.80f, 0.20f, 0.6f}, {0.90f, 0.35f, 0.05f, 1});
            stats.drawCalls += sel.drawPoints(one, m_quad.id());
        }
    }

    for (const MarkerLayer& markers : scene.markerLayers()) {
        if (!markers.visible || markers.markers().empty()) continue;
        m_marker.use();
        setCamera(m_marker, view, markers.origin());
        m_marker.set("u_opacity", markers.opacity);
        markers.draw(m_quad.id());
        ++stats.drawCalls;
    }

    if (options.labels) drawLabels(scene, view, visible, k, stats);
    glBindVertexArray(0);
    glUseProgram(0);
    return stats;
}

void MapRenderer::drawClusters(const std::vector<geo::PointCluster>& clusters, const LayerStyle& st,
                               const geo::Viewport& view, float k, DrawStats& stats)
{
    if (clusters.empty()) return;
    std::vector<Marker> discs;
    discs.reserve(clusters.size());
    for (const geo::PointCluster& c : clusters) {
        discs.push_back(clusterMarker(c, st));
        stats.featuresVisible += c.count;
    }
    m_clusters.setMarkers(std::move(discs));
    m_marker.use();
    setCamera(m_marker, view, m_clusters.origin());
    m_marker.set("u_opacity", 1.0f);
    m_clusters.draw(m_quad.id());
    ++stats.drawCalls;
    stats.clustersDrawn += clusters.size();
    // The counts, on their discs (part of the symbol: drawn with or without labels).
    const Rgba halo{st.fillColor.r * 0.55f, st.fillColor.g * 0.55f, st.fillColor.b * 0.55f, 0.9f * st.opacity};
    bool any = false;
    for (const geo::PointCluster& c : clusters) {
        if (c.count < 2) continue;
        const float size = (c.count >= 1000 ? 11.5f : 10.5f) * k;
        text().add(clusterCountText(c.count), size, true, view.toScreen(c.centre), {1, 1, 1, st.opacity}, halo, 1.5f * k);
        any = true;
    }
    if (any) {
        text().flush(view.width(), view.height());
        ++stats.drawCalls;
    }
}

void MapRenderer::drawLabels(const Scene& scene, const geo::Viewport& view,
                             const std::vector<std::vector<uint32_t>>& visible, float k, DrawStats& stats)
{
    struct Candidate {
        size_t layer;
        uint32_t feature;
        int priority;
        double size;
        geo::ScreenPx centre;
        const std::string* text;
    };
    const double upp = view.unitsPerPixel();
    const double groundMpp = scene.groundMetresPerPixel(view);
    if (m_heldAnchors.size() > 4096) m_heldAnchors.clear(); // layers come and go
    std::vector<Candidate> candidates;
    geo::Extent inner = view.visibleExtent();
    inner = {inner.minX + 40 * upp, inner.minY + 30 * upp, inner.maxX - 40 * upp, inner.maxY - 30 * upp};
    for (size_t li = 0; li < scene.layers().size(); ++li) {
        const SceneLayer& layer = scene.layers()[li];
        const LayerStyle& st = layer.style;
        if (!st.visible || st.labelField.empty() || !labelsShownAt(st, groundMpp)) continue;
        const int field = layer.data->fieldIndex(st.labelField);
        if (field < 0) continue;
        const bool points = layer.data->kind == geo::GeomKind::Point;
        for (uint32_t f : visible[li]) {
            // Areas too small on screen to carry a name stay unlabelled.
            if (!points && layer.featureSize[f] / upp < 40) continue;
            const std::string& text = layer.data->value(layer.data->features[f], field);
            if (text.empty()) continue;
            geo::MapXY anchor = layer.labelAnchors[f];
            if (!points && !inner.contains(anchor.x, anchor.y)) {
                // The usual anchor is out of view: hang the name on the visible part.
                HeldAnchor& held = m_heldAnchors[(layer.id << 24) ^ f];
                const bool sameScale = held.unitsPerPixel > upp / 1.5 && held.unitsPerPixel < upp * 1.5;
                const bool reuse = sameScale && (held.found ? inner.contains(held.anchor.x, held.anchor.y)
                                                            : held.window.minX == inner.minX && held.window.minY == inner.minY &&
                                                                  held.window.maxX == inner.maxX && held.window.maxY == inner.maxY);
                if (!reuse) {
                    const geo::Geometry& g = layer.data->features[f].geometry;
                    geo::MapXY at = anchor;
                    const bool found = geo::labelAnchorWithin(g, inner, 80 * upp, at);
                    held = {at, upp, found, inner};
                }
                if (!held.found) continue;
                anchor = held.anchor;
            }
            geo::ScreenPx c = view.toScreen(anchor);
            if (points) c.y -= (st.pointSizePx / 2 + st.labelSizePx * 0.7) * k;
            candidates.push_back({li, f, st.labelPriority, layer.featureSize[f], c, &text});
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.priority != b.priority) return a.priority > b.priority;
        return a.size > b.size;
    });
    std::vector<geo::LabelBox> boxes;
    boxes.reserve(candidates.size());
    for (const Candidate& c : candidates) {
        const LayerStyle& st = scene.layers()[c.layer].style;
        const geo::ScreenPx s = text().measure(*c.text, st.labelSizePx * k, st.labelBold);
        const double pad = 3 * k;
        boxes.push_back({c.centre.x - s.x / 2 - pad, c.centre.y - s.y / 2 - pad, c.centre.x + s.x / 2 + pad,
                         c.centre.y + s.y / 2 + pad});
    }
    const std::vector<size_t> placed = geo::placeLabels(boxes, view.width(), view.height());
    for (size_t i : placed) {
        const Candidate& c = candidates[i];
        const LayerStyle& st = scene.layers()[c.layer].style;
        text().add(*c.text, st.labelSizePx * k, st.labelBold, c.centre, withOpacity(st.labelColor, st.opacity),
                    {1, 1, 1, 0.9f * st.opacity});
    }
    stats.labelsPlaced = placed.size();
    if (!placed.empty()) ++stats.drawCalls;
    text().flush(view.width(), view.height());
}

} // namespace viewer
