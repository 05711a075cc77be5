// File > Export...: a briefing image of exactly the current view, with the export's own
// renderer and layout, a live preview, and the same options as `compound-atlas export`.
#pragma once
#include "viewer/app/session.hpp"
#include "viewer/export/briefing_export.hpp"
#include "viewer/export/export_options.hpp"
#include "viewer/render/map_renderer.hpp"
#include "viewer/render/preview_texture.hpp"

#include <memory>
#include <string>

namespace viewer {

class ExportDialog {
public:
    // Opens the dialog with the current view's defaults (window size, today's date).
    void open(const Session& session);
    bool isOpen() const { return m_open; }
    // Draws the dialog; renders the preview when the options changed and exports on request.
    // A running export renders a few tiles each call, under a modal progress bar with Cancel.
    void draw(Session& session, MapRenderer& renderer);
    // An export is running: the app loop should not sleep between frames.
    bool busy() const { return m_job != nullptr; }

private:
    ExportOptions options(const Session& session) const;
    void refreshPreview(Session& session, MapRenderer& renderer);
    void startExport(Session& session, MapRenderer& renderer);
    void drawProgress(Session& session);

    bool m_open = false;
    char m_title[256] = {}, m_subtitle[256] = {}, m_date[64] = {}, m_path[1024] = {};
    int m_sizeMode = 0; // 0 = window, 1 = pixels, 2 = paper + DPI
    int m_width = 1920, m_height = 1080, m_paper = 0, m_dpi = 150;
    bool m_portrait = false, m_geotiff = false, m_worldFile = false;
    LayoutElements m_show;
    PreviewTexture m_preview;
    std::string m_previewKey; // the options the preview shows
    std::string m_error, m_done;
    float m_progress = 0;
    std::unique_ptr<ExportJob> m_job; // the export in progress (GL thread; cancelled by reset)
    std::string m_jobOut;
};

} // namespace viewer
