// Shared helpers for render tests (header-only: only *_test.cpp files are built): a headless GL context, golden-image comparison with
// tolerance (actual + diff written next to the test binary on failure; UPDATE_GOLDEN=1
// rewrites the golden), and small synthetic layers.
#pragma once
#include "viewer/render/image.hpp"

#include "geo/layer.hpp"

#include <string>
#include <vector>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace rendertest {


struct CompareResult {
    bool ok = false;
    size_t differing = 0;   // pixels with any channel off by more than the threshold
    size_t total = 0;
    std::string message;
};



inline std::string buildDir()
{
    char buf[4096] = {};
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return std::filesystem::temp_directory_path().string();
    return std::filesystem::path(std::string(buf, static_cast<size_t>(n))).parent_path().string();
}

inline CompareResult compareWithGolden(const viewer::Image& actual, const std::string& name, int channelThreshold = 24,
                                        double maxShare = 0.001)
{
    CompareResult r;
    const std::string golden = std::string(ATLAS_SOURCE_DIR) + "/tests/render/golden/" + name + ".png";
    const char* update = std::getenv("UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        viewer::writePng(golden, actual);
        r.ok = true;
        r.message = "golden rewritten: " + golden;
        return r;
    }
    const viewer::Image expected = viewer::readPng(golden);
    const std::string outDir = buildDir() + "/render-test-output";
    std::filesystem::create_directories(outDir);
    const std::string actualPath = outDir + "/" + name + "-actual.png";
    if (expected.empty()) {
        viewer::writePng(actualPath, actual);
        r.message = "no golden " + golden + " (run with UPDATE_GOLDEN=1); actual written to " + actualPath;
        return r;
    }
    if (expected.width != actual.width || expected.height != actual.height) {
        viewer::writePng(actualPath, actual);
        r.message = "size differs from the golden; actual written to " + actualPath;
        return r;
    }
    viewer::Image diff = actual;
    r.total = static_cast<size_t>(actual.width) * actual.height;
    for (size_t i = 0; i < r.total; ++i) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(actual.rgba[i * 4 + c]) - int(expected.rgba[i * 4 + c])));
        const bool bad = worst > channelThreshold;
        r.differing += bad;
        // Diff image: the golden faded, differing pixels in red.
        for (int c = 0; c < 3; ++c) diff.rgba[i * 4 + c] = static_cast<uint8_t>(bad ? (c == 0 ? 255 : 0) : 200 + expected.rgba[i * 4 + c] / 5);
        diff.rgba[i * 4 + 3] = 255;
    }
    r.ok = static_cast<double>(r.differing) <= maxShare * static_cast<double>(r.total);
    if (!r.ok) {
        const std::string diffPath = outDir + "/" + name + "-diff.png";
        viewer::writePng(actualPath, actual);
        viewer::writePng(diffPath, diff);
        r.message = std::to_string(r.differing) + " of " + std::to_string(r.total) + " pixels differ; see " + actualPath +
                    " and " + diffPath;
    }
    return r;
}

inline void appendRing(geo::Geometry& g, const std::vector<double>& xy)
{
    for (size_t i = 0; i + 1 < xy.size(); i += 2) g.coords.push_back({xy[i], xy[i + 1]});
    g.partStarts.push_back(static_cast<uint32_t>(g.coords.size()));
}
inline geo::Feature multiPolygonFeature(const std::vector<std::vector<std::vector<double>>>& polygons, int64_t fid)
{
    geo::Feature f;
    f.fid = fid;
    f.geometry.kind = geo::GeomKind::Polygon;
    for (const auto& rings : polygons) {
        for (const auto& ring : rings) appendRing(f.geometry, ring);
        f.geometry.polygonStarts.push_back(static_cast<uint32_t>(f.geometry.partCount()));
    }
    f.bbox = f.geometry.extent();
    return f;
}

inline geo::Feature polygonFeature(const std::vector<std::vector<double>>& rings, int64_t fid)
{
    return multiPolygonFeature({rings}, fid);
}

inline geo::Feature lineFeature(const std::vector<double>& xy, int64_t fid)
{
    geo::Feature f;
    f.fid = fid;
    f.geometry.kind = geo::GeomKind::Line;
    appendRing(f.geometry, xy);
    f.bbox = f.geometry.extent();
    return f;
}

inline geo::Feature pointFeature(double x, double y, int64_t fid)
{
    geo::Feature f;
    f.fid = fid;
    f.geometry.kind = geo::GeomKind::Point;
    appendRing(f.geometry, {x, y});
    f.bbox = f.geometry.extent();
    return f;
}

inline geo::Layer makeLayer(const std::string& name, geo::GeomKind kind, std::vector<geo::Feature> features,
                     const std::vector<std::string>& names = {})
{
    geo::Layer l;
    l.name = name;
    l.kind = kind;
    l.crs = "EPSG:3857";
    l.fields.push_back({"name", geo::FieldType::String});
    for (size_t i = 0; i < features.size(); ++i) {
        features[i].values = {i < names.size() ? names[i] : ""};
        l.extent.expand(features[i].bbox);
    }
    l.features = std::move(features);
    return l;
}

} // namespace rendertest
