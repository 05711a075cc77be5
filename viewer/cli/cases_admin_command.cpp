// `compound-atlas cases init|copy|set-status`: create or migrate a store, copy one between
// GeoPackage and PostGIS, and the smallest edit (a compound's status) for scripts and tests.
#include "viewer/cli/cases_admin_command.hpp"
#include "geo/cases/case_edit.hpp"
#include "geo/cases/case_store.hpp"
#include "geo/error.hpp"

#include <iostream>
#include <memory>

namespace viewer {

namespace {

struct AdminOptions {
    std::string db;
    std::string from;
    std::string to;
    std::string id;
    std::string status;
    std::string date;
    bool force = false;
    bool keepMine = false;
};

std::string dbPath(const AdminOptions& o) { return o.db.empty() ? geo::defaultCaseStorePath() : o.db; }

int runInit(const AdminOptions& o)
{
    const geo::CaseStoreInit r = geo::CaseStore::init(dbPath(o));
    const std::string shown = geo::CaseStore::open(dbPath(o)).path();
    switch (r.action) {
    case geo::CaseStoreInit::Action::Created:
        std::cout << shown << ": created an empty case store (schema version " << r.toVersion << ")\n";
        break;
    case geo::CaseStoreInit::Action::Migrated:
        std::cout << shown << ": migrated from schema version " << r.fromVersion << " to " << r.toVersion << "\n";
        break;
    case geo::CaseStoreInit::Action::UpToDate:
        std::cout << shown << ": already a case store of schema version " << r.toVersion << "; nothing to do\n";
        break;
    }
    return kExitOk;
}

int runCopy(const AdminOptions& o)
{
    const geo::CaseData d = geo::CaseStore::copy(o.from, o.to, o.force);
    std::cout << "copied " << d.compounds.size() << " compounds, " << d.incidents.size() << " incidents, "
              << d.sources.size() << " sources to " << geo::CaseStore::open(o.to).path() << "\n";
    return kExitOk;
}

int runSetStatus(const AdminOptions& o)
{
    const std::optional<geo::CompoundStatus> status = geo::parseCompoundStatus(o.status);
    if (!status) throw geo::Error("'" + o.status + "' is not a status (active, raided, closed, unknown)");
    std::optional<geo::CaseDate> date;
    if (!o.date.empty()) {
        date = geo::parseCaseDate(o.date);
        if (!date || !date->valid()) throw geo::Error("'" + o.date + "' is not a date (YYYY-MM-DD)");
    }
    geo::CaseStore store = geo::CaseStore::open(dbPath(o), geo::CaseAccess::ReadWrite);
    const geo::Compound* found = store.data().findCompound(o.id);
    if (!found) throw geo::Error("no compound '" + o.id + "' in " + store.path() + " (see `cases list`)");
    geo::Compound c = *found;
    const std::string was = geo::nameOf(c.status);
    c.status = *status;
    if (date) c.statusDate = date;
    geo::CaseEdit edit(store.data());
    edit.putCompound(c);
    const std::string what = "status of " + o.id + " to " + o.status;
    try {
        store.commit(edit.data(), what);
    } catch (const geo::CaseConflictError& e) {
        if (!o.keepMine) throw;
        std::cerr << "compound-atlas: keeping yours over: " << geo::describeConflict(e.conflicts.front()) << "\n";
        store.commitKeepingMine(edit.data(), what, e.conflicts);
    }
    std::cout << store.path() << ": " << o.id << " status " << o.status << " (was " << was << ")\n";
    return kExitOk;
}

} // namespace

void addCasesAdminCommands(CLI::App& cases, Dispatch& d)
{
    auto o = std::make_shared<AdminOptions>();
    const char* dbHelp = "Case store: a GeoPackage or PG:... (default: data/cases.gpkg, or $ATLAS_CASES)";

    CLI::App* init = cases.add_subcommand(
        "init", "Create a case store (a new .gpkg, or the tables in an empty PostgreSQL/PostGIS database), or migrate "
                "an older schema version in place. Refuses a database that holds other tables");
    init->add_option("--db", o->db, dbHelp)->required();
    init->callback([&d, o] { d.action = [o] { return runInit(*o); }; });

    CLI::App* copy = cases.add_subcommand(
        "copy", "Copy a whole case store between GeoPackage and PostGIS (either direction), losing nothing");
    copy->add_option("--from", o->from, "Store to read: a .gpkg or PG:...")->required();
    copy->add_option("--to", o->to, "Store to write: a new .gpkg, or PG:... (an empty database or empty case store)")
        ->required();
    copy->add_flag("--force", o->force, "Replace an existing .gpkg file, or the content of an existing case store");
    copy->callback([&d, o] { d.action = [o] { return runCopy(*o); }; });

    CLI::App* setStatus = cases.add_subcommand(
        "set-status", "Set a compound's status in one transaction. Exit 1 with a conflict message when someone else "
                      "changed that compound since it was read");
    setStatus->add_option("ID", o->id, "Compound id (e.g. a7-park)")->required();
    setStatus->add_option("STATUS", o->status, "active, raided, closed or unknown")->required();
    setStatus->add_option("--date", o->date, "Status date, YYYY-MM-DD");
    setStatus->add_option("--db", o->db, dbHelp);
    setStatus->add_flag("--keep-mine", o->keepMine, "On a conflict, save over the other change (it is named on stderr)");
    setStatus->callback([&d, o] { d.action = [o] { return runSetStatus(*o); }; });
}

} // namespace viewer
