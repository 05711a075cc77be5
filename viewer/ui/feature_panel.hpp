// Identify: the hover tooltip with the feature's name, and the panel listing every
// attribute of the selected feature.
#pragma once
#include "viewer/app/session.hpp"

namespace viewer {

void drawHoverTooltip(const Session& session);
void drawFeaturePanel(Session& session);

} // namespace viewer
