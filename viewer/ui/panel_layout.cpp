// The panels' first places. A gap of kGap points from the window's edges and between panels;
// the panels start below the menu bar (kTop) and end above the status bar (kBottom).
#include "viewer/ui/panel_layout.hpp"

#include <algorithm>

namespace viewer {

namespace {
constexpr float kGap = 10;
constexpr float kTop = 30;    // below the menu bar
constexpr float kBottom = 50; // the status bar and the load progress above it
constexpr float kLeftWidth = 320;
constexpr float kFeatureHeight = 300;
} // namespace

PanelLayout panelLayout(float width, float height)
{
    PanelLayout l;
    l.layers = {kGap, kTop, kLeftWidth, 0};
    // At most a third of the window wide, so the map stays in view.
    const float casesW = std::min(440.0f, width * 0.34f);
    l.cases = {width - casesW - kGap, kTop, casesW, std::max(100.0f, height - kTop - kBottom)};
    l.feature = {kGap, std::max(kTop, height - kBottom - kFeatureHeight), kLeftWidth, kFeatureHeight};
    return l;
}

MapArea freeMapArea(const PanelLayout& layout, float width, float height, bool layersShown, bool casesShown,
                    double pixelRatio)
{
    float left = layersShown ? layout.layers.right() : 0;
    const float right = casesShown ? layout.cases.x : width;
    // Too narrow between the columns: the map keeps the left one, as the Layers panel is short
    // (a row a layer) while the Compounds panel runs the window's height.
    if (right - left < kMinFreeShare * width) left = 0;
    if (right - left < kMinFreeShare * width || height - kTop - kBottom <= 0) return {};
    const double r = pixelRatio;
    return {{left * r, kTop * r}, {right * r, (height - kBottom) * r}};
}

} // namespace viewer
