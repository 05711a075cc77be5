// Raster headers through GDAL's C API; no pixels are read.
#include "geo/raster_info.hpp"
#include "geo/session_file.hpp"
#include "geo/srs_code.hpp"
#include "geo/vector_source.hpp"

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace geo {

namespace {
struct Closer {
    void operator()(void* ds) const { GDALClose(ds); }
};
} // namespace

std::optional<RasterInfo> inspectRaster(const std::string& path)
{
    initGdal();
    if (isRemoteSource(path)) return std::nullopt; // servers are vector sources here (PG:, WFS:)
    CPLErrorReset();
    CPLPushErrorHandler(CPLQuietErrorHandler); // "not recognised" is an answer here, not an error
    std::unique_ptr<void, Closer> ds(GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    CPLPopErrorHandler();
    if (!ds || GDALGetRasterCount(ds.get()) == 0) return std::nullopt;

    RasterInfo info;
    info.path = path;
    if (GDALDriverH d = GDALGetDatasetDriver(ds.get())) info.driver = GDALGetDriverShortName(d);
    info.width = GDALGetRasterXSize(ds.get());
    info.height = GDALGetRasterYSize(ds.get());
    for (int b = 1; b <= GDALGetRasterCount(ds.get()); ++b) {
        GDALRasterBandH band = GDALGetRasterBand(ds.get(), b);
        RasterBandInfo bi;
        bi.dataType = GDALGetDataTypeName(GDALGetRasterDataType(band));
        bi.colour = GDALGetColorInterpretationName(GDALGetRasterColorInterpretation(band));
        int has = 0;
        const double nd = GDALGetRasterNoDataValue(band, &has);
        if (has) bi.noData = nd;
        bi.overviews = GDALGetOverviewCount(band);
        info.bands.push_back(std::move(bi));
    }
    const OGRSpatialReference* srs = OGRSpatialReference::FromHandle(GDALGetSpatialRef(ds.get()));
    info.hasGcps = GDALGetGCPCount(ds.get()) > 0;
    if (!srs && info.hasGcps) srs = OGRSpatialReference::FromHandle(GDALGetGCPSpatialRef(ds.get()));
    info.crs = crsCode(srs);
    double gt[6];
    if (GDALGetGeoTransform(ds.get(), gt) == CE_None && !(gt[1] == 1 && gt[5] == 1 && gt[0] == 0 && gt[3] == 0)) {
        // All four corners: a rotated geotransform's box is not given by two of them.
        for (double px : {0.0, double(info.width)})
            for (double py : {0.0, double(info.height)})
                info.extent.expand(gt[0] + gt[1] * px + gt[2] * py, gt[3] + gt[4] * px + gt[5] * py);
        info.pixelSizeX = std::hypot(gt[1], gt[4]);
        info.pixelSizeY = std::hypot(gt[2], gt[5]);
    }
    return info;
}

} // namespace geo
