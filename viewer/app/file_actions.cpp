// File actions: drops, dialogs, recent files and sessions feeding the LoadQueue, and the
// messages the user sees about them.
#include "viewer/app/file_actions.hpp"
#include "viewer/app/case_join.hpp"
#include "viewer/app/load_styles.hpp"
#include "viewer/ui/open_dialogs.hpp"

#include "geo/error.hpp"

#include <imgui.h>

#include <filesystem>
#include <iostream>

namespace viewer {

namespace {

std::string baseName(const std::string& path)
{
    const std::string n = std::filesystem::path(path).filename().string();
    return n.empty() ? path : n;
}

} // namespace

FileActions::FileActions(std::string recentFile) : m_recent(std::move(recentFile)) {}

void FileActions::openFiles(const std::vector<std::string>& paths, Session& session, bool askForLayers)
{
    std::vector<std::string> given;
    for (const std::string& p : paths)
        if (!p.empty()) given.push_back(p);
    if (given.empty()) return;
    m_queue.openPaths(given, false, askForLayers); // one batch: they arrive in this order
    for (const std::string& p : given) {
        m_recent.add(p);
        if (!geo::isRemoteSource(p)) m_lastFolder = std::filesystem::path(p).parent_path().string();
        session.toast("Opening " + baseName(p) + "...", 3);
    }
}

bool FileActions::saveSession(const std::string& path, Session& session)
{
    try {
        geo::saveSession(captureSession(session), path);
        session.toast("Session saved to " + path);
        std::cerr << "compound-atlas: session saved to " << path << "\n";
        return true;
    } catch (const std::exception& e) {
        session.toast(std::string("Could not save the session: ") + e.what(), 10);
        session.warnings.push_back(e.what());
        ++m_errors;
        return false;
    }
}

bool FileActions::openSession(const std::string& path, Session& session, const std::string& crs)
{
    geo::Session saved;
    try {
        saved = geo::loadSession(path);
        if (!crs.empty()) saved.mapCrs = crs;
    } catch (const std::exception& e) {
        session.toast(std::string("Could not open the session: ") + e.what(), 10);
        session.warnings.push_back(e.what());
        ++m_errors;
        return false;
    }
    m_recent.add(path);
    if (!geo::sourcesNeedingConfirmation(saved).empty()) {
        m_pendingRemote = std::move(saved); // asked in drawUi; nothing opens until answered
        return true;
    }
    startSession(saved, false, session);
    return true;
}

void FileActions::startSession(const geo::Session& saved, bool allowRemote, Session& session)
{
    replaceLayers(saved, allowRemote, session);
    session.toast("Opening the session (" + std::to_string(saved.layers.size()) + " layers)...", 4);
}

void FileActions::switchCrs(geo::MapCrs to, Session& session)
{
    geo::Session now = captureSession(session);
    now.mapCrs = to.definition();
    // Sources open now were already allowed (network ones confirmed by the user).
    replaceLayers(now, true, session);
    session.toast("Reprojecting " + std::to_string(now.layers.size()) + " layers to " + session.crs.label() + "...", 4);
}

void FileActions::replaceLayers(const geo::Session& saved, bool allowRemote, Session& session)
{
    m_queue.cancelAll();
    std::vector<uint64_t> ids;
    for (const SceneLayer& l : session.scene.layers()) ids.push_back(l.id);
    for (uint64_t id : ids) session.scene.removeLayer(id);
    ids.clear();
    for (const RasterLayer& r : session.scene.rasterLayers()) ids.push_back(r.id());
    for (uint64_t id : ids) session.scene.removeRasterLayer(id);
    session.warnings.clear();
    // Sessions from before map_crs was saved open in Web Mercator (geo::Session's default).
    if (saved.mapCrs != session.crs.definition()) {
        try {
            session.setCrs(geo::MapCrs(saved.mapCrs));
        } catch (const std::exception& e) {
            session.warnings.push_back("the session's map CRS cannot be used (" + std::string(e.what()) + "); showing " +
                                       session.crs.label());
        }
    }
    applySessionView(session, saved);
    applySessionCases(session.cases, saved);
    m_pendingSelection = sessionSelection(saved);
    std::vector<LoadOrder> orders = sessionLoadOrders(saved, allowRemote);
    const size_t skipped = saved.layers.size() - orders.size();
    if (skipped) session.warnings.push_back(std::to_string(skipped) + " network source(s) of the session not opened");
    m_queue.load(std::move(orders));
}

bool FileActions::handleEvent(const SDL_Event& e, Session& session, bool keysFree)
{
    if (e.type == SDL_DROPFILE) {
        if (e.drop.file) {
            const std::string path = e.drop.file;
            SDL_free(e.drop.file);
            // A dropped session file opens as a session.
            if (std::filesystem::path(path).extension() == ".json") {
                try {
                    (void)geo::loadSession(path);
                    openSession(path, session);
                    return true;
                } catch (const std::exception&) {
                    // not a session: try it as a layer (GeoJSON)
                }
            }
            openFiles({path}, session);
        }
        return true;
    }
    if (e.type == SDL_KEYDOWN && keysFree && (e.key.keysym.mod & KMOD_CTRL)) {
        if (e.key.keysym.sym == SDLK_o) {
            showDialog(BrowserPurpose::Open, session);
            return true;
        }
        if (e.key.keysym.sym == SDLK_s) {
            showDialog(BrowserPurpose::SaveSession, session);
            return true;
        }
    }
    return false;
}

void FileActions::showDialog(BrowserPurpose purpose, Session& session)
{
    const FileDialogKind kind = purpose == BrowserPurpose::Open          ? FileDialogKind::Open
                                : purpose == BrowserPurpose::OpenSession ? FileDialogKind::OpenSession
                                                                         : FileDialogKind::SaveSession;
    if (m_dialog.running()) return;
    if (m_dialog.start(kind)) return;
    m_browserPurpose = purpose;
    const char* title = purpose == BrowserPurpose::Open ? "Open layers" : purpose == BrowserPurpose::OpenSession ? "Open session" : "Save session";
    m_browser.open(purpose == BrowserPurpose::SaveSession ? FileBrowser::Mode::Save : FileBrowser::Mode::Open, title,
                   m_lastFolder, purpose == BrowserPurpose::SaveSession ? "session.json" : "");
    (void)session;
}

void FileActions::update(Session& session)
{
    m_queue.setViewUnitsPerPixel(session.view.unitsPerPixel());
    const LoadEvents ev = m_queue.poll(session.scene);
    for (const std::string& e : ev.errors) {
        std::cerr << "compound-atlas: " << e << "\n";
        session.warnings.push_back(e);
        session.toast(e, 12);
        ++m_errors;
    }
    for (const std::string& w : ev.warnings) {
        std::cerr << "compound-atlas: warning: " << w << "\n";
        session.warnings.push_back(w);
        session.toast(w, 8);
    }
    // Empty layers beside full ones are not failures: one note for them all, no error count.
    if (!ev.notes.empty()) {
        std::string text = "Empty layers left out:";
        for (const std::string& n : ev.notes) {
            std::cerr << "compound-atlas: note: " << n << "\n";
            text += "\n  " + n;
        }
        session.toast(text, 8);
    }
    if (!ev.loaded.empty()) {
        std::string names;
        for (const std::string& n : ev.loaded) names += (names.empty() ? "" : ", ") + n;
        session.toast("Added " + names, 5);
    }
    // Thematic styles from sessions (and edits) get their classes from the data; fields
    // joined from the case store first (they follow its reloads and the time filter).
    refreshCaseJoins(session);
    for (SceneLayer& l : session.scene.layers()) {
        ThematicStyle& t = l.style.thematic;
        // A style that could not classify keeps its mode and says why (t.problem) until edited.
        if (t.mode != ThematicMode::Single && !t.featureClass && t.problem.empty() && !waitingForCaseJoin(session, l)) {
            const float alpha = l.data->kind == geo::GeomKind::Polygon ? 0.8f : 1.0f;
            if (!applyThematic(*l.data, t, alpha))
                session.warnings.push_back(l.data->name + ": " + t.problem + "; single colour used");
        }
    }
    if (m_pendingSelection && ev.batchFinished) {
        restoreSelection(session, *m_pendingSelection);
        m_pendingSelection.reset();
    }
    FileDialogKind kind;
    if (auto chosen = m_dialog.poll(kind); chosen && !chosen->empty()) {
        if (kind == FileDialogKind::Open) openFiles(*chosen, session);
        else if (kind == FileDialogKind::OpenSession) openSession(chosen->front(), session);
        else saveSession(chosen->front(), session);
    }
}

void FileActions::drawUi(Session& session)
{
    drawLoadProgress(m_queue);
    drawLayerChoices(m_queue);
    if (m_pendingRemote) {
        if (const std::optional<bool> yes = drawRemoteConfirm(geo::sourcesNeedingConfirmation(*m_pendingRemote))) {
            startSession(*m_pendingRemote, *yes, session);
            m_pendingRemote.reset();
        }
    }
    if (std::optional<std::string> path = m_browser.draw()) {
        m_lastFolder = std::filesystem::path(*path).parent_path().string();
        switch (m_browserPurpose) {
        case BrowserPurpose::Open: openFiles({*path}, session); break;
        case BrowserPurpose::OpenSession: openSession(*path, session); break;
        case BrowserPurpose::SaveSession: saveSession(*path, session); break;
        }
    }
}

void FileActions::drawFileMenu(Session& session)
{
    FileMenuRequest r;
    drawFileMenuItems(m_recent.paths(), r);
    if (r.open) showDialog(BrowserPurpose::Open, session);
    if (r.openSession) showDialog(BrowserPurpose::OpenSession, session);
    if (r.saveSession) showDialog(BrowserPurpose::SaveSession, session);
    if (r.clearRecent) m_recent.clear();
    if (r.recent) {
        const std::string p = *r.recent;
        if (std::filesystem::path(p).extension() == ".json" && [&] {
                try {
                    (void)geo::loadSession(p);
                    return true;
                } catch (...) {
                    return false;
                }
            }())
            openSession(p, session);
        else
            openFiles({p}, session);
    }
}

} // namespace viewer
