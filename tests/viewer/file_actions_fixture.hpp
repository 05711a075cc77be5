// The app's loading state in tests: waiting for FileActions' background loads, and the
// three-file set (provinces GeoJSON, points CSV, GeoTIFF) the session and CRS tests start from.
#pragma once
#include "load_test_files.hpp"
#include "viewer/app/file_actions.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

namespace loadtest {

// Lets the background loads finish (up to ~10 s), applying what arrives.
inline void settle(viewer::FileActions& files, viewer::Session& s)
{
    for (int i = 0; i < 2000 && files.busy(); ++i) {
        files.update(s);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    files.update(s);
}

// Opens the provinces, points and raster files of `dir` into `s` and waits for them.
inline void openThreeFiles(viewer::FileActions& files, viewer::Session& s, const std::string& dir)
{
    files.openFiles({geojsonProvinces(dir), csvPoints(dir), geotiff(dir)}, s);
    settle(files, s);
    REQUIRE(s.scene.layers().size() == 2);
    REQUIRE(s.scene.rasterLayers().size() == 1);
}

} // namespace loadtest
