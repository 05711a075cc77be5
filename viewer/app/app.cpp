// The frame loop and its steps. Loading happens once before the first frame (basemap
// layers prepared in parallel); per frame the map is only culled and drawn.
#include "viewer/app/app.hpp"
#include "viewer/app/imgui_input.hpp"
#include "viewer/app/input_pacer.hpp"
#include "viewer/app/layer_loader.hpp"
#include "viewer/app/map_crs.hpp"
#include "viewer/app/refine_plan.hpp"
#include "viewer/app/identify.hpp"
#include "viewer/app/screenshot.hpp"
#include "viewer/app/state_dump.hpp"
#include "viewer/render/gl_context.hpp"
#include "viewer/ui/feature_panel.hpp"
#include "viewer/ui/layers_panel.hpp"
#include "viewer/ui/help_windows.hpp"
#include "viewer/ui/main_menu.hpp"
#include "viewer/ui/panel_layout.hpp"
#include "viewer/ui/measure_overlay.hpp"
#include "viewer/ui/status_bar.hpp"
#include "viewer/ui/case_panel.hpp"
#include "viewer/ui/case_editor.hpp"
#include "viewer/ui/compound_picker.hpp"

#include "geo/error.hpp"
#include "geo/locator.hpp"

#include <backends/imgui_impl_sdl.h>
#include <imgui.h>
#include <imgui_internal.h> // GetTopMostPopupModal, for the state dump

#include <cstdio>
#include <ctime>
#include <malloc.h>
#include <fstream>
#include <iostream>
#include <sstream>

