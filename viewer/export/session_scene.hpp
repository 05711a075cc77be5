// The scene `export --session F` draws: the session's own layers, bottom to top, with the
// styles the window saved. No basemap is added (a session holds the basemap layers it
// showed, styled); thematic classes are computed over each whole layer, as the window does,
// and case figures are joined under the session's time filter.
#pragma once
#include "viewer/render/scene.hpp"

#include "geo/cases/case_model.hpp"
#include "geo/raster_source.hpp"
#include "geo/session_file.hpp"

#include <string>
#include <vector>

namespace viewer {

struct SessionRaster {
    geo::RasterImage image; // warped into the map CRS
    float opacity = 1;
};

struct PreparedSession {
    std::vector<SessionRaster> rasters;  // bottom to top, under the vector layers
    std::vector<PreparedLayer> layers;   // bottom to top
};

// The visible local layers of `session` read (only what meets `regionLonLat`, except where
// classes need the whole layer), styled and prepared for an image at `lodTolerance` (see
// prepareExportLayer). `cases` (may be null) feeds case-figure joins. A layer that cannot be
// read or classified becomes a warning (the window shows the rest of the session too). No GL.
PreparedSession prepareSessionLayers(const geo::Session& session, const geo::CaseData* cases, const std::string& crs,
                                     const geo::Extent& regionLonLat, std::vector<std::string>& warnings,
                                     double lodTolerance, bool coarserLevels);

// Uploads `prepared` into `scene` (GL thread): rasters over the bottom opaque land fill as
// in the window (Scene::anchorRasters), vector layers in order.
void addSessionLayers(Scene& scene, PreparedSession prepared);

// True when some visible layer of `session` colours by a case figure (the store is needed).
bool sessionNeedsCases(const geo::Session& session);

} // namespace viewer
