// PNG and GeoTIFF output through GDAL. GeoTIFF rows go straight into the (temporary) file;
// PNG rows are staged in memory (MEM driver) when the image fits kPngMemoryBudget, else in a
// temporary tiled GeoTIFF, then encoded by CreateCopy. Deterministic: no timestamps.
#include "geo/image_writer.hpp"
#include "geo/error.hpp"
#include "geo/gdal_error.hpp"
#include "geo/vector_source.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <cerrno>
#include <cstring>

namespace geo {

namespace fs = std::filesystem;

namespace {
// PNG images up to this many RGBA bytes are staged in memory (3840 x 2160 is 33 MB).
constexpr size_t kPngMemoryBudget = size_t(512) << 20;
// zlib level for PNG: 6 (libpng's default) costs ~2x the time of 2 for ~10% smaller maps.
constexpr const char* kPngZLevel = "2";
} // namespace

ImageFormat imageFormatFor(const std::string& path)
{
    std::string ext = fs::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".png") return ImageFormat::Png;
    if (ext == ".tif" || ext == ".tiff") return ImageFormat::GeoTiff;
    throw Error(path + ": unknown image type (use .png, .tif or .tiff)");
}

struct ImageWriter::Impl {
    std::string path, tmpPath, stagePath;
    int width = 0, height = 0;
    ImageFormat format = ImageFormat::Png;
    bool worldFile = false;
    bool hasGeoref = false;
    ImageGeoref georef;
    GDALDataset* stage = nullptr; // the GeoTIFF rows are written to
    bool finished = false;

    void cleanup()
    {
        if (stage) GDALClose(stage);
        stage = nullptr;
        std::error_code ec;
        if (!stagePath.empty()) fs::remove(stagePath, ec);
        if (!finished && !tmpPath.empty()) fs::remove(tmpPath, ec);
        if (!finished && !tmpPath.empty()) fs::remove(tmpPath + ".aux.xml", ec);
    }
    void geotransform(double gt[6]) const
    {
        gt[0] = georef.extent.minX;
        gt[1] = georef.extent.width() / width;
        gt[2] = 0;
        gt[3] = georef.extent.maxY;
        gt[4] = 0;
        gt[5] = -georef.extent.height() / height;
    }
};

ImageWriter::ImageWriter(const std::string& path, int width, int height, const ImageGeoref* georef, bool worldFile)
    : m_impl(std::make_unique<Impl>())
{
    initGdal();
    Impl& m = *m_impl;
    m.path = path;
    m.format = imageFormatFor(path);
    if (width <= 0 || height <= 0 || width > kMaxSide || height > kMaxSide)
        throw Error("image size " + std::to_string(width) + "x" + std::to_string(height) + " is out of range (1.." +
                    std::to_string(kMaxSide) + " per side)");
    m.width = width;
    m.height = height;
    m.worldFile = worldFile;
    if (georef) {
        m.hasGeoref = true;
        m.georef = *georef;
    }
    const fs::path dir = fs::absolute(path).parent_path();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw Error(path + ": the folder does not exist");
    std::random_device rd;
    const std::string tag = ".part-" + std::to_string(rd() % 1000000);
    m.tmpPath = path + tag;
    const bool inMemory = m.format == ImageFormat::Png && size_t(width) * height * 4 <= kPngMemoryBudget;
    if (inMemory) {
        // A pixel-interleaved MEM dataset: no disk pass before the PNG encode.
        // Nothing touches the disk until finish(): prove now that the file can be made.
        {
            std::ofstream probe(m.tmpPath, std::ios::binary);
            if (!probe) throw Error(path + ": cannot write here (" + std::strerror(errno) + ")");
        }
        GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
        CPLStringList opts;
        opts.SetNameValue("INTERLEAVE", "PIXEL");
        m.stage = mem->Create("", width, height, 4, GDT_Byte, opts.List());
        if (!m.stage) {
            m.cleanup();
            throw Error(path + ": cannot allocate the image (" + lastGdalErrorLine() + ")");
        }
        m.stage->GetRasterBand(4)->SetColorInterpretation(GCI_AlphaBand);
        return;
    }
    m.stagePath = m.format == ImageFormat::Png ? path + tag + ".stage.tif" : m.tmpPath;

    GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    CPLStringList opts;
    opts.SetNameValue("TILED", "YES");
    opts.SetNameValue("PHOTOMETRIC", "RGB");
    opts.SetNameValue("ALPHA", "UNASSOCIATED");
    opts.SetNameValue("BIGTIFF", "IF_SAFER");
    if (m.format == ImageFormat::GeoTiff) opts.SetNameValue("COMPRESS", "DEFLATE");
    m.stage = gtiff->Create(m.stagePath.c_str(), width, height, 4, GDT_Byte, opts.List());
    if (!m.stage) throw Error(path + ": cannot write here (" + lastGdalErrorLine() + ")");
    if (m.hasGeoref && m.format == ImageFormat::GeoTiff) {
        double gt[6];
        m.geotransform(gt);
        m.stage->SetGeoTransform(gt);
        OGRSpatialReference srs;
        if (srs.SetFromUserInput(m.georef.crs.c_str()) != OGRERR_NONE) {
            m.cleanup();
            throw Error("unknown CRS '" + m.georef.crs + "'");
        }
        m.stage->SetSpatialRef(&srs);
    }
}

