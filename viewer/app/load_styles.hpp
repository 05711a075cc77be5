// Thematic styling of loaded layers: the classes (categorized by value, or graduated by
// numeric breaks) computed with geo/classify, turned into colours and per-feature classes
// the renderer draws with.
#pragma once
#include "viewer/render/layer_style.hpp"

#include "geo/layer.hpp"

namespace viewer {

// Fills t.colors / labels / counts / featureClass from t.mode, t.field, t.classes and
// t.quantile. A missing field or no usable values leaves the layer single-symbol (mode
// unchanged, no classes) and returns false.
bool applyThematic(const geo::Layer& layer, ThematicStyle& t, float alpha);

// Fields whose every non-empty value is a number (candidates for graduated styles).
bool isNumericField(const geo::Layer& layer, int field);

} // namespace viewer
