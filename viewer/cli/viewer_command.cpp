// `compound-atlas [FILES...]`: the interactive viewer's options on the root command,
// including the test hooks (--dump-state, --quit-after-frames, --screenshot) and the
// hidden --bench-script.
#include "viewer/app/app_options.hpp"
#include "viewer/app/map_crs.hpp"
#include "viewer/app/ui_scale.hpp"
#include "viewer/cli/cli.hpp"

#include "geo/error.hpp"

#include <memory>

namespace viewer {

void addViewerOptions(CLI::App& root, Dispatch& d)
{
    auto opts = std::make_shared<AppOptions>();
    auto size = std::make_shared<std::string>();
    root.add_option("files", opts->files, "Extra layers to open (any GDAL vector format)")->check(CLI::ExistingPath);
    root.add_option("--size", *size, "Window size in points, WxH, for this run (default: as last closed, else fitted to the screen)");
    root.add_option("--basemap", opts->basemap, "Basemap GeoPackage (default: data/basemap.gpkg or $ATLAS_BASEMAP)");
    root.add_flag("--no-basemap", opts->noBasemap, "Open only FILES");
    root.add_option("--view", opts->view, "Open on this lon/lat box W,S,E,N instead of Cambodia");
    root.add_option("--crs", opts->crs, "Map CRS: EPSG:3857 (default), EPSG:4326, EPSG:32648 (UTM 48N), any EPSG:N");
    root.add_option("--dump-state", opts->dumpState, "On exit, write the view, layers and selection as JSON to FILE");
    root.add_option("--quit-after-frames", opts->quitAfterFrames, "Close after N frames (for scripts and tests)");
    root.add_option("--screenshot", opts->screenshot, "On exit, save the map as a PNG to FILE");
    root.add_flag("--screenshot-ui", opts->screenshotWithUi, "With --screenshot: include the panels");
    root.add_option("--ready-file", opts->readyFile, "Create FILE once the first frame is shown (for scripts)");
    root.add_option("--session", opts->session, "Open a saved session (layers, styles, view, selection)")
        ->check(CLI::ExistingFile);
    root.add_option("--test-drop", opts->testDrops, "Test hook: drop FILE onto the window after the first frame")
        ->group(""); // hidden
    root.add_option("--cases,--db", opts->cases,
                    "Case store: a GeoPackage or PG:service=NAME / PG:host=... dbname=... (default: data/cases.gpkg or $ATLAS_CASES)");
    root.add_option("--test-commands", opts->testCommands, "Test hook: carry out the UI actions appended to FILE")
        ->group(""); // hidden
    root.add_flag("--debug", opts->debugMenu, "Show the Debug menu (ImGui demo and metrics, frame times)");
    root.add_option("--screenshot-dir", opts->screenshotDir,
                    "Folder for F12 screenshots (default: $ATLAS_SCREENSHOT_DIR, the XDG pictures folder, ~/Pictures)");
    root.add_option("--test-frame-delay-ms", opts->testFrameDelayMs, "Test hook: make every frame N ms slower")
        ->check(CLI::Range(0, 5000))
        ->group(""); // hidden
    root.add_option("--ui-scale", opts->uiScale,
                    "Size of the panels, text and map symbols, e.g. 1.5 or 2 (default: $ATLAS_UI_SCALE, else from the display's DPI)")
        ->check(CLI::Range(kMinUiScale, kMaxUiScale));
    root.add_option("--msaa", opts->msaa, "Window multisampling: 0 (default), 2, 4 or 8 samples");
    root.add_option("--bench-script", opts->benchScript, "Play a fixed camera path and print frame times")
        ->group(""); // hidden
    root.callback([&d, opts, size] {
        if (d.action) return; // a subcommand ran
        if (!size->empty()) {
            int w = 0, h = 0;
            char x = 0;
            if (std::sscanf(size->c_str(), "%d%c%d", &w, &x, &h) != 3 || (x != 'x' && x != 'X') || w < 64 || h < 64 ||
                w > 16384 || h > 16384)
                throw CLI::ValidationError("--size", "expected WxH, e.g. 1280x800");
            opts->width = w;
            opts->height = h;
            opts->sizeGiven = true;
        }
        if (!opts->crs.empty()) {
            try {
                opts->crs = mapCrsFromUser(opts->crs).definition();
            } catch (const geo::Error& e) {
                throw CLI::ValidationError("--crs", e.what());
            }
        }
        d.action = [opts] { return runViewer(*opts); };
    });
}

} // namespace viewer
