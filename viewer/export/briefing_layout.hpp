// Where each element of a briefing image goes and how it is drawn into the overlay: title
// band, footer (attribution, date), and over the map: legend, scale bar, north arrow,
// incident box, inset frame. All sizes are 96 DPI pixels times the layout scale.
#pragma once
#include "viewer/export/briefing_content.hpp"
#include "viewer/export/export_options.hpp"
#include "viewer/render/font_set.hpp"
#include "viewer/render/image.hpp"
#include "viewer/render/overlay.hpp"

#include "geo/viewport.hpp"

#include <string>
#include <vector>

namespace viewer {

struct PixelRect {
    int x = 0, y = 0, w = 0, h = 0;
    bool empty() const { return w <= 0 || h <= 0; }
};

struct BriefingLayout {
    int width = 0, height = 0;
    double scale = 1;
    PixelRect map;   // the map area (the GeoTIFF's georeference is exact for it)
    PixelRect inset; // empty when there is no inset
};

// Faces and texts the layout needs (to bake fonts before measuring).
std::vector<FontFace> briefingFaces(double scale);
std::vector<std::string> briefingTexts(const BriefingContent& content);

// The bands and the map area. With every element off, the map fills the image.
BriefingLayout planBriefing(int width, int height, double scale, const BriefingContent& content,
                            const LayoutElements& show, const FontSet& fonts);

// Everything but the map itself (and its labels). `mapView` is the map area's viewport;
// `insetView` the inset picture's (null when none).
void drawBriefing(Overlay& overlay, const FontSet& fonts, const BriefingLayout& layout, const BriefingContent& content,
                  const LayoutElements& show, const geo::Viewport& mapView, const std::string& crs,
                  const geo::Viewport* insetView);

// Greedy word wrap to `maxWidth` pixels.
std::vector<std::string> wrapText(const FontSet& fonts, const std::string& text, float sizePx, bool bold, double maxWidth);

} // namespace viewer
