// Session capture/restore. Styles are stored as plain JSON (colours as #rrggbbaa); the
// thematic classes are stored as their spec and recomputed from the data when loaded.
#include "viewer/app/session_io.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace viewer {

namespace {

std::string hex(Rgba c)
{
    auto b = [](float v) { return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255)); };
    char buf[10];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", b(c.r), b(c.g), b(c.b), b(c.a));
    return buf;
}

const char* modeName(ThematicMode m)
{
    switch (m) {
    case ThematicMode::Categorized: return "categorized";
    case ThematicMode::Graduated: return "graduated";
    default: return "single";
    }
}

template <class T>
void read(const nlohmann::json& j, const char* key, T& out)
{
    if (j.contains(key) && !j[key].is_null()) out = j[key].get<T>();
}

void readColor(const nlohmann::json& j, const char* key, Rgba& out)
{
    if (j.contains(key) && j[key].is_string()) out = rgbaFromHex(j[key].get<std::string>());
}

} // namespace

nlohmann::json styleToJson(const LayerStyle& s)
{
    nlohmann::json j{{"visible", s.visible},
                     {"opacity", s.opacity},
                     {"fill", s.fill},
                     {"fill_color", hex(s.fillColor)},
                     {"palette_fill", s.paletteFill},
                     {"stroke_color", hex(s.strokeColor)},
                     {"stroke_width_px", s.strokeWidthPx},
                     {"point_size_px", s.pointSizePx},
                     {"label_field", s.labelField},
                     {"label_color", hex(s.labelColor)},
                     {"label_size_px", s.labelSizePx},
                     {"label_bold", s.labelBold},
                     {"label_min_units_per_pixel", s.labelMinUnitsPerPixel},
                     {"label_max_units_per_pixel", s.labelMaxUnitsPerPixel},
                     {"label_priority", s.labelPriority}};
    j["thematic"] = {{"mode", modeName(s.thematic.mode)},
                     {"field", s.thematic.field},
                     {"classes", s.thematic.classes},
                     {"breaks", s.thematic.quantile ? "quantile" : "equal_interval"},
                     {"case_join", s.thematic.caseJoin}};
    return j;
}

LayerStyle styleFromJson(const nlohmann::json& j, LayerStyle s)
{
    if (!j.is_object()) return s;
    try {
        read(j, "visible", s.visible);
        read(j, "opacity", s.opacity);
        read(j, "fill", s.fill);
        readColor(j, "fill_color", s.fillColor);
        read(j, "palette_fill", s.paletteFill);
        readColor(j, "stroke_color", s.strokeColor);
        read(j, "stroke_width_px", s.strokeWidthPx);
        read(j, "point_size_px", s.pointSizePx);
        read(j, "label_field", s.labelField);
        readColor(j, "label_color", s.labelColor);
        read(j, "label_size_px", s.labelSizePx);
        read(j, "label_bold", s.labelBold);
        read(j, "label_min_units_per_pixel", s.labelMinUnitsPerPixel);
        read(j, "label_max_units_per_pixel", s.labelMaxUnitsPerPixel);
        read(j, "label_priority", s.labelPriority);
        if (j.contains("thematic") && j["thematic"].is_object()) {
            const nlohmann::json& t = j["thematic"];
            std::string mode = "single", breaks = "equal_interval";
            read(t, "mode", mode);
            read(t, "field", s.thematic.field);
            read(t, "classes", s.thematic.classes);
            read(t, "breaks", breaks);
            read(t, "case_join", s.thematic.caseJoin);
            s.thematic.mode = mode == "categorized" ? ThematicMode::Categorized
                              : mode == "graduated" ? ThematicMode::Graduated
                                                    : ThematicMode::Single;
            s.thematic.quantile = breaks == "quantile";
            s.thematic.featureClass.reset(); // recomputed from the data
            s.thematic.problem.clear();
        }
    } catch (const nlohmann::json::exception&) {
        // A hand-edited style with a wrong type: keep what was read so far.
    }
    return s;
}

