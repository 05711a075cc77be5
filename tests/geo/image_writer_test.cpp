// PNG/GeoTIFF output (geo/image_writer.cpp): georeferencing and print resolution read back,
// determinism, no partial files.
#include "geo/error.hpp"
#include "geo/image_writer.hpp"
#include "geo/vector_source.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace {

std::vector<uint8_t> gradient(int w, int h)
{
    std::vector<uint8_t> px(static_cast<size_t>(w) * h * 4);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint8_t* p = &px[(static_cast<size_t>(y) * w + x) * 4];
            p[0] = static_cast<uint8_t>(x);
            p[1] = static_cast<uint8_t>(y);
            p[2] = 128;
            p[3] = 255;
        }
    return px;
}

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeImage(const std::string& path, int w, int h, const geo::ImageGeoref* g, bool worldFile, double dpi = 0)
{
    auto px = gradient(w, h);
    geo::ImageWriter out(path, w, h, g, worldFile, dpi);
    // In two bands of rows, as a tiled renderer does.
    out.writeRows(0, h / 2, px.data());
    out.writeRows(h / 2, h - h / 2, px.data() + static_cast<size_t>(h / 2) * w * 4);
    out.finish();
}

uint32_t bigEndian(const std::string& s, size_t at)
{
    uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<uint8_t>(s[at + i]);
    return v;
}

