// The names people read for the app's own layers, and that everything user-facing uses them.
#include "viewer/render/layer_titles.hpp"
#include "viewer/render/basemap_style.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using viewer::layerTitle;

TEST_CASE("layer titles: basemap and case layers read as people name them")
{
    CHECK(layerTitle("countries") == "Countries");
    CHECK(layerTitle("provinces") == "Provinces");
    CHECK(layerTitle("province_lines") == "Province boundaries");
    CHECK(layerTitle("borders") == "International borders");
    CHECK(layerTitle(viewer::kCompoundsMarkers) == "Compounds");
    CHECK(layerTitle(viewer::kPlacesMarkers) == "Incident places");
    CHECK(layerTitle(viewer::kLinksMarkers) == "Links");
    CHECK(layerTitle(viewer::kUncertaintyMarkers) == "Uncertainty");
}

TEST_CASE("layer titles: every basemap layer has a title of its own, other names pass through")
{
    std::set<std::string> titles;
    for (const char* name : viewer::kBasemapLayers) {
        const std::string t = layerTitle(name);
        CHECK_MESSAGE(t != name, name);
        CHECK(t.find('_') == std::string::npos);
        titles.insert(t);
    }
    CHECK(titles.size() == viewer::kBasemapLayers.size());
    CHECK(layerTitle("districts_2019") == "districts_2019");
    CHECK(layerTitle("") == "");
}
