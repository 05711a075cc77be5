// One incident in the incident panel: a tree node with its dates, kind and relation, opening
// to the summary, figures with the nationality bar chart, linked places, numbered sources
// (links open in the browser) and the findings about it. Also used for compound sources.
#pragma once
#include "viewer/cases/compound_details.hpp"

namespace viewer {

// `defaultOpen`: show it expanded the first time.
void drawIncidentRow(const IncidentRow& row, bool defaultOpen);

// The bar chart: one bar per nationality labelled "CN 1,792", the published total beside it
// and a flag when the breakdown adds up to something else.
void drawFigures(const IncidentFigures& f);

// "[1] Publisher, Title, 2026-02-01 — claim"; clicking opens the URL (SDL_OpenURL).
void drawSourceRef(const SourceRef& s);

void drawFinding(const geo::CaseFinding& f);

} // namespace viewer
