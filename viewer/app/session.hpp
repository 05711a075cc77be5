// The viewer's live state, one explicit object (no globals): scene, camera, hover,
// messages, and requests the UI makes for the app loop to carry out.
#pragma once
#include "viewer/app/about_info.hpp"
#include "viewer/app/identify.hpp"
#include "viewer/app/map_crs.hpp"
#include "viewer/app/measure_tool.hpp"
#include "viewer/cases/case_view.hpp"
#include "viewer/render/scene.hpp"

#include "geo/map_crs.hpp"
#include "geo/viewport.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace viewer {

struct Toast {
    std::string text;
    double expiresAt = 0; // seconds since app start
};

enum class ScreenshotKind { MapOnly, WithUi };

// A named widget as last drawn (drawable pixels): its centre and size; for a window, its scroll.
struct WidgetRect {
    double x = 0, y = 0; // centre
    double w = 0, h = 0;
    bool window = false;
    double scrollY = 0, scrollMaxY = 0;
};

struct Session {
    Scene scene;
    geo::Viewport view;            // in drawable pixels
    geo::MapCrs crs;               // the map CRS (scene.mapCrs spells it for the loaders)
    geo::Extent homeLonLat = kHomeLonLat; // what Home shows, lon/lat
    geo::Extent homeExtent;        // the same in the map CRS
    // Drawable pixels per layout pixel (an ImGui unit; what style sizes in px mean on the map):
    // windowRatio * uiScale. The map and the pointer are in drawable pixels.
    double pixelRatio = 1;
    double windowRatio = 1;        // drawable pixels per window point (the system's high-DPI)
    double uiScale = 1;            // window points per layout pixel (viewer/app/ui_scale.hpp)
    std::string uiScaleSource;     // where uiScale came from: --ui-scale, ATLAS_UI_SCALE, display, default
    double uiFontPx = 0;           // the UI font as rasterised, drawable pixels (sharp at any scale)

    // Pointer, in drawable pixels; set while the pointer is in the window.
    std::optional<geo::ScreenPx> cursor;
    std::optional<FeatureRef> hover;   // the map feature under the cursor (none over the panels)
    std::optional<ClusterHit> hoverCluster; // else a disc of many points of a dense layer there
    bool cursorOverUi = false;         // the cursor is over a panel, menu or popup
    bool textInput = false;            // a text field has the keyboard (ImGui's WantTextInput)

    bool showLayers = true;
    bool showFeature = true;
    bool showCases = true;
    bool showShortcuts = false;       // Help > Keyboard shortcuts (F1)
    bool showAbout = false;           // Help > About
    std::optional<AboutInfo> about;   // gathered when About is first shown
    MeasureTool measure;              // Tools > Measure (M, Shift+M)

    // Compounds and incidents: the store, derived locations, selection, time filter, markers.
    CaseView cases;
    bool debugMenu = false; // --debug: the Debug menu is offered (never for every user)
    bool showDemo = false;
    bool showMetrics = false;
    bool showFrameTimes = false;

    // Requests carried out by the app loop after the UI frame.
    std::optional<ScreenshotKind> screenshotRequest;
    std::vector<uint64_t> layersToRemove;
    std::vector<uint64_t> attributeTableRequests; // layer ids whose attribute table to open
    std::optional<std::string> crsRequest;        // the map CRS the user chose (as typed)
    std::string crsCodeInput;                     // View > Map CRS's EPSG code field
    bool quitRequested = false;

    // The title of the modal dialog open in the last frame ("" when none), for the state dump.
    std::string openModal;
    // Named widgets as last drawn (viewer/ui/widget_notes.hpp): end-to-end tests click them.
    std::map<std::string, WidgetRect> widgetAt;

    std::vector<Toast> toasts;
    std::vector<std::string> warnings; // from loading, shown in the Layers panel
    double now = 0;                    // seconds since start, updated each frame
    double lastFrameMs = 0;

    void toast(const std::string& text, double seconds = 6) { toasts.push_back({text, now + seconds}); }
    // The part of the window the panels leave to the map (drawable pixels; App::updateSize sets
    // it from viewer/ui/panel_layout). Home, --view and the zoom-to buttons frame their box in it.
    geo::ScreenPx mapAreaMin{}, mapAreaMax{};
    void zoomTo(const geo::Extent& e) { view.fit(e, 0.06, mapAreaMin, mapAreaMax); }
    // Makes `c` the map CRS of the view, Home and the loaders; the layers are not touched
    // (FileActions::switchCrs reloads them).
    void setCrs(geo::MapCrs c);
};

// The feature's display name: its "name" (or first name-like) field, else "#fid".
std::string featureName(const SceneLayer& layer, size_t feature);

} // namespace viewer
