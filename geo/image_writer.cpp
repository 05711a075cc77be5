// PNG and GeoTIFF output. GeoTIFF rows go straight into the (temporary) file through GDAL;
// PNG rows that come top to bottom stream through libpng (one pass, no staging); rows out of
// order fall back to a temporary tiled GeoTIFF, read back top to bottom into libpng at the end
// (GDAL's PNG driver would put the DPI in a .aux.xml sidecar, not in pHYs). Deterministic: no
// timestamps.
#include "geo/image_writer.hpp"
#include "geo/error.hpp"
#include "geo/gdal_error.hpp"
#include "geo/vector_source.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <vector>
#include <png.h>

#include <cerrno>
#include <cstring>

namespace geo {

namespace fs = std::filesystem;

namespace {
// zlib level for PNG: 6 (libpng's default) costs ~2x the time of 2 for ~10% smaller maps.
constexpr int kPngZLevel = 2;

// libpng reports errors by longjmp; each call below sets the jump point and turns it into
// a geo::Error with libpng's message.
struct PngStream {
    FILE* file = nullptr;
    png_structp png = nullptr;
    png_infop info = nullptr;
    std::string error;
    int nextRow = 0;

    static void onError(png_structp p, png_const_charp msg)
    {
        static_cast<PngStream*>(png_get_error_ptr(p))->error = msg;
        png_longjmp(p, 1);
    }
    static void onWarning(png_structp, png_const_charp) {}

    // `dpi` > 0 goes into pHYs, which counts pixels per metre.
    void open(const std::string& path, int width, int height, double dpi)
    {
        file = std::fopen(path.c_str(), "wb");
        if (!file) throw Error(std::string(std::strerror(errno)));
        png = png_create_write_struct(PNG_LIBPNG_VER_STRING, this, onError, onWarning);
        info = png ? png_create_info_struct(png) : nullptr;
        if (!png || !info) throw Error("out of memory");
        if (setjmp(png_jmpbuf(png))) throw Error(error);
        png_init_io(png, file);
        png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
                     PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
        png_set_compression_level(png, kPngZLevel);
        // One cheap filter: "up" suits maps (flat areas, long horizontal runs) and skips
        // libpng's per-row trial of all five filters, which cost more than the deflate.
        png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
        if (dpi > 0) {
            const auto perMetre = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
            png_set_pHYs(png, info, perMetre, perMetre, PNG_RESOLUTION_METER);
        }
        png_write_info(png, info);
    }
    void rows(const uint8_t* rgba, int count, int width)
    {
        if (setjmp(png_jmpbuf(png))) throw Error(error);
        for (int r = 0; r < count; ++r)
            png_write_row(png, const_cast<png_bytep>(rgba + static_cast<size_t>(r) * width * 4));
        nextRow += count;
    }
    void end()
    {
        if (setjmp(png_jmpbuf(png))) throw Error(error);
        png_write_end(png, info);
        close();
    }
    void close()
    {
        if (png) png_destroy_write_struct(&png, info ? &info : nullptr);
        png = nullptr;
        info = nullptr;
        if (file && std::fclose(file) != 0 && error.empty()) error = std::strerror(errno);
        file = nullptr;
    }
    ~PngStream() { close(); }
};
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
    double dpi = 0;
    ImageFormat format = ImageFormat::Png;
    bool worldFile = false;
    bool hasGeoref = false;
    ImageGeoref georef;
    GDALDataset* stage = nullptr; // the GeoTIFF rows are written to
    std::unique_ptr<PngStream> png; // PNG while rows come in order
    bool finished = false;

