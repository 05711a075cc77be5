// The Export dialog: options -> ExportOptions, a preview rendered at a fraction of the size
// (layout scaled alike) into a texture, and the export itself through exportBriefing.
#include "viewer/ui/export_dialog.hpp"
#include "viewer/ui/modal_keys.hpp"
#include "viewer/export/briefing_export.hpp"

#include "geo/error.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace viewer {

namespace {
constexpr const char* kPapers[] = {"A4", "A3", "Letter"};
constexpr int kPreviewWidth = 480;
constexpr int kTileSide = 1024;       // in-app export tiles (see startExport)
constexpr double kFrameBudgetS = 0.04; // rendering per frame while exporting

void copyText(char* dst, size_t size, const std::string& src)
{
    const size_t n = std::min(size - 1, src.size());
    src.copy(dst, n);
    dst[n] = 0;
}
} // namespace

void ExportDialog::open(const Session& session)
{
    m_open = true;
    m_width = session.view.width();
    m_height = session.view.height();
    if (!m_date[0]) copyText(m_date, sizeof m_date, todayText());
    if (!m_path[0]) copyText(m_path, sizeof m_path, "briefing.png");
    m_previewKey.clear();
    m_error.clear();
    m_done.clear();
    m_progress = 0;
}

ExportOptions ExportDialog::options(const Session& session) const
{
    ExportOptions o;
    o.out = m_path;
    if (m_sizeMode == 0) {
        o.width = session.view.width();
        o.height = session.view.height();
    } else if (m_sizeMode == 1) {
        o.width = m_width;
        o.height = m_height;
    } else {
        o.paper = kPapers[m_paper];
        o.dpi = m_dpi;
        o.portrait = m_portrait;
    }
    o.crs = session.scene.mapCrs;
    o.title = m_title;
    o.subtitle = m_subtitle;
    o.date = std::string(m_date);
    o.show = m_show;
    o.selectId = session.cases.selected();
    o.worldFile = m_worldFile;
    o.quiet = true;
    return o;
}

void ExportDialog::refreshPreview(Session& session, MapRenderer& renderer)
{
    ExportOptions o = options(session);
    std::ostringstream key; // everything the picture depends on
    key << o.width << 'x' << o.height << o.paper << o.dpi << o.portrait << o.title << '|' << o.subtitle << '|' << *o.date
        << o.show.title << o.show.date << o.show.legend << o.show.scaleBar << o.show.northArrow << o.show.attribution
        << o.show.inset << o.show.incidentBox << o.show.labels << o.selectId;
    const geo::Extent view = session.view.visibleExtent();
    key << view.minX << ',' << view.minY << ',' << view.maxX << ',' << view.maxY << session.scene.layers().size();
    if (key.str() == m_previewKey) return;
    m_previewKey = key.str();
    try {
        const OutputSize full = resolveOutputSize(o);
        o.previewFraction = std::min(1.0, double(kPreviewWidth) / full.width);
        BriefingRequest req;
        req.scene = &session.scene;
        req.renderer = &renderer;
        req.options = o;
        req.mapExtent = view;
        req.fitMargin = 0; // exactly the current view
        req.cases = session.cases.hasData() ? &session.cases.data() : nullptr;
        m_preview.upload(renderBriefing(req));
        m_error.clear();
    } catch (const std::exception& e) { // geo::Error, and bad_alloc / system_error from big exports
        m_error = e.what();
    }
}

void ExportDialog::startExport(Session& session, MapRenderer& renderer)
{
    m_done.clear();
    m_error.clear();
    m_progress = 0;
    try {
        ExportOptions o = options(session);
        resolveOutputSize(o);
        // Small tiles keep each frame short on a software rasteriser (a 4096 px tile can take a second).
        o.tileSide = kTileSide;
        BriefingRequest req;
        req.scene = &session.scene;
        req.renderer = &renderer;
        req.options = o;
        req.mapExtent = session.view.visibleExtent();
        req.fitMargin = 0;
        req.cases = session.cases.hasData() ? &session.cases.data() : nullptr;
        m_job = std::make_unique<ExportJob>(req);
        m_jobOut = o.out;
        ImGui::OpenPopup("Exporting");
    } catch (const std::exception& e) { // geo::Error, and bad_alloc / system_error from big exports
        m_error = e.what();
    }
}

