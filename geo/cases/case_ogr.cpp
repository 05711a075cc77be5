// OGR access for the case store: opening, reading tables into StoredRows, writing single rows,
// schema creation and migration, the meta table and its change counter, transactions.
#include "geo/cases/case_ogr.hpp"
#include "geo/gdal_error.hpp"
#include "geo/error.hpp"
#include "geo/session_file.hpp"
#include "geo/vector_source.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>
#include <thread>
#include <unistd.h>

namespace geo::caseio {

namespace {

namespace fs = std::filesystem;

struct FeatureDeleter {
    void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDeleter>;

// A writer killed mid-transaction leaves a SQLite rollback journal ("-journal") beside a
// GeoPackage. A read-only connection may be unable to roll it back (SQLITE_READONLY_ROLLBACK),
// so open the file once for update, which makes SQLite restore the last committed state.
void recoverInterruptedWrite(const std::string& path)
{
    std::error_code ec;
    const fs::path journal(path + "-journal");
    if (isPg(path) || !fs::exists(journal, ec) || fs::file_size(journal, ec) == 0) return;
    if (::access(path.c_str(), W_OK) != 0) return; // cannot repair; SQLite will say so on open
    DatasetPtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
    if (ds) ds->GetLayerByName(kMetaTable);
}

// Column indexes of each TableSpec column in the layer; throws when one is missing.
std::vector<int> columnIndexes(OGRLayer* layer, const TableSpec& t, const std::string& path)
{
    std::vector<int> idx;
    for (const Column& c : t.columns) {
        const int i = layer->GetLayerDefn()->GetFieldIndex(c.name);
        if (i < 0) throw Error(shown(path) + ": not a valid case store: table '" + t.name + "' has no column '" + c.name + "'");
        idx.push_back(i);
    }
    return idx;
}

std::optional<std::string> readValue(OGRFeature& f, int i, ColumnType type)
{
    if (!f.IsFieldSetAndNotNull(i)) return std::nullopt;
    if (type == ColumnType::Date && f.GetFieldDefnRef(i)->GetType() == OFTDate) {
        int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
        float ss = 0;
        f.GetFieldAsDateTime(i, &y, &m, &d, &hh, &mm, &ss, &tz);
        return CaseDate{y, m, d}.iso();
    }
    if (type == ColumnType::Integer && f.GetFieldDefnRef(i)->GetType() != OFTString)
        return std::to_string(f.GetFieldAsInteger64(i));
    return std::string(f.GetFieldAsString(i));
}

void writeValue(OGRFeature& f, int i, ColumnType type, const std::optional<std::string>& v)
{
    if (!v) {
        f.SetFieldNull(i);
        return;
    }
    if (type == ColumnType::Date) {
        const std::optional<CaseDate> d = parseCaseDate(*v);
        if (d && d->valid() && f.GetFieldDefnRef(i)->GetType() == OFTDate) {
            f.SetField(i, d->year, d->month, d->day);
            return;
        }
    }
    if (type == ColumnType::Integer && f.GetFieldDefnRef(i)->GetType() != OFTString) {
        f.SetField(i, static_cast<GIntBig>(std::stoll(*v)));
        return;
    }
    f.SetField(i, v->c_str());
}

TableState readLayer(OGRLayer* layer, const TableSpec& t, const std::string& path)
{
    const std::vector<int> idx = columnIndexes(layer, t, path);
    const int versionIdx = layer->GetLayerDefn()->GetFieldIndex(kRowVersionColumn);
    TableState s;
    layer->ResetReading();
    while (FeaturePtr f{layer->GetNextFeature()}) {
        StoredRow r;
        r.values.reserve(t.columns.size());
        for (size_t c = 0; c < t.columns.size(); ++c) r.values.push_back(readValue(*f, idx[c], t.columns[c].type));
        if (t.hasPoint) {
            const OGRGeometry* g = f->GetGeometryRef();
            if (g && !g->IsEmpty() && wkbFlatten(g->getGeometryType()) == wkbPoint)
                r.point = LonLat{g->toPoint()->getX(), g->toPoint()->getY()};
        }
        s.rows.push_back(std::move(r));
        s.fids.push_back(f->GetFID());
        s.versions.push_back(versionIdx >= 0 ? f->GetFieldAsInteger64(versionIdx) : 0);
    }
    layer->ResetReading(); // ends the read statement: an open one would hold a lock on a file
    return s;
}

std::string quoteSql(const std::string& s)
{
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

void pauseForTests()
{
    const char* env = std::getenv(kSleepInTransactionEnv);
    if (!env || !*env) return;
    std::cerr << "case store: in transaction" << std::endl;
    std::this_thread::sleep_for(std::chrono::duration<double>(std::atof(env)));
}

bool looksLikeLostConnection(const std::string& why)
{
    for (const char* s : {"server closed the connection", "terminating connection", "no connection to the server",
                          "connection to server", "could not receive data", "could not send data", "SSL SYSCALL"})
        if (why.find(s) != std::string::npos) return true;
    return false;
}

} // namespace

void DatasetCloser::operator()(GDALDataset* ds) const { GDALClose(ds); }

bool isPg(const std::string& path) { return path.rfind("PG:", 0) == 0 || path.rfind("pg:", 0) == 0; }

std::string shown(const std::string& path) { return isPg(path) ? redactCredentials(path) : path; }

DatasetPtr openDataset(const std::string& path, CaseAccess access)
{
    initGdal();
    if (path.empty()) throw Error("no case store given");
    std::error_code ec;
    if (!isPg(path)) {
        if (path.find("://") != std::string::npos || path.rfind("/vsi", 0) == 0)
            throw Error(path + ": case stores are files or PG: connections, not network paths");
        if (!fs::exists(path, ec)) throw Error(path + ": no such file or directory");
        if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0) throw Error(path + ": not a case store (empty file)");
    }
    recoverInterruptedWrite(path);
    const unsigned flags = GDAL_OF_VECTOR | (access == CaseAccess::ReadWrite ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    // PostgreSQL: list every table (not only those with geometry), so foreignTables sees them.
    const char* pgOptions[] = {"LIST_ALL_TABLES=YES", nullptr};
    const char* const drivers[] = {"PostgreSQL", nullptr};
    CPLErrorReset();
    GDALDataset* ds = static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), flags, isPg(path) ? drivers : nullptr, isPg(path) ? pgOptions : nullptr, nullptr));
    if (!ds) {
        std::string why = CPLGetLastErrorMsg();
        if (isPg(path)) throw Error(shown(path) + ": cannot connect: " + lastGdalErrorLine());
        if (why.empty() || why.find("not recognized") != std::string::npos)
            throw Error(path + ": not a case store (not a datasource GDAL can open)");
        throw Error(path + ": cannot open as a case store: " + lastGdalErrorLine());
    }
    return DatasetPtr(ds);
}