// The pHYs chunk as the PNG spec lays it out, read from the bytes (not through libpng, which
// wrote it): x and y pixels per unit, the unit (1 = metre). Also whether it came before IDAT.
struct Phys {
    uint32_t x = 0, y = 0;
    int unit = -1;
    bool beforeData = false;
};
std::optional<Phys> readPhys(const std::string& png)
{
    REQUIRE(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    bool sawData = false;
    for (size_t at = 8; at + 8 <= png.size();) {
        const uint32_t length = bigEndian(png, at);
        const std::string type = png.substr(at + 4, 4);
        if (type == "IDAT") sawData = true;
        if (type == "pHYs" && length == 9)
            return Phys{bigEndian(png, at + 8), bigEndian(png, at + 12), static_cast<uint8_t>(png[at + 16]), !sawData};
        at += 12 + length;
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("a PNG carries its DPI in pHYs, whichever order the rows came in")
{
    testdata::ScratchDir dir("pngdpi");
    // A4 at 300 DPI: 300 / 0.0254 = 11811 pixels per metre.
    SUBCASE("rows top to bottom (streamed)")
    {
        writeImage(dir.path("a.png"), 120, 80, nullptr, false, 300);
    }
    SUBCASE("rows out of order (staged, then encoded)")
    {
        auto px = gradient(120, 80);
        geo::ImageWriter out(dir.path("a.png"), 120, 80, nullptr, false, 300);
        out.writeRows(40, 40, px.data() + static_cast<size_t>(40) * 120 * 4);
        out.writeRows(0, 40, px.data());
        out.finish();
        // The pixels survive the staging.
        GDALDataset* ds = static_cast<GDALDataset*>(GDALOpen(dir.path("a.png").c_str(), GA_ReadOnly));
        REQUIRE(ds);
        uint8_t v = 0;
        CHECK(ds->GetRasterBand(2)->RasterIO(GF_Read, 7, 63, 1, 1, &v, 1, 1, GDT_Byte, 0, 0) == CE_None);
        CHECK(v == 63);
        GDALClose(ds);
    }
    const std::optional<Phys> phys = readPhys(slurp(dir.path("a.png")));
    REQUIRE(phys);
    CHECK(phys->x == 11811);
    CHECK(phys->y == 11811);
    CHECK(phys->unit == 1);
    CHECK(phys->beforeData); // the spec wants it before the image data
    CHECK_FALSE(std::filesystem::exists(dir.path("a.png.aux.xml")));
}

TEST_CASE("no DPI asked for: no pHYs")
{
    testdata::ScratchDir dir("pngnodpi");
    writeImage(dir.path("a.png"), 40, 30, nullptr, false);
    CHECK_FALSE(readPhys(slurp(dir.path("a.png"))));
}

TEST_CASE("a GeoTIFF carries its DPI as the TIFF resolution tags, with no sidecar")
{
    testdata::ScratchDir dir("tiffdpi");
    geo::ImageGeoref g{{}, "EPSG:4326"};
    g.extent.expand(105, 10);
    g.extent.expand(107, 12);
    const std::string path = dir.path("map.tif");
    writeImage(path, 120, 80, &g, false, 300);
    CHECK_FALSE(std::filesystem::exists(path + ".aux.xml")); // in the TIFF itself, not in GDAL's PAM file
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpen(path.c_str(), GA_ReadOnly));
    REQUIRE(ds);
    const char* x = ds->GetMetadataItem("TIFFTAG_XRESOLUTION");
    const char* y = ds->GetMetadataItem("TIFFTAG_YRESOLUTION");
    const char* unit = ds->GetMetadataItem("TIFFTAG_RESOLUTIONUNIT");
    REQUIRE(x);
    REQUIRE(y);
    REQUIRE(unit);
    CHECK(std::stod(x) == doctest::Approx(300));
    CHECK(std::stod(y) == doctest::Approx(300));
    CHECK(std::string(unit).rfind("2", 0) == 0); // 2 = inch
    GDALClose(ds);
}

TEST_CASE("a GeoTIFF carries its CRS and geotransform, and reads back pixel for pixel")
{
    testdata::ScratchDir dir("geotiff");
    geo::ImageGeoref g;
    g.extent.expand(11800000, 1230000);
    g.extent.expand(11830000, 1250000);
    g.crs = "EPSG:3857";
    const std::string path = dir.path("map.tif");
    writeImage(path, 300, 200, &g, false);
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpen(path.c_str(), GA_ReadOnly));
    REQUIRE(ds);
    double gt[6];
    REQUIRE(ds->GetGeoTransform(gt) == CE_None);
    CHECK(gt[0] == doctest::Approx(11800000));
    CHECK(gt[3] == doctest::Approx(1250000));
    CHECK(gt[1] == doctest::Approx(100));
    CHECK(gt[5] == doctest::Approx(-100));
    CHECK(std::string(ds->GetSpatialRef()->GetAuthorityCode(nullptr)) == "3857");
    uint8_t v = 0;
    CHECK(ds->GetRasterBand(1)->RasterIO(GF_Read, 77, 150, 1, 1, &v, 1, 1, GDT_Byte, 0, 0) == CE_None);
    CHECK(v == 77);
    CHECK(ds->GetRasterBand(2)->RasterIO(GF_Read, 77, 150, 1, 1, &v, 1, 1, GDT_Byte, 0, 0) == CE_None);
    CHECK(v == 150);
    GDALClose(ds);
}

TEST_CASE("the same pixels give byte-identical PNG and GeoTIFF files")
{
    testdata::ScratchDir dir("determinism");
    geo::ImageGeoref g{{}, "EPSG:4326"};
    g.extent.expand(105, 10);
    g.extent.expand(107, 12);
    for (const char* name : {"a.png", "a.tif"}) {
        writeImage(dir.path(std::string("1") + name), 120, 80, &g, true);
        writeImage(dir.path(std::string("2") + name), 120, 80, &g, true);
        CHECK(slurp(dir.path(std::string("1") + name)) == slurp(dir.path(std::string("2") + name)));
    }
    // The PNG's world file puts the top-left pixel centre half a pixel in.
    std::ifstream wld(dir.path("1a.pgw"));
    double a, b, c, d, e, f;
    wld >> a >> b >> c >> d >> e >> f;
    CHECK(a == doctest::Approx(2.0 / 120));
    CHECK(e == doctest::Approx(105 + 1.0 / 120));
    CHECK_FALSE(std::filesystem::exists(dir.path("1a.png.aux.xml")));
}

TEST_CASE("bad sizes, types and paths are refused and leave no file behind")
{
    testdata::ScratchDir dir("badout");
    CHECK_THROWS_WITH_AS(geo::ImageWriter(dir.path("x.png"), 0, 10, nullptr, false), doctest::Contains("out of range"), geo::Error);
    CHECK_THROWS_AS(geo::ImageWriter(dir.path("x.png"), 100000, 10, nullptr, false), geo::Error);
    CHECK_THROWS_WITH_AS(geo::ImageWriter(dir.path("x.jpg"), 10, 10, nullptr, false), doctest::Contains("unknown image type"), geo::Error);
    CHECK_THROWS_AS(geo::ImageWriter("/nonexistent-dir/x.png", 10, 10, nullptr, false), geo::Error);
    {
        geo::ImageWriter abandoned(dir.path("half.png"), 10, 10, nullptr, false);
        auto px = gradient(10, 5);
        abandoned.writeRows(0, 5, px.data());
    } // never finished: as if the export failed midway
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path("")), {}) == 0);
}
