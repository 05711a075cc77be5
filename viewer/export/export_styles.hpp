// The styles an export draws with: the scene's styles when the export starts, with line
// widths, marker and label sizes grown by the layout scale. They are swapped in around each
// piece of export work and the window's own put back after, so the window never draws with
// them, and an export spread over frames shows one consistent map from its first tile to its last.
#pragma once
#include "viewer/render/scene.hpp"

#include <cstdint>
#include <vector>

namespace viewer {

class ExportStyles {
public:
    ExportStyles(const Scene& scene, double scale);

    // While alive, `scene` draws with the export's styles. Layers added since the export
    // started are hidden; a layer removed (or the scene rebuilt, e.g. for another map CRS)
    // throws geo::Error, since the rest of the image could no longer match its start.
    class Applied {
    public:
        Applied(Scene& scene, const ExportStyles& styles);
        ~Applied();
        Applied(const Applied&) = delete;
        Applied& operator=(const Applied&) = delete;

    private:
        Scene& m_scene;
        std::vector<LayerStyle> m_saved;
        std::vector<std::vector<Marker>> m_savedMarkers;
        std::vector<bool> m_savedMarkerVisible;
        bool m_markers = false;
    };

private:
    std::vector<uint64_t> m_ids;
    std::vector<LayerStyle> m_styles;
    std::vector<std::vector<Marker>> m_markers;
    std::vector<bool> m_markerVisible;
    bool m_scaled = false;
};

} // namespace viewer
