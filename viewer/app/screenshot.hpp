// Where F12 screenshots go, and their file names: compound-atlas-YYYYMMDD-HHMMSS.png, never
// overwriting an existing file.
#pragma once
#include <ctime>
#include <string>
#include <vector>

namespace viewer {

// The folders screenshots may go to, best first: `configured` (--screenshot-dir),
// $ATLAS_SCREENSHOT_DIR, $XDG_PICTURES_DIR, the XDG user pictures folder (user-dirs.dirs, as
// GLib reads it), then ~/Pictures. Unset ones are left out; the current directory never
// appears unless HOME is unset too.
std::vector<std::string> screenshotFolderCandidates(const std::string& configured);

// The first of `candidates` that is a folder or can be made one (with its parents); "" when
// none can.
std::string firstUsableFolder(const std::vector<std::string>& candidates);

// firstUsableFolder(screenshotFolderCandidates(configured)).
std::string screenshotFolder(const std::string& configured);

// A free path in `folder` for a screenshot taken at `when` (suffix -2, -3 ... on clashes).
std::string screenshotPath(const std::string& folder, std::time_t when);

} // namespace viewer
