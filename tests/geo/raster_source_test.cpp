// Rasters (geo/raster_source.cpp): corners land where they should, world files, bad files.
#include "geo/crs.hpp"
#include "geo/error.hpp"
#include "geo/raster_source.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <fstream>

namespace {

// A 200 x 100 RGB GeoTIFF in UTM 48N whose top-left corner is at (easting, northing).
void writeUtmTiff(const std::string& path, double easting, double northing, double pixel)
{
    geo::initGdal();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDataset* ds = drv->Create(path.c_str(), 200, 100, 3, GDT_Byte, nullptr);
    double gt[6] = {easting, pixel, 0, northing, 0, -pixel};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.importFromEPSG(32648);
    ds->SetSpatialRef(&srs);
    std::vector<uint8_t> red(200 * 100, 200);
    CHECK(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 200, 100, red.data(), 200, 100, GDT_Byte, 0, 0) == CE_None);
    GDALClose(ds);
}

} // namespace

TEST_CASE("a UTM GeoTIFF warps to Web Mercator with its corners where PROJ puts them")
{
    testdata::ScratchDir dir("raster");
    const std::string path = dir.path("scene.tif");
    const double e0 = 600000, n0 = 1225000, px = 10; // 2 km x 1 km near Bavet
    writeUtmTiff(path, e0, n0, px);
    CHECK(geo::isRasterSource(path));
    geo::RasterImage img = geo::readRaster(path, geo::kWebMercator, 1024);
    REQUIRE(img.width > 0);
    CHECK(img.width <= 1024);
    geo::Projector p("EPSG:32648", geo::kWebMercator);
    double x0 = e0, y0 = n0, x1 = e0 + 200 * px, y1 = n0 - 100 * px;
    REQUIRE(p.forward(x0, y0));
    REQUIRE(p.forward(x1, y1));
    // The warped box contains the projected corners, within a couple of output pixels.
    const double tol = 3 * img.extent.width() / img.width;
    CHECK(std::abs(img.extent.minX - std::min(x0, x1)) < tol);
    CHECK(std::abs(img.extent.maxY - std::max(y0, y1)) < tol);
    CHECK(std::abs(img.extent.maxX - std::max(x0, x1)) < tol);
    CHECK(std::abs(img.extent.minY - std::min(y0, y1)) < tol);
    // The centre pixel is the red we wrote, opaque.
    const size_t c = (static_cast<size_t>(img.height / 2) * img.width + img.width / 2) * 4;
    CHECK(img.rgba[c] == 200);
    CHECK(img.rgba[c + 3] == 255);
}

TEST_CASE("a big raster is read at a bounded size")
{
    testdata::ScratchDir dir("rasterbig");
    const std::string path = dir.path("scene.tif");
    writeUtmTiff(path, 600000, 1225000, 10);
    geo::RasterImage img = geo::readRaster(path, geo::kWebMercator, 64);
    CHECK(std::max(img.width, img.height) <= 64);
}

TEST_CASE("a PNG with a world file and no CRS is placed as WGS 84, with a warning")
{
    geo::initGdal();
    testdata::ScratchDir dir("worldfile");
    const std::string png = dir.path("scan.png");
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDataset* ds = mem->Create("", 40, 20, 3, GDT_Byte, nullptr);
    GDALDataset* out = GetGDALDriverManager()->GetDriverByName("PNG")->CreateCopy(png.c_str(), ds, FALSE, nullptr, nullptr, nullptr);
    GDALClose(out);
    GDALClose(ds);
    std::remove((png + ".aux.xml").c_str());
    std::ofstream(dir.path("scan.pgw")) << "0.01\n0\n0\n-0.01\n106.0\n11.2\n";
    geo::RasterImage img = geo::readRaster(png, geo::kWgs84, 256);
    CHECK(img.extent.minX == doctest::Approx(105.995).epsilon(1e-3));
    CHECK(img.extent.maxY == doctest::Approx(11.205).epsilon(1e-3));
    REQUIRE(img.warnings.size() == 1);
    CHECK(img.warnings[0].find("assumed WGS 84") != std::string::npos);
}

TEST_CASE("a raster without georeferencing is refused clearly")
{
    geo::initGdal();
    testdata::ScratchDir dir("nogeo");
    const std::string png = dir.path("photo.png");
    GDALDataset* ds = GetGDALDriverManager()->GetDriverByName("MEM")->Create("", 8, 8, 3, GDT_Byte, nullptr);
    GDALClose(GetGDALDriverManager()->GetDriverByName("PNG")->CreateCopy(png.c_str(), ds, FALSE, nullptr, nullptr, nullptr));
    GDALClose(ds);
    CHECK_THROWS_WITH_AS(geo::readRaster(png, geo::kWebMercator), doctest::Contains("no georeferencing"), geo::Error);
    CHECK_THROWS_AS(geo::readRaster(dir.path("none.tif"), geo::kWebMercator), geo::Error);
}
