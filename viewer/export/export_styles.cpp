// Capturing, scaling and swapping the export's styles (see export_styles.hpp).
#include "viewer/export/export_styles.hpp"

#include "geo/error.hpp"

#include <algorithm>

namespace viewer {

ExportStyles::ExportStyles(const Scene& scene, double scale) : m_scaled(scale != 1)
{
    const float f = static_cast<float>(scale);
    for (const SceneLayer& l : scene.layers()) {
        m_ids.push_back(l.id);
        LayerStyle s = l.style;
        s.strokeWidthPx *= f;
        s.pointSizePx *= f;
        s.labelSizePx *= f;
        m_styles.push_back(s);
    }
    for (const MarkerLayer& m : scene.markerLayers()) {
        std::vector<Marker> ms = m.markers();
        for (Marker& x : ms) {
            x.sizePx *= f;
            x.outlinePx *= f;
            x.haloPx *= f;
        }
        m_markers.push_back(std::move(ms));
        m_markerVisible.push_back(m.visible);
    }
}

ExportStyles::Applied::Applied(Scene& scene, const ExportStyles& styles) : m_scene(scene)
{
    // Every layer of the start still there, in the same order.
    size_t next = 0;
    for (const SceneLayer& l : scene.layers())
        if (next < styles.m_ids.size() && l.id == styles.m_ids[next]) ++next;
    if (next != styles.m_ids.size()) throw geo::Error("the map's layers changed during the export; export again");
    for (SceneLayer& l : scene.layers()) {
        m_saved.push_back(l.style);
        const auto it = std::find(styles.m_ids.begin(), styles.m_ids.end(), l.id);
        if (it == styles.m_ids.end()) l.style.visible = false; // arrived after the start
        else l.style = styles.m_styles[static_cast<size_t>(it - styles.m_ids.begin())];
    }
    std::vector<MarkerLayer>& markers = scene.markerLayers();
    for (size_t i = 0; i < markers.size(); ++i) {
        m_savedMarkerVisible.push_back(markers[i].visible);
        markers[i].visible = i < styles.m_markerVisible.size() && styles.m_markerVisible[i];
    }
    // Markers are re-uploaded when replaced: only swap them when they differ.
    for (size_t i = 0; i < markers.size() && i < styles.m_markers.size() && !m_markers; ++i)
        m_markers = styles.m_scaled || markers[i].markers().size() != styles.m_markers[i].size();
    if (m_markers)
        for (size_t i = 0; i < markers.size(); ++i) {
            m_savedMarkers.push_back(markers[i].markers());
            if (i < styles.m_markers.size()) markers[i].setMarkers(styles.m_markers[i]);
        }
}

ExportStyles::Applied::~Applied()
{
    std::vector<SceneLayer>& layers = m_scene.layers();
    for (size_t i = 0; i < m_saved.size() && i < layers.size(); ++i) layers[i].style = m_saved[i];
    std::vector<MarkerLayer>& markers = m_scene.markerLayers();
    for (size_t i = 0; i < m_savedMarkerVisible.size() && i < markers.size(); ++i) markers[i].visible = m_savedMarkerVisible[i];
    for (size_t i = 0; i < m_savedMarkers.size() && i < markers.size(); ++i) markers[i].setMarkers(m_savedMarkers[i]);
}

} // namespace viewer
