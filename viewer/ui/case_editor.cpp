// Compound editor window and the edit buttons; incidents are in incident_editor.cpp.
#include "viewer/ui/case_editor.hpp"
#include "viewer/ui/case_editor_widgets.hpp"
#include "viewer/ui/incident_editor.hpp"
#include "viewer/cases/case_edit_actions.hpp"

#include "geo/error.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace viewer {

namespace {

const ImVec4 kErrorColor(0.85f, 0.2f, 0.1f, 1);

// A click armed by "Add compound" or "Move" arrived: open the new compound, or move.
void takeArmedClick(Session& s)
{
    CaseView& cases = s.cases;
    CaseEditing& ed = cases.editing;
    if (!cases.armedClickAt) return;
    const geo::LonLat at = *cases.armedClickAt;
    cases.armedClickAt.reset();
    if (ed.armed == ArmedClick::AddCompound) {
        openNewCompound(s, at);
    } else if (ed.armed == ArmedClick::MoveCompound) {
        moveCompoundTo(s, ed.moveId, at); // a conflict shows in the compound editor's status
    }
    ed.armed = ArmedClick::None;
}

void drawCompoundEditor(Session& s)
{
    CaseEditing& ed = s.cases.editing;
    if (!ed.compound) return;
    CompoundForm& f = *ed.compound;
    bool open = true;
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x * 0.3f, 40), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(420, 0), ImGuiCond_FirstUseEver);
    if (ImGui::Begin(f.isNew ? "New compound###compound-editor" : "Edit compound###compound-editor", &open,
                     ImGuiWindowFlags_AlwaysAutoResize)) {
        drawEditorStatus(s, ed.compoundStatus, ed.compoundBase); // on top: visible whatever the window's height
        if (f.isNew) ImGui::InputTextWithHint("Id", "from the name, e.g. a7-park", &f.id);
        else ImGui::Text("Id: %s", f.id.c_str());
        ImGui::InputText("Name", &f.name);
        ImGui::InputTextMultiline("Aliases\n(one a line)", &f.aliases, ImVec2(0, ImGui::GetTextLineHeight() * 3.5f));
        if (ImGui::BeginCombo("Kind", f.kind.c_str())) {
            for (const std::string& k : geo::compoundKinds())
                if (ImGui::Selectable(k.c_str(), k == f.kind)) f.kind = k;
            ImGui::EndCombo();
        }
        enumCombo("Status", f.status, geo::allCompoundStatuses());
        ImGui::InputTextWithHint("Status date", "YYYY-MM-DD", &f.statusDate);
        ImGui::InputDouble("Longitude", &f.lon, 0, 0, "%.6f");
        ImGui::InputDouble("Latitude", &f.lat, 0, 0, "%.6f");
        enumCombo("Precision", f.precision, geo::allLocationPrecisions());
        ImGui::InputTextMultiline("Notes", &f.notes, ImVec2(0, ImGui::GetTextLineHeight() * 4));
        if (ImGui::Button("Save")) saveCompoundForm(s);
        ImGui::SameLine();
        if (ImGui::Button("Close")) open = false;
    }
    ImGui::End();
    if (!open) closeCompoundEditor(s);
}

} // namespace

void drawEditorStatus(Session& s, EditorStatus& status, FormBase& base)
{
    if (status.error.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    ImGui::TextWrapped("Not saved: %s", status.error.c_str());
    ImGui::PopStyleColor();
    if (status.conflicts.empty()) return;
    ImGui::TextUnformatted("Changed by someone else since it was read:");
    for (const std::string& line : describeConflicts(status.conflicts)) ImGui::BulletText("%s", line.c_str());
    if (ImGui::Button("Reload")) reloadTheirs(s, status, base); // take theirs, keep what was typed
    ImGui::SameLine();
    if (ImGui::Button("Keep mine")) keepMine(s, status, base);
}

void drawCaseEditButtons(Session& s)
{
    CaseView& cases = s.cases;
    CaseEditing& ed = cases.editing;
    if (ed.armed != ArmedClick::None) {
        ImGui::TextColored(ImVec4(0.9f, 0.6f, 0.1f, 1), "%s", ed.armed == ArmedClick::AddCompound
                                                                  ? "Click the map where the new compound is (Esc cancels)."
                                                                  : "Click the map where the compound is (Esc cancels).");
        ImGui::SameLine();
        if (ImGui::SmallButton("Cancel")) ed.armed = ArmedClick::None;
        cases.mapClickArmed = ed.armed != ArmedClick::None;
        return;
    }
    if (ImGui::SmallButton("Add compound")) {
        ed.armed = ArmedClick::AddCompound;
        cases.mapClickArmed = true;
    }
    if (canUndoEdit(s)) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Undo")) undoLastEdit(s); // after it the selection is re-read below
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Undo %s (Ctrl+Z)", s.cases.writableStore().undoDescription().c_str());
    }
    // The selection's buttons on a line of their own, so the row fits a narrow panel.
    if (const geo::Compound* c = cases.selected().empty() ? nullptr : cases.data().findCompound(cases.selected())) {
        if (ImGui::SmallButton("Edit")) openCompoundEditor(s, c->id);
        ImGui::SameLine();
        if (ImGui::SmallButton("Move")) {
            ed.armed = ArmedClick::MoveCompound;
            ed.moveId = c->id;
            cases.mapClickArmed = true;
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("Add incident")) openNewIncident(s, c->id);
        const std::vector<geo::IncidentView> incidents = cases.data().incidentsFor(c->id);
        if (!incidents.empty()) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(ImGui::CalcTextSize("Edit incident...").x + 16);
            if (ImGui::BeginCombo("##edit-incident", "Edit incident...", ImGuiComboFlags_NoArrowButton)) {
                for (const geo::IncidentView& v : incidents)
                    if (ImGui::Selectable(v.incident->id.c_str())) openIncidentEditor(s, v.incident->id);
                ImGui::EndCombo();
            }
        }
    }
}

void drawCaseEditor(Session& s)
{
    if (!s.cases.hasData()) return;
    takeArmedClick(s);
    const ImGuiIO& io = ImGui::GetIO();
    CaseEditing& ed = s.cases.editing;
    if (ed.armed != ArmedClick::None && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        ed.armed = ArmedClick::None;
        s.cases.mapClickArmed = false;
    }
    if (io.KeyCtrl && !io.WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) undoLastEdit(s);
    drawCompoundEditor(s);
    drawIncidentEditor(s);
}

} // namespace viewer
