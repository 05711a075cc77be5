// The export pipeline: scale styles for DPI, gather content, bake fonts, plan the layout,
// place labels once, draw the inset (the plan), then render tiles and stream bands into
// the image writer on its worker thread (all at once, or a few per frame in ExportJob).
#include "viewer/export/briefing_export.hpp"
#include "viewer/export/background_writer.hpp"
#include "viewer/export/briefing_layout.hpp"
#include "viewer/export/export_scene.hpp"
#include "viewer/export/export_styles.hpp"
#include "viewer/export/map_labels.hpp"
#include "viewer/render/layer_titles.hpp"
#include "viewer/render/tiled_render.hpp"

#include "geo/image_writer.hpp"
#include "geo/map_crs.hpp"

#include <chrono>
#include <cmath>
#include <cstring>

namespace viewer {

namespace {

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
    OffscreenTarget target(r.w, r.h, TiledRender{}.samples);
    renderer.draw(scene, insetView, target, {false, false, true});
    Image img = target.readPixels();
    for (size_t i = 0; i < saved.size(); ++i) scene.layers()[i].style = saved[i];
    for (size_t i = 0; i < markers.size(); ++i) scene.markerLayers()[i].visible = markers[i];
    return img;
}

// Everything about one image that is worked out once before its tiles: styles, content,
// fonts, layout, labels and inset (the overlay), and where the image sits on the map.
struct BriefingPlan {
    BriefingPlan(const BriefingRequest& req, const OutputSize& size)
        : styles(*req.scene, size.scale)
    {
    }
    ExportStyles styles;
    std::unique_ptr<FontSet> fonts;
    Overlay overlay;
    std::unique_ptr<OverlayPainter> painter;
    geo::Viewport imageView;
    BriefingResult result;
};

std::unique_ptr<BriefingPlan> planImage(const BriefingRequest& req)
{
    const ExportOptions& o = req.options;
    const OutputSize size = resolveOutputSize(o);
    const double k = size.scale;
    Scene& scene = *req.scene;
    auto plan = std::make_unique<BriefingPlan>(req, size);

    // Content. The legend reads the window's styles: drawBriefing scales its symbols itself.
    BriefingContent content;
    content.title = o.title;
    content.subtitle = o.subtitle;
    content.date = o.date ? *o.date : todayText();
    std::vector<const geo::Compound*> shown;
    bool compoundsVisible = false;
    for (const MarkerLayer& m : scene.markerLayers()) compoundsVisible |= m.visible && m.name() == kCompoundsMarkers;
    geo::Extent near = req.mapExtent;
    const geo::MapCrs mapCrs(scene.mapCrs);
    if (req.cases && compoundsVisible)
        for (const geo::Compound& c : req.cases->compounds) {
            const geo::MapXY p = mapCrs.forward(c.location); // NaN outside the CRS: not contained
            if (near.contains(p.x, p.y) && (!req.compoundShown || req.compoundShown(c) || c.id == o.selectId))
                shown.push_back(&c);
        }
    content.legend = legendFor(scene, shown);
    const ExportStyles::Applied applied(scene, plan->styles);
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
    plan->fonts = std::make_unique<FontSet>(faces, texts);
    const FontSet& fonts = *plan->fonts;
    const BriefingLayout layout = planBriefing(size.width, size.height, k, content, o.show, fonts);

    geo::Viewport mapView(layout.map.w, layout.map.h, req.mapExtent.center(), 1);
    mapView.fit(req.mapExtent, req.fitMargin);
    plan->imageView = geo::Viewport(size.width, size.height,
                                    mapView.toMap({size.width / 2.0 - layout.map.x, size.height / 2.0 - layout.map.y}),
                                    mapView.unitsPerPixel());
    BriefingResult& result = plan->result;
    result.width = size.width;
    result.height = size.height;
    result.dpi = size.dpi;
    result.imageExtent = plan->imageView.visibleExtent();
    result.mapAreaExtent = mapView.visibleExtent();

    Overlay& overlay = plan->overlay;
    if (o.show.labels)
        result.labels = addMapLabels(overlay, fonts, scene, mapView, {double(layout.map.x), double(layout.map.y)}, k);
    geo::Viewport insetView;
    const bool inset = !layout.inset.empty() && !scene.layers().empty();
    if (inset) overlay.picture(layout.inset.x, layout.inset.y, renderInset(*req.renderer, scene, layout.inset, mapView, insetView));
    drawBriefing(overlay, fonts, layout, content, o.show, mapView, scene.mapCrs, inset ? &insetView : nullptr);
    plan->painter = std::make_unique<OverlayPainter>(fonts);
    return plan;
}

TiledRender tileJob(const BriefingRequest& req, BriefingPlan& plan)
{
    TiledRender job;
    job.scene = req.scene;
    job.view = plan.imageView;
    job.overlay = &plan.overlay;
    job.painter = plan.painter.get();
    job.tileSide = req.options.tileSide;
    return job;
}

} // namespace