geo::Session captureSession(const Session& s)
{
    geo::Session out;
    for (const RasterLayer& r : s.scene.rasterLayers()) {
        geo::SessionLayer l;
        l.source = r.sourcePath();
        l.visible = r.visible;
        l.style = {{"raster", true}, {"visible", r.visible}, {"opacity", r.opacity}};
        out.layers.push_back(l);
    }
    for (const SceneLayer& layer : s.scene.layers()) {
        geo::SessionLayer l;
        l.source = layer.data->sourcePath;
        l.layer = layer.data->name;
        l.visible = layer.style.visible;
        l.style = styleToJson(layer.style);
        out.layers.push_back(l);
    }
    out.mapCrs = s.crs.definition();
    const geo::MapXY c = s.view.center();
    out.view.center = s.crs.inverse(c);
    out.view.scaleDenominator = geo::scaleDenominator(s.view.unitsPerPixel(), s.crs.metresPerUnitAt(c));
    if (const auto& sel = s.scene.selection())
        if (const SceneLayer* l = s.scene.find(sel->layerId)) {
            out.selectedLayer = l->data->name;
            out.selectedFid = l->data->features[sel->feature].fid;
        }
    out.selectedCompound = s.cases.selected();
    if (const TimeFilter& f = s.cases.filter(); f.enabled) {
        out.timeFrom = isoOfDay(f.range.first);
        out.timeTo = isoOfDay(f.range.last);
    }
    return out;
}

std::vector<LoadOrder> sessionLoadOrders(const geo::Session& saved, bool allowRemote)
{
    std::vector<LoadOrder> orders;
    for (const geo::SessionLayer& l : saved.layers) {
        if (geo::isRemoteSource(l.source) && !allowRemote) continue;
        LoadOrder o;
        o.path = l.source;
        o.layer = l.layer;
        o.allowRemote = allowRemote && geo::isRemoteSource(l.source);
        if (l.style.is_object() && l.style.value("raster", false)) {
            o.rasterVisible = l.visible;
            o.rasterOpacity = l.style.value("opacity", 1.0f);
        } else {
            LayerStyle st = styleFromJson(l.style, LayerStyle{});
            st.visible = l.visible;
            o.style = st;
        }
        orders.push_back(std::move(o));
    }
    return orders;
}

void applySessionView(Session& s, const geo::Session& saved)
{
    if (!(saved.view.scaleDenominator > 0)) return;
    const geo::MapXY c = s.crs.forward(saved.view.center);
    if (!std::isfinite(c.x) || !std::isfinite(c.y)) { // outside what this CRS can show
        s.zoomTo(s.homeExtent);
        return;
    }
    s.view.setCenter(c);
    s.view.setUnitsPerPixel(saved.view.scaleDenominator / geo::scaleDenominator(1.0, s.crs.metresPerUnitAt(c)));
}

TimeFilter sessionTimeFilter(const geo::Session& saved)
{
    // A bound that does not parse reads as open-ended, like a missing one.
    auto day = [](const std::optional<std::string>& iso) -> std::optional<int> {
        if (!iso) return std::nullopt;
        const std::optional<geo::CaseDate> d = geo::parseCaseDate(*iso);
        if (!d || !d->valid()) return std::nullopt;
        return dayNumber(*d);
    };
    const std::optional<int> from = day(saved.timeFrom), to = day(saved.timeTo);
    TimeFilter f;
    f.enabled = from || to;
    if (f.enabled) {
        // Open ends reach the first and last days a CaseDate can hold.
        f.range.first = from ? *from : dayNumber({1900, 1, 1});
        f.range.last = to ? *to : dayNumber({2199, 12, 31});
    }
    return f;
}

void applySessionCases(CaseView& cases, const geo::Session& saved)
{
    cases.select(saved.selectedCompound);
    TimeFilter f = sessionTimeFilter(saved);
    if (!f.enabled) f.range = cases.filter().range; // what the slider shows while off stays
    cases.setFilter(f);
}

std::optional<PendingSelection> sessionSelection(const geo::Session& saved)
{
    if (saved.selectedLayer.empty() || saved.selectedFid < 0) return std::nullopt;
    return PendingSelection{saved.selectedLayer, saved.selectedFid};
}

bool restoreSelection(Session& s, const PendingSelection& sel)
{
    for (const SceneLayer& l : s.scene.layers()) {
        if (l.data->name != sel.layer) continue;
        for (size_t i = 0; i < l.data->features.size(); ++i)
            if (l.data->features[i].fid == sel.fid) {
                s.scene.select(FeatureRef{l.id, i});
                return true;
            }
    }
    return false;
}

} // namespace viewer
