// GDAL/OGR reading. OGR types stay in this file; callers see geo::Layer only.
#include "geo/vector_source.hpp"
#include "geo/crs.hpp"
#include "geo/csv_geometry.hpp"
#include "geo/error.hpp"
#include "geo/gdal_error.hpp"
#include "geo/session_file.hpp"
#include "geo/srs_code.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iterator>
#include <memory>
#include <mutex>
#include <thread>

namespace geo {

namespace {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

DatasetPtr openVector(const std::string& path, bool allowRemote)
{
    initGdal();
    if (path.empty()) throw Error("no file given");
    const bool remote = isRemoteSource(path);
    if (remote && !allowRemote)
        throw Error(redactCredentials(path) + ": network and database sources are not opened without confirmation");
    std::error_code ec;
    if (!remote && !std::filesystem::exists(path, ec)) throw Error(path + ": no such file or directory");
    if (!remote && std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0)
        throw Error(path + ": the file is empty (0 bytes)");
    CPLErrorReset();
    // CSV columns holding geometry are found by their names or values (geo/csv_geometry).
    const std::string ext = std::filesystem::path(path).extension().string();
    const bool csv = ext == ".csv" || ext == ".CSV" || ext == ".tsv" || ext == ".TSV";
    std::vector<std::string> csvOptions;
    if (csv) {
        CsvGeometryColumns cols = detectCsvGeometry(path);
        if (!cols.x.empty()) csvOptions = {"X_POSSIBLE_NAMES=" + cols.x, "Y_POSSIBLE_NAMES=" + cols.y};
        if (!cols.wkt.empty()) csvOptions = {"GEOM_POSSIBLE_NAMES=" + cols.wkt};
        csvOptions.insert(csvOptions.end(), {"KEEP_GEOM_COLUMNS=NO", "AUTODETECT_TYPE=YES"});
    }
    std::vector<const char*> optionPtrs;
    for (const std::string& o : csvOptions) optionPtrs.push_back(o.c_str());
    optionPtrs.push_back(nullptr);
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                                           csv ? optionPtrs.data() : nullptr, nullptr));
    if (!ds) {
        std::string why = CPLGetLastErrorMsg();
        if (remote) throw Error(redactCredentials(path) + ": cannot connect: " + lastGdalErrorLine());
        if (why.empty() || why.find("not recognized as") != std::string::npos ||
            why.find("not recognised") != std::string::npos) {
            if (std::filesystem::is_directory(path, ec))
                throw Error(path + ": a folder with no vector geodata GDAL can read");
            throw Error(path + ": not a vector geodata file GDAL can read");
        }
        throw Error(path + ": cannot open: " + lastGdalErrorLine());
    }
    return DatasetPtr(ds);
}

void appendRing(const OGRLinearRing* ring, Geometry& g)
{
    const int n = ring->getNumPoints();
    for (int i = 0; i < n; ++i) g.coords.push_back({ring->getX(i), ring->getY(i)});
    g.partStarts.push_back(static_cast<uint32_t>(g.coords.size()));
}

void appendLine(const OGRLineString* line, Geometry& g)
{
    const int n = line->getNumPoints();
    for (int i = 0; i < n; ++i) g.coords.push_back({line->getX(i), line->getY(i)});
    g.partStarts.push_back(static_cast<uint32_t>(g.coords.size()));
}

void appendPolygon(const OGRPolygon* poly, Geometry& g)
{
    if (poly->IsEmpty()) return;
    appendRing(poly->getExteriorRing(), g);
    for (int i = 0; i < poly->getNumInteriorRings(); ++i) appendRing(poly->getInteriorRing(i), g);
    g.polygonStarts.push_back(static_cast<uint32_t>(g.partCount()));
}

