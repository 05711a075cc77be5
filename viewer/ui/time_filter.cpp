// Sliders over day numbers, labelled with the ISO date instead of the number.
#include "viewer/ui/time_filter.hpp"

#include <imgui.h>

#include <algorithm>

namespace viewer {

void drawTimeFilter(CaseView& cases)
{
    const std::optional<DaySpan> span = cases.span();
    if (!span) {
        ImGui::TextDisabled("No incidents to filter by date.");
        return;
    }
    TimeFilter f = cases.filter();
    ImGui::Checkbox("Only what happened between these dates", &f.enabled);
    if (!f.enabled) ImGui::BeginDisabled();
    int from = std::clamp(f.range.first, span->first, span->last);
    int to = std::clamp(f.range.last, span->first, span->last);
    const std::string fromText = "from " + isoOfDay(from);
    const std::string toText = "to " + isoOfDay(to);
    ImGui::SetNextItemWidth(-1);
    // The format string is the label itself: it holds no '%', so the number is not shown.
    ImGui::SliderInt("##from", &from, span->first, span->last, fromText.c_str(), ImGuiSliderFlags_AlwaysClamp);
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderInt("##to", &to, span->first, span->last, toText.c_str(), ImGuiSliderFlags_AlwaysClamp);
    if (from > to) std::swap(from, to);
    f.range = {from, to};
    if (ImGui::SmallButton("Whole span")) f.range = *span;
    ImGui::SameLine();
    ImGui::TextDisabled("%s to %s", isoOfDay(span->first).c_str(), isoOfDay(span->last).c_str());
    if (!f.enabled) ImGui::EndDisabled();
    cases.setFilter(f);
}

} // namespace viewer
