// Thematic style editor and legend; raster layer rows.
#include "viewer/ui/style_editor.hpp"
#include "viewer/app/case_join.hpp"
#include "viewer/app/colour_by.hpp"
#include "viewer/app/load_styles.hpp"

#include "geo/session_file.hpp"

#include <imgui.h>

#include <string>

namespace viewer {

void drawThematicEditor(SceneLayer& layer, bool caseStoreLoaded)
{
    ThematicStyle& t = layer.style.thematic;
    const geo::Layer& data = *layer.data;
    bool changed = false;
    const std::vector<ColourBy> choices = colourByChoices(data, caseStoreLoaded);
    const ColourBy now = colourByOf(t);
    if (ImGui::BeginCombo("Colour by", colourByLabel(now))) {
        for (ColourBy c : choices)
            if (ImGui::Selectable(colourByLabel(c), c == now) && c != now) {
                chooseColourBy(t, data, c);
                changed = true;
            }
        ImGui::EndCombo();
    }
    // Why the layer is in one colour although another was asked for (a text field, ...).
    if (!t.problem.empty()) ImGui::TextColored(ImVec4(0.9f, 0.35f, 0.2f, 1), "Single colour: %s", t.problem.c_str());
    if (t.mode == ThematicMode::Single) return;
    const bool graduated = t.mode == ThematicMode::Graduated;
    if (colourByOf(t) == ColourBy::CaseFigures) {
        // Figures joined from the case store, counted where each place falls in this layer.
        if (ImGui::BeginCombo("Figure", t.field.c_str())) {
            for (geo::CaseMeasure m : geo::allCaseMeasures()) {
                const bool current = t.caseJoin == geo::nameOf(m);
                if (ImGui::Selectable(caseJoinField(m).c_str(), current) && !current) {
                    chooseCaseFigure(t, m);
                    changed = true;
                }
            }
            ImGui::EndCombo();
        }
        ImGui::TextWrapped("Counted where each incident happened (a compound within 2 km of the province its "
                           "sources name counts there); follows the date range.");
    } else if (ImGui::BeginCombo("Field", t.field.empty() ? "(choose)" : t.field.c_str())) {
        for (size_t i = 0; i < data.fields.size(); ++i) {
            if (graduated && !isNumericField(data, static_cast<int>(i))) continue;
            if (ImGui::Selectable(data.fields[i].name.c_str(), data.fields[i].name == t.field)) {
                t.field = data.fields[i].name;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    if (graduated) {
        changed |= ImGui::SliderInt("Classes", &t.classes, 3, 9);
        int breaks = t.quantile ? 1 : 0;
        if (ImGui::Combo("Breaks", &breaks, "Equal interval\0Quantile\0")) {
            t.quantile = breaks == 1;
            changed = true;
        }
    }
    if (changed) {
        t.featureClass.reset(); // recomputed by the app before the next draw
        t.problem.clear();
    }
    // Legend.
    for (size_t k = 0; k < t.colors.size(); ++k) {
        const Rgba c = t.colors[k];
        ImGui::ColorButton(("##c" + std::to_string(k)).c_str(), ImVec4(c.r, c.g, c.b, 1), ImGuiColorEditFlags_NoTooltip,
                           ImVec2(14, 14));
        ImGui::SameLine();
        ImGui::Text("%s  (%zu)", k < t.labels.size() ? t.labels[k].c_str() : "", k < t.counts.size() ? t.counts[k] : 0);
    }
}

void drawLayerExtras(Session& session, SceneLayer& layer)
{
    if (!layer.data->fields.empty() && ImGui::Button("Attribute table")) session.attributeTableRequests.push_back(layer.id);
    // A layer with no fields can still be coloured by case figures.
    if (colourByChoices(*layer.data, session.cases.hasData()).size() > 1) drawThematicEditor(layer, session.cases.hasData());
}

void drawRasterLayers(Session& session)
{
    auto& rasters = session.scene.rasterLayers();
    if (rasters.empty()) return;
    ImGui::Separator();
    ImGui::TextDisabled("Rasters (drawn under the layers above, over an opaque land fill)");
    for (size_t i = rasters.size(); i-- > 0;) {
        RasterLayer& r = rasters[i];
        ImGui::PushID(static_cast<int>(r.id()));
        ImGui::Checkbox("##visible", &r.visible);
        ImGui::SameLine();
        const std::string header = r.name() + "  (" + std::to_string(r.width()) + "x" + std::to_string(r.height()) + " raster)###raster";
        if (ImGui::CollapsingHeader(header.c_str())) {
            ImGui::Indent();
            ImGui::SliderFloat("Opacity", &r.opacity, 0.0f, 1.0f, "%.2f");
            if (ImGui::Button("Zoom to layer")) session.zoomTo(r.extent());
            ImGui::SameLine();
            if (ImGui::Button("Remove")) session.layersToRemove.push_back(r.id());
            ImGui::TextDisabled("%s", geo::redactCredentials(r.sourcePath()).c_str());
            if (!r.rendering().empty()) ImGui::TextDisabled("%s", r.rendering().c_str());
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
}

} // namespace viewer