// Appends the parts of `geom` of the feature's kind (the first kind met wins).
void flatten(const OGRGeometry* geom, Geometry& g)
{
    switch (wkbFlatten(geom->getGeometryType())) {
    case wkbPoint: {
        if (g.kind != GeomKind::None && g.kind != GeomKind::Point) return;
        g.kind = GeomKind::Point;
        auto* p = geom->toPoint();
        if (p->IsEmpty()) return;
        g.coords.push_back({p->getX(), p->getY()});
        g.partStarts.back() = static_cast<uint32_t>(g.coords.size());
        return;
    }
    case wkbLineString:
        if (g.kind != GeomKind::None && g.kind != GeomKind::Line) return;
        g.kind = GeomKind::Line;
        appendLine(geom->toLineString(), g);
        return;
    case wkbPolygon:
        if (g.kind != GeomKind::None && g.kind != GeomKind::Polygon) return;
        g.kind = GeomKind::Polygon;
        appendPolygon(geom->toPolygon(), g);
        return;
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *geom->toGeometryCollection()) flatten(part, g);
        return;
    default: {
        // Curves, TINs, polyhedral surfaces: read their linear approximation.
        std::unique_ptr<OGRGeometry> linear(geom->getLinearGeometry());
        if (linear && wkbFlatten(linear->getGeometryType()) != wkbFlatten(geom->getGeometryType()))
            flatten(linear.get(), g);
        return;
    }
    }
}

bool finiteAndSane(const Geometry& g, bool geographic)
{
    for (const MapXY& p : g.coords) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
        if (geographic && (std::abs(p.y) > 90.0 + 1e-9 || std::abs(p.x) > 540.0)) return false;
        if (std::abs(p.x) > 1e10 || std::abs(p.y) > 1e10) return false;
    }
    return true;
}

} // namespace

std::optional<Geometry> repairedPolygon(const Geometry& g)
{
    if (g.kind != GeomKind::Polygon || g.empty()) return std::nullopt;
    OGRMultiPolygon multi;
    for (size_t poly = 0; poly < g.polygonCount(); ++poly) {
        OGRPolygon polygon;
        for (size_t r = g.polygonStarts[poly]; r < g.polygonStarts[poly + 1]; ++r) {
            OGRLinearRing ring;
            for (size_t i = g.partStarts[r]; i < g.partStarts[r + 1]; ++i) ring.addPoint(g.coords[i].x, g.coords[i].y);
            polygon.addRing(&ring);
        }
        multi.addGeometry(&polygon);
    }
    if (multi.IsValid()) return std::nullopt;
    std::unique_ptr<OGRGeometry> valid(multi.MakeValid());
    if (!valid) return std::nullopt;
    Geometry out;
    flatten(valid.get(), out);
    if (out.kind != GeomKind::Polygon) return std::nullopt;
    return out;
}

void initGdal()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Safety first: files from others must not reach the network or write sidecars.
        CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
        CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "_no_network_");
        CPLSetConfigOption("GML_SKIP_RESOLVE_ELEMS", "ALL");
        CPLSetConfigOption("GML_DOWNLOAD_SCHEMA", "NO");
        CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
        CPLSetConfigOption("PROJ_NETWORK", "OFF");
        CPLSetErrorHandler(CPLQuietErrorHandler);
        GDALAllRegister();
    });
}

DatasetInfo inspectDataset(const std::string& path, bool allowRemote)
{
    DatasetPtr ds = openVector(path, allowRemote);
    DatasetInfo info;
    info.path = redactCredentials(path);
    info.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
    if (ds->GetLayerCount() == 0) throw Error(path + ": contains no vector layers");
    for (OGRLayer* layer : ds->GetLayers()) {
        LayerInfo li;
        li.name = layer->GetName();
        li.geometryType = OGRGeometryTypeToName(layer->GetGeomType());
        li.featureCount = layer->GetFeatureCount(TRUE);
        li.crs = crsCode(layer->GetSpatialRef());
        OGREnvelope env;
        if (li.featureCount > 0 && layer->GetExtent(&env, TRUE) == OGRERR_NONE) {
            li.extent.expand(env.MinX, env.MinY);
            li.extent.expand(env.MaxX, env.MaxY);
        }
        info.layers.push_back(std::move(li));
    }
    return info;
}

