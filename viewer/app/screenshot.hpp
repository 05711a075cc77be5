// Screenshot file names: compound-atlas-YYYYMMDD-HHMMSS.png in the chosen folder,
// never overwriting an existing file.
#pragma once
#include <ctime>
#include <string>

namespace viewer {

// The folder screenshots go to: $ATLAS_SCREENSHOT_DIR, else $XDG_PICTURES_DIR, else ~/Pictures
// when it exists, else the current directory.
std::string screenshotFolder();

// A free path in `folder` for a screenshot taken at `when` (suffix -2, -3 ... on clashes).
std::string screenshotPath(const std::string& folder, std::time_t when);

} // namespace viewer
