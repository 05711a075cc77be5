// Incident rows, figures chart (ImDrawList) and source links.
#include "viewer/ui/case_incident.hpp"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <string>

namespace viewer {

namespace {

const ImVec4 kWarnColor(0.85f, 0.37f, 0.0f, 1);
const ImVec4 kNoteColor(0.35f, 0.45f, 0.60f, 1);
const ImVec4 kLinkColor(0.10f, 0.35f, 0.75f, 1);
const ImU32 kBarColor = IM_COL32(0, 114, 178, 255); // #0072B2

const char* kindLabel(geo::IncidentKind k) { return geo::nameOf(k); }

} // namespace

void drawFinding(const geo::CaseFinding& f)
{
    const ImVec4 c = f.severity == geo::Severity::Info ? kNoteColor : kWarnColor;
    ImGui::PushStyleColor(ImGuiCol_Text, c);
    ImGui::TextWrapped("%s: %s", geo::nameOf(f.severity), f.message.c_str());
    ImGui::PopStyleColor();
}

void drawSourceRef(const SourceRef& s)
{
    ImGui::Text("[%d]", s.number);
    ImGui::SameLine();
    if (s.missing) {
        ImGui::TextDisabled("%s (cited, but missing from the store)", s.id.c_str());
        return;
    }
    std::string text = s.publisher.empty() ? "(publisher not recorded)" : s.publisher;
    if (!s.title.empty()) text += ", " + s.title;
    if (!s.published.empty()) text += ", " + s.published;
    ImGui::PushStyleColor(ImGuiCol_Text, kLinkColor);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%s\n(click to open in the browser)", s.url.c_str());
    }
    if (ImGui::IsItemClicked() && !s.url.empty()) SDL_OpenURL(s.url.c_str());
    if (!s.claim.empty()) {
        ImGui::Indent();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("supports: %s", s.claim.c_str());
        ImGui::PopStyleColor();
        ImGui::Unindent();
    }
}

void drawFigures(const IncidentFigures& f)
{
    if (f.total) ImGui::Text("People (published total): %s", withThousands(*f.total).c_str());
    if (!f.bars.empty()) {
        ImGui::TextUnformatted("By nationality:");
        int64_t maxCount = 1;
        for (const FigureBar& b : f.bars) maxCount = std::max(maxCount, b.count);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float lineH = ImGui::GetTextLineHeight();
        const float barH = lineH;
        const float labelW = ImGui::CalcTextSize("CN 00,000 ").x;
        const float maxBarW = std::max(40.0f, ImGui::GetContentRegionAvail().x - labelW - 8);
        for (const FigureBar& b : f.bars) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const std::string label = b.code + " " + withThousands(b.count);
            dl->AddText(p, ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
            const float w = std::max(2.0f, maxBarW * static_cast<float>(b.count) / static_cast<float>(maxCount));
            const ImVec2 b0(p.x + labelW, p.y + 1), b1(p.x + labelW + w, p.y + barH - 1);
            dl->AddRectFilled(b0, b1, kBarColor, 2);
            ImGui::Dummy(ImVec2(labelW + maxBarW, barH + 2));
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s: %s", b.country.empty() ? b.code.c_str() : b.country.c_str(),
                                  withThousands(b.count).c_str());
        }
        ImGui::Text("Breakdown adds up to %s", withThousands(f.breakdownSum).c_str());
        if (f.exceedsTotal) {
            ImGui::PushStyleColor(ImGuiCol_Text, kWarnColor);
            ImGui::TextWrapped("! Figures disagree: the breakdown adds up to %s, %s more than the published total "
                               "of %s (shown as published).",
                               withThousands(f.breakdownSum).c_str(), withThousands(f.breakdownSum - *f.total).c_str(),
                               withThousands(*f.total).c_str());
            ImGui::PopStyleColor();
        } else if (f.belowTotal) {
            ImGui::PushStyleColor(ImGuiCol_Text, kNoteColor);
            ImGui::TextWrapped("Partial breakdown: %s of %s people by nationality.", withThousands(f.breakdownSum).c_str(),
                               withThousands(*f.total).c_str());
            ImGui::PopStyleColor();
        }
    }
    if (f.personnel) ImGui::Text("Personnel involved: %s", withThousands(*f.personnel).c_str());
}

void drawIncidentRow(const IncidentRow& row, bool defaultOpen)
{
    const bool possibly = row.relation == geo::LinkRelation::PossiblyLinked;
    std::string header = row.dates + " - " + kindLabel(row.kind);
    if (row.figures.total) header += ", " + withThousands(*row.figures.total) + " people";
    header += possibly ? "   [POSSIBLY LINKED]" : row.relation == geo::LinkRelation::Linked ? "   [linked]" : "";
    // A tree node clips its label at the panel's edge (it hid "[POSSIBLY LINKED]", issue 18):
    // the node is only the arrow, and the header is wrapped text beside it that also toggles it.
    const std::string nodeId = "##" + row.id;
    const ImGuiID node = ImGui::GetID(nodeId.c_str()); // before the node pushes its own id
    const bool open = ImGui::TreeNodeEx(nodeId.c_str(), defaultOpen ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    ImGui::SameLine();
    if (possibly) ImGui::PushStyleColor(ImGuiCol_Text, kWarnColor);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(header.c_str());
    ImGui::PopTextWrapPos();
    if (possibly) ImGui::PopStyleColor();
    if (ImGui::IsItemClicked()) ImGui::GetStateStorage()->SetInt(node, open ? 0 : 1);
    if (!open) return;
    ImGui::TextDisabled("%s", row.id.c_str());
    ImGui::TextWrapped("When: %s (precision: %s)", row.dates.c_str(), row.datePrecision.c_str());
    ImGui::Text("Kind: %s", kindLabel(row.kind));
    if (possibly) {
        ImGui::PushStyleColor(ImGuiCol_Text, kWarnColor);
        ImGui::TextWrapped("Relation: possibly linked to this compound (no source says it happened here)");
        ImGui::PopStyleColor();
    } else {
        ImGui::Text("Relation: %s", geo::nameOf(row.relation));
    }
    if (!row.summary.empty()) ImGui::TextWrapped("%s", row.summary.c_str());
    ImGui::Spacing();
    drawFigures(row.figures);
    if (row.ownLocation) ImGui::Text("Own location: %.5f, %.5f", row.ownLocation->lon, row.ownLocation->lat);
    if (!row.places.empty()) {
        ImGui::TextUnformatted("Linked places:");
        for (const LinkedPlace& p : row.places) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s (%s) - %s", p.name.empty() ? p.compoundId.c_str() : p.name.c_str(),
                               p.kind.empty() ? "?" : p.kind.c_str(), geo::nameOf(p.relation));
        }
    }
    if (!row.sources.empty()) {
        ImGui::TextUnformatted("Sources:");
        for (const SourceRef& s : row.sources) drawSourceRef(s);
    } else {
        ImGui::TextColored(kWarnColor, "No source cited.");
    }
    for (const geo::CaseFinding& f : row.findings) drawFinding(f);
    ImGui::TreePop();
}

} // namespace viewer