static FieldType fieldTypeOf(OGRFieldType t)
{
    switch (t) {
    case OFTString: return FieldType::String;
    case OFTInteger:
    case OFTInteger64: return FieldType::Integer;
    case OFTReal: return FieldType::Real;
    case OFTDate:
    case OFTDateTime: return FieldType::Date;
    default: return FieldType::Other;
    }
}

Layer readLayer(const std::string& path, const std::string& layerName, const std::string& targetCrs)
{
    return readLayer(path, layerName, targetCrs, ReadControl{});
}

namespace {

// What one reader (a thread with its own dataset handle) brings back.
struct Share {
    std::vector<Feature> features;
    size_t repaired = 0, skipped = 0;
    GeomKind kind = GeomKind::None;
    bool mixed = false;
};

// Reads the features `ogrLayer`'s filters let through. `progressTotal` > 0: this reader
// reports progress against it (only one reader does).
Share readShare(OGRLayer* ogrLayer, const std::string& path, const std::string& sourceCrs, const std::string& targetCrs,
                const ReadControl& control, GIntBig progressTotal)
{
    Share out;
    const bool geographic = isGeographicCrs(sourceCrs);
    Projector projector(sourceCrs, targetCrs); // PROJ: one per thread
    OGRFeatureDefn* defn = ogrLayer->GetLayerDefn();
    ogrLayer->ResetReading();
    size_t done = 0;
    for (auto& f : *ogrLayer) {
        // Checked on every feature, not every thousand: a file of a few huge polygons (a
        // country at full detail) must still move the bar and answer Cancel between them.
        ++done;
        if (control.cancel && control.cancel->load()) throw Cancelled();
        if (control.progress && progressTotal > 0)
            control.progress(std::min(1.0, static_cast<double>(done - 1) / progressTotal));
        if (done > control.maxFeatures) throw Error(path + ": more features than this app reads at once");
        Feature feat;
        feat.fid = f->GetFID();
        feat.values.reserve(defn->GetFieldCount());
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            feat.values.emplace_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
        if (OGRGeometry* geom = f->GetGeometryRef()) {
            std::unique_ptr<OGRGeometry> repaired;
            const OGRGeometry* use = geom;
            const auto flat = wkbFlatten(geom->getGeometryType());
            if (control.repairInvalid && (flat == wkbPolygon || flat == wkbMultiPolygon) && !geom->IsValid()) {
                repaired.reset(geom->MakeValid());
                if (repaired) {
                    use = repaired.get();
                    ++out.repaired;
                }
            }
            flatten(use, feat.geometry);
            if (!feat.geometry.empty() && !finiteAndSane(feat.geometry, geographic)) {
                feat.geometry = Geometry{};
                ++out.skipped;
            }
            if (!feat.geometry.empty() && projector.forward(feat.geometry.coords) > 0) {
                feat.geometry = Geometry{};
                ++out.skipped;
            }
            if (!feat.geometry.empty()) {
                if (out.kind == GeomKind::None) out.kind = feat.geometry.kind;
                else if (out.kind != feat.geometry.kind) out.mixed = true;
                feat.bbox = feat.geometry.extent();
            }
        }
        out.features.push_back(std::move(feat));
    }
    return out;
}

// Readers for one layer: a big GeoPackage is read by several threads, each its own
// connection taking every n-th row (SQLite skips the other rows without touching their
// geometry blobs); other drivers evaluate such a filter after reading, so they get one.
unsigned readersFor(GDALDataset& ds, const std::string& path, OGRLayer* layer, unsigned asked)
{
    const char* driver = ds.GetDriver() ? ds.GetDriver()->GetDescription() : "";
    std::error_code ec;
    if (std::string(driver) != "GPKG" || !*layer->GetFIDColumn()) return 1;
    if (asked > 0) return asked;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size < (16u << 20)) return 1;
    return std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
}

