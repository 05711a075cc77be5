// Session helpers.
#include "viewer/app/session.hpp"

namespace viewer {

void Session::setCrs(geo::MapCrs c)
{
    crs = std::move(c);
    scene.mapCrs = crs.definition();
    scene.metresPerUnit = crs.geographic() ? 111320.0 : 1.0;
    view.setUnitsPerPixelLimits(crs.minUnitsPerPixel(), crs.maxUnitsPerPixel());
    homeExtent = crs.lonLatBox(homeLonLat);
}

std::string featureName(const SceneLayer& layer, size_t feature)
{
    const geo::Layer& data = *layer.data;
    if (feature >= data.features.size()) return "";
    int field = data.fieldIndex(layer.style.labelField);
    for (const char* candidate : {"name", "NAME", "Name", "name_en", "a_name"})
        if (field < 0) field = data.fieldIndex(candidate);
    const geo::Feature& f = data.features[feature];
    const std::string& v = data.value(f, field);
    return v.empty() ? "#" + std::to_string(f.fid) : v;
}

} // namespace viewer
