// Basemap styles: palette-filled countries with bold labels, outlined provinces, dark borders.
#include "viewer/render/basemap_style.hpp"

namespace viewer {

LayerStyle basemapStyle(const std::string& layerName)
{
    LayerStyle s;
    if (layerName == "countries") {
        s.paletteFill = true;
        s.strokeColor = {0.55f, 0.55f, 0.55f, 1};
        s.strokeWidthPx = 0.8f;
        s.labelField = "name";
        s.labelSizePx = 16;
        s.labelBold = true;
        s.labelColor = {0.30f, 0.28f, 0.32f, 1};
        s.labelMinUnitsPerPixel = 400;
        s.labelPriority = 10;
    } else if (layerName == "provinces") {
        s.fill = false;
        s.strokeColor = {0.50f, 0.48f, 0.58f, 0.9f};
        s.strokeWidthPx = 0.8f;
        s.labelField = "name";
        s.labelSizePx = 12;
        s.labelColor = {0.25f, 0.25f, 0.35f, 1};
        s.labelMaxUnitsPerPixel = 900;
        s.labelPriority = 1;
    } else if (layerName == "borders") {
        s.fill = false;
        s.strokeColor = {0.38f, 0.30f, 0.38f, 1};
        s.strokeWidthPx = 1.6f;
    }
    return s;
}

} // namespace viewer
