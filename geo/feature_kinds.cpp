// Counting a layer's features by their own geometry kind, for the Layers panel's headers.
#include "geo/feature_kinds.hpp"

namespace geo {

FeatureKindCounts countFeatureKinds(const Layer& layer)
{
    FeatureKindCounts c;
    for (const Feature& f : layer.features) {
        switch (f.geometry.empty() ? GeomKind::None : f.geometry.kind) {
        case GeomKind::Point: ++c.points; break;
        case GeomKind::Line: ++c.lines; break;
        case GeomKind::Polygon: ++c.polygons; break;
        case GeomKind::None: ++c.empty; break;
        }
    }
    return c;
}

std::string featureKindsText(const Layer& layer)
{
    const FeatureKindCounts c = countFeatureKinds(layer);
    std::string out;
    auto add = [&out](size_t n, const char* one, const char* many) {
        if (n == 0) return;
        out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + (n == 1 ? one : many);
    };
    add(c.polygons, "polygon", "polygons");
    add(c.lines, "line", "lines");
    add(c.points, "point", "points");
    add(c.empty, "without geometry", "without geometry");
    return out.empty() ? "no features" : out;
}

} // namespace geo
