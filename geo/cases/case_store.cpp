// CaseStore through OGR's generic API (case_ogr.cpp), so a GeoPackage and a PostGIS database take
// the same path: reading, row-level commits with version checks and conflicts, undo, polling.
#include "geo/cases/case_store.hpp"
#include "geo/gdal_error.hpp"
#include "geo/cases/case_ogr.hpp"
#include "geo/cases/case_schema.hpp"
#include "geo/cases/case_validation.hpp"
#include "geo/data_dir.hpp"
#include "geo/error.hpp"
#include "geo/vector_source.hpp"

#include <gdal.h>
#include <gdal_priv.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <unistd.h>

namespace geo {

using namespace caseio;

namespace {

namespace fs = std::filesystem;

using Versions = std::vector<std::map<std::string, int64_t>>; // per table: key -> row_version

void refuseInvalid(const std::string& path, const CaseData& data)
{
    const std::vector<CaseFinding> problems = validateCaseData(data);
    if (!problems.empty()) throw Error(shown(path) + ": not written: " + summarizeFindings(problems));
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

std::map<std::string, const StoredRow*> byKey(const TableSpec& t, const std::vector<StoredRow>& rows)
{
    std::map<std::string, const StoredRow*> out;
    for (const StoredRow& r : rows) out[r.key(t)] = &r;
    return out;
}

std::string displayKey(std::string key)
{
    for (size_t at; (at = key.find('\x1f')) != std::string::npos;) key.replace(at, 1, " / ");
    return key;
}

std::string fieldText(const std::optional<std::string>& v) { return v ? *v : "(empty)"; }

std::string pointText(const std::optional<LonLat>& p)
{
    if (!p) return "(empty)";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.7f, %.7f", p->lon, p->lat);
    return buf;
}

// The fields in which `theirs` and `yours` differ (either may be absent: a deleted row).
std::vector<FieldChange> fieldChanges(const TableSpec& t, const StoredRow* theirs, const StoredRow* yours)
{
    std::vector<FieldChange> out;
    const std::string gone = "(row deleted)";
    for (size_t c = 0; c < t.columns.size(); ++c) {
        const std::optional<std::string> a = theirs ? theirs->values[c] : std::nullopt;
        const std::optional<std::string> b = yours ? yours->values[c] : std::nullopt;
        if (theirs && yours && a == b) continue;
        if (!theirs && !yours) continue;
        out.push_back({t.columns[c].name, theirs ? fieldText(a) : gone, yours ? fieldText(b) : gone});
    }
    if (t.hasPoint) {
        const std::optional<LonLat> a = theirs ? theirs->point : std::nullopt;
        const std::optional<LonLat> b = yours ? yours->point : std::nullopt;
        const bool same = a.has_value() == b.has_value() && (!a || (a->lon == b->lon && a->lat == b->lat));
        if (theirs && yours && !same) out.push_back({"location", pointText(a), pointText(b)});
    }
    return out;
}

std::string conflictMessage(const std::string& path, const std::vector<CaseConflict>& conflicts)
{
    std::string m = shown(path) + ": not saved: " + std::to_string(conflicts.size()) +
                    (conflicts.size() == 1 ? " row was" : " rows were") + " changed by someone else since you read " +
                    (conflicts.size() == 1 ? "it: " : "them: ");
    for (size_t i = 0; i < conflicts.size() && i < 3; ++i) m += (i ? "; " : "") + describeConflict(conflicts[i]);
    if (conflicts.size() > 3) m += "; and " + std::to_string(conflicts.size() - 3) + " more";
    return m + ". Reload to see theirs, or keep yours to save over them";
}

// `current` with `rows` (by key; null = delete) put in, for the check of the merged result.
std::vector<std::vector<StoredRow>> merged(const std::vector<TableState>& current,
                                           const std::vector<std::map<std::string, const StoredRow*>>& puts)
{
    const auto& specs = caseTables();
    std::vector<std::vector<StoredRow>> out(specs.size());
    for (size_t t = 0; t < specs.size(); ++t) {
        std::map<std::string, const StoredRow*> rows = byKey(specs[t], current[t].rows);
        for (const auto& [key, row] : puts[t]) {
            if (row)
                rows[key] = row;
            else
                rows.erase(key);
        }
        for (const auto& [key, row] : rows) out[t].push_back(*row);
    }
    return out;
}

Versions versionsOf(const std::vector<TableState>& tables)
{
    const auto& specs = caseTables();
    Versions v(specs.size());
    for (size_t t = 0; t < specs.size(); ++t)
        for (size_t i = 0; i < tables[t].rows.size(); ++i) v[t][tables[t].rows[i].key(specs[t])] = tables[t].versions[i];
    return v;
}

std::vector<std::vector<StoredRow>> rowsOf(std::vector<TableState>& tables)
{
    std::vector<std::vector<StoredRow>> out;
    for (TableState& t : tables) out.push_back(std::move(t.rows));
    return out;
}

// `current` with the rows that differ between `before` and `after` set back to `before`.
CaseData revert(const CaseData& current, const CaseData& before, const CaseData& after)
{
    const auto& specs = caseTables();
    const auto cur = toRows(current), b = toRows(before), a = toRows(after);
    std::vector<std::vector<StoredRow>> out(specs.size());
    for (size_t t = 0; t < specs.size(); ++t) {
        std::map<std::string, const StoredRow*> rows = byKey(specs[t], cur[t]);
        const auto bk = byKey(specs[t], b[t]), ak = byKey(specs[t], a[t]);
        std::set<std::string> keys;
        for (const auto& [k, r] : bk) keys.insert(k);
        for (const auto& [k, r] : ak) keys.insert(k);
        for (const std::string& k : keys) {
            auto bi = bk.find(k), ai = ak.find(k);
            const StoredRow* br = bi == bk.end() ? nullptr : bi->second;
            const StoredRow* ar = ai == ak.end() ? nullptr : ai->second;
            if ((br && ar && *br == *ar) || (!br && !ar)) continue;
            if (br)
                rows[k] = br;
            else
                rows.erase(k);
        }
        for (const auto& [k, r] : rows) out[t].push_back(*r);
    }
    std::vector<CaseFinding> ignored;
    return fromRows(out, ignored);
}

struct ConflictKey {
    std::string table, key;
    auto operator<=>(const ConflictKey&) const = default;
};

} // namespace

std::string describeConflict(const CaseConflict& c)
{
    std::string s = c.table + " '" + c.key + "' " + c.what;
    std::string f;
    for (size_t i = 0; i < c.fields.size() && i < 4; ++i)
        f += (i ? ", " : "") + c.fields[i].field + ": theirs '" + c.fields[i].theirs + "', yours '" + c.fields[i].yours + "'";
    if (c.fields.size() > 4) f += ", ...";
    return f.empty() ? s : s + " (" + f + ")";
}

struct CaseStore::Impl {
    std::string path;  // as given (may hold a password: never shown)
    std::string display; // redacted
    DatasetPtr ds;
    bool writable = false;
    int schemaVersion = 0;
    int64_t changeCounter = 0;
    CaseData data;
    Versions versions;
    std::vector<CaseFinding> loadProblems;
    struct UndoStep {
        std::string description;
        CaseData before, after;
    };
    std::vector<UndoStep> undo;

