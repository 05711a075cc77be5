// Widget rectangles for the state dump.
#include "viewer/ui/widget_notes.hpp"

#include <imgui.h>

namespace viewer {

namespace {
// ImGui works in window points; the state speaks drawable pixels, as the map and the pointer do.
WidgetRect rectOf(const Session& s, ImVec2 lo, ImVec2 hi)
{
    const double r = s.pixelRatio;
    return {(lo.x + hi.x) / 2 * r, (lo.y + hi.y) / 2 * r, (hi.x - lo.x) * r, (hi.y - lo.y) * r};
}
} // namespace

void noteItem(Session& s, const std::string& name)
{
    s.widgetAt[name] = rectOf(s, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void noteWindow(Session& s, const std::string& name)
{
    const ImVec2 lo = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    WidgetRect w = rectOf(s, lo, ImVec2(lo.x + size.x, lo.y + size.y));
    w.window = true;
    w.scrollY = ImGui::GetScrollY() * s.pixelRatio;
    w.scrollMaxY = ImGui::GetScrollMaxY() * s.pixelRatio;
    s.widgetAt[name] = w;
}

} // namespace viewer
