// The compounds on the map, laid out for one view: status-coloured discs sized by people
// affected, uncertainty circles for town-precision points, co-located compounds spread in a
// ring (or stacked when zoomed out), incident places as secondary markers and dotted lines
// joining them to the selected compound. Produces marker lists for the scene and answers
// hit tests; no GL, no UI.
#pragma once
#include "viewer/render/marker_layer.hpp"

#include "geo/cases/case_model.hpp"
#include "geo/map_crs.hpp"
#include "geo/viewport.hpp"

#include <optional>
#include <string>
#include <vector>

namespace viewer {

// One compound (or place) to draw.
struct CompoundPoint {
    std::string id;
    std::string name;
    geo::LonLat location;
    geo::CompoundStatus status = geo::CompoundStatus::Unknown;
    geo::LocationPrecision precision = geo::LocationPrecision::Site;
    int64_t people = 0;  // sizes the marker
    bool place = false;  // an airport or crossing: drawn as a secondary marker
};

// Where an incident happened when that is not the compound itself.
struct IncidentPlace {
    geo::LonLat location;
    geo::LinkRelation relation = geo::LinkRelation::At; // of the incident to the selected compound
    std::string label;
    bool joined = false; // draw a line from the selected compound to it
    bool ownMarker = true; // false when a place compound already marks the spot
};

struct LayoutInput {
    std::vector<CompoundPoint> compounds;
    std::vector<IncidentPlace> places;
    std::string selected; // compound id, "" for none
};

struct PlacedCompound {
    size_t input = 0;        // index into LayoutInput::compounds
    geo::MapXY anchor;       // the stored point
    geo::MapXY drawn;        // where the disc is drawn (off the anchor when spread or stacked)
    float diameterPx = 0;
    size_t group = 0;        // index into MarkerLayout::groups
};

struct PlacedGroup {
    geo::MapXY anchor;
    std::vector<size_t> members; // indices into MarkerLayout::compounds
    bool spread = false;         // ring around the anchor; else a stack at the anchor
};

struct MarkerLayout {
    std::vector<PlacedCompound> compounds; // draw order
    std::vector<PlacedGroup> groups;
    std::vector<Marker> uncertainty; // bottom: circles of uncertainty
    std::vector<Marker> links;       // dots of the joining lines and spread leaders
    std::vector<Marker> places;      // secondary markers
    std::vector<Marker> markers;     // compounds, on top
};

// Spread a group in a ring while its radius on the ground stays below this; else stack it.
constexpr double kSpreadMaxKm = 12.0;

// `crs`: the map CRS of `view` (the points are lon/lat).
MarkerLayout layoutMarkers(const LayoutInput& input, const geo::Viewport& view, const geo::MapCrs& crs);

// What a click hits: one compound (index into MarkerLayout::compounds), or a group of
// several whose members should be offered in a list (a stack, or a ring's shared point).
struct MarkerHit {
    std::optional<size_t> compound;
    std::optional<size_t> group;
};
constexpr double kHitSlopPx = 3;
std::optional<MarkerHit> hitTest(const MarkerLayout& layout, const geo::Viewport& view, geo::ScreenPx at);

// Appends dots from a to b (screen pixels), clipped to the view: a line drawn with markers.
void appendDottedLine(std::vector<Marker>& out, const geo::Viewport& view, geo::MapXY a, geo::MapXY b, float dotPx,
                      double spacingPx, Rgba color);

} // namespace viewer
