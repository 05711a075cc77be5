// The sample basemap's provinces in lon/lat, read once per test binary (read-only).
#pragma once
#include "geo/layer.hpp"
#include "geo/vector_source.hpp"

namespace testlayers {

inline const geo::Layer& provinces()
{
    static const geo::Layer l = [] {
        geo::initGdal();
        return geo::readLayer("data/basemap.gpkg", "provinces", "EPSG:4326");
    }();
    return l;
}

} // namespace testlayers