void ExportDialog::drawProgress(Session& session)
{
    if (!ImGui::BeginPopupModal("Exporting", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    bool cancel = false;
    if (m_job) {
        try {
            if (m_job->step(kFrameBudgetS)) {
                const BriefingResult& r = m_job->result();
                m_done = "Wrote " + m_jobOut + " (" + std::to_string(r.width) + "x" + std::to_string(r.height) + ")";
                session.toast(m_done);
                m_progress = 1;
                m_job.reset();
            }
        } catch (const std::exception& e) { // geo::Error, and bad_alloc / system_error from big exports
            m_error = e.what();
            m_job.reset(); // removes the temporary file
        }
    }
    if (m_job) {
        m_progress = static_cast<float>(m_job->tilesDone()) / static_cast<float>(std::max(1, m_job->tileCount()));
        const BriefingResult& r = m_job->result();
        ImGui::Text("%s (%dx%d)", m_jobOut.c_str(), r.width, r.height);
        char label[64];
        if (m_job->encoding())
            std::snprintf(label, sizeof label, "writing the file");
        else
            std::snprintf(label, sizeof label, "tile %d of %d", m_job->tilesDone(), m_job->tileCount());
        ImGui::ProgressBar(m_progress, ImVec2(360, 0), label);
        cancel = ImGui::Button("Cancel") || modalCancelPressed();
    }
    if (cancel) {
        m_job.reset(); // nothing is left on disk
        m_progress = 0;
        m_error = "Export cancelled";
    }
    if (!m_job) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void ExportDialog::draw(Session& session, MapRenderer& renderer)
{
    if (!m_open) return;
    ImGui::SetNextWindowSize(ImVec2(520, 720), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Export briefing", &m_open)) {
        ImGui::End();
        return;
    }
    ImGui::InputText("Title", m_title, sizeof m_title);
    ImGui::InputText("Subtitle", m_subtitle, sizeof m_subtitle);
    ImGui::InputText("Date", m_date, sizeof m_date);
    ImGui::Separator();
    ImGui::RadioButton("Window size", &m_sizeMode, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Pixels", &m_sizeMode, 1);
    ImGui::SameLine();
    ImGui::RadioButton("Paper", &m_sizeMode, 2);
    if (m_sizeMode == 1) {
        ImGui::InputInt("Width", &m_width, 0);
        ImGui::InputInt("Height", &m_height, 0);
    } else if (m_sizeMode == 2) {
        ImGui::Combo("Paper size", &m_paper, kPapers, 3);
        ImGui::InputInt("DPI", &m_dpi, 0);
        ImGui::Checkbox("Portrait", &m_portrait);
    }
    ImGui::Separator();
    ImGui::Checkbox("Title band", &m_show.title);
    ImGui::SameLine();
    ImGui::Checkbox("Date", &m_show.date);
    ImGui::SameLine();
    ImGui::Checkbox("Legend", &m_show.legend);
    ImGui::SameLine();
    ImGui::Checkbox("Scale bar", &m_show.scaleBar);
    ImGui::Checkbox("North arrow", &m_show.northArrow);
    ImGui::SameLine();
    ImGui::Checkbox("Attribution", &m_show.attribution);
    ImGui::SameLine();
    ImGui::Checkbox("Inset", &m_show.inset);
    ImGui::SameLine();
    ImGui::Checkbox("Incident box", &m_show.incidentBox);
    ImGui::Checkbox("Map labels", &m_show.labels);
    ImGui::Separator();
    int format = m_geotiff ? 1 : 0;
    if (ImGui::RadioButton("PNG", &format, 0) || ImGui::RadioButton("GeoTIFF", &format, 1)) {
        m_geotiff = format == 1;
        std::string p = m_path;
        const size_t dot = p.find_last_of('.');
        if (dot != std::string::npos) p = p.substr(0, dot);
        copyText(m_path, sizeof m_path, p + (m_geotiff ? ".tif" : ".png"));
    }
    if (!m_geotiff) {
        ImGui::SameLine();
        ImGui::Checkbox("World file (.pgw)", &m_worldFile);
    }
    ImGui::InputText("Output file", m_path, sizeof m_path);

    refreshPreview(session, renderer);
    if (!m_preview.empty()) {
        const float w = std::min(ImGui::GetContentRegionAvail().x, float(m_preview.width()));
        ImGui::Image(reinterpret_cast<ImTextureID>(m_preview.textureId()), ImVec2(w, w * m_preview.height() / m_preview.width()));
    }
    if (ImGui::Button("Export") && !m_job) startExport(session, renderer);
    ImGui::SameLine();
    ImGui::ProgressBar(m_progress, ImVec2(-1, 0));
    drawProgress(session);
    if (!m_error.empty()) ImGui::TextColored(ImVec4(0.9f, 0.2f, 0.2f, 1), "%s", m_error.c_str());
    if (!m_done.empty()) ImGui::TextUnformatted(m_done.c_str());
    ImGui::End();
}

} // namespace viewer