    void cleanup()
    {
        png.reset();
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
    void createStage(); // the GeoTIFF (or, for PNG rows out of order, a temporary one)
    void encodeStageAsPng(); // the staged rows, top to bottom, through PngStream into tmpPath
};

ImageWriter::ImageWriter(const std::string& path, int width, int height, const ImageGeoref* georef, bool worldFile,
                         double dpi)
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
    m.dpi = dpi > 0 ? dpi : 0;
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
    if (m.format == ImageFormat::Png) {
        m.png = std::make_unique<PngStream>();
        try {
            m.png->open(m.tmpPath, width, height, m.dpi);
        } catch (const Error& e) {
            m.cleanup();
            throw Error(path + ": cannot write here (" + e.what() + ")");
        }
        return;
    }
    m.stagePath = m.tmpPath;
    m.createStage();
}

void ImageWriter::Impl::createStage()
{
    Impl& m = *this;
    const std::string& path = m.path;
    GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    CPLStringList opts;
    opts.SetNameValue("TILED", "YES");
    opts.SetNameValue("PHOTOMETRIC", "RGB");
    opts.SetNameValue("ALPHA", "UNASSOCIATED");
    opts.SetNameValue("BIGTIFF", "IF_SAFER");
    if (m.format == ImageFormat::GeoTiff) opts.SetNameValue("COMPRESS", "DEFLATE");
    m.stage = gtiff->Create(m.stagePath.c_str(), m.width, m.height, 4, GDT_Byte, opts.List());
    if (!m.stage) throw Error(path + ": cannot write here (" + lastGdalErrorLine() + ")");
    if (m.dpi > 0 && m.format == ImageFormat::GeoTiff) {
        // GTiff writes these metadata items as the baseline TIFF tags (282, 283, 296 = inch).
        char dpiText[32];
        std::snprintf(dpiText, sizeof dpiText, "%.10g", m.dpi);
        m.stage->SetMetadataItem("TIFFTAG_XRESOLUTION", dpiText);
        m.stage->SetMetadataItem("TIFFTAG_YRESOLUTION", dpiText);
        m.stage->SetMetadataItem("TIFFTAG_RESOLUTIONUNIT", "2");
    }
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

void ImageWriter::Impl::encodeStageAsPng()
{
    PngStream out;
    out.open(tmpPath, width, height, dpi);
    constexpr int kBand = 256; // rows read back at a time: bounded memory for any size
    std::vector<uint8_t> band(static_cast<size_t>(width) * 4 * kBand);
    int bandMap[4] = {1, 2, 3, 4};
    for (int y = 0; y < height; y += kBand) {
        const int rows = std::min(kBand, height - y);
        if (stage->RasterIO(GF_Read, 0, y, width, rows, band.data(), width, rows, GDT_Byte, 4, bandMap, 4,
                            static_cast<GSpacing>(width) * 4, 1, nullptr) != CE_None)
            throw Error(lastGdalErrorLine());
        out.rows(band.data(), rows, width);
    }
    out.end();
    if (!out.error.empty()) throw Error(out.error);
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
    if (m.finished || y < 0 || rows <= 0 || y + rows > m.height) throw Error("image rows out of range");
    if (m.png && y == m.png->nextRow) {
        try {
            m.png->rows(rgba, rows, m.width);
        } catch (const Error& e) {
            throw Error(m.path + ": cannot write image data (" + e.what() + ")");
        }
        return;
    }
    if (m.png) {
        // Out of order: stage everything in a temporary GeoTIFF, PNG-encoded at the end.
        // The rows already streamed are gone, so this only works before any was written.
        if (m.png->nextRow != 0) throw Error(m.path + ": PNG rows must be written top to bottom");
        m.png.reset();
        m.stagePath = m.tmpPath + ".stage.tif";
        m.createStage();
    }
    if (!m.stage) throw Error("image rows out of range");
    int bandMap[4] = {1, 2, 3, 4};
    // Pixel-interleaved source: 4 bytes per pixel, band offset 1.
    if (m.stage->RasterIO(GF_Write, 0, y, m.width, rows, const_cast<uint8_t*>(rgba), m.width, rows, GDT_Byte, 4, bandMap,
                          4, static_cast<GSpacing>(m.width) * 4, 1, nullptr) != CE_None)
        throw Error(m.path + ": cannot write image data (" + lastGdalErrorLine() + ")");
}

void ImageWriter::finish()
{
    Impl& m = *m_impl;
    if (m.png) {
        if (m.png->nextRow != m.height) {
            m.cleanup();
            throw Error(m.path + ": the image is incomplete (" + std::to_string(m.png->nextRow) + " of " +
                        std::to_string(m.height) + " rows)");
        }
        try {
            m.png->end();
            if (!m.png->error.empty()) throw Error(m.png->error);
        } catch (const Error& e) {
            m.cleanup();
            throw Error(m.path + ": cannot encode PNG (" + e.what() + ")");
        }
        m.png.reset();
    } else if (!m.stage) throw Error(m.path + ": image already finished");
    if (m.format == ImageFormat::Png && m.stage) {
        try {
            m.encodeStageAsPng();
        } catch (const Error& e) {
            m.cleanup();
            throw Error(m.path + ": cannot encode PNG (" + e.what() + ")");
        }
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
