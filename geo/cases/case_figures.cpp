// Point-in-polygon join of case points onto a polygon layer, through an R-tree of the
// polygons' boxes (a province layer has hundreds of polygons, a store thousands of points).
#include "geo/cases/case_figures.hpp"
#include "geo/cases/place_names.hpp"
#include "geo/geodesic.hpp"
#include "geo/spatial_index.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace geo {

namespace {

struct MeasureName {
    CaseMeasure measure;
    const char* name;
    const char* label;
};
constexpr MeasureName kMeasures[] = {
    {CaseMeasure::PeopleDetained, "people_detained", "people detained (raids, arrests, rescues)"},
    {CaseMeasure::PeopleDeported, "people_deported", "people deported"},
    {CaseMeasure::Incidents, "incidents", "incidents"},
    {CaseMeasure::Compounds, "compounds", "compounds"},
};

// The incident's people figure for `measure`, or nullopt when the incident is not of it.
std::optional<double> incidentValue(const Incident& i, CaseMeasure measure,
                                    const std::unordered_map<std::string, int64_t>& countsSum)
{
    switch (measure) {
    case CaseMeasure::Incidents: return 1.0;
    case CaseMeasure::Compounds: return std::nullopt;
    case CaseMeasure::PeopleDetained:
        if (i.kind != IncidentKind::Raid && i.kind != IncidentKind::Arrest && i.kind != IncidentKind::Rescue)
            return std::nullopt;
        break;
    case CaseMeasure::PeopleDeported:
        if (i.kind != IncidentKind::Deportation) return std::nullopt;
        break;
    }
    // The published total when there is one; the nationality breakdown otherwise.
    if (i.totalPeople) return static_cast<double>(*i.totalPeople);
    const auto sum = countsSum.find(i.id);
    return sum == countsSum.end() ? 0.0 : static_cast<double>(sum->second);
}

class PolygonFinder {
public:
    explicit PolygonFinder(const Layer& layer) : m_layer(layer)
    {
        std::vector<Extent> boxes;
        boxes.reserve(layer.features.size());
        for (const Feature& f : layer.features)
            boxes.push_back(f.geometry.kind == GeomKind::Polygon ? f.bbox : Extent{});
        m_index = SpatialIndex(boxes);
    }
    // Every polygon containing p (usually one; overlapping layers may give several).
    std::vector<uint32_t> containing(MapXY p) const
    {
        std::vector<uint32_t> out;
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) return out;
        for (uint32_t k : m_index.query(Extent{p.x, p.y, p.x, p.y}))
            if (polygonContains(m_layer.features[k].geometry, p)) out.push_back(k);
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    const Layer& m_layer;
    SpatialIndex m_index;
};

// The layer's polygons by folded name (every name of every name field; "a|b|c" splits).
std::multimap<std::string, uint32_t> polygonsByName(const Layer& layer, const std::vector<std::string>& fieldNames)
{
    std::multimap<std::string, uint32_t> out;
    std::vector<int> fields;
    for (const std::string& name : fieldNames)
        if (const int f = layer.fieldIndex(name); f >= 0) fields.push_back(f);
    for (uint32_t k = 0; k < layer.features.size(); ++k) {
        if (layer.features[k].geometry.kind != GeomKind::Polygon) continue;
        for (int field : fields) {
            const std::string& v = layer.value(layer.features[k], field);
            for (size_t begin = 0; begin < v.size();) {
                const size_t end = std::min(v.find('|', begin), v.size());
                if (std::string folded = foldPlaceName(std::string_view(v).substr(begin, end - begin)); !folded.empty())
                    out.emplace(std::move(folded), k);
                begin = end + 1;
            }
        }
    }
    return out;
}

// The polygons a compound counts in: the ones containing it, unless its stated province is
// a polygon within `statedWithinKm` of it (then that one).
std::vector<uint32_t> compoundPolygons(const Compound& c, const Layer& layer, const PolygonFinder& finder,
                                       const std::multimap<std::string, uint32_t>& byName,
                                       const std::function<MapXY(LonLat)>& toLayer, const CaseFigureOptions& o)
{
    std::vector<uint32_t> inside = finder.containing(toLayer(c.location));
    if (byName.empty() || !o.fromLayer || c.statedAdmin1.empty()) return inside;
    const auto [first, last] = byName.equal_range(foldPlaceName(c.statedAdmin1));
    for (auto it = first; it != last; ++it)
        if (std::find(inside.begin(), inside.end(), it->second) != inside.end()) return inside; // where it says
    for (auto it = first; it != last; ++it) {
        // Far from the polygon's box: no need to reproject it and measure (a store whose
        // compounds all name far-away provinces would otherwise cost seconds per join).
        const Extent& box = layer.features[it->second].bbox;
        Extent near;
        for (const MapXY corner : {MapXY{box.minX, box.minY}, MapXY{box.minX, box.maxY}, MapXY{box.maxX, box.minY},
                                   MapXY{box.maxX, box.maxY}}) {
            const LonLat q = o.fromLayer(corner);
            near.expand(q.lon, q.lat);
        }
        const double marginLat = o.statedWithinKm / 111.0 + 0.05;
        const double marginLon = marginLat / std::max(0.05, std::cos(c.location.lat * 3.14159265358979 / 180));
        if (!near.empty() && (c.location.lon < near.minX - marginLon || c.location.lon > near.maxX + marginLon ||
                              c.location.lat < near.minY - marginLat || c.location.lat > near.maxY + marginLat))
            continue;
        Geometry lonLat = layer.features[it->second].geometry;
        for (MapXY& p : lonLat.coords) {
            const LonLat q = o.fromLayer(p);
            p = {q.lon, q.lat};
        }
        const NearestPoint n = nearestOnGeometry(c.location, lonLat);
        if (n.distanceM >= 0 && n.distanceM <= o.statedWithinKm * 1000) return {it->second};
    }
    return inside;
}

} // namespace

