// Thematic styling of loaded layers: the classes (categorized by value, or graduated by
// numeric breaks) computed with geo/classify, turned into colours and per-feature classes
// the renderer draws with.
#pragma once
#include "viewer/render/layer_style.hpp"

#include "geo/layer.hpp"

#include <string>

namespace viewer {

// Fills t.colors / labels / counts / featureClass from t.mode, t.field, t.classes and
// t.quantile. A missing field, a text field for graduated classes or no usable values
// leaves the layer single-symbol (mode unchanged, no classes), says why in t.problem and
// returns false.
bool applyThematic(const geo::Layer& layer, ThematicStyle& t, float alpha);

// Why `t` cannot classify `layer` ("" when it can): the field is not chosen, missing, text
// for graduated classes, or has no values.
std::string thematicProblem(const geo::Layer& layer, const ThematicStyle& t);

// Fields whose every non-empty value is a number (candidates for graduated styles).
bool isNumericField(const geo::Layer& layer, int field);

} // namespace viewer
