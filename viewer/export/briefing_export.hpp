// Rendering a briefing image (map + layout) from a live scene with the viewer's renderer,
// tiled for big sizes, streamed into PNG/GeoTIFF. Shared by the `export` command and the
// in-app Export dialog (which passes the window's scene and view, and runs an ExportJob a
// few tiles per frame so the window stays responsive).
#pragma once
#include "viewer/export/export_options.hpp"
#include "viewer/render/image.hpp"
#include "viewer/render/map_renderer.hpp"

#include "geo/cases/case_model.hpp"
#include "geo/locator.hpp"

#include <functional>
#include <memory>
#include <optional>

namespace viewer {

struct BriefingRequest {
    Scene* scene = nullptr;          // styles are scaled for the export and restored after
    MapRenderer* renderer = nullptr;
    ExportOptions options;
    geo::Extent mapExtent;           // in the scene's CRS: what the map area must show
    double fitMargin = 0.06;         // as the viewer's zoom-to (so --bbox = --view)
    const geo::CaseData* cases = nullptr;
    std::optional<geo::Location> selectedLocation; // province/border of the selected compound
    // Which compounds the map shows (a session's time filter hides some); empty: all. The
    // legend and the attribution count only those.
    std::function<bool(const geo::Compound&)> compoundShown;
    std::function<void(double)> progress;
};

struct BriefingResult {
    int width = 0, height = 0;
    double dpi = 0; // written into the file (0: none)
    geo::Extent imageExtent; // georeference of the whole image (exact for the map area)
    geo::Extent mapAreaExtent;
    size_t labels = 0;
    int tiles = 0;
};

// Renders and writes options.out (temporary file + rename; nothing left on failure).
BriefingResult exportBriefing(const BriefingRequest& request);

// The same export in steps, on the GL thread: tiles are rendered a time budget at a time,
// and encoded on a worker thread. Destroying an unfinished job cancels it: no file is left.
// The request's scene and renderer must outlive the job.
class ExportJob {
public:
    // Plans the layout, places labels, draws the inset, opens the temporary file. Throws geo::Error.
    explicit ExportJob(const BriefingRequest& request);
    ~ExportJob();
    ExportJob(const ExportJob&) = delete;
    ExportJob& operator=(const ExportJob&) = delete;

    // Renders tiles for about `budgetSeconds` (at least one tile, unless the encoder is
    // behind); true once every tile is rendered and the file is in place. Throws geo::Error.
    bool step(double budgetSeconds);
    // Renders every tile (calling request.progress after each) and lets the encoder finish
    // on its own: a batch renders the next image meanwhile. Throws geo::Error.
    void renderAll();
    // renderAll(), then waits until the file is in place. Throws geo::Error.
    void finish();
    int tilesDone() const;
    int tileCount() const;
    bool encoding() const; // every tile rendered, the encoder still at work
    const BriefingResult& result() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};
// Renders into memory (preview, tests); keep the size small.
Image renderBriefing(const BriefingRequest& request, BriefingResult* result = nullptr);

// A box at least `minKm` across around a compound (and its incidents' own places), in lon/lat.
geo::Extent compoundFrame(const geo::CaseData& cases, const geo::Compound& compound, double minKm = 20);

} // namespace viewer
