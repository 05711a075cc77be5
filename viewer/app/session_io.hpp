// The bridge between the live viewer state (viewer::Session, its Scene) and the saved
// session file (geo::Session): capture what is on screen, and turn a saved session back
// into load orders, a view and a selection to restore once the layers arrive.
#pragma once
#include "viewer/app/load_queue.hpp"
#include "viewer/app/session.hpp"

#include "geo/session_file.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace viewer {

nlohmann::json styleToJson(const LayerStyle& style);
// Fields missing from `j` keep their value in `base`.
LayerStyle styleFromJson(const nlohmann::json& j, LayerStyle base);

// Layers bottom-up (rasters first), styles, map CRS, view centre and scale, selection
// (feature and compound), and the time filter (ISO days; both null when it is off).
geo::Session captureSession(const Session& session);

// The layers to load, in draw order (all in one batch, so they arrive together).
// `allowRemote`: the user confirmed the remote sources.
std::vector<LoadOrder> sessionLoadOrders(const geo::Session& saved, bool allowRemote);

// Puts the camera where the session had it (same centre and scale), in session.crs.
void applySessionView(Session& session, const geo::Session& saved);

// The session's time filter: off when neither bound was saved; a missing bound (or one that
// does not parse) is open-ended. The window and the export of a session both use it.
TimeFilter sessionTimeFilter(const geo::Session& saved);

// Selects the session's compound ("" clears the selection) and sets its time filter (off when
// neither bound was saved; a missing bound is open-ended). Works before the case store is in:
// the store keeps both when it arrives (a compound it lacks is dropped then).
void applySessionCases(CaseView& cases, const geo::Session& saved);

// The saved selection (layer name + fid), restored once the layers are in.
struct PendingSelection {
    std::string layer;
    int64_t fid = -1;
};
std::optional<PendingSelection> sessionSelection(const geo::Session& saved);
// Selects the feature if its layer is loaded; true when it was found.
bool restoreSelection(Session& session, const PendingSelection& sel);

} // namespace viewer