namespace viewer {

namespace {

double secondsSince(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
} // namespace

App::App(const AppOptions& options)
    : m_options(options), m_window("Compound Atlas", options.sizeGiven ? std::optional<ScreenRect>(ScreenRect{0, 0, options.width, options.height}) : std::nullopt,
               configDir(), options.msaa, options.uiScale),
      m_start(std::chrono::steady_clock::now())
{
    if (!options.crs.empty()) m_session.setCrs(mapCrsFromUser(options.crs)); // before anything is read
    m_session.debugMenu = options.debugMenu;
    startLoading();
    m_session.cases.startLoading(options.cases, options.basemap);
    m_renderer = std::make_unique<MapRenderer>();
    updateSize();
    if (!options.view.empty()) {
        double w, s, e, n;
        char c1, c2, c3;
        std::istringstream in(options.view);
        if (!(in >> w >> c1 >> s >> c2 >> e >> c3 >> n)) throw geo::Error("--view wants W,S,E,N in degrees");
        geo::Extent box; // the corners in any order
        box.expand(w, s);
        box.expand(e, n);
        if (box.width() <= 0 || box.height() <= 0) throw geo::Error("--view wants a box with area (W,S,E,N in degrees)");
        m_session.homeLonLat = box;
    }
    m_session.setCrs(m_session.crs); // view limits and Home in the CRS chosen before loading
    m_session.zoomTo(m_session.homeExtent);
    // User files load in the background (geo::LoadJob) and arrive above the basemap, with
    // their coarse levels of detail first.
    m_files.queue().setDeferFineLevels(true);
    // Workers wake the loop when they finish: between frames it sleeps until input or that.
    m_files.queue().setWake(wakeFunction());
    m_rasterDetail.setWake(wakeFunction());
    m_files.openFiles(options.files, m_session, false);
    if (!options.session.empty()) m_files.openSession(options.session, m_session, options.crs); // --crs wins
    if (!options.testCommands.empty()) m_testCommands.emplace(options.testCommands);
    if (!options.benchScript.empty()) {
        if (options.benchScript != "default") throw geo::Error("unknown bench script '" + options.benchScript + "'");
        m_bench.emplace(m_session.scene.extent(), defaultViewExtent(m_session.crs));
        SDL_GL_SetSwapInterval(0);
    }
}

std::function<void()> App::wakeFunction() const
{
    return [type = m_wakeEvent] {
        SDL_Event e{};
        e.type = type;
        SDL_PushEvent(&e); // thread-safe
    };
}

void App::startLoading()
{
    const AppOptions opts = m_options;
    m_loading = std::async(std::launch::async, [opts, crs = m_session.crs, wake = wakeFunction()] {
        Loaded out;
        try {
            if (!opts.noBasemap && opts.session.empty()) {
                const std::string path = opts.basemap.empty() ? geo::defaultBasemapPath() : opts.basemap;
                out.layers = loadBasemap(path, crs, out.warnings, kDeferFinerThanMetres);
            }
        } catch (const std::exception& e) {
            out.error = e.what();
        }
        wake();
        return out;
    });
    m_session.toast("Loading the basemap and layers...", 600);
}

void App::finishLoadingIfReady()
{
    if (m_loaded) return;
    if (m_loading.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    Loaded loaded = m_loading.get();
    for (PreparedLayer& p : loaded.layers) m_session.scene.addLayer(std::move(p));
    m_loadSeconds = secondsSince(m_start);
    m_loaded = true;
    m_session.toasts.clear();
    for (const std::string& w : loaded.warnings) std::cerr << "compound-atlas: warning: " << w << "\n";
    m_session.warnings = std::move(loaded.warnings);
    if (!loaded.error.empty()) {
        // Opening the viewer on bad data should not close it: say so and keep what loaded.
        std::cerr << "compound-atlas: " << loaded.error << "\n";
        m_session.warnings.push_back(loaded.error);
        m_session.toast(loaded.error, 15);
        m_loadFailed = true;
    }
    if (m_bench) m_bench.emplace(m_session.scene.extent(), defaultViewExtent(m_session.crs));
    startRefining();
}

void App::startRefining()
{
    // Looks again only when the view or the scene's levels changed.
    const geo::Extent seen = m_session.view.visibleExtent();
    size_t levels = 0;
    for (const SceneLayer& l : m_session.scene.layers()) levels += l.deferredTolerances.size() + l.gpu->lodCount();
    const auto lookingAt = std::make_tuple(m_session.view.unitsPerPixel(), seen.center().x, seen.center().y,
                                           m_session.scene.layers().size(), levels);
    if (lookingAt == m_refineLookedAt) return;
    m_refineLookedAt = lookingAt;
    std::vector<RefineJob> jobs = refinePlan(m_session.scene, m_session.view);
    if (jobs.empty()) return;
    const std::atomic<bool>* cancel = &m_cancelRefine;
    m_refining = std::async(std::launch::async, [jobs = std::move(jobs), cancel, wake = wakeFunction()] {
        std::vector<std::pair<uint64_t, std::vector<LodMesh>>> out;
        for (const RefineJob& j : jobs)
            out.emplace_back(j.layerId, buildLods(*j.data, j.origin, j.tolerances, cancel, &j.features));
        wake();
        return out;
    });
}

void App::finishRefiningIfReady()
{
    if (!m_refining.valid() || m_refining.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    for (auto& [id, mesh] : m_refining.get()) m_session.scene.refineLayer(id, mesh);
    // Reading and building freed far more than they keep (GDAL's features, the CPU copies of
    // the uploaded levels): hand it back to the system rather than hold it as peak RSS.
    malloc_trim(0);
    m_refineSeconds = secondsSince(m_start);
}

void App::switchCrs()
{
    const std::string wanted = *m_session.crsRequest;
    m_session.crsRequest.reset();
    try {
        geo::MapCrs to = mapCrsFromUser(wanted);
        if (to == m_session.crs) return;
        if (!m_loaded || m_files.busy()) {
            m_session.toast("Layers are still loading; choose the map CRS again once they are in", 8);
            return;
        }
        m_files.switchCrs(std::move(to), m_session);
    } catch (const std::exception& e) {
        // The map stays as it was.
        m_session.toast(e.what(), 10);
        std::cerr << "compound-atlas: " << e.what() << "\n";
    }
}

void App::updateSize()
{
    int ww = 0, wh = 0, dw = 0, dh = 0;
    m_window.windowSize(ww, wh);
    m_window.drawableSize(dw, dh);
    m_session.windowRatio = ww > 0 ? static_cast<double>(dw) / ww : 1.0;
    m_session.uiScale = m_window.uiScale().scale;
    m_session.uiScaleSource = m_window.uiScale().source;
    m_session.uiFontPx = m_window.fontPixels();
    m_session.pixelRatio = m_session.windowRatio * m_session.uiScale;
    if (dw != m_session.view.width() || dh != m_session.view.height()) m_session.view.resize(dw, dh);
    m_target.setSize(dw, dh);
    // The panels' first places, not where the user dragged them: Home frames the same part of
    // the window every time.
    const MapArea area = freeMapArea(panelLayout(static_cast<float>(ww), static_cast<float>(wh)), static_cast<float>(ww),
                                     static_cast<float>(wh), m_session.showLayers, m_session.showCases, m_session.pixelRatio);
    m_session.mapAreaMin = area.min;
    m_session.mapAreaMax = area.max;
}

bool App::pumpEvents()
{
    SDL_Event e;
    const ImGuiIO& io = ImGui::GetIO();
    bool any = false;
    while (m_input.next(e)) {
        // A worker's wake-up redraws once (this frame), not as input does: three frames at
        // full speed per arrival took the cores from the loaders still at work.
        if (e.type == m_wakeEvent) continue;
        any = true;
        ImGui_ImplSDL2_ProcessEvent(&e);
        syncImGuiModifiers(e);
        m_pointer.track(e);
        if (e.type == SDL_QUIT) m_quit = true;
        if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE &&
            e.window.windowID == SDL_GetWindowID(m_window.sdl()))
            m_quit = true;
        if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_LEAVE) m_session.cursor.reset();
        // While dragging the map, keep the drag even if the pointer crosses a panel.
        const bool mouseFree = !io.WantCaptureMouse || m_navigation.dragging();
        if (m_files.handleEvent(e, m_session, !io.WantCaptureKeyboard)) continue;
        m_navigation.handle(e, m_session, mouseFree, !io.WantCaptureKeyboard);
        if (e.type == SDL_MOUSEMOTION)
            m_session.cursor = geo::ScreenPx{e.motion.x * m_session.windowRatio, e.motion.y * m_session.windowRatio};
    }
    return any || m_input.holding();
}

void App::drawUi()
{
    m_window.beginImGuiFrame(m_pointer);
    // Hover and tooltips belong to the map only: not over a panel, a menu or a popup, nor while
    // ImGui owns the mouse. ImGui judges this at the pointer the events left (m_pointer), the
    // same one the hover test uses.
    constexpr ImGuiHoveredFlags kAnyWindow = ImGuiHoveredFlags_AnyWindow | ImGuiHoveredFlags_AllowWhenBlockedByPopup |
                                             ImGuiHoveredFlags_AllowWhenBlockedByActiveItem;
    const bool overUi = ImGui::GetIO().WantCaptureMouse || ImGui::IsWindowHovered(kAnyWindow);
    m_session.cursorOverUi = m_session.cursor && overUi;
    m_session.textInput = ImGui::GetIO().WantTextInput;
    m_session.hover.reset();
    m_session.hoverCluster.reset();
    // While measuring, a click makes a point: no feature tooltip over what is being measured.
    if (m_session.cursor && !overUi && !m_navigation.dragging() && !m_session.measure.takingPoints()) {
        MapHit hit = pickAt(m_session.scene, m_session.view, *m_session.cursor, m_session.pixelRatio);
        m_session.hover = hit.feature;
        m_session.hoverCluster = hit.cluster;
    }
    drawMainMenu(m_session, [this] {
        m_files.drawFileMenu(m_session);
        if (ImGui::MenuItem("Connect to database...")) m_connect.open();
        if (ImGui::MenuItem("Export briefing...")) m_export.open(m_session);
    });
    drawLayersPanel(m_session);
    drawFeaturePanel(m_session);
    drawCasePanel(m_session);
    drawCaseEditor(m_session);
    drawCompoundPicker(m_session);
    drawCompoundLabels(m_session);
    drawStatusBar(m_session);
    m_files.drawUi(m_session);
    m_connect.draw(m_session, m_files, m_options.basemap);
    m_export.draw(m_session, *m_renderer);
    m_tables.draw(m_session);
    drawMeasure(m_session);
    drawHelpWindows(m_session);
    drawToasts(m_session);
    drawFrameTimes(m_session);
    if (!overUi && !m_session.measure.takingPoints() && !drawCompoundTooltip(m_session)) drawHoverTooltip(m_session);
    for (uint64_t id : m_session.layersToRemove) {
        m_session.scene.removeLayer(id);
        m_session.scene.removeRasterLayer(id);
    }
    m_session.layersToRemove.clear();
    if (m_session.quitRequested) m_quit = true;
    const ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
    const std::string title = modal ? modal->Name : "";
    m_session.openModal = title.substr(0, title.find("##"));
}

void App::saveScreenshot(ScreenshotKind kind, const std::string& path)
{
    Image image;
    if (kind == ScreenshotKind::WithUi) {
        image = m_target.readPixels();
    } else {
        // The window's own sample count: what the window shows (and what an export draws).
        OffscreenTarget offscreen(m_target.width(), m_target.height(), m_options.msaa);
        m_renderer->draw(m_session.scene, m_session.view, offscreen, mapDrawOptions());
        image = offscreen.readPixels();
    }
    if (writePng(path, image)) {
        m_session.toast("Screenshot saved to " + path);
        std::cerr << "compound-atlas: screenshot saved to " << path << "\n";
    } else {
        m_session.toast("Could not write " + path);
        std::cerr << "compound-atlas: could not write " << path << "\n";
    }
}

void App::saveUserScreenshot(ScreenshotKind kind)
{
    const std::string folder = screenshotFolder(m_options.screenshotDir);
    if (folder.empty()) {
        m_session.toast("No folder for screenshots: start with --screenshot-dir DIR", 10);
        std::cerr << "compound-atlas: no folder for screenshots (--screenshot-dir DIR sets one)\n";
        return;
    }
    saveScreenshot(kind, screenshotPath(folder, std::time(nullptr)));
}

int App::run()
{
    while (!m_quit) {
        const auto frameStart = std::chrono::steady_clock::now();
        // Nothing happening: sleep until input arrives (or 200 ms pass, for toasts) instead
        // of redrawing an unchanged map. ImGui gets a few frames after input to settle.
        // While loading or building detail, redraw for the progress bar at most 10 times a
        // second and leave the cores to the workers, which wake the loop when they finish (the
        // bench too: it counts frames only once everything is in).
        const bool working = !m_loaded || m_files.busy() || m_refining.valid() || m_rasterDetail.busy();
        if (m_options.testFrameDelayMs > 0) SDL_Delay(m_options.testFrameDelayMs); // a slow frame: input piles up
        else if ((!m_bench || working) && m_idleFrames >= 3 && !m_export.busy()) SDL_WaitEventTimeout(nullptr, working ? 100 : 200);
        m_session.now = secondsSince(m_start);
        m_idleFrames = pumpEvents() ? 0 : m_idleFrames + 1;
        updateSize();
        finishLoadingIfReady();
        finishRefiningIfReady();
        m_session.cases.update(); // loading, then the change poll
        if (m_loaded) m_files.update(m_session);
        m_rasterDetail.update(m_session);
        // Layers that arrived with only their coarse levels get the fine ones on a worker
        // once the view is zoomed in far enough to need them.
        if (m_loaded && !m_refining.valid()) startRefining();
        // Every level of detail and every requested file is in.
        const bool ready = m_loaded && !m_refining.valid() && !m_files.busy() && m_options.testDrops.empty() &&
                           !m_session.cases.loading();
        // The bench path spans what is there once everything is in (files arrive later).
        if (m_bench && ready && m_completeSeconds < 0) m_bench.emplace(m_session.scene.extent(), defaultViewExtent(m_session.crs));
        if (m_bench && ready) m_bench->apply(m_session.view);
        drawUi();
        if (m_session.crsRequest) switchCrs();
        m_session.cases.applyCentreRequest(m_session.view, m_session.crs);
        m_session.cases.syncScene(m_session.scene, m_session.view, m_session.crs, m_session.pixelRatio);

        const auto mapStart = std::chrono::steady_clock::now();
        m_renderer->draw(m_session.scene, m_session.view, m_target, mapDrawOptions());
        m_session.lastFrameMs = secondsSince(mapStart) * 1000;

        std::optional<ScreenshotKind> shot = m_session.screenshotRequest;
        m_session.screenshotRequest.reset();
        if (shot == ScreenshotKind::MapOnly) saveUserScreenshot(*shot);
        m_target.bind();
        m_window.renderImGui();
        if (shot == ScreenshotKind::WithUi) saveUserScreenshot(*shot);
        if (ready) ++m_frames;
        const bool last = (m_options.quitAfterFrames >= 0 && m_frames >= m_options.quitAfterFrames) ||
                          (m_bench && m_bench->frame() + 1 >= BenchScript::kFrames);
        if ((last || m_quit) && !m_options.screenshot.empty())
            saveScreenshot(m_options.screenshotWithUi ? ScreenshotKind::WithUi : ScreenshotKind::MapOnly, m_options.screenshot);
        m_window.swap();
        if (m_bench && ready) {
            waitForGpu();
            m_bench->record(secondsSince(frameStart) * 1000);
        }
        if (ready && m_completeSeconds < 0) {
            waitForGpu();
            m_completeSeconds = secondsSince(m_start);
        }
        if (m_loaded && !m_refining.valid() && !m_files.busy() && !m_options.testDrops.empty()) {
            // Test hook: the same SDL_DROPFILE event a desktop drop delivers.
            for (const std::string& path : m_options.testDrops) {
                SDL_Event drop{};
                drop.type = SDL_DROPFILE;
                drop.drop.file = SDL_strdup(path.c_str());
                drop.drop.windowID = SDL_GetWindowID(m_window.sdl());
                SDL_PushEvent(&drop);
            }
            m_options.testDrops.clear();
            m_idleFrames = 0;
        }
        if (ready && m_frames == 1 && !m_options.readyFile.empty()) std::ofstream(m_options.readyFile) << "ready\n";
        if (m_testCommands && ready)
            m_testCommands->poll(m_session, m_connect, m_files, m_options.basemap, [this] {
                return stateJson(m_session, windowInfo());
            });
        if (last) m_quit = true;
    }
    finish();
    return m_loadFailed || m_files.errorCount() > 0 ? 1 : 0;
}

DrawOptions App::mapDrawOptions() const
{
    DrawOptions o;
    o.pixelScale = static_cast<float>(m_session.pixelRatio); // symbols grow with the panels
    return o;
}

WindowInfo App::windowInfo() const
{
    WindowInfo info;
    m_window.windowSize(info.width, info.height);
    m_window.drawableSize(info.drawableWidth, info.drawableHeight);
    const WindowGeometry g = m_window.geometry();
    info.x = g.rect.x;
    info.y = g.rect.y;
    info.frames = m_frames;
    return info;
}

void App::finish()
{
    m_window.rememberGeometry();
    // Closing must not wait for the background refinement.
    m_cancelRefine = true;
    if (m_refining.valid()) m_refining.wait();
    if (m_bench) {
        std::printf("renderer %s\nload_s %.3f\nrefined_s %.3f\ncomplete_s %.3f\n%s\n", currentGlRenderer().c_str(),
                    m_loadSeconds, m_refineSeconds, m_completeSeconds, m_bench->summary().c_str());
        std::fflush(stdout);
    }
    if (!m_options.dumpState.empty()) {
        writeState(m_options.dumpState, m_session, windowInfo());
    }
}

int runViewer(const AppOptions& options)
{
    App app(options);
    return app.run();
}

} // namespace viewer
