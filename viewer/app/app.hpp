// The application: owns the window, renderer and session, and runs the frame loop
// (events -> camera/selection -> UI -> map draw -> UI draw -> swap).
#pragma once
#include "viewer/app/app_options.hpp"
#include "viewer/app/app_window.hpp"
#include "viewer/app/bench_script.hpp"
#include "viewer/app/file_actions.hpp"
#include "viewer/app/imgui_input.hpp"
#include "viewer/app/input_pacer.hpp"
#include "viewer/ui/export_dialog.hpp"
#include "viewer/ui/attribute_table.hpp"
#include "viewer/app/navigation.hpp"
#include "viewer/app/raster_detail.hpp"
#include "viewer/app/test_commands.hpp"
#include "viewer/ui/connect_dialog.hpp"
#include "viewer/app/session.hpp"
#include "viewer/app/state_dump.hpp"
#include "viewer/render/map_renderer.hpp"
#include "viewer/render/render_target.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <tuple>
#include <memory>
#include <optional>

namespace viewer {

class App {
public:
    explicit App(const AppOptions& options);
    int run();

    Session& session() { return m_session; }

private:
    // Loading runs on worker threads (read, project, simplify, triangulate); the GPU upload
    // happens on this thread once they are done, so the window stays responsive meanwhile.
    void startLoading();
    void finishLoadingIfReady();
    // Then the finest levels of detail, on a worker, swapped in when done.
    void startRefining();
    // Pushes m_wakeEvent: for workers, to wake the frame loop when they finish.
    std::function<void()> wakeFunction() const;
    void finishRefiningIfReady();
    // Carries out Session::crsRequest: every layer reloaded in the new CRS, same place and scale.
    void switchCrs();
    bool pumpEvents(); // true when any event arrived
    void updateSize();
    void drawUi();
    void saveScreenshot(ScreenshotKind kind, const std::string& path);
    // F12 / Shift+F12: into screenshotFolder(), saying where.
    void saveUserScreenshot(ScreenshotKind kind);
    void finish();
    WindowInfo windowInfo() const;
    DrawOptions mapDrawOptions() const; // the window's: its pixel scale

    AppOptions m_options;
    AppWindow m_window;
    std::unique_ptr<MapRenderer> m_renderer;
    WindowTarget m_target;
    Session m_session;
    Navigation m_navigation;
    FileActions m_files; // drops, File > Open, sessions: loads in the background
    RasterDetail m_rasterDetail; // rasters read again, sharper, for the part in view
    ExportDialog m_export; // File > Export...
    ConnectDialog m_connect; // File > Connect to database...
    std::optional<TestCommands> m_testCommands; // --test-commands (hidden test hook)
    AttributeTables m_tables;
    std::optional<BenchScript> m_bench;
    std::chrono::steady_clock::time_point m_start;
    struct Loaded {
        std::vector<PreparedLayer> layers;
        std::vector<std::string> warnings;
        std::string error;
    };
    std::future<Loaded> m_loading;
    std::future<std::vector<std::pair<uint64_t, std::vector<LodMesh>>>> m_refining;
    double m_refineSeconds = 0;
    std::atomic<bool> m_cancelRefine{false};
    Uint32 m_wakeEvent = SDL_RegisterEvents(1);
    // The view and the scene's levels startRefining last looked at.
    std::tuple<double, double, double, size_t, size_t> m_refineLookedAt{};
    bool m_loaded = false;
    bool m_loadFailed = false; // exit code 1 when a layer could not be opened
    long m_idleFrames = 0;
    long m_frames = 0; // frames drawn since all layers and their levels of detail arrived
    double m_loadSeconds = 0;
    double m_completeSeconds = -1; // the first frame with every layer and file drawn in full
    bool m_quit = false;
    InputPacer m_input; // see input_pacer.hpp: ImGui 1.86 misses input that starts and ends in one frame
    ImGuiPointer m_pointer; // the pointer ImGui sees, from the same events the map handled
};

} // namespace viewer
