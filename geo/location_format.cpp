// Text and JSON for locations; the JSON field names are part of the CLI contract (README).
#include "geo/location_format.hpp"

#include <cmath>
#include <cstdio>

namespace geo {

namespace {

std::string km(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, v < 10 ? "%.2f km" : "%.1f km", v);
    return buf;
}

std::string nameWithCode(const AreaRef& r)
{
    return r.code.empty() ? r.name : r.name + " (" + r.code + ")";
}

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

} // namespace

std::string describeAttribution(const Attribution& a)
{
    switch (a.certainty) {
    case Certainty::Certain: return nameWithCode(*a.area) + ", certain";
    case Certainty::Uncertain: {
        std::string s = "uncertain: ";
        for (size_t i = 0; i < a.candidates.size(); ++i) {
            const AreaRef& c = a.candidates[i];
            if (i) s += " or ";
            s += c.name + " (" + (c.code.empty() ? "" : c.code + ", ") +
                 (c.inside ? "inside, " + km(a.edgeKm) + " from the edge" : km(c.distanceKm) + " away") + ")";
        }
        if (a.coastCandidate) s += a.area ? " or at sea (near the coast)" : " or at sea";
        return s;
    }
    case Certainty::None:
        if (!a.covered) return "none (the basemap has no areas of this kind here)";
        return a.nearest ? "none; nearest " + nameWithCode(*a.nearest) + ", " + km(a.nearest->distanceKm) : "none";
    }
    return "none";
}

std::string describeBorder(const std::optional<BorderInfo>& b)
{
    if (!b) return "no international land border found";
    if (b->fromInside) return km(b->distanceKm) + " to the border with " + nameWithCode(b->across);
    return km(b->distanceKm) + " to the " + b->near.name + "–" + b->across.name + " border";
}

nlohmann::json toJson(const AreaRef& r)
{
    return {{"name", r.name},
            {"code", r.code.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.code)},
            {"distance_km", round3(r.distanceKm)},
            {"inside", r.inside}};
}

nlohmann::json toJson(const Attribution& a)
{
    nlohmann::json j;
    j["certainty"] = certaintyName(a.certainty);
    j["name"] = a.area ? nlohmann::json(a.area->name) : nlohmann::json(nullptr);
    j["code"] = a.area && !a.area->code.empty() ? nlohmann::json(a.area->code) : nlohmann::json(nullptr);
    j["edge_km"] = a.edgeKm >= 0 ? nlohmann::json(round3(a.edgeKm)) : nlohmann::json(nullptr);
    j["candidates"] = nlohmann::json::array();
    for (const AreaRef& c : a.candidates) j["candidates"].push_back(toJson(c));
    j["possibly_at_sea"] = a.coastCandidate;
    j["nearest"] = a.nearest ? toJson(*a.nearest) : nlohmann::json(nullptr);
    j["covered"] = a.covered;
    j["text"] = describeAttribution(a);
    return j;
}

nlohmann::json toJson(const Location& loc)
{
    nlohmann::json j;
    j["lon"] = loc.point.lon;
    j["lat"] = loc.point.lat;
    j["accuracy_km"] = loc.accuracyKm;
    j["country"] = toJson(loc.country);
    j["province"] = toJson(loc.province);
    if (loc.border) {
        j["border"] = {{"distance_km", round3(loc.border->distanceKm)},
                       {"across", {{"name", loc.border->across.name}, {"code", loc.border->across.code}}},
                       {"near", {{"name", loc.border->near.name}, {"code", loc.border->near.code}}},
                       {"from_inside", loc.border->fromInside},
                       {"nearest_point", {loc.border->nearestPoint.lon, loc.border->nearestPoint.lat}}};
    } else {
        j["border"] = nullptr;
    }
    return j;
}

} // namespace geo
