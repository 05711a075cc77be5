// Test hook (--test-commands FILE, hidden): the viewer runs each line appended to FILE, through
// the same functions the editor's and the Connect dialog's buttons call, so an end-to-end test
// can edit a form without typing into ImGui text fields (xdotool's Ctrl/Backspace do not reach
// them under Xvfb). Each finished line is reported on stderr as "test command N: done (T ms)"
// (or "failed: why (T ms)"). Commands:
//   select ID | edit-compound ID | set name|status|notes VALUE | save | reload | keep-mine
//   | close-editor | dump PATH (the --dump-state JSON, written atomically)
//   | connect KEY=VALUE... (service host port dbname user sslmode password) | choose TABLE
//   | add-layers | use-as-case-store | colour-by LAYER single|categorized|graduated|case-figures
//   | time-filter FROM TO|off | show LAYER on|off | save-session PATH | quit
#pragma once
#include "viewer/app/file_actions.hpp"
#include "viewer/app/session.hpp"
#include "viewer/ui/connect_dialog.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace viewer {

class TestCommands {
public:
    explicit TestCommands(std::string path) : m_path(std::move(path)) {}
    // Runs the complete lines added since the last call. `state` gives the JSON to dump.
    void poll(Session& s, ConnectDialog& connect, FileActions& files, const std::string& basemapPath,
              const std::function<nlohmann::json()>& state);

private:
    // Carries out one line; returns "" when done, else why not.
    std::string run(const std::string& line, Session& s, ConnectDialog& connect, FileActions& files,
                    const std::string& basemapPath, const std::function<nlohmann::json()>& state);
    std::string m_path;
    size_t m_done = 0; // lines carried out
};

} // namespace viewer