const char* nameOf(CaseMeasure m)
{
    for (const MeasureName& n : kMeasures)
        if (n.measure == m) return n.name;
    return "";
}

const char* labelOf(CaseMeasure m)
{
    for (const MeasureName& n : kMeasures)
        if (n.measure == m) return n.label;
    return "";
}

std::optional<CaseMeasure> parseCaseMeasure(const std::string& s)
{
    for (const MeasureName& n : kMeasures)
        if (s == n.name) return n.measure;
    return std::nullopt;
}

const std::vector<CaseMeasure>& allCaseMeasures()
{
    static const std::vector<CaseMeasure> all = {CaseMeasure::PeopleDetained, CaseMeasure::PeopleDeported,
                                                 CaseMeasure::Incidents, CaseMeasure::Compounds};
    return all;
}

std::vector<const Compound*> incidentCompounds(const CaseData& data, const Incident& incident, bool includeLinked)
{
    std::vector<const Compound*> out;
    if (incident.location) return out;
    for (const IncidentLink& l : data.links) {
        if (l.incidentId != incident.id) continue;
        if (l.relation != LinkRelation::At && !includeLinked) continue;
        const Compound* c = data.findCompound(l.compoundId);
        if (c && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
    return out;
}

std::vector<double> caseFiguresPerFeature(const CaseData& data, const Layer& polygons,
                                          const std::function<MapXY(LonLat)>& toLayer, const CaseFigureOptions& options)
{
    std::vector<double> values(polygons.features.size(), 0.0);
    if (polygons.kind != GeomKind::Polygon) return values;
    const PolygonFinder finder(polygons);
    const std::multimap<std::string, uint32_t> byName = polygonsByName(polygons, options.nameFields);
    std::unordered_map<std::string, std::vector<uint32_t>> where; // compound id -> polygons it counts in
    for (const Compound& c : data.compounds) where[c.id] = compoundPolygons(c, polygons, finder, byName, toLayer, options);
    if (options.measure == CaseMeasure::Compounds) {
        for (const Compound& c : data.compounds)
            for (uint32_t k : where[c.id]) values[k] += 1;
        return values;
    }
    // Links and nationality sums by incident, once: a store of 200,000 incidents must not be
    // scanned again for each of them.
    std::unordered_map<std::string, std::vector<const IncidentLink*>> linksOf;
    for (const IncidentLink& l : data.links)
        if (l.relation == LinkRelation::At || options.includeLinked) linksOf[l.incidentId].push_back(&l);
    std::unordered_map<std::string, int64_t> countsSum;
    for (const NationalityCount& n : data.counts) countsSum[n.incidentId] += n.count;
    for (const Incident& i : data.incidents) {
        if (options.admit && !options.admit(i)) continue;
        const std::optional<double> v = incidentValue(i, options.measure, countsSum);
        if (!v) continue;
        std::set<uint32_t> hit; // once per polygon, however many of its places fall there
        if (i.location) {
            for (uint32_t k : finder.containing(toLayer(*i.location))) hit.insert(k);
        } else if (const auto links = linksOf.find(i.id); links != linksOf.end()) {
            for (const IncidentLink* l : links->second)
                if (const auto w = where.find(l->compoundId); w != where.end()) hit.insert(w->second.begin(), w->second.end());
        }
        for (uint32_t k : hit) values[k] += *v;
    }
    return values;
}

} // namespace geo
