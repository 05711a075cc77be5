// What the case editor's buttons do (open a form, Save, Reload, Keep mine), apart from the
// ImGui that draws them, so the window and the --test-commands hook take the same path.
#pragma once
#include "viewer/app/session.hpp"

#include <string>

namespace viewer {

// "Edit" / "Add incident" / "Edit incident...": opens the form on the store as shown now.
// False when there is no such compound or incident.
bool openCompoundEditor(Session& s, const std::string& compoundId);
void openNewCompound(Session& s, geo::LonLat at);
bool openIncidentEditor(Session& s, const std::string& incidentId);
void openNewIncident(Session& s, const std::string& compoundId);

// The editors' "Save": commits the form against the snapshot it was filled from. On success
// the form shows the row as saved; on failure the form keeps what was typed and the status
// says why (a conflict lists theirs vs yours). True when saved.
bool saveCompoundForm(Session& s);
bool saveIncidentForm(Session& s);

// "Close": the form, its status and its snapshot go.
void closeCompoundEditor(Session& s);
void closeIncidentEditor(Session& s);

// Commits a ready outcome against `base` (null: the store as last read). On a conflict the
// status keeps the outcome and its base for "Keep mine".
bool saveEdit(Session& s, const FormOutcome& outcome, EditorStatus& status, const FormBase& base = nullptr);

// "Undo" (and Ctrl+Z): the store's last commit of this session undone, if any. Open forms
// then show the rows as they now are: a field the user typed and has not saved keeps what was
// typed, every other field shows the undone value (rebaseCompoundForm / rebaseIncidentForm);
// a form whose row the undo removed saves it as new again. Says what happened in a toast.
// True when something was undone.
bool undoLastEdit(Session& s);
bool canUndoEdit(Session& s);

// "Move" and the click on the map: the compound moved to `to`, as an edit of the rows shown
// now. An open form on that compound takes the new place. A conflict lands in compoundStatus.
bool moveCompoundTo(Session& s, const std::string& compoundId, geo::LonLat to);

// The conflict's "Reload" (take theirs: the store is read again; the form keeps only the fields
// the user changed, see rebaseCompoundForm / rebaseIncidentForm) and "Keep mine" (write over the conflicting rows as reported).
void reloadTheirs(Session& s, EditorStatus& status, FormBase& base);
// "Keep mine" commits the pending edit against the snapshot it was built from (status.pendingBase),
// never against `base` when that is another edit's (a Move's conflict shown in a form's window).
void keepMine(Session& s, EditorStatus& status, FormBase& base);

} // namespace viewer