struct ExportJob::Impl {
    BriefingRequest req;
    std::unique_ptr<BriefingPlan> plan;
    std::unique_ptr<TiledRenderer> tiles;
    std::unique_ptr<BackgroundWriter> writer;
    bool finishing = false;

    // One tile, with the export's styles in the scene only while it draws.
    void renderOne()
    {
        const ExportStyles::Applied applied(*req.scene, plan->styles);
        tiles->renderNext([&](int y, int rows, const uint8_t* rgba) { writer->writeRows(y, rows, rgba); });
    }
};

ExportJob::ExportJob(const BriefingRequest& req) : m_impl(std::make_unique<Impl>())
{
    Impl& m = *m_impl;
    m.req = req;
    m.plan = planImage(req);
    m.tiles = std::make_unique<TiledRenderer>(*req.renderer, tileJob(req, *m.plan));
    m.plan->result.tiles = m.tiles->tileCount();
    const geo::ImageGeoref georef{m.plan->result.imageExtent, req.scene->mapCrs};
    m.writer = std::make_unique<BackgroundWriter>(req.options.out, m.plan->result.width, m.plan->result.height, &georef,
                                                  req.options.worldFile, m.plan->result.dpi);
}

ExportJob::~ExportJob() = default;

bool ExportJob::step(double budgetSeconds)
{
    Impl& m = *m_impl;
    const auto t0 = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
    // Never wait for the encoder here: the caller is drawing frames.
    while (!m.tiles->done() && m.writer->canAccept()) {
        m.renderOne();
        if (elapsed() >= budgetSeconds) break;
    }
    if (!m.tiles->done()) return false;
    if (!m.finishing) {
        m.writer->requestFinish();
        m.finishing = true;
    }
    if (!m.writer->finished()) return false;
    m.writer->wait(); // rethrows the encoder's failure
    return true;
}

void ExportJob::renderAll()
{
    Impl& m = *m_impl;
    while (!m.tiles->done()) {
        m.renderOne();
        if (m.req.progress) m.req.progress(static_cast<double>(m.tiles->tilesDone()) / m.tiles->tileCount());
    }
    if (!m.finishing) m.writer->requestFinish();
    m.finishing = true;
}

void ExportJob::finish()
{
    renderAll();
    m_impl->writer->wait();
}

int ExportJob::tilesDone() const { return m_impl->tiles->tilesDone(); }
int ExportJob::tileCount() const { return m_impl->tiles->tileCount(); }
bool ExportJob::encoding() const { return m_impl->finishing && !m_impl->writer->finished(); }
const BriefingResult& ExportJob::result() const { return m_impl->plan->result; }

BriefingResult exportBriefing(const BriefingRequest& req)
{
    ExportJob job(req);
    job.finish();
    return job.result();
}

Image renderBriefing(const BriefingRequest& req, BriefingResult* result)
{
    std::unique_ptr<BriefingPlan> plan = planImage(req);
    Image img;
    img.width = plan->result.width;
    img.height = plan->result.height;
    img.rgba.assign(static_cast<size_t>(img.width) * img.height * 4, 0);
    {
        const ExportStyles::Applied applied(*req.scene, plan->styles);
        const TiledRender job = tileJob(req, *plan);
        plan->result.tiles = static_cast<int>(tileGrid(img.width, img.height, job.tileSide > 0 ? job.tileSide : maxTileSide()).size());
        renderTiled(*req.renderer, job, [&](int y, int rows, const uint8_t* rgba) {
            std::memcpy(&img.rgba[static_cast<size_t>(y) * img.width * 4], rgba, static_cast<size_t>(rows) * img.width * 4);
        });
    }
    if (result) *result = plan->result;
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
