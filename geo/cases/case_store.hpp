// The case store: compounds, incidents and sources in any OGR datasource (a GeoPackage by
// default, PostGIS through "PG:..."), read into CaseData, written row by row in one transaction
// with per-row versions, so two analysts' edits to different rows both succeed.
#pragma once
#include "geo/cases/case_conflict.hpp"
#include "geo/cases/case_finding.hpp"
#include "geo/cases/case_model.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace geo {

enum class CaseAccess { ReadOnly, ReadWrite };

// The rows as read, with their row versions. An editor keeps the snapshot its form was filled
// from and commits against it, so a save made after a live reload (which moves the store to
// others' newer rows) is still checked against what the user saw: no silent overwrite.
struct CaseSnapshot {
    CaseData data;
    std::vector<std::map<std::string, int64_t>> versions; // per table: key -> row_version
};

// What CaseStore::init did.
struct CaseStoreInit {
    enum class Action { Created, Migrated, UpToDate } action = Action::UpToDate;
    int fromVersion = 0; // the version found (0 when created)
    int toVersion = 0;
};

class CaseStore {
public:
    // Opens an existing store and reads it all. Throws geo::Error (one line) when the path is
    // missing, is not a case store (no `meta` table or a table/column missing), or records a
    // schema version newer than kCaseSchemaVersion.
    // "PG:service=NAME" or "PG:host=... dbname=..." connects through libpq: passwords come from
    // a pg_service file, PGPASSFILE/~/.pgpass or the environment, and never appear in messages
    // or path(). A store of an older schema version opens, and commit asks for `cases init`.
    static CaseStore open(const std::string& path, CaseAccess access = CaseAccess::ReadOnly);

    // Only the rows about one compound: the compound, its sources, the incidents linked to it
    // with their links, counts and sources (attribute-filtered queries; for large PostGIS
    // stores where reading everything is slow). Read-only; data().incidentsFor(id) is complete.
    static CaseStore openCompound(const std::string& path, const std::string& compoundId);

    // Makes `path` hold a current case store: creates one in a new .gpkg file or an empty
    // PostgreSQL database, migrates an older version in place (in one transaction), or does
    // nothing when it is current. Refuses a datasource that holds tables which are not ours
    // (PostGIS's spatial_ref_sys and the like do not count), naming them.
    static CaseStoreInit init(const std::string& path);

    // Copies a whole store (GeoPackage or PostGIS, either direction). A .gpkg target is written
    // as writeNew does; a PG: target must be empty, or an empty case store, unless `overwrite`,
    // which replaces the content of an existing case store. Returns what was copied.
    static CaseData copy(const std::string& from, const std::string& to, bool overwrite);

    // Creates an empty store: a new GeoPackage file (path ending in .gpkg; refuses an existing
    // file) or the tables in a "PG:" database. The result is open for writing.
    static CaseStore create(const std::string& path);

    // Writes `data` to a new GeoPackage at `path`: validated first, written to a temporary file
    // in one transaction, then renamed over `path` (which must not exist unless `overwrite`).
    // A writer killed at any point leaves `path` as it was.
    static void writeNew(const std::string& path, const CaseData& data, bool overwrite);

    CaseStore(CaseStore&&) noexcept;
    CaseStore& operator=(CaseStore&&) noexcept;
    ~CaseStore();

    // The path or connection string as given, with any password removed (safe to show or save).
    const std::string& path() const;
    int schemaVersion() const;
    bool writable() const;

    // Everything in the store, rows sorted by key (CaseData::sortRows).
    const CaseData& data() const;
    // Values the reader could not interpret (an unknown status name, a malformed number), as
    // error findings; such rows are kept with a fallback value so the rest can be shown.
    const std::vector<CaseFinding>& loadProblems() const;

    // Makes the store hold `next`, in one transaction. Only the rows that differ from data()
    // are written, each checked against the row_version read with it: rows that others
    // changed meanwhile are not touched, and others' changes to other rows are kept (data()
    // afterwards holds both). Refused with nothing written when: `next` breaks a constraint
    // (validateCaseData), or would together with others' changes; the store is read-only or of
    // an older schema version; the datasource has no transactions; the connection drops
    // (geo::Error, one line; `next` and data() are untouched). A row someone else changed,
    // deleted or added since it was read throws CaseConflictError listing field by field
    // theirs vs yours: reload() to take theirs, or commitKeepingMine() to write over them.
    // The change goes on the undo stack. With `base`, `next` is an edit of that snapshot
    // (taken earlier, see snapshot()) instead of data(): rows are checked against its versions.
    void commit(const CaseData& next, const std::string& description, const CaseSnapshot* base = nullptr);

    // "Keep mine": commits `next` over the conflicting rows of `seen` (from a CaseConflictError),
    // but only if they are still as reported there; a newer change conflicts again.
    void commitKeepingMine(const CaseData& next, const std::string& description,
                           const std::vector<CaseConflict>& seen, const CaseSnapshot* base = nullptr);

    // data() and the row versions read with it (a copy).
    CaseSnapshot snapshot() const;

    // Undo the last commit(s) of this session, newest first (each in its own transaction).
    bool canUndo() const;
    std::string undoDescription() const; // "" when nothing to undo
    void undo();

    // Reads the store again (after another program changed it); clears the undo stack.
    void reload();

    // Live view: the store's change counter as of the last read or commit (every commit by
    // anyone raises it by one; 0 for a schema-1 store) ...
    int64_t changeCounter() const;
    // ... and a cheap poll (one small query): has anyone committed since? Then reload().
    // Throws geo::Error when the store cannot be reached.
    bool changedSinceRead() const;

private:
    struct Impl;
    explicit CaseStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// $ATLAS_CASES when set, else data/cases.gpkg of the source tree.
std::string defaultCaseStorePath();

// Test hook, read at each write: when the environment variable ATLAS_TEST_SLEEP_IN_TRANSACTION
// holds a number of seconds, a writer prints "case store: in transaction" on stderr and sleeps
// that long after writing its rows and before committing, so a test can kill it there.
constexpr const char* kSleepInTransactionEnv = "ATLAS_TEST_SLEEP_IN_TRANSACTION";

} // namespace geo
