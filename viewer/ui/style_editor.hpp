// Style controls the Layers panel shows for loaded layers: single / categorized / graduated
// colouring with its legend, and the raster layers (visibility, opacity, remove).
#pragma once
#include "viewer/app/session.hpp"

namespace viewer {

// Inside a layer's section of the Layers panel: the attribute table button and the
// thematic editor (graduated styles may join figures from the case store when it is loaded).
void drawLayerExtras(Session& session, SceneLayer& layer);
void drawThematicEditor(SceneLayer& layer, bool caseStoreLoaded);
// The raster layers, listed under the vector layers (they are drawn under them).
void drawRasterLayers(Session& session);

} // namespace viewer
