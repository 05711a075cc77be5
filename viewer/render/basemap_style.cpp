// Basemap styles: palette-filled countries with bold labels, labelled provinces with their
// internal boundaries as lines, dark borders.
#include "viewer/render/basemap_style.hpp"

#include <algorithm>

namespace viewer {

namespace {

// Province boundaries: drawn by province_lines, or by the provinces' outline on an old basemap.
void provinceBoundaryStroke(LayerStyle& s)
{
    s.strokeColor = {0.50f, 0.48f, 0.58f, 0.9f};
    s.strokeWidthPx = 0.8f;
}

} // namespace

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
        provinceBoundaryStroke(s);
        s.strokeWidthPx = 0; // province_lines draws the boundaries
        s.labelField = "name";
        s.labelSizePx = 12;
        s.labelColor = {0.25f, 0.25f, 0.35f, 1};
        s.labelMaxUnitsPerPixel = 900;
        s.labelPriority = 1;
    } else if (layerName == "province_lines") {
        s.fill = false;
        provinceBoundaryStroke(s);
    } else if (layerName == "borders") {
        s.fill = false;
        s.strokeColor = {0.38f, 0.30f, 0.38f, 1};
        s.strokeWidthPx = 1.6f;
    }
    return s;
}

std::vector<BasemapLayer> basemapLayersFor(const std::vector<std::string>& present, const std::string& path,
                                           std::vector<std::string>& warnings)
{
    auto has = [&](const char* name) { return std::find(present.begin(), present.end(), name) != present.end(); };
    std::vector<BasemapLayer> out;
    for (const char* name : kBasemapLayers) {
        if (!has(name)) {
            warnings.push_back(path + ": no layer '" + name + "' in the basemap" +
                               (std::string(name) == "province_lines" ? " (an older basemap: provinces outlined instead)" : ""));
            continue;
        }
        out.push_back({name, basemapStyle(name)});
        if (std::string(name) == "provinces" && !has("province_lines")) provinceBoundaryStroke(out.back().style);
    }
    return out;
}

} // namespace viewer
