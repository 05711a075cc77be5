// CaseStore through OGR's generic API (CreateLayer, Start/CommitTransaction, features by FID),
// so a GeoPackage and a PostGIS database take the same path. OGR types stay in this file.
#include "geo/cases/case_store.hpp"
#include "geo/cases/case_schema.hpp"
#include "geo/cases/case_validation.hpp"
#include "geo/error.hpp"
#include "geo/vector_source.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>
#include <unistd.h>

namespace geo {

namespace {

namespace fs = std::filesystem;

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

struct FeatureDeleter {
    void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDeleter>;

bool isPg(const std::string& path) { return path.rfind("PG:", 0) == 0; }

std::string lastGdalError()
{
    std::string e = CPLGetLastErrorMsg();
    return e.empty() ? "unknown GDAL error" : e;
}

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
    CPLErrorReset();
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), flags, nullptr, nullptr, nullptr));
    if (!ds) {
        std::string why = CPLGetLastErrorMsg();
        if (why.empty() || why.find("not recognized") != std::string::npos)
            throw Error(path + ": not a case store (not a datasource GDAL can open)");
        throw Error(path + ": cannot open as a case store: " + why);
    }
    return DatasetPtr(ds);
}

OGRLayer* requireLayer(GDALDataset& ds, const std::string& path, const char* name)
{
    OGRLayer* layer = ds.GetLayerByName(name);
    if (!layer) throw Error(path + ": not a case store (no '" + name + "' table)");
    return layer;
}

int readSchemaVersion(GDALDataset& ds, const std::string& path)
{
    OGRLayer* meta = requireLayer(ds, path, kMetaTable);
    const int keyField = meta->GetLayerDefn()->GetFieldIndex("key");
    const int valueField = meta->GetLayerDefn()->GetFieldIndex("value");
    if (keyField < 0 || valueField < 0) throw Error(path + ": not a case store (the 'meta' table has no key/value columns)");
    meta->SetAttributeFilter(nullptr);
    meta->ResetReading();
    while (FeaturePtr f{meta->GetNextFeature()}) {
        if (std::string(f->GetFieldAsString(keyField)) != "schema_version") continue;
        const int v = std::atoi(f->GetFieldAsString(valueField));
        meta->ResetReading(); // ends the read statement: an open one would hold a lock on the file
        if (v < 1) throw Error(path + ": case store schema version '" + f->GetFieldAsString(valueField) + "' is not understood");
        return v;
    }
    throw Error(path + ": not a case store (no schema_version in the 'meta' table)");
}

