// "Join from the case store": a polygon layer gets a numeric field with a case figure per
// feature (people detained per province, ...), so a graduated style can colour by it. The
// field follows the store (others' saves, live reload) and the time filter.
#pragma once
#include "viewer/app/session.hpp"

#include "geo/cases/case_figures.hpp"

#include <string>

namespace viewer {

// The joined field's name in the layer: "cases: people detained (raids, arrests, rescues)".
std::string caseJoinField(geo::CaseMeasure m);

// A copy of `layer` with `values` in the field `name` (added, or replaced if present).
geo::Layer withNumericField(const geo::Layer& layer, const std::string& name, const std::vector<double>& values);

// The figure `measure` per feature of polygon `layer` (in its own CRS), counting the
// incidents `filter` admits. Throws geo::Error when the layer's CRS cannot be used.
std::vector<double> caseFigureValues(const geo::CaseData& cases, const geo::Layer& layer, geo::CaseMeasure measure,
                                     const TimeFilter& filter);

// For every layer whose thematic style names a case measure: re-joins when the store, the
// time filter or the layer's data changed since the last join, swaps in the new data and
// drops the classes so they are recomputed. Layers whose join cannot be made (no store,
// not polygons) fall back to a single colour with a warning.
void refreshCaseJoins(Session& session);

// True while a layer's style waits for its joined field (store still loading): the app
// must not classify it yet.
bool waitingForCaseJoin(const Session& session, const SceneLayer& layer);

} // namespace viewer
