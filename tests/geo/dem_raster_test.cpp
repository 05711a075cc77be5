// Single-band Float32 rasters (a DEM), issue 18 item 6: drawn as a grey ramp stretched on the
// 2-98 % range, dark low and light high, nodata transparent; geo/raster_info describes them.
#include "geo/crs.hpp"
#include "geo/raster_info.hpp"
#include "geo/raster_source.hpp"
#include "geo/raster_stretch.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>

namespace {

// 200 x 150 Float32 over lon 104..106, lat 11..12.5, rising 0 -> 1000 m west to east, nodata
// (-9999) in the 40 x 30 north-west corner (the same as tests/cli/make_dem.py).
void writeDem(const std::string& path, bool withNoData = true)
{
    geo::initGdal();
    GDALDataset* ds = GetGDALDriverManager()->GetDriverByName("GTiff")->Create(path.c_str(), 200, 150, 1, GDT_Float32, nullptr);
    double gt[6] = {104.0, 0.01, 0, 12.5, 0, -0.01};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    ds->SetSpatialRef(&srs);
    std::vector<float> v(200 * 150);
    for (int y = 0; y < 150; ++y)
        for (int x = 0; x < 200; ++x) v[y * 200 + x] = withNoData && y < 30 && x < 40 ? -9999.0f : 1000.0f * x / 199;
    if (withNoData) ds->GetRasterBand(1)->SetNoDataValue(-9999);
    CHECK(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 200, 150, v.data(), 200, 150, GDT_Float32, 0, 0) == CE_None);
    GDALClose(ds);
}

const uint8_t* pixelAt(const geo::RasterImage& img, double fx, double fy)
{
    const int x = std::min(img.width - 1, static_cast<int>(fx * img.width));
    const int y = std::min(img.height - 1, static_cast<int>(fy * img.height));
    return &img.rgba[(static_cast<size_t>(y) * img.width + x) * 4];
}

} // namespace

TEST_CASE("quantile range: 2-98 % of the valid values, a flat raster still mid grey")
{
    std::vector<float> v(101);
    for (int i = 0; i <= 100; ++i) v[i] = static_cast<float>(i);
    std::vector<uint8_t> valid(101, 1);
    v[100] = 1e9f; // an outlier does not flatten the ramp
    const auto r = geo::quantileRange(v, valid);
    REQUIRE(r);
    CHECK(r->low == doctest::Approx(2));
    CHECK(r->high == doctest::Approx(98));
    CHECK_FALSE(geo::quantileRange(v, std::vector<uint8_t>(101, 0)));
    const std::vector<float> flat(10, 7.0f);
    const auto f = geo::quantileRange(flat, std::vector<uint8_t>(10, 1));
    REQUIRE(f);
    const std::vector<uint8_t> px = geo::greyRamp(flat, std::vector<uint8_t>(10, 1), *f);
    CHECK(px[0] == 128);
    CHECK(px[3] == 255);
    const std::vector<uint8_t> none = geo::greyRamp(flat, std::vector<uint8_t>(10, 0), *f);
    CHECK(none[3] == 0); // not valid: transparent
}

TEST_CASE("a Float32 DEM is drawn: dark low in the west, light high in the east, nodata transparent")
{
    testdata::ScratchDir dir("dem");
    const std::string path = dir.path("dem.tif");
    for (bool nodata : {true, false}) {
        writeDem(path, nodata);
        CAPTURE(nodata);
        REQUIRE(geo::isRasterSource(path));
        for (const char* crs : {geo::kWgs84, geo::kWebMercator}) {
            CAPTURE(crs);
            const geo::RasterImage img = geo::readRaster(path, crs, 512);
            REQUIRE(img.width > 0);
            const uint8_t* west = pixelAt(img, 0.1, 0.8);
            const uint8_t* middle = pixelAt(img, 0.5, 0.8);
            const uint8_t* east = pixelAt(img, 0.9, 0.8);
            CHECK(west[3] == 255); // every valid pixel opaque (all-valid DEMs were fully transparent)
            CHECK(east[3] == 255);
            CHECK(west[0] < 60);
            CHECK(middle[0] > 80);
            CHECK(middle[0] < 180);
            CHECK(east[0] > 200);
            CHECK(west[0] == west[1]); // grey
            CHECK(pixelAt(img, 0.1, 0.1)[3] == (nodata ? 0 : 255));
            CHECK(img.rendering.find("grey ramp") != std::string::npos);
        }
    }
}

TEST_CASE("raster info: size, bands, type, CRS, extent and nodata of a DEM; not for other files")
{
    testdata::ScratchDir dir("deminfo");
    const std::string path = dir.path("dem.tif");
    writeDem(path);
    const std::optional<geo::RasterInfo> info = geo::inspectRaster(path);
    REQUIRE(info);
    CHECK(info->driver == "GTiff");
    CHECK(info->width == 200);
    CHECK(info->height == 150);
    REQUIRE(info->bands.size() == 1);
    CHECK(info->bands[0].dataType == "Float32");
    REQUIRE(info->bands[0].noData);
    CHECK(*info->bands[0].noData == -9999);
    CHECK(info->crs == "EPSG:4326");
    CHECK(info->extent.minX == doctest::Approx(104));
    CHECK(info->extent.maxY == doctest::Approx(12.5));
    CHECK(info->pixelSizeX == doctest::Approx(0.01));
    CHECK_FALSE(geo::inspectRaster(dir.path("none.tif")));
    CHECK_FALSE(geo::inspectRaster(std::string(ATLAS_SOURCE_DIR) + "/README.md"));
}

TEST_CASE("a window reads only the part of the raster in it, at the raster's resolution there")
{
    testdata::ScratchDir dir("demwindow");
    const std::string path = dir.path("dem.tif");
    writeDem(path, false);
    const geo::RasterImage whole = geo::readRaster(path, geo::kWgs84, 4096);
    // The eastern half (lon 105..107: the raster ends at 106), where heights are 500..1000 m.
    const geo::RasterImage east = geo::readRaster(path, geo::kWgs84, 4096, {}, geo::Extent{105, 10, 107, 13});
    REQUIRE(east.width > 0);
    CHECK(east.extent.minX == doctest::Approx(105).epsilon(1e-6));
    CHECK(east.extent.maxX == doctest::Approx(106).epsilon(1e-6));
    CHECK(east.extent.maxY == doctest::Approx(12.5).epsilon(1e-6));
    CHECK(east.width == doctest::Approx(whole.width / 2.0).epsilon(0.02)); // the same pixel size
    CHECK(east.height == whole.height);
    // The stretch is the whole band's: the part's west edge (500 m) is mid grey, as in the whole.
    CHECK(std::abs(pixelAt(east, 0.01, 0.5)[0] - pixelAt(whole, 0.505, 0.5)[0]) <= 4);
    CHECK(pixelAt(east, 0.01, 0.5)[0] > 100);
    CHECK(pixelAt(east, 0.98, 0.5)[0] > 220);
    CHECK(geo::readRaster(path, geo::kWgs84, 4096, {}, geo::Extent{110, 10, 111, 11}).width == 0); // misses it
    const geo::RasterImage small = geo::readRaster(path, geo::kWgs84, 32, {}, geo::Extent{105, 10, 107, 13});
    CHECK(std::max(small.width, small.height) <= 32);
}
