// One wording of a Location for every place that shows it: CLI text, JSON, panels, exports.
#pragma once
#include "geo/locator.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace geo {

// e.g. "Cambodia (KHM), certain" / "uncertain: Cambodia (KHM, inside, 0.6 km from the edge)
// or Vietnam (VNM, 0.6 km)" / "none; nearest Cambodia (KHM), 35.2 km".
std::string describeAttribution(const Attribution& a);

// e.g. "4.2 km to the Vietnam (VNM) border".
std::string describeBorder(const std::optional<BorderInfo>& b);

nlohmann::json toJson(const AreaRef& r);
nlohmann::json toJson(const Attribution& a);
nlohmann::json toJson(const Location& loc);

} // namespace geo
