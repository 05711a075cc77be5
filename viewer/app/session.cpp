// Session helpers.
#include "viewer/app/session.hpp"

namespace viewer {

void Session::setCrs(geo::MapCrs c)
{
    crs = std::move(c);
    scene.mapCrs = crs.definition();
    scene.metresPerUnit = crs.nominalMetresPerUnit();
    view.setUnitsPerPixelLimits(crs.minUnitsPerPixel(), crs.maxUnitsPerPixel());
    homeExtent = crs.lonLatBox(homeLonLat);
}

std::string featureName(const SceneLayer& layer, size_t feature)
{
    const geo::Layer& data = *layer.data;
    if (feature >= data.features.size()) return "";
    const geo::Feature& f = data.features[feature];
    int field = data.fieldIndex(layer.style.labelField);
    // A boundary between two areas (the basemap's borders and province lines) names both.
    const int a = data.fieldIndex("a_name"), b = data.fieldIndex("b_name");
    if (field < 0 && a >= 0 && b >= 0 && !data.value(f, a).empty() && !data.value(f, b).empty())
        return data.value(f, a) + " \u2013 " + data.value(f, b);
    for (const char* candidate : {"name", "NAME", "Name", "name_en", "a_name"})
        if (field < 0) field = data.fieldIndex(candidate);
    const std::string& v = data.value(f, field);
    return v.empty() ? "#" + std::to_string(f.fid) : v;
}

} // namespace viewer
