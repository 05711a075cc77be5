// Where the panels open (window points) and the part of the window they leave to the map, in
// one place: the panels place themselves from it, and Home / --view frame their box in the
// free part (issue 18: the default view put the Myawaddy compounds under the Layers panel).
// Plain arithmetic, no ImGui: testable.
#pragma once
#include "geo/coords.hpp"

namespace viewer {

struct PanelBox {
    float x = 0, y = 0, w = 0, h = 0; // h 0: the panel's height follows its contents
    float right() const { return x + w; }
    float bottom() const { return y + h; }
};

struct PanelLayout {
    PanelBox layers;  // the left column, at the top
    PanelBox feature; // the left column, at the bottom (never over the Compounds panel)
    PanelBox cases;   // the right column, most of the height
};

// For a window of `width` x `height` points.
PanelLayout panelLayout(float width, float height);

// The map's box between the panel columns, in drawable pixels (`pixelRatio` per point), below
// the menu and above the status bar. Where that leaves less than kMinFreeShare of the width,
// the box reaches the left edge (over the short Layers panel) rather than be a sliver; empty
// (min == max: the whole view) when even that is too narrow.
struct MapArea {
    geo::ScreenPx min, max;
    bool empty() const { return !(max.x > min.x && max.y > min.y); }
};
constexpr float kMinFreeShare = 0.4f;
MapArea freeMapArea(const PanelLayout& layout, float width, float height, bool layersShown, bool casesShown,
                    double pixelRatio);

} // namespace viewer
