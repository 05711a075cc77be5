// How compounds look on the map: a colour per status (Okabe-Ito, safe for colour-blind
// readers), a diameter from the people affected (square-root scale, clamped), and which
// stored "compounds" are really places (an airport) drawn as secondary markers.
#pragma once
#include "viewer/render/layer_style.hpp"

#include "geo/cases/case_model.hpp"

#include <cstdint>

namespace viewer {

Rgba statusColor(geo::CompoundStatus s);
// "active", "raided", ... with a capital for the legend.
const char* statusLabel(geo::CompoundStatus s);

// Marker diameter in pixels: kMinDiameterPx for 0 people, growing with sqrt(people),
// kMaxDiameterPx at and beyond kPeopleAtMax.
constexpr float kMinDiameterPx = 11;
constexpr float kMaxDiameterPx = 32;
constexpr double kPeopleAtMax = 4000;
float compoundDiameterPx(int64_t peopleAffected);

// Kinds that name a place incidents pass through, not a compound ("airport", "border crossing").
bool isPlaceKind(const std::string& kind);

// Town-precision points are a town centre: the compound is somewhere within this radius.
constexpr double kTownUncertaintyKm = 3.0;
constexpr double kDistrictUncertaintyKm = 15.0;
// 0 for site precision.
double uncertaintyKm(geo::LocationPrecision p);

// Secondary markers (incident places) and the lines joining them to the selection.
constexpr Rgba kPlaceFill{1, 1, 1, 1};
constexpr Rgba kPlaceOutline{0.20f, 0.20f, 0.25f, 1};
constexpr Rgba kLinkColor{0.15f, 0.15f, 0.20f, 0.9f};
constexpr Rgba kSelectionOutline{0.10f, 0.10f, 0.10f, 1};

} // namespace viewer
