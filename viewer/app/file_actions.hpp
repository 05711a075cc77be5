// Everything that brings files into the running app: command-line files, drops onto the
// window, File > Open (desktop dialog or built-in browser), the recent list, and sessions
// (save, open, --session). Loads run in the LoadQueue; this turns their outcome into
// toasts, Layers-panel warnings, thematic classes, a restored view and selection.
#pragma once
#include "viewer/app/file_dialog.hpp"
#include "viewer/app/load_queue.hpp"
#include "viewer/app/recent_files.hpp"
#include "viewer/app/session.hpp"
#include "viewer/app/session_io.hpp"
#include "viewer/ui/file_browser.hpp"

#include <SDL.h>

#include <optional>
#include <string>
#include <vector>

namespace viewer {

class FileActions {
public:
    explicit FileActions(std::string recentFile = "");

    // Files the user named or dropped: each inspected and loaded in the background.
    // `askForLayers` false loads every layer of multi-layer files (command line).
    void openFiles(const std::vector<std::string>& paths, Session& session, bool askForLayers = true);
    // Replaces the map's layers, view and selection with the saved session's. Network
    // sources wait for the user's confirmation. Errors become toasts; returns false on one.
    // `crs` (the command line's --crs) replaces the session's map CRS when given.
    bool openSession(const std::string& path, Session& session, const std::string& crs = "");
    bool saveSession(const std::string& path, Session& session);
    // Reloads every layer (basemap, user layers, rasters) from its source in `to`, keeping
    // styles, order, selection, the view centre and the scale; the rest as a session restore.
    void switchCrs(geo::MapCrs to, Session& session);

    // SDL_DROPFILE (and Ctrl+O / Ctrl+S when the keyboard is free). True when handled.
    bool handleEvent(const SDL_Event& e, Session& session, bool keysFree);
    // Once per frame, before the panels: poll loads, apply what arrived.
    void update(Session& session);
    // Once per frame, with the panels: progress, modals, browser, dialog results.
    void drawUi(Session& session);
    // The File menu's items (call inside the File menu).
    void drawFileMenu(Session& session);

    bool busy() const { return m_queue.busy() || !m_queue.choices().empty() || m_pendingRemote.has_value(); }
    size_t errorCount() const { return m_errors; }
    LoadQueue& queue() { return m_queue; }
    const RecentFiles& recent() const { return m_recent; }

private:
    enum class BrowserPurpose { Open, OpenSession, SaveSession };
    void startSession(const geo::Session& saved, bool allowRemote, Session& session);
    void replaceLayers(const geo::Session& saved, bool allowRemote, Session& session);
    void showDialog(BrowserPurpose purpose, Session& session);

    LoadQueue m_queue;
    RecentFiles m_recent;
    FileDialog m_dialog;
    FileBrowser m_browser;
    BrowserPurpose m_browserPurpose = BrowserPurpose::Open;
    std::optional<geo::Session> m_pendingRemote; // a session waiting for the network answer
    std::optional<PendingSelection> m_pendingSelection;
    std::string m_lastFolder;
    size_t m_errors = 0;
};

} // namespace viewer
