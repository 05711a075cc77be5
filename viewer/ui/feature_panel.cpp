// Tooltip and attributes table.
#include "viewer/ui/feature_panel.hpp"
#include "viewer/ui/panel_layout.hpp"
#include "viewer/ui/panel_window.hpp"
#include "viewer/render/layer_titles.hpp"

#include <imgui.h>

#include <string>

namespace viewer {

namespace {

// 12345 -> "12,345".
std::string groupedCount(uint32_t n)
{
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

} // namespace

void drawHoverTooltip(const Session& session)
{
    if ((!session.hover && !session.hoverCluster) || !session.cursor) return;
    const SceneLayer* layer =
        session.scene.find(session.hover ? session.hover->layerId : session.hoverCluster->layerId);
    if (!layer) return;
    // Place it by the pointer position the hover test used (window points), so the text and
    // the feature always agree even when ImGui's own mouse position lags.
    const ImVec2 at(static_cast<float>(session.cursor->x / session.pixelRatio) + 16,
                    static_cast<float>(session.cursor->y / session.pixelRatio) + 18);
    ImGui::SetNextWindowPos(at);
    ImGui::BeginTooltip();
    if (session.hover) {
        ImGui::TextUnformatted(featureName(*layer, session.hover->feature).c_str());
    } else {
        ImGui::Text("%s points", groupedCount(session.hoverCluster->cluster.count).c_str());
        ImGui::TextDisabled("Click to zoom in");
    }
    ImGui::TextDisabled("%s", layerTitle(layer->data->name).c_str());
    ImGui::EndTooltip();
}

void drawFeaturePanel(Session& session)
{
    const auto& sel = session.scene.selection();
    if (!sel || !session.showFeature) return;
    const SceneLayer* layer = session.scene.find(sel->layerId);
    if (!layer) return;
    const geo::Layer& data = *layer->data;
    const geo::Feature& f = data.features[sel->feature];
    // Under the Layers panel, not over the Compounds panel on the right.
    const ImGuiIO& io = ImGui::GetIO();
    const PanelBox at = panelLayout(io.DisplaySize.x, io.DisplaySize.y).feature;
    ImGui::SetNextWindowPos(ImVec2(at.x, at.y), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(at.w, at.h), ImGuiCond_FirstUseEver);
    PanelWindow window("Feature", &session.showFeature);
    if (!window) return;
    ImGui::TextUnformatted(featureName(*layer, sel->feature).c_str());
    ImGui::TextDisabled("%s, fid %lld", layerTitle(data.name).c_str(), static_cast<long long>(f.fid));
    if (ImGui::Button("Zoom to feature")) session.zoomTo(f.bbox);
    ImGui::SameLine();
    if (ImGui::Button("Clear selection")) {
        session.scene.select(std::nullopt);
        return;
    }
    if (ImGui::BeginTable("attributes", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable)) {
        ImGui::TableSetupColumn("Field", ImGuiTableColumnFlags_WidthFixed, 110);
        ImGui::TableSetupColumn("Value");
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < data.fields.size(); ++i) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(data.fields[i].name.c_str());
            ImGui::TableSetColumnIndex(1);
            const std::string& v = i < f.values.size() ? f.values[i] : std::string();
            if (v.empty()) ImGui::TextDisabled("(null)");
            else ImGui::TextWrapped("%s", v.c_str());
        }
        ImGui::EndTable();
    }
}

} // namespace viewer
