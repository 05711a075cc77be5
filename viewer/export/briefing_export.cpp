// The export pipeline: scale styles for DPI, gather content, bake fonts, plan the layout,
// place labels once, draw the inset, render tiles, stream bands into the image writer.
#include "viewer/export/briefing_export.hpp"
#include "viewer/export/briefing_layout.hpp"
#include "viewer/export/export_scene.hpp"
#include "viewer/export/map_labels.hpp"
#include "viewer/render/tiled_render.hpp"

#include "geo/image_writer.hpp"

#include <cmath>
#include <cstring>

namespace viewer {

namespace {

// Grows line widths, marker and label sizes by the layout scale for the export, and puts
// the window's styles back when it goes out of scope.
class StyleScale {
public:
    StyleScale(Scene& scene, double k) : m_scene(scene)
    {
        for (SceneLayer& l : scene.layers()) m_styles.push_back(l.style);
        for (MarkerLayer& m : scene.markerLayers()) m_markers.push_back(m.markers());
        if (k == 1) return;
        const float f = static_cast<float>(k);
        for (SceneLayer& l : scene.layers()) {
            l.style.strokeWidthPx *= f;
            l.style.pointSizePx *= f;
            l.style.labelSizePx *= f;
        }
        for (MarkerLayer& m : scene.markerLayers()) {
            std::vector<Marker> ms = m.markers();
            for (Marker& x : ms) {
                x.sizePx *= f;
                x.outlinePx *= f;
                x.haloPx *= f;
            }
            m.setMarkers(std::move(ms));
        }
        m_scaled = true;
    }
    ~StyleScale()
    {
        for (size_t i = 0; i < m_styles.size() && i < m_scene.layers().size(); ++i) m_scene.layers()[i].style = m_styles[i];
        if (m_scaled)
            for (size_t i = 0; i < m_markers.size() && i < m_scene.markerLayers().size(); ++i)
                m_scene.markerLayers()[i].setMarkers(m_markers[i]);
    }
    StyleScale(const StyleScale&) = delete;
    StyleScale& operator=(const StyleScale&) = delete;

private:
    Scene& m_scene;
    std::vector<LayerStyle> m_styles;
    std::vector<std::vector<Marker>> m_markers;
    bool m_scaled = false;
};

// The inset: countries only, no labels or markers, around the map at a region scale.
Image renderInset(MapRenderer& renderer, Scene& scene, const PixelRect& r, const geo::Viewport& mapView, geo::Viewport& insetView)
{
    std::vector<LayerStyle> saved;
    std::vector<bool> markers;
    bool first = true;
    for (SceneLayer& l : scene.layers()) {
        saved.push_back(l.style);
        const bool keep = first && l.data->kind == geo::GeomKind::Polygon;
        if (keep) first = false;
        l.style.visible = keep;
        l.style.labelField.clear();
        l.style.strokeWidthPx = std::min(l.style.strokeWidthPx, 0.8f);
    }
    for (MarkerLayer& m : scene.markerLayers()) {
        markers.push_back(m.visible);
        m.visible = false;
    }
    const geo::Extent e = mapView.visibleExtent();
    const double span = std::max(e.width(), e.height() * r.w / r.h);
    insetView = geo::Viewport(r.w, r.h, e.center(), std::max(span * 8, 2.5e6) / r.w);
    OffscreenTarget target(r.w, r.h, 4);
    renderer.draw(scene, insetView, target, {false, false, true});
    Image img = target.readPixels();
    for (size_t i = 0; i < saved.size(); ++i) scene.layers()[i].style = saved[i];
    for (size_t i = 0; i < markers.size(); ++i) scene.markerLayers()[i].visible = markers[i];
    return img;
}

using BandSink = std::function<void(int, int, const uint8_t*)>;

BriefingResult render(const BriefingRequest& req, const BandSink& sink, const std::function<void(int, int, const geo::Extent&)>& begin)
{
    const ExportOptions& o = req.options;
    const OutputSize size = resolveOutputSize(o);
    const double k = size.scale;
    Scene& scene = *req.scene;
    StyleScale scaled(scene, k);

    // Content.
    BriefingContent content;
    content.title = o.title;
    content.subtitle = o.subtitle;
    content.date = o.date ? *o.date : todayText();
    std::vector<const geo::Compound*> shown;
    bool compoundsVisible = false;
    for (const MarkerLayer& m : scene.markerLayers()) compoundsVisible |= m.visible && m.name() == "Compounds";
    geo::Extent near = req.mapExtent;
    if (req.cases && compoundsVisible)
        for (const geo::Compound& c : req.cases->compounds) {
            const geo::MapXY p = lonLatToCrs(c.location, scene.mapCrs);
            if (near.contains(p.x, p.y)) shown.push_back(&c);
        }
    content.legend = legendFor(scene, shown);
    bool anyBasemap = false;
    for (const SceneLayer& l : scene.layers()) anyBasemap |= l.style.visible && l.data->name == "countries";
    content.attribution = req.cases ? attributionFor(*req.cases, shown, anyBasemap)
                                    : (anyBasemap ? "Basemap: Natural Earth 1:10m (public domain)." : "");
    if (req.cases && !o.selectId.empty())
        if (const geo::Compound* c = req.cases->findCompound(o.selectId))
            content.incident = incidentBoxFor(*req.cases, *c, req.selectedLocation);

    // Fonts for the layout and for every label that could show.
    std::vector<FontFace> faces = briefingFaces(k);
    for (const FontFace& f : labelFaces(scene)) faces.push_back(f);
    std::vector<std::string> texts = briefingTexts(content);
    if (o.show.labels) {
        geo::Viewport probe(size.width * 2, size.height * 2, req.mapExtent.center(), 1);
        probe.fit(req.mapExtent, 0.25);
        for (std::string& t : labelTexts(scene, probe)) texts.push_back(std::move(t));
    }
    const FontSet fonts(faces, texts);
    const BriefingLayout layout = planBriefing(size.width, size.height, k, content, o.show, fonts);

    geo::Viewport mapView(layout.map.w, layout.map.h, req.mapExtent.center(), 1);
    mapView.fit(req.mapExtent, req.fitMargin);
    const geo::Viewport imageView(size.width, size.height,
                                  mapView.toMap({size.width / 2.0 - layout.map.x, size.height / 2.0 - layout.map.y}),
                                  mapView.unitsPerPixel());
    BriefingResult result;
    result.width = size.width;
    result.height = size.height;
    result.imageExtent = imageView.visibleExtent();
    result.mapAreaExtent = mapView.visibleExtent();
    begin(size.width, size.height, result.imageExtent);

    Overlay overlay;
    if (o.show.labels)
        result.labels = addMapLabels(overlay, fonts, scene, mapView, {double(layout.map.x), double(layout.map.y)}, k);
    geo::Viewport insetView;
    const bool inset = !layout.inset.empty() && !scene.layers().empty();
    if (inset) overlay.picture(layout.inset.x, layout.inset.y, renderInset(*req.renderer, scene, layout.inset, mapView, insetView));
    drawBriefing(overlay, fonts, layout, content, o.show, mapView, scene.mapCrs, inset ? &insetView : nullptr);

    OverlayPainter painter(fonts);
    TiledRender job;
    job.scene = &scene;
    job.view = imageView;
    job.overlay = &overlay;
    job.painter = &painter;
    job.tileSide = o.tileSide;
    const int side = o.tileSide > 0 ? o.tileSide : maxTileSide();
    result.tiles = ((size.width + side - 1) / side) * ((size.height + side - 1) / side);
    renderTiled(*req.renderer, job, sink, req.progress);
    return result;
}

} // namespace

BriefingResult exportBriefing(const BriefingRequest& req)
{
    std::unique_ptr<geo::ImageWriter> writer;
    const std::string crs = req.scene->mapCrs;
    BriefingResult r = render(
        req, [&](int y, int rows, const uint8_t* rgba) { writer->writeRows(y, rows, rgba); },
        [&](int w, int h, const geo::Extent& e) {
            const geo::ImageGeoref georef{e, crs};
            writer = std::make_unique<geo::ImageWriter>(req.options.out, w, h, &georef, req.options.worldFile);
        });
    writer->finish();
    return r;
}

Image renderBriefing(const BriefingRequest& req, BriefingResult* result)
{
    Image img;
    BriefingResult r = render(
        req,
        [&](int y, int rows, const uint8_t* rgba) {
            std::memcpy(&img.rgba[static_cast<size_t>(y) * img.width * 4], rgba, static_cast<size_t>(rows) * img.width * 4);
        },
        [&](int w, int h, const geo::Extent&) {
            img.width = w;
            img.height = h;
            img.rgba.assign(static_cast<size_t>(w) * h * 4, 0);
        });
    if (result) *result = r;
    return img;
}

geo::Extent compoundFrame(const geo::CaseData& cases, const geo::Compound& compound, double minKm)
{
    geo::Extent box;
    box.expand(compound.location.lon, compound.location.lat);
    for (const geo::IncidentView& v : cases.incidentsFor(compound.id))
        if (v.incident->location) {
            const geo::LonLat p = *v.incident->location;
            // Only places near the compound: a far-away deportation airport would zoom out to a country.
            if (std::fabs(p.lon - compound.location.lon) < 0.5 && std::fabs(p.lat - compound.location.lat) < 0.5)
                box.expand(p.lon, p.lat);
        }
    const double latC = box.center().y;
    const double halfLat = minKm / 2 / 111.32, halfLon = minKm / 2 / (111.32 * std::max(0.05, std::cos(latC * M_PI / 180)));
    const geo::MapXY c = box.center();
    box.expand(c.x - halfLon, c.y - halfLat);
    box.expand(c.x + halfLon, c.y + halfLat);
    return box;
}

} // namespace viewer
