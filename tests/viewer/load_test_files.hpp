// Small source files for the loading tests, written into a fresh temporary folder: KML with
// two folders, CSV of points, a GeoTIFF made with GDAL, GeoJSON, and a bad-file corpus.
#pragma once
#include "geo/vector_source.hpp"

#include <gdal.h>
#include <cpl_string.h>
#include <ogr_srs_api.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace loadtest {

inline std::string tempFolder(const std::string& tag)
{
    const auto dir = std::filesystem::temp_directory_path() / ("atlas-load-" + tag + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

inline std::string write(const std::string& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

inline std::string kmlTwoFolders(const std::string& dir)
{
    return write(dir + "/sites.kml", R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>sites</name>
<Folder><name>Compounds</name>
<Placemark><name>A7 Park</name><Point><coordinates>106.06,11.08</coordinates></Point></Placemark>
<Placemark><name>Other</name><Point><coordinates>104.9,11.55</coordinates></Point></Placemark>
</Folder>
<Folder><name>Areas</name>
<Placemark><name>Bavet box</name><Polygon><outerBoundaryIs><LinearRing><coordinates>105.9,11.0 106.2,11.0 106.2,11.2 105.9,11.2 105.9,11.0</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Folder>
</Document></kml>
)");
}

inline std::string csvPoints(const std::string& dir)
{
    return write(dir + "/points.csv", "name,lon,lat,arrests\nBavet,106.06,11.08,120\nPhnom Penh,104.92,11.56,40\n"
                                      "Sihanoukville,103.52,10.63,300\nPoipet,102.56,13.66,15\n");
}

// A 4x4 GeoTIFF in EPSG:4326 over 104..108 E, 10..14 N: top half red, bottom half blue.
inline std::string geotiff(const std::string& dir)
{
    // Through geo's once-only registration: a loader thread may be registering at this moment,
    // and two concurrent GDALAllRegister calls corrupt GDAL's driver tables (seen as a crash).
    geo::initGdal();
    const std::string path = dir + "/scene.tif";
    GDALDriverH drv = GDALGetDriverByName("GTiff");
    GDALDatasetH ds = GDALCreate(drv, path.c_str(), 4, 4, 3, GDT_Byte, nullptr);
    double gt[6] = {104, 1, 0, 14, 0, -1};
    GDALSetGeoTransform(ds, gt);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4326);
    char* wkt = nullptr;
    OSRExportToWkt(srs, &wkt);
    GDALSetProjection(ds, wkt);
    CPLFree(wkt);
    OSRDestroySpatialReference(srs);
    for (int b = 1; b <= 3; ++b) {
        std::vector<uint8_t> px(16);
        for (int y = 0; y < 4; ++y)
            for (int x = 0; x < 4; ++x) px[y * 4 + x] = (y < 2) ? (b == 1 ? 220 : 20) : (b == 3 ? 220 : 20);
        if (GDALRasterIO(GDALGetRasterBand(ds, b), GF_Write, 0, 0, 4, 4, px.data(), 4, 4, GDT_Byte, 0, 0) != CE_None)
            break;
    }
    GDALClose(ds);
    return path;
}

inline std::string geojsonProvinces(const std::string& dir)
{
    return write(dir + "/provinces.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"A","kind":"x","people":10},"geometry":{"type":"Polygon","coordinates":[[[104,11],[105,11],[105,12],[104,12],[104,11]]]}},
{"type":"Feature","properties":{"name":"B","kind":"y","people":50},"geometry":{"type":"Polygon","coordinates":[[[105,11],[106,11],[106,12],[105,12],[105,11]]]}},
{"type":"Feature","properties":{"name":"C","kind":"x","people":90},"geometry":{"type":"Polygon","coordinates":[[[106,11],[107,11],[107,12],[106,12],[106,11]]]}}
]})");
}

} // namespace loadtest