OGRLayer* requireLayer(GDALDataset& ds, const std::string& path, const char* name)
{
    OGRLayer* layer = ds.GetLayerByName(name);
    if (!layer) throw Error(shown(path) + ": not a case store (no '" + name + "' table)");
    layer->SetAttributeFilter(nullptr);
    layer->SetSpatialFilter(nullptr);
    return layer;
}

std::optional<std::string> readMeta(GDALDataset& ds, const std::string& path, const char* key)
{
    OGRLayer* meta = requireLayer(ds, path, kMetaTable);
    const int keyField = meta->GetLayerDefn()->GetFieldIndex("key");
    const int valueField = meta->GetLayerDefn()->GetFieldIndex("value");
    if (keyField < 0 || valueField < 0)
        throw Error(shown(path) + ": not a case store (the 'meta' table has no key/value columns)");
    meta->ResetReading();
    std::optional<std::string> out;
    while (FeaturePtr f{meta->GetNextFeature()}) {
        if (std::string(f->GetFieldAsString(keyField)) != key) continue;
        out = f->GetFieldAsString(valueField);
        break;
    }
    meta->ResetReading();
    return out;
}

void writeMeta(GDALDataset& ds, const std::string& path, const char* key, const std::string& value)
{
    OGRLayer* meta = requireLayer(ds, path, kMetaTable);
    const int keyField = meta->GetLayerDefn()->GetFieldIndex("key");
    meta->ResetReading();
    FeaturePtr found;
    while (FeaturePtr f{meta->GetNextFeature()}) {
        if (std::string(f->GetFieldAsString(keyField)) == key) {
            found = std::move(f);
            break;
        }
    }
    meta->ResetReading();
    OGRErr err;
    if (found) {
        found->SetField("value", value.c_str());
        err = meta->SetFeature(found.get());
    } else {
        FeaturePtr f{OGRFeature::CreateFeature(meta->GetLayerDefn())};
        f->SetField("key", key);
        f->SetField("value", value.c_str());
        err = meta->CreateFeature(f.get());
    }
    if (err != OGRERR_NONE) throw Error(shown(path) + ": cannot write the 'meta' table: " + lastGdalErrorLine());
}

