// The menu bar: File (screenshots, quit), View (zoom, panels), and with --debug only, Debug
// (ImGui demo/metrics, frame time overlay).
#pragma once
#include "viewer/app/session.hpp"

#include <functional>

namespace viewer {

// `fileItems` (optional) draws more items at the top of the File menu (opening files).
void drawMainMenu(Session& session, const std::function<void()>& fileItems = {});
// Toast messages in the top-right corner (screenshot paths and the like).
void drawToasts(Session& session);
// Frame time overlay (Debug menu).
void drawFrameTimes(const Session& session);

} // namespace viewer
