// Map labels for an export, placed once for the whole map with the viewer's rules (see
// MapRenderer::drawLabels) and put into the overlay, so tiles never cut or repeat them.
#pragma once
#include "viewer/render/font_set.hpp"
#include "viewer/render/overlay.hpp"
#include "viewer/render/scene.hpp"

#include "geo/viewport.hpp"

#include <string>
#include <vector>

namespace viewer {

// Faces and texts the labels of `view` may need (to bake the fonts before placing).
std::vector<FontFace> labelFaces(const Scene& scene);
std::vector<std::string> labelTexts(const Scene& scene, const geo::Viewport& view);

// Places labels for the map viewport `view` (styles already scaled) and adds them to
// `overlay` shifted by `offset` (the map area's top-left in the image). `scale` grows the
// placement margins like the text. Returns how many were placed.
size_t addMapLabels(Overlay& overlay, const FontSet& fonts, const Scene& scene, const geo::Viewport& view,
                    geo::ScreenPx offset, double scale);

} // namespace viewer
