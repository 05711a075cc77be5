// Layers panel, top layer listed first (as it is drawn last).
#include "viewer/ui/layers_panel.hpp"
#include "viewer/ui/panel_layout.hpp"
#include "viewer/ui/panel_window.hpp"
#include "viewer/ui/style_editor.hpp"
#include "viewer/ui/widget_notes.hpp"
#include "viewer/render/layer_titles.hpp"

#include "geo/session_file.hpp"

#include <imgui.h>

#include <string>

namespace viewer {

namespace {

bool colorEdit(const char* label, Rgba& c)
{
    float v[4] = {c.r, c.g, c.b, c.a};
    if (!ImGui::ColorEdit4(label, v, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_AlphaBar)) return false;
    c = {v[0], v[1], v[2], v[3]};
    return true;
}

void labelFieldCombo(SceneLayer& layer)
{
    const std::string current = layer.style.labelField.empty() ? "(none)" : layer.style.labelField;
    if (!ImGui::BeginCombo("Label field", current.c_str())) return;
    if (ImGui::Selectable("(none)", layer.style.labelField.empty())) layer.style.labelField.clear();
    for (const geo::Field& f : layer.data->fields)
        if (ImGui::Selectable(f.name.c_str(), f.name == layer.style.labelField)) layer.style.labelField = f.name;
    ImGui::EndCombo();
}

} // namespace

void drawLayersPanel(Session& session)
{
    if (!session.showLayers) return;
    const ImGuiIO& io = ImGui::GetIO();
    const PanelBox at = panelLayout(io.DisplaySize.x, io.DisplaySize.y).layers;
    ImGui::SetNextWindowPos(ImVec2(at.x, at.y), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(at.w, at.h), ImGuiCond_FirstUseEver);
    PanelWindow window("Layers", &session.showLayers, ImGuiWindowFlags_AlwaysAutoResize);
    if (!window) return;
    noteWindow(session, "layers.panel"); // where the e2e tests put the pointer over a panel
    ImGui::PushItemWidth(170);
    auto& layers = session.scene.layers();
    std::optional<std::pair<size_t, size_t>> move;
    for (size_t i = layers.size(); i-- > 0;) {
        SceneLayer& layer = layers[i];
        LayerStyle& st = layer.style;
        ImGui::PushID(static_cast<int>(layer.id));
        ImGui::Checkbox("##visible", &st.visible);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show or hide the layer");
        ImGui::SameLine();
        const std::string header = layerTitle(layer.data->name) + "  (" + layer.featureKinds + ")###layer";
        if (ImGui::CollapsingHeader(header.c_str())) {
            ImGui::Indent();
            if (ImGui::ArrowButton("up", ImGuiDir_Up) && i + 1 < layers.size()) move = {{i, i + 1}};
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Draw above the layer over it");
            ImGui::SameLine();
            if (ImGui::ArrowButton("down", ImGuiDir_Down) && i > 0) move = {{i, i - 1}};
            ImGui::SameLine();
            if (ImGui::Button("Zoom to layer")) session.zoomTo(layer.data->extent);
            ImGui::SameLine();
            if (ImGui::Button("Remove")) session.layersToRemove.push_back(layer.id);
            ImGui::SliderFloat("Opacity", &st.opacity, 0.0f, 1.0f, "%.2f");
            if (layer.data->kind == geo::GeomKind::Polygon) {
                ImGui::Checkbox("Fill", &st.fill);
                ImGui::SameLine();
                ImGui::Checkbox("Palette", &st.paletteFill);
                if (!st.paletteFill) {
                    ImGui::SameLine();
                    colorEdit("Fill colour", st.fillColor);
                }
            }
            if (layer.data->kind == geo::GeomKind::Point) colorEdit("Marker colour", st.fillColor);
            drawLayerExtras(session, layer); // attribute table, categorized/graduated colours
            colorEdit("Stroke colour", st.strokeColor);
            ImGui::SliderFloat("Stroke width", &st.strokeWidthPx, 0.0f, 8.0f, "%.1f px");
            if (layer.data->kind == geo::GeomKind::Point)
                ImGui::SliderFloat("Point size", &st.pointSizePx, 2.0f, 32.0f, "%.0f px");
            labelFieldCombo(layer);
            if (!st.labelField.empty()) {
                ImGui::SliderFloat("Label size", &st.labelSizePx, 9.0f, 24.0f, "%.0f px");
                colorEdit("Label colour", st.labelColor);
            }
            ImGui::TextDisabled("%s", geo::redactCredentials(layer.data->sourcePath).c_str());
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
    if (move) session.scene.moveLayer(move->first, move->second);
    drawRasterLayers(session);
    if (!session.scene.markerLayers().empty()) {
        ImGui::Separator();
        for (MarkerLayer& m : session.scene.markerLayers()) {
            ImGui::PushID(&m);
            ImGui::Checkbox(layerTitle(m.name()).c_str(), &m.visible);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(100);
            ImGui::SliderFloat("Opacity", &m.opacity, 0.0f, 1.0f, "%.2f");
            ImGui::PopID();
        }
    }
    ImGui::PopItemWidth();
    if (!session.warnings.empty() && ImGui::TreeNode("Warnings", "Warnings (%zu)", session.warnings.size())) {
        for (const std::string& w : session.warnings) ImGui::TextWrapped("%s", w.c_str());
        ImGui::TreePop();
    }
}

} // namespace viewer
