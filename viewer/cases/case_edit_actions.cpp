// Editor actions on the Session's CaseView: forms, saves against their snapshot, conflicts.
#include "viewer/cases/case_edit_actions.hpp"

namespace viewer {

namespace {

// The snapshot a form is filled from: the rows the panel shows, with their versions.
FormBase snapshotOf(CaseView& cases) { return cases.snapshot(); }

// Our own Move is not someone else's change: an open form on the compound takes the new place
// and saves against the rows as they now are.
void formFollowsMove(Session& s, const std::string& compoundId)
{
    CaseEditing& ed = s.cases.editing;
    if (!ed.compound || ed.compound->id != compoundId) return;
    const geo::Compound* c = s.cases.data().findCompound(compoundId);
    if (!c) return;
    ed.compound->lon = c->location.lon;
    ed.compound->lat = c->location.lat;
    ed.compound->original = *c;
    ed.compoundBase = snapshotOf(s.cases);
}

// Our own undo is not someone else's change: the open forms show the rows it left (the user's
// unsaved typing kept) and save against them. `before`: the rows before the undo, for an
// incident form without a snapshot of its own.
void formsFollowUndo(Session& s, const geo::CaseData& before)
{
    CaseEditing& ed = s.cases.editing;
    const geo::CaseData& now = s.cases.data();
    if (ed.compound && !ed.compound->isNew) {
        if (const geo::Compound* c = now.findCompound(ed.compound->id)) ed.compound = rebaseCompoundForm(*ed.compound, *c);
        else ed.compound->isNew = true; // the undo removed the row: saving adds it again
    }
    if (ed.incident && !ed.incident->isNew) {
        if (now.findIncident(ed.incident->id))
            ed.incident = rebaseIncidentForm(*ed.incident, ed.incidentBase ? ed.incidentBase->data : before, now);
        else ed.incident->isNew = true;
    }
    if (ed.compound) ed.compoundBase = snapshotOf(s.cases);
    if (ed.incident) ed.incidentBase = snapshotOf(s.cases);
}

} // namespace

bool canUndoEdit(Session& s)
{
    if (s.cases.editing.saves == 0) return false;
    try {
        return s.cases.writableStore().canUndo();
    } catch (const std::exception&) {
        return false;
    }
}

bool undoLastEdit(Session& s)
{
    CaseView& cases = s.cases;
    if (!canUndoEdit(s)) return false;
    try {
        geo::CaseStore& store = cases.writableStore();
        const std::string what = store.undoDescription();
        CaseEditing& ed = cases.editing;
        const geo::CaseData before = ed.incident && !ed.incidentBase ? cases.data() : geo::CaseData{};
        store.undo();
        cases.storeChanged();
        formsFollowUndo(s, before);
        s.toast("Undone: " + what);
        return true;
    } catch (const std::exception& e) {
        s.toast(std::string("Undo failed: ") + e.what(), 10);
        return false;
    }
}

void closeCompoundEditor(Session& s)
{
    CaseEditing& ed = s.cases.editing;
    ed.compound.reset();
    ed.compoundStatus.clear();
    ed.compoundBase.reset(); // else a later Keep mine or save could commit against it
}

void closeIncidentEditor(Session& s)
{
    CaseEditing& ed = s.cases.editing;
    ed.incident.reset();
    ed.incidentStatus.clear();
    ed.incidentBase.reset();
}

bool moveCompoundTo(Session& s, const std::string& compoundId, geo::LonLat to)
{
    // The snapshot first: writableStore() may reopen the store, reading rows newer than shown.
    const FormBase base = snapshotOf(s.cases);
    if (!base) return false;
    if (!saveEdit(s, moveCompound(base->data, compoundId, to), s.cases.editing.compoundStatus, base)) return false;
    formFollowsMove(s, compoundId);
    return true;
}

bool openCompoundEditor(Session& s, const std::string& compoundId)
{
    CaseEditing& ed = s.cases.editing;
    const geo::Compound* c = s.cases.hasData() ? s.cases.data().findCompound(compoundId) : nullptr;
    if (!c) return false;
    ed.compound = compoundForm(*c);
    ed.compoundStatus.clear();
    ed.compoundBase = snapshotOf(s.cases);
    return true;
}

void openNewCompound(Session& s, geo::LonLat at)
{
    CaseEditing& ed = s.cases.editing;
    ed.compound = newCompoundForm(s.cases.data(), at);
    ed.compoundStatus.clear();
    ed.compoundBase = snapshotOf(s.cases);
}

bool openIncidentEditor(Session& s, const std::string& incidentId)
{
    CaseEditing& ed = s.cases.editing;
    const geo::Incident* i = s.cases.hasData() ? s.cases.data().findIncident(incidentId) : nullptr;
    if (!i) return false;
    ed.incident = incidentForm(s.cases.data(), *i);
    ed.incidentStatus.clear();
    ed.incidentBase = snapshotOf(s.cases);
    return true;
}

void openNewIncident(Session& s, const std::string& compoundId)
{
    CaseEditing& ed = s.cases.editing;
    ed.incident = newIncidentForm(s.cases.data(), compoundId);
    ed.incidentStatus.clear();
    ed.incidentBase = snapshotOf(s.cases);
}

bool saveEdit(Session& s, const FormOutcome& outcome, EditorStatus& status, const FormBase& base)
{
    if (!outcome.next) { // refused before anything is written
        status.clear();
        status.error = outcome.error;
        return false;
    }
    SaveOutcome saved;
    try {
        saved = saveCase(s.cases.writableStore(), outcome, nullptr, base.get());
    } catch (const std::exception& e) {
        saved.error = e.what();
    }
    if (!saved.saved) {
        status.clear();
        status.error = saved.error;
        status.conflicts = std::move(saved.conflicts);
        if (!status.conflicts.empty()) {
            status.pending = outcome;
            // Null base: the commit was against the store as last read, which it left unchanged.
            status.pendingBase = base ? base : snapshotOf(s.cases);
        }
        return false;
    }
    status.clear();
    ++s.cases.editing.saves;
    s.cases.storeChanged();
    s.toast("Saved: " + outcome.description);
    return true;
}

bool saveCompoundForm(Session& s)
{
    CaseEditing& ed = s.cases.editing;
    if (!ed.compound) return false;
    CompoundForm& f = *ed.compound;
    const geo::CaseData& base = ed.compoundBase ? ed.compoundBase->data : s.cases.data();
    const FormOutcome outcome = applyCompoundForm(base, f);
    if (!saveEdit(s, outcome, ed.compoundStatus, ed.compoundBase)) return false;
    s.cases.select(outcome.id);
    if (const geo::Compound* c = s.cases.data().findCompound(outcome.id)) f = compoundForm(*c);
    ed.compoundBase = snapshotOf(s.cases);
    return true;
}

bool saveIncidentForm(Session& s)
{
    CaseEditing& ed = s.cases.editing;
    if (!ed.incident) return false;
    IncidentForm& f = *ed.incident;
    const geo::CaseData& base = ed.incidentBase ? ed.incidentBase->data : s.cases.data();
    const FormOutcome outcome = applyIncidentForm(base, f);
    if (!saveEdit(s, outcome, ed.incidentStatus, ed.incidentBase)) return false;
    if (const geo::Incident* i = s.cases.data().findIncident(outcome.id)) f = incidentForm(s.cases.data(), *i);
    ed.incidentBase = snapshotOf(s.cases);
    return true;
}

void reloadTheirs(Session& s, EditorStatus& status, FormBase& base)
{
    CaseEditing& ed = s.cases.editing;
    try {
        s.cases.writableStore().reload();
        s.cases.storeChanged();
        ed.saves = 0; // reload clears the undo stack
        status.clear();
    } catch (const std::exception& e) {
        status.error = e.what();
        return;
    }
    const FormBase filledFrom = base; // what the open form was filled from
    base = snapshotOf(s.cases);
    // The form takes their rows, keeping the fields the user changed.
    if (&status == &ed.compoundStatus && ed.compound && !ed.compound->isNew)
        if (const geo::Compound* c = s.cases.data().findCompound(ed.compound->id))
            ed.compound = rebaseCompoundForm(*ed.compound, *c);
    if (&status == &ed.incidentStatus && ed.incident && !ed.incident->isNew)
        ed.incident = rebaseIncidentForm(*ed.incident, filledFrom ? filledFrom->data : geo::CaseData{}, s.cases.data());
}

void keepMine(Session& s, EditorStatus& status, FormBase& base)
{
    const FormOutcome pending = status.pending;
    const FormBase pendingBase = status.pendingBase;
    // The form's own save, or another edit shown in its window (a Move).
    const bool formsOwn = pendingBase == base;
    const std::vector<geo::CaseConflict> seen = status.conflicts;
    SaveOutcome saved;
    try {
        saved = saveCase(s.cases.writableStore(), pending, &seen, pendingBase.get());
    } catch (const std::exception& e) {
        saved.error = e.what();
    }
    status.clear();
    if (saved.saved) {
        ++s.cases.editing.saves;
        s.cases.storeChanged();
        if (formsOwn) base = snapshotOf(s.cases);
        else if (&status == &s.cases.editing.compoundStatus) formFollowsMove(s, pending.id);
        s.toast("Saved over their change: " + pending.description);
    } else {
        status.error = saved.error;
        status.conflicts = std::move(saved.conflicts);
        if (!status.conflicts.empty()) {
            status.pending = pending;
            status.pendingBase = pendingBase;
        }
    }
}

} // namespace viewer
