// How a layer is drawn: visibility, colours, widths, labels. Plain data, edited by the UI
// and read by the renderer every frame (changes show at once, nothing is rebuilt).
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace viewer {

struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;
};

// "#rrggbb" or "#rrggbbaa"; black when malformed.
Rgba rgbaFromHex(const std::string& hex);

// Categorized / graduated colouring: each feature's class picks its colour. The spec (mode,
// field, classes, breaks) is what the user edits; colors/featureClass are derived from it.
enum class ThematicMode { Single, Categorized, Graduated };
struct ThematicStyle {
    ThematicMode mode = ThematicMode::Single;
    std::string field;
    int classes = 5;        // graduated: 3..9
    bool quantile = false;  // graduated: quantile breaks instead of equal intervals
    // The field is joined from the case store (a geo::CaseMeasure name, "" = the layer's own
    // field); caseJoinStamp says which store state and time filter the values reflect.
    std::string caseJoin;
    std::string caseJoinStamp;
    std::vector<Rgba> colors;       // one per class
    std::vector<std::string> labels; // legend text per class
    std::vector<size_t> counts;      // features per class
    std::shared_ptr<const std::vector<int16_t>> featureClass; // per feature, -1 = none
    // Why no classes could be made, e.g. "field NAME_1 is text; graduated needs a number" (""
    // when they were, or none were asked for): the style editor and the state dump show it,
    // and the layer draws in its single colour until the style changes.
    std::string problem;
    bool active() const { return mode != ThematicMode::Single && featureClass && !colors.empty(); }
};

struct LayerStyle {
    bool visible = true;
    float opacity = 1.0f;          // multiplies every alpha of the layer
    bool fill = true;
    Rgba fillColor{0.92f, 0.90f, 0.85f, 1};
    // Polygon layers: colour each feature from `palette` so neighbours differ (countries).
    bool paletteFill = false;
    std::array<Rgba, 5> palette{{{0.95f, 0.92f, 0.84f, 1}, {0.88f, 0.92f, 0.84f, 1}, {0.94f, 0.87f, 0.86f, 1},
                                 {0.86f, 0.89f, 0.94f, 1}, {0.93f, 0.90f, 0.94f, 1}}};
    Rgba strokeColor{0.45f, 0.45f, 0.45f, 1};
    float strokeWidthPx = 1.0f;    // 0 = no outline
    float pointSizePx = 8.0f;      // marker diameter for point layers
    std::string labelField;        // "" = no labels
    Rgba labelColor{0.15f, 0.15f, 0.15f, 1};
    float labelSizePx = 14.0f;
    bool labelBold = false;
    // Labels show only while ground metres per pixel (Scene::groundMetresPerPixel, at 96 DPI)
    // lie in [labelMinUnitsPerPixel, labelMaxUnitsPerPixel]: labelsShownAt.
    double labelMinUnitsPerPixel = 0;
    double labelMaxUnitsPerPixel = 1e30;
    int labelPriority = 0;         // higher wins collisions across layers
    ThematicStyle thematic;        // overrides fillColor (and a line layer's stroke) per feature
};

// The label scale rule, one for the window and the export.
inline bool labelsShownAt(const LayerStyle& s, double groundMetresPerPixel)
{
    return groundMetresPerPixel >= s.labelMinUnitsPerPixel && groundMetresPerPixel <= s.labelMaxUnitsPerPixel;
}

} // namespace viewer
