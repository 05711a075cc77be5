// Where named widgets were drawn, in drawable pixels: the end-to-end tests read them from the
// state dump ("widgets") to click them and to check their size.
#pragma once
#include "viewer/app/session.hpp"

#include <string>

namespace viewer {

// The last item's rectangle (after a Button, MenuItem, BeginMenu, InputText...).
void noteItem(Session& s, const std::string& name);

// The current window's rectangle and vertical scroll (between Begin and End).
void noteWindow(Session& s, const std::string& name);

} // namespace viewer
