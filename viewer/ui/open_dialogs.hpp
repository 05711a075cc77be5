// The loading UI: File menu items for opening files and sessions, a progress window with
// a bar and a Cancel button per job, the "which layers?" modal for multi-layer sources,
// and the confirmation modal for sources that would reach the network.
#pragma once
#include "viewer/app/load_queue.hpp"

#include <optional>
#include <string>
#include <vector>

namespace viewer {

struct FileMenuRequest {
    bool open = false;
    bool openSession = false;
    bool saveSession = false;
    std::optional<std::string> recent;
    bool clearRecent = false;
};

// Items at the top of the File menu (call between BeginMenu("File") and EndMenu()).
void drawFileMenuItems(const std::vector<std::string>& recent, FileMenuRequest& request);

// Bottom-left window listing running loads; nothing when idle.
void drawLoadProgress(LoadQueue& queue);

// The first pending layer choice as a modal; answered choices become loads.
void drawLayerChoices(LoadQueue& queue);

// Modal asking to open network sources; returns true/false once answered.
std::optional<bool> drawRemoteConfirm(const std::vector<std::string>& sources);

} // namespace viewer
