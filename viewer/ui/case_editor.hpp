// The case editor: the button row in the case panel (add, edit, move, undo), the compound
// editor window, the armed map click and Ctrl+Z; every save one CaseStore::commit.
#pragma once
#include "viewer/app/session.hpp"

namespace viewer {

// Buttons under the compound list: "Add compound", and for the selection "Edit", "Move",
// "Add incident", "Edit incident"; "Undo" while there is something to undo.
void drawCaseEditButtons(Session& s);
// The editor windows, once per frame (after the panel).
void drawCaseEditor(Session& s);

// The refusal message, or the conflict with "Reload" and "Keep mine" (viewer/cases/case_edit_actions).
void drawEditorStatus(Session& s, EditorStatus& status, FormBase& base);

} // namespace viewer
