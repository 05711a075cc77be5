// `compound-atlas export`: briefing images with no display (SDL offscreen driver + EGL), one
// or many (--batch) in one process; one line on stderr and exit 2 (usage) or 1 on failure.
#include "viewer/cli/cli.hpp"
#include "viewer/export/briefing_export.hpp"
#include "viewer/export/export_scene.hpp"
#include "viewer/export/session_scene.hpp"
#include "viewer/app/map_crs.hpp"
#include "viewer/app/session_io.hpp"
#include "viewer/cases/compound_details.hpp"
#include "viewer/render/gl_context.hpp"

#include "geo/cases/case_store.hpp"
#include "geo/crs.hpp"
#include "geo/image_writer.hpp"
#include "geo/session_file.hpp"
#include "geo/viewport.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <unistd.h>

namespace viewer {

namespace {

struct ExportCli {
    ExportOptions o;
    std::string size, bbox, date, batch;
    bool noTitle = false, noDate = false, noLegend = false, noScale = false, noNorth = false, noAttr = false;
    bool noLabels = false, noCompounds = false, noIncident = false, inset = false, bench = false;
    std::string orientation;
    std::string session;
};

double since(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

void checkWritable(const std::string& out)
{
    geo::ImageFormat fmt;
    try {
        fmt = geo::imageFormatFor(out);
    } catch (const geo::Error& e) {
        throw ExportUsageError(e.what());
    }
    (void)fmt;
    const std::filesystem::path dir = std::filesystem::absolute(out).parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) throw geo::Error(out + ": the folder does not exist");
    if (access(dir.c_str(), W_OK) != 0) throw geo::Error(out + ": the folder is not writable");
    if (std::filesystem::is_directory(out, ec)) throw geo::Error(out + ": is a folder");
}

struct BatchItem {
    std::string id, out;
};

int runExport(ExportCli& c)
{
    const auto t0 = std::chrono::steady_clock::now();
    ExportOptions& o = c.o;
    // ---- everything that can be checked without loading anything
    if (!c.size.empty()) parseSize(c.size, o.width, o.height);
    if (!c.orientation.empty()) {
        if (c.orientation != "landscape" && c.orientation != "portrait")
            throw ExportUsageError("--orientation wants landscape or portrait");
        o.portrait = c.orientation == "portrait";
    }
    if (!c.bbox.empty()) o.bbox = parseLonLatBox(c.bbox);
    if (o.bbox && !o.fitId.empty()) throw ExportUsageError("give either --bbox or --fit, not both");
    if (c.noDate) o.date = "";
    else if (!c.date.empty()) o.date = c.date;
    o.show.title = !c.noTitle;
    o.show.date = !c.noDate;
    o.show.legend = !c.noLegend;
    o.show.scaleBar = !c.noScale;
    o.show.northArrow = !c.noNorth;
    o.show.attribution = !c.noAttr;
    o.show.labels = !c.noLabels;
    o.show.compounds = !c.noCompounds;
    o.show.incidentBox = !c.noIncident;
    o.show.inset = c.inset;
    resolveOutputSize(o);
    geo::Session session;
    if (!c.session.empty()) {
        session = geo::loadSession(c.session);
        if (o.crs == "EPSG:3857" && !session.mapCrs.empty()) o.crs = session.mapCrs;
        // The session's layers, with its styles, are the map (its basemap among them); --layer
        // layers go on top.
        if (o.selectId.empty()) o.selectId = session.selectedCompound;
    }
    try {
        geo::describeCrs(o.crs);
    } catch (const geo::Error&) {
        throw ExportUsageError("unknown CRS '" + o.crs + "' (use EPSG:N, e.g. EPSG:32648)");
    }
    std::vector<BatchItem> batch;
    if (!c.batch.empty()) {
        std::ifstream in(c.batch);
        if (!in) throw geo::Error(c.batch + ": cannot read the batch file");
        std::string line;
        while (std::getline(in, line)) {
            std::istringstream ls(line);
            BatchItem it;
            if (!(ls >> it.id) || it.id[0] == '#') continue;
            if (!(ls >> it.out)) throw ExportUsageError(c.batch + ": each line wants 'COMPOUND-ID OUTPUT-FILE'");
            batch.push_back(it);
        }
        if (batch.empty()) throw ExportUsageError(c.batch + ": no compounds listed");
    } else {
        if (o.out.empty()) throw ExportUsageError("--out is required");
        batch.push_back({o.fitId, o.out});
    }
    for (const BatchItem& it : batch) checkWritable(it.out);

    // ---- the case store: needed to frame, select or show compounds
    std::optional<geo::CaseStore> store;
    const bool needCases = o.show.compounds || !o.fitId.empty() || !o.selectId.empty() || !c.batch.empty() ||
                           (!c.session.empty() && sessionNeedsCases(session));
    if (needCases) store.emplace(geo::CaseStore::open(o.casesDb.empty() ? geo::defaultCaseStorePath() : o.casesDb));
    const geo::CaseData* cases = store ? &store->data() : nullptr;
    auto compound = [&](const std::string& id) -> const geo::Compound& {
        const geo::Compound* cp = cases ? cases->findCompound(id) : nullptr;
        if (!cp) throw geo::Error("unknown compound '" + id + "' (see: compound-atlas cases list)");
        return *cp;
    };
    if (!o.selectId.empty()) compound(o.selectId);
    for (const BatchItem& it : batch)
        if (!it.id.empty()) compound(it.id);

    // ---- the lon/lat box of each image
    const OutputSize outSize = resolveOutputSize(o);
    // A session's view exactly as the window had it: its centre and units per pixel in the
    // map CRS (the inverse of captureSession), so the map area shows what the window did.
    std::optional<geo::Extent> sessionMapExtent;
    if (!c.session.empty() && !o.bbox && o.fitId.empty() && c.batch.empty() && session.view.scaleDenominator > 0) {
        const geo::MapCrs crs(o.crs);
        const geo::MapXY ctr = crs.forward(session.view.center);
        if (std::isfinite(ctr.x) && std::isfinite(ctr.y)) {
            const double upp = session.view.scaleDenominator / geo::scaleDenominator(1.0, crs.metresPerUnitAt(ctr)) /
                               outSize.scale;
            geo::Extent e;
            e.expand(ctr.x - upp * outSize.width / 2, ctr.y - upp * outSize.height / 2);
            e.expand(ctr.x + upp * outSize.width / 2, ctr.y + upp * outSize.height / 2);
            sessionMapExtent = e;
        }
    }
    std::vector<geo::Extent> boxes;
    for (const BatchItem& it : batch) {
        if (!it.id.empty()) boxes.push_back(compoundFrame(*cases, compound(it.id)));
        else if (o.bbox) boxes.push_back(*o.bbox);
        else if (sessionMapExtent) boxes.push_back(geo::MapCrs(o.crs).toLonLatBox(*sessionMapExtent));
        else boxes.push_back(kHomeLonLat);
    }
    // The lon/lat box to read around each image: the whole image (the bbox grown to the
    // image's shape, with room for the layout bands) or, with an inset, a region around it.
    auto regionFor = [&](const geo::Extent& b) {
        geo::Extent region;
        const geo::MapXY ctr = b.center();
        double hw, hh;
        if (o.show.inset) {
            hw = std::max(b.width(), 1.0) * 12;
            hh = std::max(b.height(), 1.0) * 12;
        } else {
            const double aspect = double(outSize.width) / outSize.height;
            const double w = std::max(b.width(), b.height() * aspect), h = std::max(b.height(), b.width() / aspect);
            hw = w * 0.8 + 0.05; // half the image plus layout bands and margins
            hh = h * 0.8 + 0.05;
        }
        // Past 180 the region goes on (readExportLayer reads it from the other side, moved
        // 360 degrees): a view across the antimeridian, or one whose margins reach it.
        double west = ctr.x - hw, east = ctr.x + hw;
        if (east - west >= 360) { // all round: the world, or once round centred on the view
            west = b.maxX <= 180 ? -180 : ctr.x - 180;
            east = b.maxX <= 180 ? 180 : ctr.x + 180;
        }
        region.expand(west, std::max(-90.0, ctr.y - hh));
        region.expand(east, std::min(90.0, ctr.y + hh));
        // A UTM-like CRS folds the world over itself far from its meridian: what it cannot
        // draw is dropped and counted by MapCrs::projectLayer (a warning), never silently.
        return region;
    };

    // ---- the scene of each image (each reads only what its view shows, at the one level of
    // detail its scale needs), read and prepared on a worker while the GL context starts and,
    // in a batch, while the previous image renders; uploaded on this (the GL) thread.
    struct PreparedScene {
        PreparedSession session; // --session: its layers (the basemap among them); --layer rasters
        std::vector<PreparedLayer> layers;
        std::vector<std::string> warnings;
    };
    const bool fromSession = !c.session.empty();
    auto prepareScene = [&o, &outSize, regionFor, fromSession, &session, cases](const geo::Extent& box) {
        PreparedScene p;
        const geo::Extent region = regionFor(box);
        const double lod = exportLodTolerance(geo::MapCrs(o.crs).lonLatBox(box), outSize.width, outSize.height);
        // From the next finer level on (the levels are 2x apart): buildLods keeps a level only
        // where it sheds a quarter of the finer one's vertices, so the window, which has that
        // finer level, may draw it instead. (A --bbox's lower bound gives the same.)
        if (fromSession)
            p.session = prepareSessionLayers(session, cases, o.crs, region, p.warnings, lod / 2, o.show.inset);
        else if (!o.noBasemap)
            p.layers = prepareBasemap(o.basemap.empty() ? geo::defaultBasemapPath() : o.basemap, o.crs, region, p.warnings, lod, o.show.inset);
        size_t ordinal = 0;
        for (const std::string& path : o.layers) {
            // A raster (a GeoTIFF scene, a DEM) goes under the vectors, as in the window.
            if (!geo::isRemoteSource(path) && geo::isRasterSource(path)) {
                SessionRaster r{readExportRaster(path, o.crs, region), 1.0f};
                for (const std::string& w : r.image.warnings) p.warnings.push_back(w);
                if (r.image.width > 0) p.session.rasters.push_back(std::move(r));
                continue;
            }
            for (PreparedLayer& l : prepareExtraLayers(path, o.crs, region, {o.layerFill, o.layerStroke, o.layerStrokePx},
                                                       ordinal, p.warnings, lod, o.show.inset))
                p.layers.push_back(std::move(l));
        }
        return p;
    };
    std::future<PreparedScene> next = std::async(std::launch::async, prepareScene, boxes[0]);
    auto gl = HeadlessGlContext::create();
    MapRenderer renderer;
    double setupS = 0;
    std::set<std::string> printed; // each warning once in a batch
    auto buildScene = [&](size_t i) {
        PreparedScene p = next.get();
        if (i + 1 < boxes.size()) next = std::async(std::launch::async, prepareScene, boxes[i + 1]);
        Scene scene;
        addSessionLayers(scene, std::move(p.session));
        for (PreparedLayer& l : p.layers) scene.addLayer(std::move(l));
        scene.anchorRasters(); // over the basemap's land, now that it is in
        scene.mapCrs = o.crs;
        scene.metresPerUnit = geo::MapCrs(o.crs).nominalMetresPerUnit(); // label scale ranges
        for (const std::string& w : p.warnings)
            if (printed.insert(w).second) std::cerr << "compound-atlas: warning: " << w << "\n";
        return scene;
    };

    // The incident box's province and border look-up, on a worker from the start: for one
    // compound only the basemap around it (the whole basemap is read if that is not enough),
    // for a batch the whole basemap once.
    const std::string basemapPath = o.basemap.empty() ? geo::defaultBasemapPath() : o.basemap;
    std::future<geo::Locator> locating;
    if (o.show.incidentBox && !o.selectId.empty() && c.batch.empty()) {
        const geo::LonLat p = compound(o.selectId).location;
        const geo::Extent around{p.lon - 4, p.lat - 4, p.lon + 4, p.lat + 4};
        locating = std::async(std::launch::async, [basemapPath, around] { return geo::Locator(basemapPath, around); });
    } else if (o.show.incidentBox && !c.batch.empty()) {
        locating = std::async(std::launch::async, [basemapPath] { return geo::Locator(basemapPath); });
    }
    std::optional<geo::Locator> locator;
    // The session's time filter hides compounds with no incident in its range, as the window does.
    std::function<bool(const geo::Compound&)> shownUnderFilter;
    if (const TimeFilter filter = sessionTimeFilter(session); filter.enabled && cases)
        shownUnderFilter = [totals = compoundTotals(*cases, filter)](const geo::Compound& cp) {
            return totals.withAdmitted.count(cp.id) > 0;
        };
    // The previous image of a batch, still being encoded on its worker while this one renders.
    std::unique_ptr<ExportJob> encoding;
    std::string encodingNote;
    auto finishEncoding = [&] {
        if (!encoding) return;
        encoding->finish();
        encoding.reset();
        if (!encodingNote.empty()) std::fprintf(stderr, "%s", encodingNote.c_str());
    };
    double renderS = 0;
    auto ts = t0; // setup: up to the first scene, then waiting for and uploading the next
    for (size_t i = 0; i < batch.size(); ++i) try {
        Scene scene = buildScene(i);
        setupS += since(ts);
        const auto t1 = std::chrono::steady_clock::now();
        BriefingRequest req;
        req.scene = &scene;
        req.renderer = &renderer;
        req.options = o;
        req.options.out = batch[i].out;
        if (!c.batch.empty()) req.options.selectId = batch[i].id;
        req.cases = cases;
        req.compoundShown = shownUnderFilter;
        const std::string& sel = req.options.selectId;
        scene.markerLayers().clear();
        if (o.show.compounds && cases) addCompoundMarkers(scene, *cases, o.crs, sel, shownUnderFilter);
        if (!sel.empty() && o.show.incidentBox) {
            if (!locator) locator.emplace(locating.valid() ? locating.get() : geo::Locator(basemapPath));
            req.selectedLocation = locator->locate(compound(sel).location);
            if (!locator->exact(*req.selectedLocation)) {
                locator.emplace(basemapPath); // far from every border: the whole basemap decides
                req.selectedLocation = locator->locate(compound(sel).location);
            }
        }
        req.mapExtent = geo::MapCrs(o.crs).lonLatBox(boxes[i]);
        req.fitMargin = o.fitMargin;
        if (sessionMapExtent) {
            req.mapExtent = *sessionMapExtent;
            req.fitMargin = 0;
        }
        if (req.mapExtent.empty()) throw geo::Error("the view cannot be shown in " + o.crs);
        const bool verbose = !o.quiet;
        int lastPct = -1;
        req.progress = [&](double f) {
            const int pct = static_cast<int>(f * 100);
            if (verbose && pct != lastPct && f < 1.0 + 1e-9) {
                lastPct = pct;
                std::fprintf(stderr, "compound-atlas: export %s: %d%%\n", req.options.out.c_str(), pct);
            }
        };
        auto job = std::make_unique<ExportJob>(req);
        job->renderAll();
        finishEncoding(); // the previous file, encoded while this image rendered
        const BriefingResult r = job->result();
        encoding = std::move(job);
        encodingNote.clear();
        if (verbose) {
            char line[1024];
            std::snprintf(line, sizeof line, "compound-atlas: wrote %s (%dx%d, %s, %d tile%s)\n", req.options.out.c_str(),
                          r.width, r.height, o.crs.c_str(), r.tiles, r.tiles == 1 ? "" : "s");
            encodingNote = line;
        }
        if (i + 1 == batch.size()) finishEncoding();
        renderS += since(t1);
        ts = std::chrono::steady_clock::now();
    } catch (...) {
        // The images before this one are complete: write them before reporting the failure.
        try {
            finishEncoding();
        } catch (...) {
        }
        throw;
    }
    if (c.bench) std::printf("BENCH render_s=%.4f setup_s=%.4f\n", renderS, setupS);
    return kExitOk;
}

} // namespace

void addExportCommand(CLI::App& root, Dispatch& d)
{
    auto c = std::make_shared<ExportCli>();
    CLI::App* cmd = root.add_subcommand("export", "Write a briefing image (PNG or GeoTIFF) with no display");
    cmd->add_option("--out", c->o.out, "Output file: .png, .tif or .tiff");
    cmd->add_option("--size", c->size, "Image size in pixels, WxH (default 1920x1080)");
    cmd->add_option("--paper", c->o.paper, "Paper size instead of pixels: A4, A3 or Letter");
    cmd->add_option("--orientation", c->orientation, "With --paper: landscape (default) or portrait");
    cmd->add_option("--dpi", c->o.dpi, "Dots per inch (with --paper, default 150); text and lines scale by DPI/96");
    cmd->add_option("--bbox", c->bbox, "Map area: lon/lat box W,S,E,N (default: Cambodia and neighbours); W > E crosses the antimeridian "
                                  "(170,-25,-170,-10: 170 E east to 170 W; in EPSG:3857 the map's x goes on past 180 degrees)");
    cmd->add_option("--margin", c->o.fitMargin, "Space around the --bbox, as a share of the map (default 0.06; 0: the box grown to the image's shape)")
        ->check(CLI::Range(0.0, 0.45));
    cmd->add_option("--fit", c->o.fitId, "Frame this compound (at least ~20 km across)");
    cmd->add_option("--crs", c->o.crs, "Map CRS, EPSG:N (default EPSG:3857)");
    cmd->add_option("--layer", c->o.layers, "Extra layer to draw (any GDAL vector source, or a raster: GeoTIFF, DEM); repeatable");
    cmd->add_option("--layer-fill", c->o.layerFill, "Fill colour #rrggbb[aa] for the --layer layers");
    cmd->add_option("--layer-stroke", c->o.layerStroke, "Outline colour #rrggbb[aa] for the --layer layers");
    cmd->add_option("--layer-width", c->o.layerStrokePx, "Outline width in pixels (at 96 DPI) for the --layer layers");
    cmd->add_option("--title", c->o.title, "Title");
    cmd->add_option("--subtitle", c->o.subtitle, "Subtitle");
    cmd->add_option("--date", c->date, "Date stamp text (default: today)");
    cmd->add_option("--select", c->o.selectId, "Highlight this compound and add its incident box");
    cmd->add_option("--batch", c->batch, "One image per line 'COMPOUND-ID OUTPUT' (fit + select), in one process");
    cmd->add_option("--basemap", c->o.basemap, "Basemap GeoPackage (default: data/basemap.gpkg)");
    cmd->add_flag("--no-basemap", c->o.noBasemap, "Draw only the --layer layers");
    cmd->add_option("--db", c->o.casesDb, "Case store (default: data/cases.gpkg or $ATLAS_CASES)");
    cmd->add_option("--session", c->session, "Take layers, CRS, view and selection from a session file");
    cmd->add_flag("--no-title", c->noTitle, "No title band");
    cmd->add_flag("--no-date", c->noDate, "No date stamp");
    cmd->add_flag("--no-legend", c->noLegend, "No legend");
    cmd->add_flag("--no-scalebar", c->noScale, "No scale bar");
    cmd->add_flag("--no-north", c->noNorth, "No north arrow");
    cmd->add_flag("--no-attribution", c->noAttr, "No attribution line");
    cmd->add_flag("--no-labels", c->noLabels, "No map labels");
    cmd->add_flag("--no-compounds", c->noCompounds, "No compound markers");
    cmd->add_flag("--no-incident", c->noIncident, "No incident box for --select");
    cmd->add_flag("--inset", c->inset, "Add a locator inset (region map with the view's box)");
    cmd->add_flag("--world-file", c->o.worldFile, "Write a .pgw world file beside a PNG");
    cmd->add_flag("--quiet", c->o.quiet, "No progress lines on stderr");
    cmd->add_option("--tile-size", c->o.tileSide, "Largest tile side in pixels (default: the GL limit, at most 4096)")
        ->group("");
    cmd->add_flag("--bench", c->bench, "Print a BENCH timing line on stdout")->group("");
    cmd->callback([&d, c] {
        d.action = [c]() -> int {
            try {
                return runExport(*c);
            } catch (const ExportUsageError& e) {
                printError(e.what());
                return kExitUsage;
            }
        };
    });
}

} // namespace viewer
