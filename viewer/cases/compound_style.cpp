// Status palette (Okabe & Ito 2008: vermillion, blue, bluish green, grey) and marker sizing.
#include "viewer/cases/compound_style.hpp"

#include <algorithm>
#include <cmath>

namespace viewer {

Rgba statusColor(geo::CompoundStatus s)
{
    switch (s) {
    case geo::CompoundStatus::Active: return {0.835f, 0.369f, 0.000f, 1}; // #D55E00 vermillion
    case geo::CompoundStatus::Raided: return {0.000f, 0.447f, 0.698f, 1}; // #0072B2 blue
    case geo::CompoundStatus::Closed: return {0.000f, 0.620f, 0.451f, 1}; // #009E73 bluish green
    case geo::CompoundStatus::Unknown: return {0.45f, 0.45f, 0.45f, 1};  // neutral grey
    }
    return {0.45f, 0.45f, 0.45f, 1};
}

const char* statusLabel(geo::CompoundStatus s)
{
    switch (s) {
    case geo::CompoundStatus::Active: return "Active";
    case geo::CompoundStatus::Raided: return "Raided";
    case geo::CompoundStatus::Closed: return "Closed";
    case geo::CompoundStatus::Unknown: return "Unknown";
    }
    return "Unknown";
}

float compoundDiameterPx(int64_t people)
{
    if (people <= 0) return kMinDiameterPx;
    const double t = std::sqrt(std::min<double>(static_cast<double>(people), kPeopleAtMax) / kPeopleAtMax);
    return static_cast<float>(kMinDiameterPx + t * (kMaxDiameterPx - kMinDiameterPx));
}

bool isPlaceKind(const std::string& kind) { return kind == "airport" || kind == "border crossing"; }

double uncertaintyKm(geo::LocationPrecision p)
{
    switch (p) {
    case geo::LocationPrecision::Site: return 0;
    case geo::LocationPrecision::Town: return kTownUncertaintyKm;
    case geo::LocationPrecision::District: return kDistrictUncertaintyKm;
    }
    return 0;
}

} // namespace viewer
