// Cluster level choice and symbols for dense point layers.
#include "viewer/render/cluster_symbols.hpp"
#include "viewer/render/scene.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace viewer {

geo::Extent drawWindow(const geo::Viewport& view, double pixelScale)
{
    geo::Extent window = view.visibleExtent();
    const double margin = 32 * pixelScale * view.unitsPerPixel();
    window.expand(window.minX - margin, window.minY - margin);
    window.expand(window.maxX + margin, window.maxY + margin);
    return window;
}

std::optional<std::vector<geo::PointCluster>> clustersInView(const SceneLayer& layer, double unitsPerPixel,
                                                             const geo::Extent& window, double pixelScale)
{
    if (!layer.clusters || layer.style.thematic.active()) return std::nullopt;
    const std::optional<size_t> level = layer.clusters->levelFor(kClusterCellPx * pixelScale * unitsPerPixel);
    if (!level) return std::nullopt;
    std::vector<geo::PointCluster> out;
    layer.clusters->query(*level, window, out);
    uint64_t points = 0;
    for (const geo::PointCluster& c : out) points += c.count;
    if (points <= kPointsAloneUpTo) return std::nullopt;
    return out;
}

float clusterDiameterPx(uint32_t count, float pointSizePx)
{
    if (count <= 1) return pointSizePx;
    const float d = pointSizePx + 6 + 7 * std::log10(static_cast<float>(count));
    return std::min(d, std::max(kClusterMaxPx, pointSizePx));
}

std::string clusterCountText(uint32_t count)
{
    char buf[32];
    if (count < 1000) std::snprintf(buf, sizeof buf, "%u", count);
    else if (count < 9950) std::snprintf(buf, sizeof buf, "%.1fk", count / 1e3); // not "10.0k"
    else if (count < 999'500) std::snprintf(buf, sizeof buf, "%.0fk", count / 1e3);
    else std::snprintf(buf, sizeof buf, "%.1fM", count / 1e6);
    return buf;
}

Marker clusterMarker(const geo::PointCluster& c, const LayerStyle& st)
{
    Marker m;
    m.position = c.centre;
    m.sizePx = clusterDiameterPx(c.count, st.pointSizePx);
    m.fill = {st.fillColor.r, st.fillColor.g, st.fillColor.b, st.opacity};
    m.outline = {1, 1, 1, st.opacity};
    m.outlinePx = c.count > 1 ? 1.5f : 1.25f;
    if (c.count > 1) {
        // A soft ring in the layer's colour: reads as "many here" and sets clusters apart.
        m.halo = {st.fillColor.r, st.fillColor.g, st.fillColor.b, 0.35f * st.opacity};
        m.haloPx = 4;
    }
    return m;
}

} // namespace viewer
