// OGR attribute filters on a read-only dataset; CSV sources open with the same options
// as readLayer (typed columns), so numeric comparisons compare numbers.
#include "geo/attribute_filter.hpp"
#include "geo/csv_geometry.hpp"
#include "geo/error.hpp"
#include "geo/gdal_error.hpp"
#include "geo/session_file.hpp"
#include "geo/vector_source.hpp"

#include <gdal.h>
#include <ogr_api.h>

#include <filesystem>
#include <memory>

namespace geo {

namespace {

struct DatasetCloser {
    void operator()(void* ds) const { GDALClose(ds); }
};

// Parses `expression` with OGR's own expression engine (on an empty in-memory layer with the
// same fields) before any driver sees it: drivers such as GPKG hand the text to their SQL
// engine, which would accept more than a filter ("1; ...").
void checkWithOgrParser(OGRLayerH source, const std::string& expression)
{
    GDALDriverH mem = GDALGetDriverByName("Memory");
    if (!mem) throw Error("filter: the Memory driver is missing");
    std::unique_ptr<void, DatasetCloser> ds(GDALCreate(mem, "", 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw Error("filter: cannot create a scratch layer");
    OGRLayerH probe = GDALDatasetCreateLayer(ds.get(), "probe", nullptr, wkbUnknown, nullptr);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(source);
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) OGR_L_CreateField(probe, OGR_FD_GetFieldDefn(defn, i), TRUE);
    CPLErrorReset();
    if (OGR_L_SetAttributeFilter(probe, expression.c_str()) != OGRERR_NONE) throw Error("filter: " + lastGdalErrorLine());
}

} // namespace

std::vector<int64_t> matchingFids(const std::string& path, const std::string& layerName, const std::string& expression,
                                  const std::atomic<bool>* cancel)
{
    initGdal();
    if (isRemoteSource(path)) throw Error(redactCredentials(path) + ": network sources are not filtered");
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw Error(path + ": no such file or directory");
    const std::string ext = std::filesystem::path(path).extension().string();
    std::vector<std::string> options;
    if (ext == ".csv" || ext == ".CSV" || ext == ".tsv" || ext == ".TSV") {
        const CsvGeometryColumns cols = detectCsvGeometry(path);
        if (!cols.x.empty()) options = {"X_POSSIBLE_NAMES=" + cols.x, "Y_POSSIBLE_NAMES=" + cols.y};
        if (!cols.wkt.empty()) options = {"GEOM_POSSIBLE_NAMES=" + cols.wkt};
        options.insert(options.end(), {"KEEP_GEOM_COLUMNS=NO", "AUTODETECT_TYPE=YES"});
    }
    std::vector<const char*> ptrs;
    for (const std::string& o : options) ptrs.push_back(o.c_str());
    ptrs.push_back(nullptr);
    CPLErrorReset();
    std::unique_ptr<void, DatasetCloser> ds(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, ptrs.data(), nullptr));
    if (!ds) throw Error(path + ": cannot open: " + lastGdalErrorLine());
    OGRLayerH layer = layerName.empty() ? GDALDatasetGetLayer(ds.get(), 0)
                                        : GDALDatasetGetLayerByName(ds.get(), layerName.c_str());
    if (!layer) throw Error(path + ": no layer named '" + layerName + "'");
    if (!expression.empty()) checkWithOgrParser(layer, expression);
    CPLErrorReset();
    if (OGR_L_SetAttributeFilter(layer, expression.empty() ? nullptr : expression.c_str()) != OGRERR_NONE)
        throw Error("filter: " + lastGdalErrorLine());
    std::vector<int64_t> fids;
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        fids.push_back(OGR_F_GetFID(f));
        OGR_F_Destroy(f);
        if (cancel && cancel->load()) throw Cancelled();
    }
    if (CPLGetLastErrorType() >= CE_Failure) throw Error("filter: " + lastGdalErrorLine());
    return fids;
}

} // namespace geo
