// The date-range filter over the incidents' span: a checkbox and two sliders (from, to).
// What it sets drives the incident panel and the compound markers alike.
#pragma once
#include "viewer/cases/case_view.hpp"

namespace viewer {

void drawTimeFilter(CaseView& cases);

} // namespace viewer
