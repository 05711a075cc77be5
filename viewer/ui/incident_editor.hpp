// The incident editor window: kind, dates and precision, summary, figures, nationality counts,
// sources and links of one incident, saved in one commit.
#pragma once
#include "viewer/app/session.hpp"

namespace viewer {

// Draws the window while CaseView::editing.incident is set.
void drawIncidentEditor(Session& s);

} // namespace viewer