int readSchemaVersion(GDALDataset& ds, const std::string& path)
{
    const std::optional<std::string> v = readMeta(ds, path, "schema_version");
    if (!v) throw Error(shown(path) + ": not a case store (no schema_version in the 'meta' table)");
    const int n = std::atoi(v->c_str());
    if (n < 1) throw Error(shown(path) + ": case store schema version '" + *v + "' is not understood");
    return n;
}

int64_t readChangeCounter(GDALDataset& ds, const std::string& path)
{
    const std::optional<std::string> v = readMeta(ds, path, kChangeCounterKey);
    return v ? std::atoll(v->c_str()) : 0;
}

int64_t bumpChangeCounter(GDALDataset& ds, const std::string& path)
{
    // One statement, so two writers cannot both read N and write N+1; on PostgreSQL the row
    // lock it takes makes a second writer wait here until the first commits or rolls back.
    CPLErrorReset();
    OGRLayer* r = ds.ExecuteSQL(("UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR(20)) WHERE key = " +
                                 quoteSql(kChangeCounterKey))
                                    .c_str(),
                                nullptr, nullptr);
    if (r) ds.ReleaseResultSet(r);
    if (CPLGetLastErrorType() >= CE_Failure) {
        const std::string why = lastGdalErrorLine();
        if (why.find("locked") != std::string::npos || why.find("busy") != std::string::npos)
            throw Error(shown(path) + ": not saved: another program is saving to this store right now; try again");
        throw Error(shown(path) + ": not saved: cannot update the change counter: " + why);
    }
    return readChangeCounter(ds, path);
}

std::vector<TableState> readAll(GDALDataset& ds, const std::string& path)
{
    std::vector<TableState> out;
    for (const TableSpec& t : caseTables()) out.push_back(readLayer(requireLayer(ds, path, t.name), t, path));
    return out;
}

TableState readWhere(GDALDataset& ds, const std::string& path, size_t table, const char* column,
                     const std::vector<std::string>& values)
{
    const TableSpec& t = caseTables()[table];
    OGRLayer* layer = requireLayer(ds, path, t.name);
    TableState out;
    constexpr size_t kBatch = 200;
    for (size_t at = 0; at < values.size(); at += kBatch) {
        std::string filter = std::string(column) + " IN (";
        for (size_t i = at; i < std::min(values.size(), at + kBatch); ++i) filter += (i > at ? "," : "") + quoteSql(values[i]);
        filter += ")";
        if (layer->SetAttributeFilter(filter.c_str()) != OGRERR_NONE)
            throw Error(shown(path) + ": cannot query '" + t.name + "': " + lastGdalErrorLine());
        TableState part = readLayer(layer, t, path);
        for (size_t i = 0; i < part.rows.size(); ++i) {
            out.rows.push_back(std::move(part.rows[i]));
            out.fids.push_back(part.fids[i]);
            out.versions.push_back(part.versions[i]);
        }
    }
    layer->SetAttributeFilter(nullptr);
    return out;
}

void deleteRow(GDALDataset& ds, const std::string& path, size_t table, int64_t fid)
{
    const TableSpec& t = caseTables()[table];
    if (requireLayer(ds, path, t.name)->DeleteFeature(fid) != OGRERR_NONE)
        throw Error(shown(path) + ": cannot delete a row in '" + t.name + "': " + lastGdalErrorLine());
}

