// The menu bar: File (screenshots, quit), View (zoom, panels), Debug (ImGui demo/metrics,
// frame time overlay).
#pragma once
#include "viewer/app/session.hpp"

namespace viewer {

void drawMainMenu(Session& session);
// Toast messages in the top-right corner (screenshot paths and the like).
void drawToasts(Session& session);
// Frame time overlay (Debug menu).
void drawFrameTimes(const Session& session);

} // namespace viewer
