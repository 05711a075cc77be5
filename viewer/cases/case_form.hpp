// Form state for editing the case store (a compound, an incident with its counts, sources and
// links) and the pure steps from a form to the CaseData to commit. No ImGui here: testable.
#pragma once
#include "geo/cases/case_conflict.hpp"
#include "geo/cases/case_model.hpp"
#include "geo/cases/case_store.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace viewer {

struct CompoundForm {
    bool isNew = true;         // the id can only be typed for a new compound
    geo::Compound original;    // keeps the fields the form does not show (stated country, ...)
    std::string id;
    std::string name;
    std::string aliases;       // one per line
    std::string kind = "scam compound";
    geo::CompoundStatus status = geo::CompoundStatus::Unknown;
    std::string statusDate;    // YYYY-MM-DD, or empty
    double lon = 0;
    double lat = 0;
    geo::LocationPrecision precision = geo::LocationPrecision::Site;
    std::string notes;
};

struct CountRow {
    std::string code; // ISO 3166-1 alpha-2 or "other"
    int64_t count = 0;
    bool operator==(const CountRow&) const = default;
};

struct SourceRow {
    std::string id; // slug; a new source when no stored source has it
    std::string publisher;
    std::string title;
    std::string url;
    std::string date; // YYYY-MM-DD, or empty
    std::string claim;
    bool operator==(const SourceRow&) const = default;
};

struct LinkRow {
    std::string compoundId;
    geo::LinkRelation relation = geo::LinkRelation::At;
    bool operator==(const LinkRow&) const = default;
};

struct IncidentForm {
    bool isNew = true;
    geo::Incident original;
    std::string id;
    geo::IncidentKind kind = geo::IncidentKind::Report;
    std::string start; // YYYY-MM-DD
    std::string end;   // empty: a single date
    geo::DatePrecision precision = geo::DatePrecision::Day;
    std::string summary;
    std::string total;     // a whole number, or empty when not recorded
    std::string personnel; // likewise
    std::vector<CountRow> counts;
    std::vector<SourceRow> sources;
    std::vector<LinkRow> links;
};

// Forms filled from stored rows, or for new ones.
CompoundForm compoundForm(const geo::Compound& c);
CompoundForm newCompoundForm(const geo::CaseData& data, geo::LonLat at);
// After "Reload" (take theirs): the form of `theirs`, except the fields the user changed from
// mine.original, which keep what was typed.
CompoundForm rebaseCompoundForm(const CompoundForm& mine, const geo::Compound& theirs);
IncidentForm incidentForm(const geo::CaseData& data, const geo::Incident& i);
// The same for an incident form: `base` is the data the form was filled from (its snapshot),
// `theirs` the store as read again. A field the user changed keeps what was typed; a list
// (counts, sources, links) the user changed in any way keeps the user's list whole. Every
// other field and list takes theirs. Mine unchanged when `theirs` no longer has the incident.
IncidentForm rebaseIncidentForm(const IncidentForm& mine, const geo::CaseData& base, const geo::CaseData& theirs);
IncidentForm newIncidentForm(const geo::CaseData& data, const std::string& compoundId);

// A form turned into the whole next CaseData, or the reason it cannot be (parse errors first,
// then the first validation problem of the result, as CaseEdit::problems() reports it).
struct FormOutcome {
    std::optional<geo::CaseData> next;
    std::string error;       // one problem a line; empty when `next` is set
    std::string description; // for the undo stack: "edit compound 'a7-park'"
    std::string id;          // the compound or incident written
};
FormOutcome applyCompoundForm(const geo::CaseData& base, const CompoundForm& f);
FormOutcome applyIncidentForm(const geo::CaseData& base, const IncidentForm& f);
FormOutcome moveCompound(const geo::CaseData& base, const std::string& compoundId, geo::LonLat to);

// Commits with CaseStore::commit (or commitKeepingMine when `keepMine` is given), catching what
// it throws so the form can show it and keep its contents. `base`: the snapshot the form was
// filled from (outcome.next is an edit of it).
struct SaveOutcome {
    bool saved = false;
    std::string error;                      // validation, I/O or conflict message
    std::vector<geo::CaseConflict> conflicts; // non-empty for a conflict
};
SaveOutcome saveCase(geo::CaseStore& store, const FormOutcome& outcome,
                     const std::vector<geo::CaseConflict>* keepMine = nullptr, const geo::CaseSnapshot* base = nullptr);

// "status: theirs 'closed', yours 'raided'" lines for a conflict dialog.
std::vector<std::string> describeConflicts(const std::vector<geo::CaseConflict>& conflicts);

// A slug from free text: "A7 Park!" -> "a7-park" (empty when nothing usable).
std::string slugify(const std::string& text);

} // namespace viewer

namespace viewer {

// What one editor window shows besides its form: the refusal or conflict of the last save.
struct EditorStatus {
    std::string error;
    std::vector<geo::CaseConflict> conflicts; // non-empty: offer "Reload" / "Keep mine"
    FormOutcome pending;                      // what "Keep mine" commits ...
    std::shared_ptr<const geo::CaseSnapshot> pendingBase; // ... against this: what `pending` is an edit of
    void clear() { *this = EditorStatus{}; }
};

// The store as the open form was filled from it. Saves commit against it, not against the
// store's latest read: the live view may have reloaded others' changes meanwhile, and the
// form must still conflict with them rather than overwrite them.
using FormBase = std::shared_ptr<const geo::CaseSnapshot>;

// Which map click the editor armed.
enum class ArmedClick { None, AddCompound, MoveCompound };

// The editing state of the case panel, held in CaseView; forms survive failed saves.
struct CaseEditing {
    ArmedClick armed = ArmedClick::None;
    std::string moveId;                    // the compound "Move" applies to
    std::optional<CompoundForm> compound;  // the open compound editor
    EditorStatus compoundStatus;
    FormBase compoundBase;
    std::optional<IncidentForm> incident;  // the open incident editor
    EditorStatus incidentStatus;
    FormBase incidentBase;
    int saves = 0;                         // successful commits this session (Undo is offered then)
};

} // namespace viewer