    void load()
    {
        inSnapshot(*ds, [&] {
            changeCounter = schemaVersion >= 2 ? readChangeCounter(*ds, path) : 0;
            std::vector<TableState> tables = readAll(*ds, path);
            versions = versionsOf(tables);
            loadProblems.clear();
            data = fromRows(rowsOf(tables), loadProblems);
        });
    }

    static std::unique_ptr<Impl> openImpl(const std::string& path, CaseAccess access);
    void commitRows(const CaseData& next, const std::string& description, const std::map<ConflictKey, int64_t>& seen,
                    const CaseSnapshot* base);
};

CaseStore::CaseStore(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
CaseStore::CaseStore(CaseStore&&) noexcept = default;
CaseStore& CaseStore::operator=(CaseStore&&) noexcept = default;
CaseStore::~CaseStore() = default;

std::unique_ptr<CaseStore::Impl> CaseStore::Impl::openImpl(const std::string& path, CaseAccess access)
{
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->display = caseio::shown(path);
    impl->ds = openDataset(path, access);
    impl->writable = access == CaseAccess::ReadWrite;
    impl->schemaVersion = readSchemaVersion(*impl->ds, path);
    if (impl->schemaVersion > kCaseSchemaVersion)
        throw Error(impl->display + ": case store schema version " + std::to_string(impl->schemaVersion) +
                    " is newer than this program reads (" + std::to_string(kCaseSchemaVersion) +
                    "); use a newer Compound Atlas");
    return impl;
}

CaseStore CaseStore::open(const std::string& path, CaseAccess access)
{
    auto impl = Impl::openImpl(path, access);
    impl->load();
    return CaseStore(std::move(impl));
}

CaseStore CaseStore::openCompound(const std::string& path, const std::string& compoundId)
{
    auto impl = Impl::openImpl(path, CaseAccess::ReadOnly);
    Impl& m = *impl;
    inSnapshot(*m.ds, [&] {
        m.changeCounter = m.schemaVersion >= 2 ? readChangeCounter(*m.ds, path) : 0;
        // compounds 0, incidents 1, incident_compounds 2, incident_counts 3, sources 4,
        // incident_sources 5, compound_sources 6 (caseTables order)
        std::vector<TableState> t(caseTables().size());
        t[0] = readWhere(*m.ds, path, 0, "id", {compoundId});
        t[2] = readWhere(*m.ds, path, 2, "compound_id", {compoundId});
        std::vector<std::string> incidents;
        for (const StoredRow& r : t[2].rows) incidents.push_back(r.values[0].value_or(""));
        t[1] = readWhere(*m.ds, path, 1, "id", incidents);
        // All links of those incidents (an incident's panel names its other compounds too).
        t[2] = readWhere(*m.ds, path, 2, "incident_id", incidents);
        std::vector<std::string> others;
        for (const StoredRow& r : t[2].rows)
            if (r.values[1].value_or("") != compoundId) others.push_back(r.values[1].value_or(""));
        TableState more = readWhere(*m.ds, path, 0, "id", others);
        for (size_t i = 0; i < more.rows.size(); ++i) {
            t[0].rows.push_back(std::move(more.rows[i]));
            t[0].fids.push_back(more.fids[i]);
            t[0].versions.push_back(more.versions[i]);
        }
        t[3] = readWhere(*m.ds, path, 3, "incident_id", incidents);
        t[5] = readWhere(*m.ds, path, 5, "incident_id", incidents);
        t[6] = readWhere(*m.ds, path, 6, "compound_id", {compoundId});
        std::set<std::string> sourceIds;
        for (const StoredRow& r : t[5].rows) sourceIds.insert(r.values[1].value_or(""));
        for (const StoredRow& r : t[6].rows) sourceIds.insert(r.values[1].value_or(""));
        t[4] = readWhere(*m.ds, path, 4, "id", {sourceIds.begin(), sourceIds.end()});
        m.versions = versionsOf(t);
        m.data = fromRows(rowsOf(t), m.loadProblems);
    });
    return CaseStore(std::move(impl));
}

CaseStore CaseStore::create(const std::string& path)
{
    initGdal();
    std::error_code ec;
    DatasetPtr ds;
    if (isPg(path)) {
        ds = openDataset(path, CaseAccess::ReadWrite);
        if (ds->GetLayerByName(kMetaTable)) throw Error(shown(path) + ": already holds a case store");
        if (const auto other = foreignTables(*ds); !other.empty())
            throw Error(shown(path) + ": holds other tables (" + other.front() +
                        (other.size() > 1 ? ", ..." : "") + "); a case store needs an empty database");
    } else {
        if (fs::path(path).extension() != ".gpkg") throw Error(path + ": a new case store file must end in .gpkg");
        if (fs::exists(path, ec)) throw Error(path + ": already exists");
        GDALDriverH driver = GDALGetDriverByName("GPKG");
        if (!driver) throw Error("this GDAL has no GeoPackage driver");
        ds.reset(static_cast<GDALDataset*>(GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr)));
        if (!ds) throw Error(path + ": cannot create: " + lastGdalErrorLine());
    }
    inTransaction(*ds, path, [&] { createTables(*ds, path); });
    ds.reset(); // PostgreSQL: reopen, so the new tables are read through fresh layer definitions
    return open(path, CaseAccess::ReadWrite);
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
            GDALDriverH driver = GDALGetDriverByName("GPKG");
            if (!driver) throw Error("this GDAL has no GeoPackage driver");
            DatasetPtr ds(static_cast<GDALDataset*>(GDALCreate(driver, temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr)));
            if (!ds) throw Error(temp.string() + ": cannot create: " + lastGdalErrorLine());
            inTransaction(*ds, path, [&] {
                createTables(*ds, path);
                const auto rows = toRows(data);
                for (size_t t = 0; t < rows.size(); ++t)
                    for (const StoredRow& r : rows[t]) writeRow(*ds, path, t, r, 1, std::nullopt);
            });
        } // closed here, before the rename
        fs::rename(temp, target, ec);
        if (ec) throw Error(path + ": cannot replace: " + ec.message());
    } catch (...) {
        fs::remove(temp, ec);
        throw;
    }
}