// Column indexes of each TableSpec column in the layer; throws when one is missing.
std::vector<int> columnIndexes(OGRLayer* layer, const TableSpec& t, const std::string& path)
{
    std::vector<int> idx;
    for (const Column& c : t.columns) {
        const int i = layer->GetLayerDefn()->GetFieldIndex(c.name);
        if (i < 0) throw Error(path + ": not a valid case store: table '" + t.name + "' has no column '" + c.name + "'");
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

struct TableState {
    std::vector<StoredRow> rows;
    std::vector<GIntBig> fids; // parallel to rows
};

TableState readTable(OGRLayer* layer, const TableSpec& t, const std::string& path)
{
    const std::vector<int> idx = columnIndexes(layer, t, path);
    TableState s;
    layer->SetAttributeFilter(nullptr);
    layer->SetSpatialFilter(nullptr);
    layer->ResetReading();
    while (FeaturePtr f{layer->GetNextFeature()}) {
        StoredRow r;
        for (size_t c = 0; c < t.columns.size(); ++c) r.values.push_back(readValue(*f, idx[c], t.columns[c].type));
        if (t.hasPoint) {
            const OGRGeometry* g = f->GetGeometryRef();
            if (g && !g->IsEmpty() && wkbFlatten(g->getGeometryType()) == wkbPoint)
                r.point = LonLat{g->toPoint()->getX(), g->toPoint()->getY()};
        }
        s.rows.push_back(std::move(r));
        s.fids.push_back(f->GetFID());
    }
    layer->ResetReading();
    return s;
}

void setRow(OGRFeature& f, const TableSpec& t, const std::vector<int>& idx, const StoredRow& r)
{
    for (size_t c = 0; c < t.columns.size(); ++c) writeValue(f, idx[c], t.columns[c].type, r.values[c]);
    if (t.hasPoint) {
        if (r.point) {
            OGRPoint p(r.point->lon, r.point->lat); // the layer's CRS, EPSG:4326 lon/lat
            f.SetGeometry(&p);
        } else {
            f.SetGeometryDirectly(nullptr);
        }
    }
}

void createTables(GDALDataset& ds, const std::string& path)
{
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    auto create = [&](const char* name, bool point) {
        const char* options[] = {"FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES", nullptr};
        OGRLayer* layer = ds.CreateLayer(name, point ? &wgs84 : nullptr, point ? wkbPoint : wkbNone,
                                         const_cast<char**>(options));
        if (!layer) throw Error(path + ": cannot create table '" + name + "': " + lastGdalError());
        return layer;
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
            if (layer->CreateField(&def) != OGRERR_NONE)
                throw Error(path + ": cannot create column '" + col.name + "': " + lastGdalError());
        }
    }
    OGRLayer* meta = create(kMetaTable, false);
    for (const char* name : {"key", "value"}) {
        OGRFieldDefn def(name, OFTString);
        if (meta->CreateField(&def) != OGRERR_NONE) throw Error(path + ": cannot create the 'meta' table: " + lastGdalError());
    }
    for (auto [k, v] : {std::pair{"schema_version", std::to_string(kCaseSchemaVersion)},
                        std::pair{"application", std::string("compound-atlas case store")}}) {
        FeaturePtr f{OGRFeature::CreateFeature(meta->GetLayerDefn())};
        f->SetField("key", k);
        f->SetField("value", v.c_str());
        if (meta->CreateFeature(f.get()) != OGRERR_NONE) throw Error(path + ": cannot write the 'meta' table: " + lastGdalError());
    }
}

void pauseForTests()
{
    const char* env = std::getenv(kSleepInTransactionEnv);
    if (!env || !*env) return;
    std::cerr << "case store: in transaction" << std::endl;
    std::this_thread::sleep_for(std::chrono::duration<double>(std::atof(env)));
}

// Rewrites the tables of `ds` from `current` (what they hold, with FIDs) to `next`: deletes,
// updates and inserts by primary key. The caller holds the transaction.
void writeDiff(GDALDataset& ds, const std::string& path, const std::vector<TableState>& current,
               const std::vector<std::vector<StoredRow>>& next)
{
    const auto& specs = caseTables();
    for (size_t t = 0; t < specs.size(); ++t) {
        const TableSpec& spec = specs[t];
        OGRLayer* layer = requireLayer(ds, path, spec.name);
        const std::vector<int> idx = columnIndexes(layer, spec, path);
        std::map<std::string, size_t> have;
        for (size_t i = 0; i < current[t].rows.size(); ++i) have[current[t].rows[i].key(spec)] = i;
        std::map<std::string, const StoredRow*> want;
        for (const StoredRow& r : next[t]) want[r.key(spec)] = &r;

        auto fail = [&](const char* what) { throw Error(path + ": cannot " + what + " in '" + spec.name + "': " + lastGdalError()); };
        for (const auto& [key, i] : have)
            if (!want.count(key) && layer->DeleteFeature(current[t].fids[i]) != OGRERR_NONE) fail("delete a row");
        for (const auto& [key, row] : want) {
            auto it = have.find(key);
            if (it != have.end() && current[t].rows[it->second] == *row) continue;
            FeaturePtr f{OGRFeature::CreateFeature(layer->GetLayerDefn())};
            setRow(*f, spec, idx, *row);
            if (it != have.end()) {
                f->SetFID(current[t].fids[it->second]);
                if (layer->SetFeature(f.get()) != OGRERR_NONE) fail("update a row");
            } else if (layer->CreateFeature(f.get()) != OGRERR_NONE) {
                fail("insert a row");
            }
        }
    }
}

std::vector<TableState> readAll(GDALDataset& ds, const std::string& path)
{
    std::vector<TableState> out;
    for (const TableSpec& t : caseTables()) out.push_back(readTable(requireLayer(ds, path, t.name), t, path));
    return out;
}

std::vector<std::vector<StoredRow>> rowsOf(const std::vector<TableState>& tables)
{
    std::vector<std::vector<StoredRow>> out;
    for (const TableState& t : tables) out.push_back(t.rows);
    return out;
}

// The same rows in each table, whatever their order.
bool sameContent(const std::vector<std::vector<StoredRow>>& a, const std::vector<std::vector<StoredRow>>& b)
{
    const auto& specs = caseTables();
    for (size_t t = 0; t < specs.size(); ++t) {
        if (a[t].size() != b[t].size()) return false;
        std::multimap<std::string, const StoredRow*> rows;
        for (const StoredRow& r : a[t]) rows.emplace(r.key(specs[t]), &r);
        for (const StoredRow& r : b[t]) {
            auto [lo, hi] = rows.equal_range(r.key(specs[t]));
            auto it = lo;
            while (it != hi && !(*it->second == r)) ++it;
            if (it == hi) return false;
            rows.erase(it);
        }
    }
    return true;
}

// Runs `body` inside one transaction of `ds`; rolls back on any exception.
template <typename Body>
void inTransaction(GDALDataset& ds, const std::string& path, Body body)
{
    CPLErrorReset();
    if (ds.StartTransaction(FALSE) != OGRERR_NONE)
        throw Error(path + ": this datasource cannot write in a transaction; edits are refused to keep it consistent");
    try {
        body();
        pauseForTests();
    } catch (...) {
        ds.RollbackTransaction();
        throw;
    }
    if (ds.CommitTransaction() != OGRERR_NONE) {
        const std::string why = lastGdalError();
        ds.RollbackTransaction();
        throw Error(path + ": cannot commit the changes: " + why);
    }
}

void refuseInvalid(const std::string& path, const CaseData& data)
{
    const std::vector<CaseFinding> problems = validateCaseData(data);
    if (!problems.empty()) throw Error(path + ": not written: " + summarizeFindings(problems));
}

// Temporary files of earlier writers of `target` that were killed: ".NAME.PID.tmp" (and its
// "-journal") whose PID no longer runs.
void removeStaleTemps(const fs::path& target)
{
    std::error_code ec;
    const std::string prefix = "." + target.filename().string() + ".";
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const size_t end = name.find(".tmp", prefix.size());
        if (end == std::string::npos || (name.size() != end + 4 && name.substr(end) != ".tmp-journal")) continue;
        const std::string pidText = name.substr(prefix.size(), end - prefix.size());
        if (pidText.empty() || pidText.find_first_not_of("0123456789") != std::string::npos) continue;
        const pid_t pid = static_cast<pid_t>(std::stol(pidText));
        if (pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) fs::remove(e.path(), ec);
    }
}

} // namespace