void writeRow(GDALDataset& ds, const std::string& path, size_t table, const StoredRow& r, int64_t version,
              std::optional<int64_t> fid)
{
    const TableSpec& t = caseTables()[table];
    OGRLayer* layer = requireLayer(ds, path, t.name);
    const std::vector<int> idx = columnIndexes(layer, t, path);
    FeaturePtr f{OGRFeature::CreateFeature(layer->GetLayerDefn())};
    for (size_t c = 0; c < t.columns.size(); ++c) writeValue(*f, idx[c], t.columns[c].type, r.values[c]);
    const int versionIdx = layer->GetLayerDefn()->GetFieldIndex(kRowVersionColumn);
    if (versionIdx >= 0) f->SetField(versionIdx, static_cast<GIntBig>(version));
    if (t.hasPoint && r.point) {
        OGRPoint p(r.point->lon, r.point->lat); // the layer's CRS, EPSG:4326 lon/lat
        f->SetGeometry(&p);
    }
    OGRErr err;
    if (fid) {
        f->SetFID(*fid);
        err = layer->SetFeature(f.get());
    } else {
        err = layer->CreateFeature(f.get());
    }
    if (err != OGRERR_NONE)
        throw Error(shown(path) + ": cannot " + (fid ? "update" : "insert") + " a row in '" + t.name + "': " + lastGdalErrorLine());
}

void createIndexes(GDALDataset& ds, const std::string& path);

void createTables(GDALDataset& ds, const std::string& path)
{
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    // GIST is PostgreSQL's name for the spatial index; GeoPackage builds its R-tree with YES.
    const char* options[] = {"FID=fid", "GEOMETRY_NAME=geom", isPg(path) ? "SPATIAL_INDEX=GIST" : "SPATIAL_INDEX=YES",
                             nullptr};
    auto create = [&](const char* name, bool point) {
        OGRLayer* layer = ds.CreateLayer(name, point ? &wgs84 : nullptr, point ? wkbPoint : wkbNone,
                                         const_cast<char**>(options));
        if (!layer) throw Error(shown(path) + ": cannot create table '" + name + "': " + lastGdalErrorLine());
        return layer;
    };
    auto addField = [&](OGRLayer* layer, OGRFieldDefn& def) {
        if (layer->CreateField(&def) != OGRERR_NONE)
            throw Error(shown(path) + ": cannot create column '" + def.GetNameRef() + "': " + lastGdalErrorLine());
    };
    for (const TableSpec& t : caseTables()) {
        OGRLayer* layer = create(t.name, t.hasPoint);
        for (size_t c = 0; c < t.columns.size(); ++c) {
            const Column& col = t.columns[c];
            const OGRFieldType type = col.type == ColumnType::Date      ? OFTDate
                                      : col.type == ColumnType::Integer ? OFTInteger64
                                                                        : OFTString;
            OGRFieldDefn def(col.name, type);
            def.SetNullable(!col.required);
            if (t.keyColumns == 1 && c == 0) def.SetUnique(TRUE);
            addField(layer, def);
        }
        OGRFieldDefn version(kRowVersionColumn, OFTInteger64);
        version.SetNullable(FALSE);
        version.SetDefault("1");
        addField(layer, version);
    }
    OGRLayer* meta = create(kMetaTable, false);
    for (const char* name : {"key", "value"}) {
        OGRFieldDefn def(name, OFTString);
        addField(meta, def);
    }
    createIndexes(ds, path);
    writeMeta(ds, path, "schema_version", std::to_string(kCaseSchemaVersion));
    writeMeta(ds, path, "application", "compound-atlas case store");
    writeMeta(ds, path, kChangeCounterKey, "0");
}

void createIndexes(GDALDataset& ds, const std::string& path)
{
    // The key columns the per-compound read (CaseStore::openCompound) filters on. Same SQL on
    // SQLite and PostgreSQL; the composite keys' first columns are covered here as well.
    const char* indexes[][2] = {{"incident_compounds", "incident_id"}, {"incident_compounds", "compound_id"},
                                {"incident_counts", "incident_id"},    {"incident_sources", "incident_id"},
                                {"compound_sources", "compound_id"}};
    for (const auto& [table, column] : indexes) {
        CPLErrorReset();
        const std::string sql = std::string("CREATE INDEX IF NOT EXISTS ") + table + "_" + column + "_idx ON " + table +
                                " (" + column + ")";
        if (OGRLayer* r = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr)) ds.ReleaseResultSet(r);
        if (CPLGetLastErrorType() >= CE_Failure)
            throw Error(shown(path) + ": cannot index '" + table + "': " + lastGdalErrorLine());
    }
}

