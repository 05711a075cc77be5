// Point-in-polygon join of case points onto a polygon layer, through an R-tree of the
// polygons' boxes (a province layer has hundreds of polygons, a store thousands of points).
#include "geo/cases/case_figures.hpp"
#include "geo/geodesic.hpp"
#include "geo/spatial_index.hpp"

#include <algorithm>
#include <cmath>
#include <set>

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
std::optional<double> incidentValue(const CaseData& data, const Incident& i, CaseMeasure measure)
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
    return static_cast<double>(data.view(i).countsSum());
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

std::vector<LonLat> incidentPlaces(const CaseData& data, const Incident& incident, bool includeLinked)
{
    std::vector<LonLat> out;
    if (incident.location) {
        out.push_back(*incident.location);
        return out;
    }
    for (const IncidentLink& l : data.links) {
        if (l.incidentId != incident.id) continue;
        if (l.relation != LinkRelation::At && !includeLinked) continue;
        const Compound* c = data.findCompound(l.compoundId);
        if (!c) continue;
        const bool seen = std::any_of(out.begin(), out.end(),
                                      [&](const LonLat& q) { return q.lon == c->location.lon && q.lat == c->location.lat; });
        if (!seen) out.push_back(c->location);
    }
    return out;
}

std::vector<double> caseFiguresPerFeature(const CaseData& data, const Layer& polygons,
                                          const std::function<MapXY(LonLat)>& toLayer, const CaseFigureOptions& options)
{
    std::vector<double> values(polygons.features.size(), 0.0);
    if (polygons.kind != GeomKind::Polygon) return values;
    const PolygonFinder finder(polygons);
    if (options.measure == CaseMeasure::Compounds) {
        for (const Compound& c : data.compounds)
            for (uint32_t k : finder.containing(toLayer(c.location))) values[k] += 1;
        return values;
    }
    for (const Incident& i : data.incidents) {
        if (options.admit && !options.admit(i)) continue;
        const std::optional<double> v = incidentValue(data, i, options.measure);
        if (!v) continue;
        std::set<uint32_t> hit; // once per polygon, however many of its places fall there
        for (const LonLat& p : incidentPlaces(data, i, options.includeLinked))
            for (uint32_t k : finder.containing(toLayer(p))) hit.insert(k);
        for (uint32_t k : hit) values[k] += *v;
    }
    return values;
}

} // namespace geo