std::string quoted(const std::string& name)
{
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// A GeoPackage's own R-tree as an SQL condition on the FID: the features whose boxes meet
// `box`. OGR's spatial filter would also test each geometry exactly with GEOS, which for a
// country at full detail costs more than reading it (and drawing needs only the boxes).
// "" when the layer has no R-tree.
std::string rtreeCondition(GDALDataset& ds, OGRLayer* layer, const Extent& box)
{
    const char* driver = ds.GetDriver() ? ds.GetDriver()->GetDescription() : "";
    if (std::string(driver) != "GPKG" || !*layer->GetFIDColumn() || !*layer->GetGeometryColumn()) return "";
    const std::string rtree = std::string("rtree_") + layer->GetName() + "_" + layer->GetGeometryColumn();
    std::string probe = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '";
    for (char c : rtree) probe += c == '\'' ? std::string("''") : std::string(1, c);
    probe += "'";
    OGRLayer* found = ds.ExecuteSQL(probe.c_str(), nullptr, nullptr);
    const bool exists = found && found->GetFeatureCount(TRUE) > 0;
    if (found) ds.ReleaseResultSet(found);
    if (!exists) return "";
    char cond[512];
    std::snprintf(cond, sizeof cond, "minx <= %.17g AND maxx >= %.17g AND miny <= %.17g AND maxy >= %.17g", box.maxX,
                  box.minX, box.maxY, box.minY);
    return quoted(layer->GetFIDColumn()) + " IN (SELECT id FROM " + quoted(rtree) + " WHERE " + cond + ")";
}

} // namespace

