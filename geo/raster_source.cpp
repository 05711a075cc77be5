// Raster reading through GDAL's warper (gdalwarp as a library) into an in-memory RGBA image.
#include "geo/raster_source.hpp"
#include "geo/crs.hpp"
#include "geo/error.hpp"
#include "geo/raster_stretch.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <gdal_utils.h>

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <filesystem>
#include <memory>

namespace geo {

namespace {

struct Closer {
    void operator()(GDALDatasetH ds) const { GDALClose(ds); }
};
using DatasetHandle = std::unique_ptr<void, Closer>;

int progressThunk(double done, const char*, void* data)
{
    const ReadControl* c = static_cast<const ReadControl*>(data);
    if (c->progress) c->progress(done);
    return c->cancel && c->cancel->load() ? FALSE : TRUE;
}

// Stretches any band type to bytes using the band's min/max (GDAL computes approximate stats).
std::vector<uint8_t> bandBytes(GDALRasterBandH band, int w, int h)
{
    std::vector<uint8_t> out(static_cast<size_t>(w) * h);
    if (GDALGetRasterDataType(band) == GDT_Byte) {
        if (GDALRasterIO(band, GF_Read, 0, 0, w, h, out.data(), w, h, GDT_Byte, 0, 0) != CE_None)
            throw Error("cannot read raster pixels: " + std::string(CPLGetLastErrorMsg()));
        return out;
    }
    std::vector<double> v(out.size());
    if (GDALRasterIO(band, GF_Read, 0, 0, w, h, v.data(), w, h, GDT_Float64, 0, 0) != CE_None)
        throw Error("cannot read raster pixels: " + std::string(CPLGetLastErrorMsg()));
    int hasNoData = 0;
    double noData = GDALGetRasterNoDataValue(band, &hasNoData);
    double lo = INFINITY, hi = -INFINITY;
    for (double x : v)
        if (std::isfinite(x) && !(hasNoData && x == noData)) lo = std::min(lo, x), hi = std::max(hi, x);
    const double span = hi > lo ? hi - lo : 1.0;
    for (size_t i = 0; i < v.size(); ++i)
        out[i] = std::isfinite(v[i]) ? static_cast<uint8_t>(std::clamp((v[i] - lo) / span * 255.0, 0.0, 255.0)) : 0;
    return out;
}

// A hillshade of the (warped) band by GDAL's DEM tools; empty when it cannot be made.
std::vector<uint8_t> hillshade(GDALDatasetH ds, const std::string& crs)
{
    // Heights are metres; the map units are metres or degrees (about 111 120 m each).
    const std::string scale = isGeographicCrs(crs) ? "111120" : "1";
    std::vector<std::string> args = {"-of", "MEM", "-compute_edges", "-s", scale, "-b", "1"};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    GDALDEMProcessingOptions* opts = GDALDEMProcessingOptionsNew(argv.data(), nullptr);
    if (!opts) return {};
    int usageError = 0;
    DatasetHandle shaded(GDALDEMProcessing("", ds, "hillshade", nullptr, opts, &usageError));
    GDALDEMProcessingOptionsFree(opts);
    if (!shaded) return {};
    const int w = GDALGetRasterXSize(shaded.get()), h = GDALGetRasterYSize(shaded.get());
    std::vector<uint8_t> out(static_cast<size_t>(w) * h);
    if (GDALRasterIO(GDALGetRasterBand(shaded.get(), 1), GF_Read, 0, 0, w, h, out.data(), w, h, GDT_Byte, 0, 0) != CE_None)
        return {};
    return out;
}

// The 2-98 % range of the whole band, from a read of at most 1024 pixels on its longer side
// (GDAL serves it from overviews): the same grey for the same height in the window and in
// an export of any part of it.
std::optional<StretchRange> bandRange(GDALRasterBandH band)
{
    const int w = GDALGetRasterBandXSize(band), h = GDALGetRasterBandYSize(band);
    const double k = std::min(1.0, 1024.0 / std::max(w, h));
    const int bw = std::max(1, static_cast<int>(w * k)), bh = std::max(1, static_cast<int>(h * k));
    std::vector<float> v(static_cast<size_t>(bw) * bh);
    if (GDALRasterIO(band, GF_Read, 0, 0, w, h, v.data(), bw, bh, GDT_Float32, 0, 0) != CE_None) return std::nullopt;
    int hasNoData = 0;
    const double noData = GDALGetRasterNoDataValue(band, &hasNoData);
    std::vector<uint8_t> valid(v.size());
    for (size_t i = 0; i < v.size(); ++i) valid[i] = std::isfinite(v[i]) && !(hasNoData && v[i] == static_cast<float>(noData));
    return quantileRange(v, valid);
}

std::vector<uint8_t> elevationImage(GDALDatasetH warped, const std::vector<uint8_t>& alpha, const std::string& crs,
                                    const std::optional<StretchRange>& sourceRange, RasterImage& img)
{
    const size_t n = static_cast<size_t>(img.width) * img.height;
    GDALRasterBandH band = GDALGetRasterBand(warped, 1);
    std::vector<float> v(n);
    if (GDALRasterIO(band, GF_Read, 0, 0, img.width, img.height, v.data(), img.width, img.height, GDT_Float32, 0, 0) !=
        CE_None)
        throw Error(img.sourcePath + ": cannot read raster pixels: " + std::string(CPLGetLastErrorMsg()));
    int hasNoData = 0;
    const double noData = GDALGetRasterNoDataValue(band, &hasNoData);
    std::vector<uint8_t> valid(n);
    for (size_t i = 0; i < n; ++i)
        valid[i] = alpha[i] > 0 && std::isfinite(v[i]) && !(hasNoData && v[i] == static_cast<float>(noData));
    const std::optional<StretchRange> range = sourceRange ? sourceRange : quantileRange(v, valid);
    if (!range) {
        img.warnings.push_back(img.name + ": every pixel is nodata; nothing to draw");
        return std::vector<uint8_t>(n * 4, 0);
    }
    std::vector<uint8_t> shade = hillshade(warped, crs);
    if (shade.size() != n) shade.clear();
    char note[200];
    std::snprintf(note, sizeof note, "grey ramp %.6g to %.6g (2-98 %% of the band)%s", range->low, range->high,
                  shade.empty() ? "" : ", hillshade");
    img.rendering = note;
    return greyRamp(v, valid, *range, shade);
}

} // namespace

bool isRasterSource(const std::string& path)
{
    initGdal();
    CPLErrorReset();
    DatasetHandle ds(GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    return ds && GDALGetRasterCount(ds.get()) > 0;
}

RasterImage readRaster(const std::string& path, const std::string& targetCrs, int maxSide, const ReadControl& control,
                       const Extent& window)
{
    initGdal();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw Error(path + ": no such file or directory");
    CPLErrorReset();
    DatasetHandle src(GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!src) throw Error(path + ": not a raster GDAL can read");
    const int bands = GDALGetRasterCount(src.get());
    if (bands == 0) throw Error(path + ": has no raster bands");

    RasterImage img;
    img.sourcePath = path;
    img.name = std::filesystem::path(path).filename().string();
    img.crs = targetCrs;

    double gt[6];
    const bool hasTransform = GDALGetGeoTransform(src.get(), gt) == CE_None;
    const bool hasGcps = GDALGetGCPCount(src.get()) > 0;
    if (!hasTransform && !hasGcps)
        throw Error(path + ": has no georeferencing (no geotransform, GCPs or world file), so it cannot be placed");
    std::string srcSrs;
    if (const char* wkt = GDALGetProjectionRef(src.get()); wkt && *wkt) srcSrs = wkt;
    else if (const char* gcpWkt = GDALGetGCPProjection(src.get()); gcpWkt && *gcpWkt) srcSrs = gcpWkt;
    if (srcSrs.empty()) {
        // A world file carries no CRS: accept lon/lat-looking coordinates as WGS 84 and say so.
        const int w = GDALGetRasterXSize(src.get()), h = GDALGetRasterYSize(src.get());
        const double xs[2] = {gt[0], gt[0] + gt[1] * w + gt[2] * h};
        const double ys[2] = {gt[3], gt[3] + gt[4] * w + gt[5] * h};
        const bool lonLat = hasTransform && std::abs(xs[0]) <= 180 && std::abs(xs[1]) <= 180 &&
                            std::abs(ys[0]) <= 90 && std::abs(ys[1]) <= 90;
        if (!lonLat) throw Error(path + ": has no CRS and its coordinates are not longitude/latitude");
        srcSrs = "EPSG:4326";
        img.warnings.push_back(img.name + ": no CRS in the file; assumed WGS 84 lon/lat");
    }

    // Output size: the warper's own estimate, scaled down to maxSide.
    std::vector<std::string> args = {"-of", "MEM", "-t_srs", targetCrs, "-s_srs", srcSrs, "-r", "bilinear",
                                     "-dstalpha", "-multi", "-wo", "NUM_THREADS=ALL_CPUS"};
    {
        char** opts = nullptr;
        opts = CSLSetNameValue(opts, "SRC_SRS", srcSrs.c_str());
        opts = CSLSetNameValue(opts, "DST_SRS", targetCrs.c_str());
        void* transformer = GDALCreateGenImgProjTransformer2(src.get(), nullptr, opts);
        CSLDestroy(opts);
        if (!transformer) throw Error(path + ": cannot be reprojected to " + targetCrs);
        double outGt[6];
        int outW = 0, outH = 0;
        CPLErr err = GDALSuggestedWarpOutput(src.get(), GDALGenImgProjTransform, transformer, outGt, &outW, &outH);
        GDALDestroyGenImgProjTransformer(transformer);
        if (err != CE_None || outW <= 0 || outH <= 0) throw Error(path + ": cannot be reprojected to " + targetCrs);
        img.sourceUnitsPerPixel = outGt[1];
        if (!window.empty()) {
            // Only the part in the window, at the raster's own resolution there (then maxSide).
            const Extent full{outGt[0], outGt[3] + outGt[5] * outH, outGt[0] + outGt[1] * outW, outGt[3]};
            const Extent part{std::max(full.minX, window.minX), std::max(full.minY, window.minY),
                              std::min(full.maxX, window.maxX), std::min(full.maxY, window.maxY)};
            if (!(part.maxX > part.minX && part.maxY > part.minY)) return img; // not in the window
            outW = std::max(1, static_cast<int>(std::ceil(part.width() / outGt[1])));
            outH = std::max(1, static_cast<int>(std::ceil(part.height() / -outGt[5])));
            char te[4][32];
            const double v[4] = {part.minX, part.minY, part.maxX, part.maxY};
            for (int k = 0; k < 4; ++k) std::snprintf(te[k], sizeof te[k], "%.17g", v[k]);
            args.insert(args.end(), {"-te", te[0], te[1], te[2], te[3]});
        }
        const double scale = std::min(1.0, static_cast<double>(maxSide) / std::max(outW, outH));
        outW = std::max(1, static_cast<int>(outW * scale));
        outH = std::max(1, static_cast<int>(outH * scale));
        args.insert(args.end(), {"-ts", std::to_string(outW), std::to_string(outH)});
    }
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    GDALWarpAppOptions* wopts = GDALWarpAppOptionsNew(argv.data(), nullptr);
    GDALWarpAppOptionsSetProgress(wopts, progressThunk, const_cast<ReadControl*>(&control));
    GDALDatasetH srcHandle = src.get();
    int usageError = 0;
    CPLErrorReset();
    DatasetHandle out(GDALWarp("", nullptr, 1, &srcHandle, wopts, &usageError));
    GDALWarpAppOptionsFree(wopts);
    if (control.cancel && control.cancel->load()) throw Cancelled();
    if (!out) throw Error(path + ": reprojection failed: " + std::string(CPLGetLastErrorMsg()));

    img.width = GDALGetRasterXSize(out.get());
    img.height = GDALGetRasterYSize(out.get());
    double ogt[6];
    GDALGetGeoTransform(out.get(), ogt);
    img.extent.expand(ogt[0], ogt[3]);
    img.extent.expand(ogt[0] + ogt[1] * img.width, ogt[3] + ogt[5] * img.height);

    // The last band is the alpha the warper added; the others are colour.
    const int outBands = GDALGetRasterCount(out.get());
    const int colourBands = outBands - 1;
    const size_t n = static_cast<size_t>(img.width) * img.height;
    img.rgba.assign(n * 4, 0);
    // The warper's alpha is 0 or 255 in the band's own type (Float32 for a DEM): read as is,
    // never stretched (a stretch of all-255 made a fully valid DEM transparent).
    std::vector<uint8_t> alpha(n);
    if (GDALRasterIO(GDALGetRasterBand(out.get(), outBands), GF_Read, 0, 0, img.width, img.height, alpha.data(),
                     img.width, img.height, GDT_Byte, 0, 0) != CE_None)
        throw Error(path + ": cannot read raster pixels: " + std::string(CPLGetLastErrorMsg()));
    GDALRasterBandH first = GDALGetRasterBand(out.get(), 1);
    GDALColorTableH palette = GDALGetRasterColorTable(first);
    if (colourBands == 1 && !palette && GDALGetRasterDataType(first) != GDT_Byte) {
        // Measurements (a DEM): a grey ramp on the 2-98 % range of what was read, shaded.
        img.rgba = elevationImage(out.get(), alpha, targetCrs, bandRange(GDALGetRasterBand(src.get(), 1)), img);
        return img;
    }
    if (colourBands >= 3) {
        for (int b = 0; b < 3; ++b) {
            std::vector<uint8_t> v = bandBytes(GDALGetRasterBand(out.get(), b + 1), img.width, img.height);
            for (size_t i = 0; i < n; ++i) img.rgba[i * 4 + b] = v[i];
        }
    } else if (palette) {
        std::vector<uint8_t> idx(n);
        if (GDALRasterIO(first, GF_Read, 0, 0, img.width, img.height, idx.data(), img.width, img.height, GDT_Byte, 0, 0) !=
            CE_None)
            throw Error(path + ": cannot read raster pixels");
        for (size_t i = 0; i < n; ++i) {
            const GDALColorEntry* e = GDALGetColorEntry(palette, idx[i]);
            if (!e) continue;
            img.rgba[i * 4] = static_cast<uint8_t>(e->c1);
            img.rgba[i * 4 + 1] = static_cast<uint8_t>(e->c2);
            img.rgba[i * 4 + 2] = static_cast<uint8_t>(e->c3);
            alpha[i] = static_cast<uint8_t>(alpha[i] * e->c4 / 255);
        }
    } else {
        std::vector<uint8_t> v = bandBytes(first, img.width, img.height);
        for (size_t i = 0; i < n; ++i) img.rgba[i * 4] = img.rgba[i * 4 + 1] = img.rgba[i * 4 + 2] = v[i];
    }
    for (size_t i = 0; i < n; ++i) img.rgba[i * 4 + 3] = alpha[i];
    return img;
}

} // namespace geo
