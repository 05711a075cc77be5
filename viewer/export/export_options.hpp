// What an export asks for (the `export` command line and the Export dialog fill this in):
// output, size (pixels or paper + DPI), view, layers, and which layout elements to draw.
#pragma once
#include "geo/coords.hpp"
#include "geo/error.hpp"

#include <optional>
#include <string>
#include <vector>

namespace viewer {

// A request that makes no sense (zero size, unknown paper): the CLI exits with 2.
struct ExportUsageError : geo::Error {
    using geo::Error::Error;
};

struct LayoutElements {
    bool title = true;       // shown only when there is a title or subtitle
    bool date = true;
    bool legend = true;
    bool scaleBar = true;
    bool northArrow = true;
    bool attribution = true;
    bool inset = false;
    bool incidentBox = true; // shown only with a selected compound
    bool labels = true;      // map labels
    bool compounds = true;   // compound markers from the case store
};

struct ExportOptions {
    std::string out;                     // .png, .tif or .tiff
    int width = 0, height = 0;           // --size; 0 = from paper, else 1920x1080
    std::string paper;                   // "A4", "Letter" ("" = pixels)
    bool portrait = false;
    int dpi = 0;                         // with paper: 150 by default
    std::optional<geo::Extent> bbox;     // lon/lat W,S,E,N
    double fitMargin = 0.06;             // --margin: share of the map left around the bbox
    std::string fitId;                   // frame this compound
    std::string crs = "EPSG:3857";
    std::vector<std::string> layers;     // extra layers (any GDAL vector source)
    std::string layerFill, layerStroke;  // "#rrggbb[aa]" for the extra layers ("" = default style)
    double layerStrokePx = -1;           // < 0 = default
    std::string title, subtitle;
    std::optional<std::string> date;     // "" hides it; unset = today
    std::string selectId;
    LayoutElements show;
    bool worldFile = false;
    std::string basemap;                 // "" = geo::defaultBasemapPath()
    bool noBasemap = false;
    std::string casesDb;                 // "" = geo::defaultCaseStorePath()
    int tileSide = 0;                    // 0 = the GL limit (capped at 4096); tests force tiling
    bool quiet = false;                  // no progress lines
    double previewFraction = 0;          // in (0, 1): render that fraction of the size (previews)
};

// The output size in pixels and the layout scale (1 at 96 DPI: text and line widths grow
// with DPI so a 300 DPI export looks like the 96 DPI one, only sharper).
struct OutputSize {
    int width = 0, height = 0;
    double scale = 1;
    double dpi = 0; // the print resolution written into the file; 0 (pixels, no --dpi) writes none
};

// Throws ExportUsageError for zero, negative, absurd (> 32768 a side) sizes, unknown paper
// names or DPI out of 72..1200.
OutputSize resolveOutputSize(const ExportOptions& o);

// "W,S,E,N" in degrees -> extent; throws ExportUsageError when malformed or out of range.
geo::Extent parseLonLatBox(const std::string& text);
// "WxH" -> width, height; throws ExportUsageError when malformed.
void parseSize(const std::string& text, int& width, int& height);

// Today's date as "31 January 2026" (local time).
std::string todayText();

} // namespace viewer
