// The incident panel ("Compounds & incidents"): search by name or alias, the compound list,
// the time filter, the map legend, and the selected compound with its derived location and
// its incidents in time order.
#pragma once
#include "viewer/app/session.hpp"

namespace viewer {

void drawCasePanel(Session& session);

} // namespace viewer