ImageWriter::~ImageWriter()
{
    if (m_impl) m_impl->cleanup();
}

int ImageWriter::width() const { return m_impl->width; }
int ImageWriter::height() const { return m_impl->height; }

void ImageWriter::writeRows(int y, int rows, const uint8_t* rgba)
{
    Impl& m = *m_impl;
    if (!m.stage || y < 0 || rows <= 0 || y + rows > m.height) throw Error("image rows out of range");
    int bandMap[4] = {1, 2, 3, 4};
    // Pixel-interleaved source: 4 bytes per pixel, band offset 1.
    if (m.stage->RasterIO(GF_Write, 0, y, m.width, rows, const_cast<uint8_t*>(rgba), m.width, rows, GDT_Byte, 4, bandMap,
                          4, static_cast<GSpacing>(m.width) * 4, 1, nullptr) != CE_None)
        throw Error(m.path + ": cannot write image data (" + lastGdalErrorLine() + ")");
}

void ImageWriter::finish()
{
    Impl& m = *m_impl;
    if (!m.stage) throw Error(m.path + ": image already finished");
    if (m.format == ImageFormat::Png) {
        GDALDriver* png = GetGDALDriverManager()->GetDriverByName("PNG");
        CPLStringList opts;
        opts.SetNameValue("ZLEVEL", kPngZLevel);
        GDALDataset* out = png->CreateCopy(m.tmpPath.c_str(), m.stage, FALSE, opts.List(), nullptr, nullptr);
        if (!out) {
            m.cleanup();
            throw Error(m.path + ": cannot encode PNG (" + lastGdalErrorLine() + ")");
        }
        GDALClose(out);
        std::error_code ec;
        fs::remove(m.tmpPath + ".aux.xml", ec); // PAM sidecar: never wanted
    }
    if (m.stage) GDALClose(m.stage);
    m.stage = nullptr;
    if (m.format == ImageFormat::Png && m.worldFile && m.hasGeoref) {
        double gt[6];
        m.geotransform(gt);
        const std::string wld = fs::path(m.path).replace_extension(".pgw").string();
        std::ofstream out(wld + ".tmp");
        char buf[256];
        // World files give the centre of the top-left pixel.
        std::snprintf(buf, sizeof buf, "%.10f\n0\n0\n%.10f\n%.10f\n%.10f\n", gt[1], gt[5], gt[0] + gt[1] / 2,
                      gt[3] + gt[5] / 2);
        out << buf;
        out.close();
        std::error_code ec;
        fs::rename(wld + ".tmp", wld, ec);
    }
    std::error_code ec;
    fs::rename(m.tmpPath, m.path, ec);
    if (ec) {
        m.cleanup();
        throw Error(m.path + ": cannot write: " + ec.message());
    }
    m.finished = true;
    m.cleanup();
}

} // namespace geo
