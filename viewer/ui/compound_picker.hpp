// Compounds on the map, the ImGui side: the list that pops up when a click lands on several
// compounds at one point, the hover tooltip naming the compounds under the pointer, and the
// count badges / names drawn beside stacked and spread groups.
#pragma once
#include "viewer/app/session.hpp"

namespace viewer {

// The "several compounds here" popup (opened by CaseView::click through CaseView::picker).
void drawCompoundPicker(Session& session);

// Tooltip for compound markers under the pointer; false when there are none (the caller
// shows the feature tooltip then).
bool drawCompoundTooltip(const Session& session);

// Count badges on stacks and names beside spread rings, under every window.
void drawCompoundLabels(const Session& session);

} // namespace viewer
