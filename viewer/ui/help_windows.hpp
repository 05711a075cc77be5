// Help: the keyboard-shortcuts window (F1) and About (versions, data licences).
#pragma once
#include "viewer/app/session.hpp"

namespace viewer {

// The Help menu's items, inside an open Help menu.
void drawHelpMenuItems(Session& s);
// Draws whichever of the two windows is open; About gathers its facts when first shown.
void drawHelpWindows(Session& s);

} // namespace viewer