struct CaseStore::Impl {
    std::string path;
    DatasetPtr ds;
    bool writable = false;
    int schemaVersion = 0;
    CaseData data;
    std::vector<std::vector<StoredRow>> stored; // the rows as last read or written
    std::vector<CaseFinding> loadProblems;
    std::vector<std::pair<std::string, CaseData>> undo; // description, content before

    void load()
    {
        loadProblems.clear();
        stored = rowsOf(readAll(*ds, path));
        data = fromRows(stored, loadProblems);
    }
};

CaseStore::CaseStore(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
CaseStore::CaseStore(CaseStore&&) noexcept = default;
CaseStore& CaseStore::operator=(CaseStore&&) noexcept = default;
CaseStore::~CaseStore() = default;

CaseStore CaseStore::open(const std::string& path, CaseAccess access)
{
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->ds = openDataset(path, access);
    impl->writable = access == CaseAccess::ReadWrite;
    impl->schemaVersion = readSchemaVersion(*impl->ds, path);
    if (impl->schemaVersion > kCaseSchemaVersion)
        throw Error(path + ": case store schema version " + std::to_string(impl->schemaVersion) +
                    " is newer than this program reads (" + std::to_string(kCaseSchemaVersion) +
                    "); use a newer Compound Atlas");
    // Version 1 is the first: there is nothing to migrate from yet.
    impl->load();
    return CaseStore(std::move(impl));
}

CaseStore CaseStore::create(const std::string& path)
{
    initGdal();
    std::error_code ec;
    GDALDriver* driver = nullptr;
    DatasetPtr ds;
    if (isPg(path)) {
        ds = openDataset(path, CaseAccess::ReadWrite);
        if (ds->GetLayerByName(kMetaTable)) throw Error(path + ": already holds a case store");
    } else {
        if (fs::path(path).extension() != ".gpkg") throw Error(path + ": a new case store file must end in .gpkg");
        if (fs::exists(path, ec)) throw Error(path + ": already exists");
        driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        if (!driver) throw Error("this GDAL has no GeoPackage driver");
        CPLErrorReset();
        ds.reset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) throw Error(path + ": cannot create: " + lastGdalError());
    }
    inTransaction(*ds, path, [&] { createTables(*ds, path); });
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->ds = std::move(ds);
    impl->writable = true;
    impl->schemaVersion = kCaseSchemaVersion;
    impl->load();
    return CaseStore(std::move(impl));
}