Layer readLayer(const std::string& path, const std::string& layerName, const std::string& targetCrs,
                const ReadControl& control)
{
    DatasetPtr ds = openVector(path, control.allowRemote);
    OGRLayer* ogrLayer = layerName.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layerName.c_str());
    if (!ogrLayer)
        throw Error(path + ": " + (layerName.empty() ? std::string("contains no vector layers")
                                                     : "no layer named '" + layerName + "'"));
    Layer layer;
    layer.name = ogrLayer->GetName();
    layer.sourcePath = path;
    layer.crs = targetCrs;

    std::string sourceCrs = crsCode(ogrLayer->GetSpatialRef());
    bool assumeWgs84 = sourceCrs.empty();
    if (assumeWgs84) {
        sourceCrs = kWgs84;
        OGREnvelope env;
        if (ogrLayer->GetExtent(&env, TRUE) == OGRERR_NONE &&
            (env.MinX < -180.0 || env.MaxX > 180.0 || env.MinY < -90.0 || env.MaxY > 90.0))
            throw Error(path + ": no CRS in the file and the coordinates are not longitude/latitude, so it cannot be placed");
    }
    Extent filterBox;    // OGR's spatial filter, when there is no R-tree condition
    std::string boxRows; // SQL: the rows whose boxes meet the filter
    if (!control.filter.empty()) {
        const Extent box = Projector(control.filterCrs, sourceCrs).forwardExtent(control.filter);
        if (box.empty()) throw Error(path + ": the requested area cannot be expressed in the layer's CRS");
        boxRows = rtreeCondition(*ds, ogrLayer, box);
        if (boxRows.empty()) filterBox = box;
    }
    // Every reader's filters: the box, and the reader's share of the rows.
    auto filterReader = [&](OGRLayer* l, const std::string& share) {
        if (!filterBox.empty()) l->SetSpatialFilterRect(filterBox.minX, filterBox.minY, filterBox.maxX, filterBox.maxY);
        std::string where = boxRows;
        if (!share.empty()) where = where.empty() ? share : "(" + where + ") AND " + share;
        if (!where.empty() && l->SetAttributeFilter(where.c_str()) != OGRERR_NONE)
            throw Error(path + ": cannot filter the read: " + lastGdalErrorLine());
    };
    filterReader(ogrLayer, "");
    OGRFeatureDefn* defn = ogrLayer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        layer.fields.push_back({defn->GetFieldDefn(i)->GetNameRef(), fieldTypeOf(defn->GetFieldDefn(i)->GetType())});

    const GIntBig total = control.filter.empty() ? ogrLayer->GetFeatureCount(FALSE) : -1; // -1: unknown without a scan
    if (total > 0 && static_cast<size_t>(total) > control.maxFeatures)
        throw Error(path + ": " + std::to_string(total) + " features is more than this app reads at once (" +
                    std::to_string(control.maxFeatures) + ")");

    const unsigned readers = readersFor(*ds, path, ogrLayer, control.readers);
    std::vector<Share> shares;
    if (readers == 1) {
        shares.push_back(readShare(ogrLayer, path, sourceCrs, targetCrs, control, total));
    } else {
        const std::string fidColumn = ogrLayer->GetFIDColumn();
        auto rowsOf = [&](unsigned k) {
            return "\"" + fidColumn + "\" % " + std::to_string(readers) + " = " + std::to_string(k);
        };
        std::vector<std::future<Share>> others;
        for (unsigned k = 1; k < readers; ++k)
            others.push_back(std::async(std::launch::async, [&, k] {
                DatasetPtr own = openVector(path, control.allowRemote);
                OGRLayer* l = own->GetLayerByName(layer.name.c_str());
                if (!l) throw Error(path + ": the layer '" + layer.name + "' went away while reading");
                filterReader(l, rowsOf(k));
                return readShare(l, path, sourceCrs, targetCrs, control, -1);
            }));
        std::exception_ptr failed;
        try {
            filterReader(ogrLayer, rowsOf(0));
            shares.push_back(readShare(ogrLayer, path, sourceCrs, targetCrs, control, total > 0 ? total / readers : -1));
        } catch (...) {
            failed = std::current_exception();
        }
        for (auto& o : others) try {
                shares.push_back(o.get());
            } catch (...) {
                if (!failed) failed = std::current_exception();
            }
        if (failed) std::rethrow_exception(failed);
    }
    // One layer in the file's feature order (by FID when the rows were split).
    bool mixed = false;
    size_t count = 0;
    for (const Share& s : shares) count += s.features.size();
    layer.features.reserve(count);
    for (Share& s : shares) {
        layer.repairedGeometries += s.repaired;
        layer.skippedGeometries += s.skipped;
        mixed = mixed || s.mixed || (s.kind != GeomKind::None && layer.kind != GeomKind::None && s.kind != layer.kind);
        if (layer.kind == GeomKind::None) layer.kind = s.kind;
        std::move(s.features.begin(), s.features.end(), std::back_inserter(layer.features));
    }
    if (shares.size() > 1)
        std::stable_sort(layer.features.begin(), layer.features.end(),
                         [](const Feature& a, const Feature& b) { return a.fid < b.fid; });
    for (const Feature& f : layer.features) layer.extent.expand(f.bbox);
    if (control.progress) control.progress(1.0);
    if (assumeWgs84) layer.warnings.push_back(layer.name + ": no CRS in the file; assumed WGS 84 lon/lat");
    if (mixed) layer.warnings.push_back(layer.name + ": mixed geometry types; each feature drawn as its own kind");
    if (layer.repairedGeometries)
        layer.warnings.push_back(layer.name + ": repaired " + std::to_string(layer.repairedGeometries) +
                                 " invalid geometries");
    if (layer.skippedGeometries)
        layer.warnings.push_back(layer.name + ": skipped " + std::to_string(layer.skippedGeometries) +
                                 " geometries with unusable coordinates");
    return layer;
}

} // namespace geo
