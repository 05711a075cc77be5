// "Where is this point?": country, province and nearest international land border, each
// with an honest certainty, answered from the basemap's polygons.
#pragma once
#include "geo/coords.hpp"
#include "geo/layer.hpp"
#include "geo/spatial_index.hpp"
#include "geo/vector_source.hpp"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace geo {

// Natural Earth 1:10m is generalised to roughly a kilometre or two: a point closer than
// this to a border or coast may lie on either side of it in reality.
constexpr double kBasemapAccuracyKm = 2.0;

struct AreaRef {
    std::string name;
    std::string code;        // ISO 3166-1 alpha-3 for countries; ISO 3166-2 (else HASC) for provinces
    double distanceKm = 0;   // 0 when the point lies inside
    bool inside = false;
};

enum class Certainty { Certain, Uncertain, None };
const char* certaintyName(Certainty c); // "certain", "uncertain", "none"

// One attribution (country or province).
//   Certain   - `area` contains the point and no edge is within the accuracy figure.
//   Uncertain - the point is within the accuracy of an edge: `area` is the polygon that
//               contains it (if any), `candidates` lists every possibility with distances.
//   None      - no polygon contains or nearly contains the point: `nearest` says which is closest.
struct Attribution {
    Certainty certainty = Certainty::None;
    std::optional<AreaRef> area;
    std::vector<AreaRef> candidates;
    std::optional<AreaRef> nearest;
    double edgeKm = -1;       // distance from the point to the containing polygon's edge
    bool coastCandidate = false; // uncertain because the edge is a coast: could be at sea
    bool covered = true;         // false when the basemap has no such areas for this country
};

struct BorderInfo {
    double distanceKm = 0;
    AreaRef across;   // the country on the far side
    AreaRef near;     // the country on this side (or the other side of the pair, at sea)
    LonLat nearestPoint;
    bool fromInside = false; // the point lies in `near`
};

struct Location {
    LonLat point;
    Attribution country;
    Attribution province;
    std::optional<BorderInfo> border;
    double accuracyKm = kBasemapAccuracyKm;
};

// A set of named polygons with an index; the countries or the provinces of the basemap.
class AreaSet {
public:
    AreaSet() = default;
    AreaSet(Layer layer, const std::string& nameField, std::vector<std::string> codeFields);
    Attribution attribute(LonLat p, double accuracyKm) const;
    const Layer& layer() const { return m_layer; }
    AreaRef ref(size_t feature, double distanceKm, bool inside) const;
    // Areas made valid so far (repaired when first used, not on reading).
    size_t repairedCount() const;

private:
    // Area `i` as containment needs it: made valid (GEOS) on first use when it is not.
    const Geometry& areaGeometry(size_t i) const;
    std::vector<std::pair<size_t, double>> within(LonLat p, double radiusKm) const;
    std::optional<std::pair<size_t, double>> nearest(LonLat p) const;

    struct Repairs {
        std::mutex mutex;
        std::vector<uint8_t> checked;                  // per feature
        std::vector<std::unique_ptr<const Geometry>> valid; // per feature: the repaired form, if it needed one
        size_t count = 0;
    };
    Layer m_layer;
    std::unique_ptr<Repairs> m_repairs = std::make_unique<Repairs>();
    SpatialIndex m_index;
    int m_nameField = -1;
    std::vector<int> m_codeFields;
};

class Locator {
public:
    // Reads the `countries`, `provinces` and `borders` layers of a basemap GeoPackage.
    explicit Locator(const std::string& basemapPath);
    // Reads only what meets `regionLonLat` (through the GPKG R-tree): a fraction of the work
    // when one place is wanted (the export's incident box). See exact().
    Locator(const std::string& basemapPath, const Extent& regionLonLat);
    Location locate(LonLat p) const;
    // True when `l` (from locate()) cannot depend on what lies outside the region read: its
    // nearest border, areas and their accuracy margin are nearer than the region's edge.
    // Always true for a Locator of the whole basemap.
    bool exact(const Location& l) const;

    // Throws geo::Error unless -180 <= lon <= 180 and -90 <= lat <= 90.
    static void checkLonLat(LonLat p);
    // Country and province areas made valid so far (see AreaSet::repairedCount).
    size_t repairedAreas() const { return m_countries.repairedCount() + m_provinces.repairedCount(); }

private:
    std::optional<BorderInfo> nearestBorder(LonLat p, const Attribution& country) const;
    void read(const std::string& basemapPath, const ReadControl& control);

    AreaSet m_countries;
    AreaSet m_provinces;
    std::vector<std::string> m_provinceCountries; // ISO-3 codes the provinces layer covers
    Layer m_borders;
    SpatialIndex m_borderIndex;
    Extent m_region; // empty: the whole basemap
};

// The default basemap: $ATLAS_BASEMAP when set, else data/basemap.gpkg of the source tree.
std::string defaultBasemapPath();

} // namespace geo
