// The status bar along the bottom: cursor lon/lat (decimal and DMS), scale 1:N, map CRS,
// and the latest message.
#pragma once
#include "viewer/app/session.hpp"

namespace viewer {

void drawStatusBar(Session& session);

// Height of the status bar in points, so other windows can keep clear of it.
float statusBarHeight();

} // namespace viewer