void migrateToVersion2(GDALDataset& ds, const std::string& path)
{
    for (const TableSpec& t : caseTables()) {
        OGRLayer* layer = requireLayer(ds, path, t.name);
        if (layer->GetLayerDefn()->GetFieldIndex(kRowVersionColumn) >= 0) continue;
        // NOT NULL DEFAULT 1: every existing row starts at version 1, nothing else changes.
        OGRFieldDefn version(kRowVersionColumn, OFTInteger64);
        version.SetNullable(FALSE);
        version.SetDefault("1");
        if (layer->CreateField(&version) != OGRERR_NONE)
            throw Error(shown(path) + ": cannot add '" + kRowVersionColumn + "' to '" + t.name + "': " + lastGdalErrorLine());
    }
    createIndexes(ds, path);
    if (!readMeta(ds, path, kChangeCounterKey)) writeMeta(ds, path, kChangeCounterKey, "0");
    writeMeta(ds, path, "schema_version", "2");
}

std::vector<std::string> foreignTables(GDALDataset& ds)
{
    std::set<std::string> ours = {kMetaTable};
    for (const TableSpec& t : caseTables()) ours.insert(t.name);
    // PostGIS's own tables and views, and the schemas of its optional extensions.
    const std::set<std::string> postgis = {"spatial_ref_sys", "geometry_columns", "geography_columns", "raster_columns",
                                           "raster_overviews", "layer_styles"};
    std::vector<std::string> out;
    if (std::string(ds.GetDriverName()) == "PostgreSQL") {
        OGRLayer* r = ds.ExecuteSQL("SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema "
                                    "NOT IN ('pg_catalog', 'information_schema', 'topology', 'tiger', 'tiger_data') "
                                    "AND table_schema NOT LIKE 'pg\\_%' ORDER BY 1, 2",
                                    nullptr, nullptr);
        if (!r) return out;
        while (FeaturePtr f{r->GetNextFeature()}) {
            const std::string schema = f->GetFieldAsString(0), name = f->GetFieldAsString(1);
            if (postgis.count(name) || ours.count(name)) continue;
            out.push_back(schema == "public" ? name : schema + "." + name);
        }
        ds.ReleaseResultSet(r);
        return out;
    }
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        const std::string name = ds.GetLayer(i)->GetName();
        if (!ours.count(name) && !postgis.count(name)) out.push_back(name);
    }
    return out;
}

bool holdsAnyTable(GDALDataset& ds)
{
    if (!foreignTables(ds).empty()) return true;
    for (const TableSpec& t : caseTables())
        if (ds.GetLayerByName(t.name)) return true;
    return ds.GetLayerByName(kMetaTable) != nullptr;
}

void inTransaction(GDALDataset& ds, const std::string& path, const std::function<void()>& body)
{
    CPLErrorReset();
    if (ds.StartTransaction(FALSE) != OGRERR_NONE)
        throw Error(shown(path) + ": this datasource cannot write in a transaction; edits are refused to keep it consistent");
    try {
        body();
        pauseForTests();
    } catch (...) {
        ds.RollbackTransaction();
        throw;
    }
    CPLErrorReset();
    if (ds.CommitTransaction() != OGRERR_NONE) {
        std::string why = lastGdalErrorLine();
        why = why.substr(0, why.find(" This probably means")); // libpq's generic explanation
        ds.RollbackTransaction();
        if (looksLikeLostConnection(why))
            throw Error(shown(path) + ": not saved: the connection to the database was lost (" + why +
                        "); the store is unchanged and your edit is kept");
        throw Error(shown(path) + ": not saved: cannot commit the changes (" + why + "); the store is unchanged");
    }
}

void inSnapshot(GDALDataset& ds, const std::function<void()>& body)
{
    if (std::string(ds.GetDriverName()) != "PostgreSQL" || ds.StartTransaction(FALSE) != OGRERR_NONE) {
        body();
        return;
    }
    OGRLayer* r = ds.ExecuteSQL("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", nullptr, nullptr);
    if (r) ds.ReleaseResultSet(r);
    try {
        body();
    } catch (...) {
        ds.RollbackTransaction();
        throw;
    }
    ds.RollbackTransaction(); // read only: nothing to keep
}

} // namespace geo::caseio
