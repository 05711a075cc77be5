// Incident form layout: fields, then editable tables of counts, sources and links.
#include "viewer/ui/incident_editor.hpp"
#include "viewer/ui/case_editor.hpp"
#include "viewer/cases/case_edit_actions.hpp"
#include "viewer/ui/case_editor_widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace viewer {

namespace {

// Rows with a remove button each and an "Add" button; `row` draws one row's fields.
template <class Row, class DrawRow>
void rowTable(const char* title, std::vector<Row>& rows, DrawRow row)
{
    ImGui::PushID(title);
    ImGui::TextUnformatted(title);
    for (size_t i = 0; i < rows.size();) {
        ImGui::PushID(static_cast<int>(i));
        row(rows[i]);
        ImGui::SameLine();
        const bool remove = ImGui::SmallButton("x");
        ImGui::PopID();
        if (remove) rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(i));
        else ++i;
    }
    if (ImGui::SmallButton("Add")) rows.emplace_back();
    ImGui::PopID();
}

void drawCounts(IncidentForm& f)
{
    rowTable("Nationality counts (ISO code or 'other', count)", f.counts, [](CountRow& r) {
        ImGui::SetNextItemWidth(70);
        ImGui::InputTextWithHint("##code", "KH", &r.code);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(120);
        ImGui::InputScalar("##count", ImGuiDataType_S64, &r.count);
    });
}

void drawSources(IncidentForm& f)
{
    rowTable("Sources", f.sources, [](SourceRow& r) {
        ImGui::BeginGroup();
        ImGui::SetNextItemWidth(140);
        ImGui::InputTextWithHint("##id", "id (slug)", &r.id);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(160);
        ImGui::InputTextWithHint("##publisher", "publisher", &r.publisher);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(100);
        ImGui::InputTextWithHint("##date", "YYYY-MM-DD", &r.date);
        ImGui::SetNextItemWidth(408);
        ImGui::InputTextWithHint("##title", "title (empty if not recorded)", &r.title);
        ImGui::SetNextItemWidth(408);
        ImGui::InputTextWithHint("##url", "https://...", &r.url);
        ImGui::SetNextItemWidth(408);
        ImGui::InputTextWithHint("##claim", "what it supports (optional)", &r.claim);
        ImGui::EndGroup();
    });
}

void drawLinks(const geo::CaseData& data, IncidentForm& f)
{
    rowTable("Linked compounds", f.links, [&data](LinkRow& r) {
        ImGui::SetNextItemWidth(220);
        const geo::Compound* c = data.findCompound(r.compoundId);
        const std::string shown = c ? c->name + " (" + c->id + ")" : r.compoundId.empty() ? "(choose)" : r.compoundId;
        if (ImGui::BeginCombo("##compound", shown.c_str())) {
            for (const geo::Compound& k : data.compounds)
                if (ImGui::Selectable((k.name + " (" + k.id + ")").c_str(), k.id == r.compoundId)) r.compoundId = k.id;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(140);
        enumCombo("##relation", r.relation, geo::allLinkRelations());
    });
}

} // namespace

void drawIncidentEditor(Session& s)
{
    CaseEditing& ed = s.cases.editing;
    if (!ed.incident) return;
    IncidentForm& f = *ed.incident;
    bool open = true;
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x * 0.25f, 60), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(560, ImGui::GetIO().DisplaySize.y * 0.8f), ImGuiCond_FirstUseEver);
    if (ImGui::Begin(f.isNew ? "New incident###incident-editor" : "Edit incident###incident-editor", &open)) {
        drawEditorStatus(s, ed.incidentStatus, ed.incidentBase); // on top: visible however far the form scrolls
        if (f.isNew) ImGui::InputTextWithHint("Id", "from date, compound and kind", &f.id);
        else ImGui::Text("Id: %s", f.id.c_str());
        enumCombo("Kind", f.kind, geo::allIncidentKinds());
        ImGui::InputTextWithHint("Start", "YYYY-MM-DD", &f.start);
        ImGui::InputTextWithHint("End", "YYYY-MM-DD, empty for a single date", &f.end);
        enumCombo("Date precision", f.precision, geo::allDatePrecisions());
        ImGui::InputTextMultiline("Summary", &f.summary, ImVec2(0, ImGui::GetTextLineHeight() * 4));
        ImGui::InputTextWithHint("Total people", "empty if not reported", &f.total);
        ImGui::InputTextWithHint("Personnel", "empty if not reported", &f.personnel);
        ImGui::Separator();
        drawCounts(f);
        ImGui::Separator();
        drawSources(f);
        ImGui::Separator();
        drawLinks(s.cases.data(), f);
        ImGui::Separator();
        if (ImGui::Button("Save")) saveIncidentForm(s);
        ImGui::SameLine();
        if (ImGui::Button("Close")) open = false;
    }
    ImGui::End();
    if (!open) closeIncidentEditor(s);
}

} // namespace viewer
