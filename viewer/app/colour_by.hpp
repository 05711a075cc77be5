// The "Colour by" choices of a layer's style: one colour, categories or graduated classes of
// one of its fields, or a figure from the case store (people detained per province, ...),
// which a layer with no numeric field (the basemap's provinces) can be coloured by too.
#pragma once
#include "viewer/render/layer_style.hpp"

#include "geo/cases/case_figures.hpp"
#include "geo/layer.hpp"

#include <vector>

namespace viewer {

enum class ColourBy { Single, Categorized, Graduated, CaseFigures };

// The choices `layer` is offered, in the combo's order: case figures for polygon layers
// while a case store is loaded (they are counted where each incident falls in a polygon).
std::vector<ColourBy> colourByChoices(const geo::Layer& layer, bool caseStoreLoaded);
const char* colourByLabel(ColourBy c);

// Which choice `t` is now (a graduated style on a joined case figure is CaseFigures).
ColourBy colourByOf(const ThematicStyle& t);

// Sets `t` up for choice `c`: a field that suits it (a numeric one for graduated classes,
// when the layer has one), or the first case figure; the classes are recomputed by the app.
void chooseColourBy(ThematicStyle& t, const geo::Layer& layer, ColourBy c);

// Joins case figure `measure` in place of the style's field (a CaseFigures choice).
void chooseCaseFigure(ThematicStyle& t, geo::CaseMeasure measure);

} // namespace viewer
