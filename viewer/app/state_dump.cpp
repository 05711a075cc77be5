// State JSON.
#include "viewer/app/state_dump.hpp"
#include "viewer/cases/case_state_json.hpp"
#include "viewer/render/layer_titles.hpp"
#include "viewer/ui/shortcuts.hpp"

#include "geo/error.hpp"
#include "geo/session_file.hpp"

#include <fstream>

namespace viewer {

namespace {
// A feature of the scene as {layer, fid, feature_index, name}; null when its layer is gone.
nlohmann::json featureJson(const Scene& scene, const FeatureRef& ref)
{
    const SceneLayer* l = scene.find(ref.layerId);
    if (!l) return nullptr;
    return {{"layer", l->data->name},
            {"fid", l->data->features[ref.feature].fid},
            {"feature_index", ref.feature},
            {"name", featureName(*l, ref.feature)}};
}
// Help's windows, and what they list (the same table and facts the windows draw).
nlohmann::json helpJson(const Session& s)
{
    nlohmann::json shortcuts = nlohmann::json::array();
    for (const Shortcut& k : keyboardShortcuts()) shortcuts.push_back({{"keys", k.keys}, {"action", k.action}});
    nlohmann::json h = {{"shortcuts_open", s.showShortcuts}, {"about_open", s.showAbout}, {"shortcuts", shortcuts}, {"about", nullptr}};
    if (s.about) {
        nlohmann::json libs = nlohmann::json::object(), data = nlohmann::json::array();
        for (const auto& [name, version] : s.about->libraries) libs[name] = version;
        for (const geo::DataLicence& d : s.about->data.entries)
            data.push_back({{"source", d.source}, {"version", d.version}, {"licence", d.licence}});
        h["about"] = {{"version", s.about->version}, {"libraries", libs}, {"data_summary", s.about->data.summary},
                      {"data", data}, {"data_error", s.about->dataError}, {"data_dir", s.about->dataDir}};
    }
    return h;
}

nlohmann::json measureJson(const MeasureTool& m)
{
    nlohmann::json points = nlohmann::json::array();
    for (const MeasurePoint& p : m.points()) points.push_back({{"lon", p.at.lon}, {"lat", p.at.lat}, {"snapped_to", p.snappedTo}});
    const char* mode = m.mode() == MeasureMode::Area ? "area" : m.mode() == MeasureMode::Distance ? "distance" : "off";
    return {{"mode", mode},          {"finished", m.finished()},     {"points", points},
            {"length_m", m.lengthM()}, {"area_m2", m.areaM2()},      {"unit", geo::unitSymbol(m.unit())},
            {"total", m.totalText()},  {"copy_text", m.resultText()}};
}

} // namespace

nlohmann::json stateJson(const Session& s, const WindowInfo& w)
{
    using nlohmann::json;
    const geo::MapXY c = s.view.center();
    const geo::LonLat ll = s.crs.inverse(c);
    json j;
    j["view"] = {{"center", {{"lon", ll.lon}, {"lat", ll.lat}}},
                 {"center_map", {{"x", c.x}, {"y", c.y}}},
                 {"units_per_pixel", s.view.unitsPerPixel()},
                 {"scale_denominator", geo::scaleDenominator(s.view.unitsPerPixel(), s.crs.metresPerUnitAt(c))},
                 {"crs", s.crs.definition()},
                 {"crs_name", s.crs.name()}};
    j["window"] = {{"width", w.width},
                   {"height", w.height},
                   {"x", w.x},
                   {"y", w.y},
                   {"drawable_width", w.drawableWidth},
                   {"drawable_height", w.drawableHeight}};
    j["frames"] = w.frames;
    j["widgets"] = json::object();
    for (const auto& [name, r] : s.widgetAt) {
        json& w = j["widgets"][name] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
        if (r.window) w.update({{"scroll_y", r.scrollY}, {"scroll_max_y", r.scrollMaxY}});
    }
    j["ui"] = {{"scale", s.uiScale},              // window points per layout pixel
               {"scale_source", s.uiScaleSource},
               {"pixel_ratio", s.pixelRatio},       // drawable pixels per layout pixel
               {"font_px", s.uiFontPx},             // the UI font as rasterised
               {"text_input", s.textInput}};
    j["layers"] = json::array();
    for (const SceneLayer& l : s.scene.layers())
        j["layers"].push_back({{"name", l.data->name},
                               {"title", layerTitle(l.data->name)}, // as the Layers panel shows it
                               {"source", geo::redactCredentials(l.data->sourcePath)},
                               {"visible", l.style.visible},
                               {"opacity", l.style.opacity},
                               {"features", l.data->features.size()},
                               {"thematic_classes", l.style.thematic.active() ? l.style.thematic.colors.size() : 0},
                               {"thematic_problem", l.style.thematic.problem.empty()
                                                        ? nlohmann::json(nullptr)
                                                        : nlohmann::json(l.style.thematic.problem)}});
    j["markers"] = json::array();
    for (const MarkerLayer& m : s.scene.markerLayers())
        j["markers"].push_back({{"name", m.name()}, {"title", layerTitle(m.name())}, {"visible", m.visible}});
    j["rasters"] = json::array();
    for (const RasterLayer& r : s.scene.rasterLayers())
        j["rasters"].push_back({{"name", r.name()},
                                {"source", r.sourcePath()},
                                {"visible", r.visible},
                                {"opacity", r.opacity},
                                {"width", r.width()},
                                {"height", r.height()},
                                {"rendering", r.rendering()},
                                {"detail", r.hasDetail() ? nlohmann::json{r.detailExtent().minX, r.detailExtent().minY,
                                                                          r.detailExtent().maxX, r.detailExtent().maxY}
                                                         : nlohmann::json(nullptr)},
                                {"detail_units_per_pixel", r.detailUnitsPerPixel()},
                                {"extent", {r.extent().minX, r.extent().minY, r.extent().maxX, r.extent().maxY}}});
    j["warnings"] = s.warnings;
    j["modal"] = s.openModal.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.openModal);
    j["selected"] = nullptr;
    if (const auto& sel = s.scene.selection()) j["selected"] = featureJson(s.scene, *sel);
    // The pointer as the app's events left it (drawable pixels) and what the map shows under it.
    j["pointer"] = nullptr;
    if (s.cursor) j["pointer"] = {{"x", s.cursor->x}, {"y", s.cursor->y}, {"over_ui", s.cursorOverUi}};
    j["hover"] = nullptr;
    if (s.hover) j["hover"] = featureJson(s.scene, *s.hover);
    if (s.hoverCluster) j["hover_cluster"] = {{"count", s.hoverCluster->cluster.count}};
    j["cases"] = caseStateJson(s.cases, s.view);
    j["help"] = helpJson(s);
    j["measure"] = measureJson(s.measure);
    return j;
}

void writeState(const std::string& path, const Session& session, const WindowInfo& window)
{
    std::ofstream out(path);
    if (!out) throw geo::Error("cannot write the state file " + path);
    out << stateJson(session, window).dump(2) << "\n";
    if (!out) throw geo::Error("cannot write the state file " + path);
}

} // namespace viewer
