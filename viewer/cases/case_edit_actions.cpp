// Editor actions on the Session's CaseView: forms, saves against their snapshot, conflicts.
#include "viewer/cases/case_edit_actions.hpp"

namespace viewer {

namespace {

// The snapshot a form is filled from: the rows the panel shows, with their versions.
FormBase snapshotOf(CaseView& cases) { return cases.snapshot(); }

} // namespace

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
        if (!status.conflicts.empty()) status.pending = outcome;
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
    base = snapshotOf(s.cases);
    // The compound form takes their row, keeping the fields the user changed.
    if (&status == &ed.compoundStatus && ed.compound && !ed.compound->isNew)
        if (const geo::Compound* c = s.cases.data().findCompound(ed.compound->id))
            ed.compound = rebaseCompoundForm(*ed.compound, *c);
    if (&status == &ed.incidentStatus && ed.incident && !ed.incident->isNew)
        if (const geo::Incident* i = s.cases.data().findIncident(ed.incident->id)) ed.incident->original = *i;
}

void keepMine(Session& s, EditorStatus& status, FormBase& base)
{
    const FormOutcome pending = status.pending;
    const std::vector<geo::CaseConflict> seen = status.conflicts;
    SaveOutcome saved;
    try {
        saved = saveCase(s.cases.writableStore(), pending, &seen, base.get());
    } catch (const std::exception& e) {
        saved.error = e.what();
    }
    status.clear();
    if (saved.saved) {
        ++s.cases.editing.saves;
        s.cases.storeChanged();
        base = snapshotOf(s.cases);
        s.toast("Saved over their change: " + pending.description);
    } else {
        status.error = saved.error;
        status.conflicts = std::move(saved.conflicts);
        if (!status.conflicts.empty()) status.pending = pending;
    }
}

} // namespace viewer
