// Setting a case store up: `init` (create in an empty GeoPackage/PostgreSQL database, or migrate
// an older schema in place) and `copy` between GeoPackage and PostGIS in either direction.
#include "geo/cases/case_ogr.hpp"
#include "geo/cases/case_store.hpp"
#include "geo/error.hpp"

#include <gdal_priv.h>

#include <filesystem>

namespace geo {

using namespace caseio;

namespace {

std::string listNames(const std::vector<std::string>& names)
{
    std::string s;
    for (size_t i = 0; i < names.size() && i < 5; ++i) s += (i ? ", " : "") + names[i];
    if (names.size() > 5) s += ", and " + std::to_string(names.size() - 5) + " more";
    return s;
}

// Each step takes a store of version N to N+1 without losing anything; run in one transaction.
void migrate(GDALDataset& ds, const std::string& path, int from)
{
    for (int v = from; v < kCaseSchemaVersion; ++v) {
        if (v == 1) migrateToVersion2(ds, path);
    }
}

} // namespace

CaseStoreInit CaseStore::init(const std::string& path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    CaseStoreInit result;
    result.toVersion = kCaseSchemaVersion;
    if (!isPg(path) && !fs::exists(path, ec)) {
        create(path);
        result.action = CaseStoreInit::Action::Created;
        return result;
    }
    DatasetPtr ds = openDataset(path, CaseAccess::ReadWrite);
    if (!ds->GetLayerByName(kMetaTable)) {
        const std::vector<std::string> other = foreignTables(*ds);
        if (!other.empty())
            throw Error(shown(path) + ": holds tables that are not a case store's (" + listNames(other) +
                        "); refusing to add a case store there (use an empty database)");
        if (holdsAnyTable(*ds))
            throw Error(shown(path) + ": holds some case store tables but no 'meta' table; refusing to touch it");
        if (!isPg(path)) throw Error(shown(path) + ": not a case store (no 'meta' table)");
        ds.reset();
        create(path);
        result.action = CaseStoreInit::Action::Created;
        return result;
    }
    result.fromVersion = readSchemaVersion(*ds, path);
    if (result.fromVersion > kCaseSchemaVersion)
        throw Error(shown(path) + ": case store schema version " + std::to_string(result.fromVersion) +
                    " is newer than this program knows (" + std::to_string(kCaseSchemaVersion) + ")");
    // Every table must be there with its columns before anything is changed.
    readAll(*ds, path);
    if (result.fromVersion == kCaseSchemaVersion) return result;
    inTransaction(*ds, path, [&] { migrate(*ds, path, result.fromVersion); });
    result.action = CaseStoreInit::Action::Migrated;
    return result;
}

CaseData CaseStore::copy(const std::string& from, const std::string& to, bool overwrite)
{
    CaseData data;
    {
        CaseStore source = open(from);
        if (!source.loadProblems().empty())
            throw Error(source.path() + ": has values that cannot be read (" + source.loadProblems().front().message +
                        "); not copied: see `cases check`");
        data = source.data();
    }
    if (!isPg(to)) {
        writeNew(to, data, overwrite);
        return data;
    }
    bool hasStore = false;
    {
        DatasetPtr ds = openDataset(to, CaseAccess::ReadWrite);
        hasStore = ds->GetLayerByName(kMetaTable) != nullptr;
    }
    if (!hasStore) init(to); // refuses a database that holds other tables
    CaseStore target = open(to, CaseAccess::ReadWrite);
    const CaseData& have = target.data();
    const bool empty = have.compounds.empty() && have.incidents.empty() && have.sources.empty() && have.links.empty() &&
                       have.counts.empty() && have.incidentSources.empty() && have.compoundSources.empty();
    if (!empty && !overwrite)
        throw Error(target.path() + ": already holds a case store with " + std::to_string(have.compounds.size()) +
                    " compounds (use --force to replace its content)");
    target.commit(data, "copy from " + shown(from));
    return data;
}

} // namespace geo
