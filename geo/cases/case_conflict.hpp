// What CaseStore::commit reports when rows it would write were changed by someone else since
// they were read: per row, the fields that differ (theirs vs yours), so a UI can offer
// "reload" or "keep mine" (CaseStore::commitKeepingMine).
#pragma once
#include "geo/error.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace geo {

struct FieldChange {
    std::string field;  // stored column name ("status", "notes"), or "location" for the point
    std::string theirs; // as stored now; "(empty)" for NULL, "(row deleted)" when the row is gone
    std::string yours;  // what the commit would write; "(empty)", or "(row deleted)" for a deletion
};

struct CaseConflict {
    std::string table;          // "compounds", "incident_counts", ...
    std::string key;            // "a7-park"; composite keys joined by " / "
    std::string what;           // "changed by someone else", "deleted by someone else", "added by someone else"
    int64_t theirsVersion = 0;  // the row_version stored now (0: the row no longer exists)
    std::vector<FieldChange> fields; // only the fields whose values differ
};

// Thrown by CaseStore::commit; nothing was written. what() is one line naming the first rows.
struct CaseConflictError : Error {
    CaseConflictError(const std::string& message, std::vector<CaseConflict> c)
        : Error(message), conflicts(std::move(c)) {}
    std::vector<CaseConflict> conflicts;
};

// "compounds 'a7-park' changed by someone else (status: theirs 'closed', yours 'raided')"
std::string describeConflict(const CaseConflict& c);

} // namespace geo
