// What the command line asks of the interactive viewer (see viewer/cli/viewer_command.cpp).
#pragma once
#include <string>
#include <vector>

namespace viewer {

struct AppOptions {
    std::vector<std::string> files;   // extra layers, drawn above the basemap
    std::string basemap;              // "" = geo::defaultBasemapPath()
    bool noBasemap = false;
    int width = 1280, height = 800;   // window size in points, with sizeGiven
    bool sizeGiven = false;           // --size: this size, centred; the remembered geometry is neither used nor changed
    std::string dumpState;            // JSON written on exit
    long quitAfterFrames = -1;        // test hook: quit after N frames
    std::string screenshot;           // test hook: save the map (PNG) when quitting
    bool screenshotWithUi = false;    //   ... including the panels
    double uiScale = 0;               // --ui-scale (0: $ATLAS_UI_SCALE, else from the display)
    int msaa = 0;                     // window multisampling (strokes and markers are shader-AA'd anyway)
    std::string readyFile;            // test hook: created once the first frame is on screen
    std::string benchScript;          // hidden: play the camera path, print frame times, quit
    std::string view;                 // "W,S,E,N" lon/lat box to open on instead of Home
    std::string crs;                  // map CRS ("" = Web Mercator), e.g. "EPSG:32648"
    std::string cases;                // case store ("" = geo::defaultCaseStorePath())
    std::string session;              // session JSON to open (replaces basemap and FILES' defaults)
    std::vector<std::string> testDrops; // test hook: pushed as SDL_DROPFILE events after the first frame
    std::string testCommands;         // test hook: UI actions read from this file (viewer/app/test_commands)
    bool debugMenu = false;           // --debug: the Debug menu (ImGui demo and metrics, frame times)
    std::string screenshotDir;        // --screenshot-dir: where F12 saves ("" = viewer::screenshotFolder's choice)
    int testFrameDelayMs = 0;         // test hook: every frame takes this much longer (input piles up as on a busy machine)
};

// Runs the window until closed. Returns the process exit code.
int runViewer(const AppOptions& options);

} // namespace viewer
