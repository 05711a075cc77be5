// The case store: compounds, incidents and sources in any OGR datasource (a GeoPackage by
// default, PostGIS through "PG:..."), read whole into CaseData, written in one transaction.
#pragma once
#include "geo/cases/case_finding.hpp"
#include "geo/cases/case_model.hpp"

#include <memory>
#include <string>
#include <vector>

namespace geo {

enum class CaseAccess { ReadOnly, ReadWrite };

class CaseStore {
public:
    // Opens an existing store and reads it all. Throws geo::Error (one line) when the path is
    // missing, is not a case store (no `meta` table or a table/column missing), or records a
    // schema version newer than kCaseSchemaVersion.
    static CaseStore open(const std::string& path, CaseAccess access = CaseAccess::ReadOnly);

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

    const std::string& path() const;
    int schemaVersion() const;
    bool writable() const;

    // Everything in the store, rows sorted by key (CaseData::sortRows).
    const CaseData& data() const;
    // Values the reader could not interpret (an unknown status name, a malformed number), as
    // error findings; such rows are kept with a fallback value so the rest can be shown.
    const std::vector<CaseFinding>& loadProblems() const;

    // Makes the store hold `next`, in one transaction. Refused with geo::Error and nothing
    // written when: `next` breaks a constraint (validateCaseData), the store is read-only, the
    // datasource has no transactions, or another program changed the store since it was read.
    // Only changed rows are written. The previous content goes on the undo stack.
    void commit(const CaseData& next, const std::string& description);

    // Undo the last commit(s) of this session, newest first (each in its own transaction).
    bool canUndo() const;
    std::string undoDescription() const; // "" when nothing to undo
    void undo();

    // Reads the store again (after another program changed it); clears the undo stack.
    void reload();

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
