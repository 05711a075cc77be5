// Session layers for the export: the window's load path (styles from the session JSON,
// joins, classes) without the window's queue, on the export's preparing worker.
#include "viewer/export/session_scene.hpp"
#include "viewer/app/case_join.hpp"
#include "viewer/app/load_styles.hpp"
#include "viewer/app/session_io.hpp"
#include "viewer/export/export_scene.hpp"

#include "geo/crs.hpp"
#include "geo/error.hpp"
#include "geo/vector_source.hpp"

#include <memory>

namespace viewer {

namespace {

bool isRasterEntry(const geo::SessionLayer& l) { return l.style.is_object() && l.style.value("raster", false); }

// Joins the case figure the style names into `layer`; "" or why it cannot be joined.
std::string joinCaseFigure(geo::Layer& layer, ThematicStyle& t, const geo::CaseData* cases, const TimeFilter& filter)
{
    const std::optional<geo::CaseMeasure> measure = geo::parseCaseMeasure(t.caseJoin);
    if (!measure) return "unknown case figure '" + t.caseJoin + "'";
    if (layer.kind != geo::GeomKind::Polygon) return "case figures join onto polygons only";
    if (!cases) return "no case store";
    const std::string field = caseJoinField(*measure);
    layer = withNumericField(layer, field, caseFigureValues(*cases, layer, *measure, filter));
    t.field = field;
    return "";
}

PreparedLayer prepareVector(const geo::SessionLayer& entry, const geo::CaseData* cases, const TimeFilter& filter,
                            const std::string& crs, const geo::Extent& region, std::vector<std::string>& warnings,
                            double lod, bool coarser)
{
    LayerStyle style = styleFromJson(entry.style, LayerStyle{});
    style.visible = true;
    ThematicStyle& t = style.thematic;
    const bool thematic = t.mode != ThematicMode::Single;
    // Classes (equal intervals, quantiles, counts) come from the whole layer, as in the
    // window; a layer without them needs only what meets the image.
    geo::ReadControl control;
    if (!thematic) control.filter = region;
    geo::Layer layer = geo::readLayer(entry.source, entry.layer, geo::kWgs84, control);
    if (layer.name.empty()) layer.name = entry.layer;
    auto single = [&](const std::string& why) {
        warnings.push_back(layer.name + ": " + why + "; single colour used");
        t.mode = ThematicMode::Single;
        t.caseJoin.clear();
    };
    if (thematic && !t.caseJoin.empty())
        if (std::string why = joinCaseFigure(layer, t, cases, filter); !why.empty()) single(why);
    if (t.mode != ThematicMode::Single) {
        const float alpha = layer.kind == geo::GeomKind::Polygon ? 0.8f : 1.0f; // the window's
        if (!applyThematic(layer, t, alpha)) single(t.problem);
    }
    const std::vector<size_t> kept = projectExportLayer(layer, crs, region);
    for (const std::string& w : layer.warnings) warnings.push_back(w);
    if (t.featureClass) {
        auto cls = std::make_shared<std::vector<int16_t>>();
        cls->reserve(kept.size());
        for (size_t i : kept) cls->push_back((*t.featureClass)[i]);
        t.featureClass = std::move(cls);
    }
    return prepareExportLayer(std::move(layer), std::move(style), lod, coarser, exportRegionInMap(crs, region));
}

} // namespace

bool sessionNeedsCases(const geo::Session& session)
{
    for (const geo::SessionLayer& l : session.layers) {
        if (!l.visible || isRasterEntry(l)) continue;
        const ThematicStyle t = styleFromJson(l.style, LayerStyle{}).thematic;
        if (t.mode != ThematicMode::Single && !t.caseJoin.empty()) return true;
    }
    return false;
}

PreparedSession prepareSessionLayers(const geo::Session& session, const geo::CaseData* cases, const std::string& crs,
                                     const geo::Extent& regionLonLat, std::vector<std::string>& warnings,
                                     double lodTolerance, bool coarserLevels)
{
    geo::initGdal();
    const TimeFilter filter = sessionTimeFilter(session);
    PreparedSession out;
    for (const geo::SessionLayer& l : session.layers) {
        // Hidden layers draw nothing and have no legend entry: not read. Network sources
        // are never opened by an export (no one is there to confirm them).
        if (!l.visible) continue;
        if (geo::isRemoteSource(l.source)) {
            warnings.push_back(geo::redactCredentials(l.source) + ": a network source; not opened by an export");
            continue;
        }
        try {
            if (isRasterEntry(l)) {
                SessionRaster r{readExportRaster(l.source, crs, regionLonLat), l.style.value("opacity", 1.0f)};
                for (const std::string& w : r.image.warnings) warnings.push_back(w);
                if (r.image.width > 0) out.rasters.push_back(std::move(r));
            } else {
                out.layers.push_back(prepareVector(l, cases, filter, crs, regionLonLat, warnings, lodTolerance, coarserLevels));
            }
        } catch (const geo::Error& e) {
            warnings.push_back(std::string(e.what()) + " (a layer of the session; left out)");
        }
    }
    return out;
}

void addSessionLayers(Scene& scene, PreparedSession prepared)
{
    for (PreparedLayer& p : prepared.layers) scene.addLayer(std::move(p));
    for (const SessionRaster& r : prepared.rasters) {
        const uint64_t id = scene.addRasterLayer(r.image);
        for (RasterLayer& layer : scene.rasterLayers())
            if (layer.id() == id) layer.opacity = r.opacity;
    }
    scene.anchorRasters();
}

} // namespace viewer
