// The measure tool on screen: the path or polygon over the map (ImGui's background draw list,
// under the panels), its total beside the last point, and a small window with units and Copy.
#pragma once
#include "viewer/app/session.hpp"

namespace viewer {

// The Tools menu's items, inside an open Tools menu.
void drawMeasureMenuItems(Session& s);
void drawMeasure(Session& s);

} // namespace viewer