void CaseStore::writeNew(const std::string& path, const CaseData& data, bool overwrite)
{
    refuseInvalid(path, data);
    std::error_code ec;
    if (fs::path(path).extension() != ".gpkg") throw Error(path + ": the case store file must end in .gpkg");
    if (fs::exists(path, ec) && !overwrite) throw Error(path + ": already exists (use --force to replace it)");
    if (fs::is_directory(path, ec)) throw Error(path + ": is a directory");
    const fs::path target(path);
    const fs::path temp = target.parent_path() / ("." + target.filename().string() + "." + std::to_string(::getpid()) + ".tmp");
    removeStaleTemps(target);
    fs::remove(temp, ec);
    fs::remove(fs::path(temp.string() + "-journal"), ec);
    try {
        {
            initGdal();
            GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
            if (!driver) throw Error("this GDAL has no GeoPackage driver");
            CPLErrorReset();
            DatasetPtr ds(driver->Create(temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            if (!ds) throw Error(temp.string() + ": cannot create: " + lastGdalError());
            inTransaction(*ds, path, [&] {
                createTables(*ds, path);
                std::vector<TableState> empty(caseTables().size());
                writeDiff(*ds, path, empty, toRows(data));
            });
        } // closed here, before the rename
        fs::rename(temp, target, ec);
        if (ec) throw Error(path + ": cannot replace: " + ec.message());
    } catch (...) {
        fs::remove(temp, ec);
        throw;
    }
}

const std::string& CaseStore::path() const { return m_impl->path; }
int CaseStore::schemaVersion() const { return m_impl->schemaVersion; }
bool CaseStore::writable() const { return m_impl->writable; }
const CaseData& CaseStore::data() const { return m_impl->data; }
const std::vector<CaseFinding>& CaseStore::loadProblems() const { return m_impl->loadProblems; }

void CaseStore::commit(const CaseData& next, const std::string& description)
{
    Impl& m = *m_impl;
    if (!m.writable) throw Error(m.path + ": opened read-only; not written");
    CaseData sorted = next;
    sorted.sortRows();
    refuseInvalid(m.path, sorted);
    inTransaction(*m.ds, m.path, [&] {
        const std::vector<TableState> current = readAll(*m.ds, m.path);
        if (!sameContent(rowsOf(current), m.stored))
            throw Error(m.path + ": changed by another program since it was read; reload before editing");
        writeDiff(*m.ds, m.path, current, toRows(sorted));
    });
    m.stored = toRows(sorted);
    m.undo.emplace_back(description, std::move(m.data));
    m.data = std::move(sorted);
}

bool CaseStore::canUndo() const { return !m_impl->undo.empty(); }
std::string CaseStore::undoDescription() const { return m_impl->undo.empty() ? "" : m_impl->undo.back().first; }

void CaseStore::undo()
{
    Impl& m = *m_impl;
    if (m.undo.empty()) throw Error("nothing to undo");
    auto [description, before] = m.undo.back();
    commit(before, "undo " + description);
    m.undo.pop_back(); // the commit pushed the undone state
    m.undo.pop_back(); // and this entry is spent
}

void CaseStore::reload()
{
    m_impl->undo.clear();
    m_impl->load();
}

std::string defaultCaseStorePath()
{
    if (const char* env = std::getenv("ATLAS_CASES"); env && *env) return env;
    return std::string(ATLAS_SOURCE_DIR) + "/data/cases.gpkg";
}

} // namespace geo
