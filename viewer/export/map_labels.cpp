// Candidate gathering, priority order and greedy placement, as in MapRenderer::drawLabels.
#include "viewer/export/map_labels.hpp"

#include "geo/label_placement.hpp"

#include <algorithm>

namespace viewer {

namespace {

struct Candidate {
    size_t layer;
    uint32_t feature;
    int priority;
    double size;
    geo::ScreenPx centre;
    const std::string* text;
};

std::vector<std::vector<uint32_t>> visibleFeatures(const Scene& scene, const geo::Viewport& view)
{
    geo::Extent window = view.visibleExtent();
    const double margin = 32 * view.unitsPerPixel();
    window.expand(window.minX - margin, window.minY - margin);
    window.expand(window.maxX + margin, window.maxY + margin);
    std::vector<std::vector<uint32_t>> visible(scene.layers().size());
    for (size_t li = 0; li < scene.layers().size(); ++li) {
        const SceneLayer& layer = scene.layers()[li];
        if (!layer.style.visible || layer.style.opacity <= 0) continue;
        visible[li] = layer.index.query(window);
        std::sort(visible[li].begin(), visible[li].end());
    }
    return visible;
}

std::vector<Candidate> candidates(const Scene& scene, const geo::Viewport& view, double scale)
{
    const double upp = view.unitsPerPixel();
    const auto visible = visibleFeatures(scene, view);
    std::vector<Candidate> out;
    geo::Extent inner = view.visibleExtent();
    inner = {inner.minX + 40 * scale * upp, inner.minY + 30 * scale * upp, inner.maxX - 40 * scale * upp,
             inner.maxY - 30 * scale * upp};
    // Label visibility follows the map scale, not the pixel size: compare at 96 DPI units.
    const double groundMpp = scene.groundMetresPerPixel(view) * scale;
    for (size_t li = 0; li < scene.layers().size(); ++li) {
        const SceneLayer& layer = scene.layers()[li];
        const LayerStyle& st = layer.style;
        if (!st.visible || st.labelField.empty() || !labelsShownAt(st, groundMpp)) continue;
        const int field = layer.data->fieldIndex(st.labelField);
        if (field < 0) continue;
        const bool points = layer.data->kind == geo::GeomKind::Point;
        for (uint32_t f : visible[li]) {
            if (!points && layer.featureSize[f] / upp < 40 * scale) continue;
            const std::string& text = layer.data->value(layer.data->features[f], field);
            if (text.empty()) continue;
            geo::MapXY anchor = layer.labelAnchors[f];
            if (!points && !inner.contains(anchor.x, anchor.y)) {
                const geo::Geometry& g = layer.data->features[f].geometry;
                if (!geo::labelAnchorWithin(g, inner, 80 * scale * upp, anchor)) continue;
            }
            geo::ScreenPx c = view.toScreen(anchor);
            if (points) c.y -= st.pointSizePx / 2 + st.labelSizePx * 0.7;
            out.push_back({li, f, st.labelPriority, layer.featureSize[f], c, &text});
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
        if (a.priority != b.priority) return a.priority > b.priority;
        return a.size > b.size;
    });
    return out;
}

Rgba withOpacity(Rgba c, float opacity) { return {c.r, c.g, c.b, c.a * opacity}; }

} // namespace

std::vector<FontFace> labelFaces(const Scene& scene)
{
    std::vector<FontFace> faces;
    for (const SceneLayer& l : scene.layers())
        if (!l.style.labelField.empty()) faces.push_back({l.style.labelSizePx, l.style.labelBold});
    return faces;
}

std::vector<std::string> labelTexts(const Scene& scene, const geo::Viewport& view)
{
    std::vector<std::string> texts;
    const auto visible = visibleFeatures(scene, view);
    for (size_t li = 0; li < scene.layers().size(); ++li) {
        const SceneLayer& layer = scene.layers()[li];
        const int field = layer.style.labelField.empty() ? -1 : layer.data->fieldIndex(layer.style.labelField);
        if (field < 0) continue;
        for (uint32_t f : visible[li]) texts.push_back(layer.data->value(layer.data->features[f], field));
    }
    return texts;
}

size_t addMapLabels(Overlay& overlay, const FontSet& fonts, const Scene& scene, const geo::Viewport& view,
                    geo::ScreenPx offset, double scale)
{
    const std::vector<Candidate> cands = candidates(scene, view, scale);
    std::vector<geo::LabelBox> boxes;
    boxes.reserve(cands.size());
    for (const Candidate& c : cands) {
        const LayerStyle& st = scene.layers()[c.layer].style;
        const geo::ScreenPx s = fonts.measure(*c.text, st.labelSizePx, st.labelBold);
        const double pad = 3 * scale;
        boxes.push_back({c.centre.x - s.x / 2 - pad, c.centre.y - s.y / 2 - pad, c.centre.x + s.x / 2 + pad,
                         c.centre.y + s.y / 2 + pad});
    }
    const std::vector<size_t> placed = geo::placeLabels(boxes, view.width(), view.height());
    for (size_t i : placed) {
        const Candidate& c = cands[i];
        const LayerStyle& st = scene.layers()[c.layer].style;
        const geo::ScreenPx s = fonts.measure(*c.text, st.labelSizePx, st.labelBold);
        overlay.text(fonts, *c.text, st.labelSizePx, st.labelBold,
                     {offset.x + c.centre.x - s.x / 2, offset.y + c.centre.y - s.y / 2}, withOpacity(st.labelColor, st.opacity),
                     {1, 1, 1, 0.9f * st.opacity}, static_cast<float>(1.5 * scale));
    }
    return placed.size();
}

} // namespace viewer