const std::string& CaseStore::path() const { return m_impl->display; }
int CaseStore::schemaVersion() const { return m_impl->schemaVersion; }
bool CaseStore::writable() const { return m_impl->writable; }
const CaseData& CaseStore::data() const { return m_impl->data; }
const std::vector<CaseFinding>& CaseStore::loadProblems() const { return m_impl->loadProblems; }
int64_t CaseStore::changeCounter() const { return m_impl->changeCounter; }

bool CaseStore::changedSinceRead() const
{
    Impl& m = *m_impl;
    if (m.schemaVersion < 2) return false;
    return readChangeCounter(*m.ds, m.path) != m.changeCounter;
}

void CaseStore::Impl::commitRows(const CaseData& next, const std::string& description,
                                 const std::map<ConflictKey, int64_t>& seen, const CaseSnapshot* base)
{
    // What `next` is an edit of: the caller's snapshot, or the rows as last read.
    const CaseData& baseData = base ? base->data : data;
    const Versions& baseVersions = base ? base->versions : versions;
    if (!writable) throw Error(display + ": opened read-only; not written");
    if (schemaVersion < kCaseSchemaVersion)
        throw Error(display + ": case store schema version " + std::to_string(schemaVersion) +
                    " is older than this program writes (" + std::to_string(kCaseSchemaVersion) +
                    "); run `compound-atlas cases init --db ...` to migrate it; not written");
    CaseData sorted = next;
    sorted.sortRows();
    refuseInvalid(path, sorted);
    const auto& specs = caseTables();
    const auto baseRows = toRows(baseData);
    const auto nextRows = toRows(sorted);

    std::vector<TableState> current;
    std::vector<std::vector<StoredRow>> result;
    std::vector<std::map<std::string, std::optional<int64_t>>> written(specs.size()); // key -> new version, none: deleted
    int64_t counter = 0;
    inTransaction(*ds, path, [&] {
        counter = bumpChangeCounter(*ds, path); // first: later writers wait here on PostgreSQL
        current = readAll(*ds, path);
        std::vector<CaseConflict> conflicts;
        std::vector<std::map<std::string, const StoredRow*>> puts(specs.size());
        for (size_t t = 0; t < specs.size(); ++t) {
            const TableSpec& spec = specs[t];
            const auto base = byKey(spec, baseRows[t]), want = byKey(spec, nextRows[t]);
            std::map<std::string, size_t> now;
            for (size_t i = 0; i < current[t].rows.size(); ++i) now[current[t].rows[i].key(spec)] = i;
            std::set<std::string> keys;
            for (const auto& [k, r] : base) keys.insert(k);
            for (const auto& [k, r] : want) keys.insert(k);
            for (const std::string& key : keys) {
                auto bi = base.find(key), wi = want.find(key);
                const StoredRow* b = bi == base.end() ? nullptr : bi->second;
                const StoredRow* w = wi == want.end() ? nullptr : wi->second;
                if ((b && w && *b == *w) || (!b && !w)) continue; // not changed by this edit
                auto ni = now.find(key);
                const StoredRow* theirs = ni == now.end() ? nullptr : &current[t].rows[ni->second];
                const int64_t theirsVersion = theirs ? current[t].versions[ni->second] : 0;
                int64_t expected = 0;
                if (auto si = seen.find({spec.name, displayKey(key)}); si != seen.end())
                    expected = si->second;
                else if (b)
                    expected = baseVersions[t].count(key) ? baseVersions[t].at(key) : 0;
                if (theirsVersion != expected) {
                    const bool same = (theirs && w && *theirs == *w) || (!theirs && !w);
                    if (same) continue; // someone else made the very same change
                    CaseConflict c;
                    c.table = spec.name;
                    c.key = displayKey(key);
                    c.what = !theirs ? "deleted by someone else" : expected == 0 ? "added by someone else" : "changed by someone else";
                    c.theirsVersion = theirsVersion;
                    c.fields = fieldChanges(spec, theirs, w);
                    conflicts.push_back(std::move(c));
                    continue;
                }
                const int64_t newVersion = std::max(theirsVersion, expected) + 1;
                written[t][key] = w ? std::optional<int64_t>(newVersion) : std::nullopt;
                if (!w) {
                    if (theirs) deleteRow(*ds, path, t, current[t].fids[ni->second]);
                } else {
                    writeRow(*ds, path, t, *w, newVersion,
                             theirs ? std::optional<int64_t>(current[t].fids[ni->second]) : std::nullopt);
                }
                puts[t][key] = w;
            }
        }
        if (!conflicts.empty()) {
            std::string message = conflictMessage(path, conflicts);
            throw CaseConflictError(message, std::move(conflicts));
        }
        // Others' changes to other rows stay; together with them the store must still hold.
        result = merged(current, puts);
        std::vector<CaseFinding> ignored;
        const std::vector<CaseFinding> problems = validateCaseData(fromRows(result, ignored));
        if (!problems.empty())
            throw Error(display + ": not saved: together with changes saved meanwhile by someone else, " +
                        summarizeFindings(problems) + "; reload and edit again");
    });
    // Saved: take the store as it now is (ours and others' rows) with the new versions.
    Versions newVersions = versionsOf(current);
    for (size_t t = 0; t < specs.size(); ++t)
        for (const auto& [key, version] : written[t]) {
            if (version)
                newVersions[t][key] = *version;
            else
                newVersions[t].erase(key);
        }
    CaseData before = base ? base->data : std::move(data); // undo reverts only this edit
    loadProblems.clear();
    data = fromRows(result, loadProblems);
    versions = std::move(newVersions);
    changeCounter = counter;
    undo.push_back({description, std::move(before), std::move(sorted)});
}

void CaseStore::commit(const CaseData& next, const std::string& description, const CaseSnapshot* base)
{
    m_impl->commitRows(next, description, {}, base);
}

void CaseStore::commitKeepingMine(const CaseData& next, const std::string& description,
                                  const std::vector<CaseConflict>& seen, const CaseSnapshot* base)
{
    std::map<ConflictKey, int64_t> s;
    for (const CaseConflict& c : seen) s[{c.table, c.key}] = c.theirsVersion;
    m_impl->commitRows(next, description, s, base);
}

CaseSnapshot CaseStore::snapshot() const { return {m_impl->data, m_impl->versions}; }

bool CaseStore::canUndo() const { return !m_impl->undo.empty(); }
std::string CaseStore::undoDescription() const { return m_impl->undo.empty() ? "" : m_impl->undo.back().description; }

void CaseStore::undo()
{
    Impl& m = *m_impl;
    if (m.undo.empty()) throw Error("nothing to undo");
    const Impl::UndoStep step = m.undo.back();
    // Only this session's change is reverted; rows others changed since stay as they are.
    commit(revert(m.data, step.before, step.after), "undo " + step.description);
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
    return dataFile("data/cases.gpkg");
}

} // namespace geo
