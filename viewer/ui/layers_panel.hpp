// The Layers panel: per layer visibility, order, opacity, fill and stroke colours, stroke
// width, point size, label field, zoom to layer, remove. Edits apply on the next frame.
#pragma once
#include "viewer/app/session.hpp"

namespace viewer {

void drawLayersPanel(Session& session);

} // namespace viewer
