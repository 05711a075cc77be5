// Case figures per polygon of a layer (people detained per province, incidents per
// district, ...): the "join from the case store" behind graduated styles. A point is counted
// in every polygon that contains it, as a spatial join in any GIS would, with one exception:
// a compound within the boundaries' accuracy of the province its sources name is counted
// there (KK Park lies 1.8 km inside Thailand on Natural Earth, its sources say Kayin State;
// a briefing map must not move its raids into Tak).
#pragma once
#include "geo/cases/case_model.hpp"
#include "geo/layer.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace geo {

enum class CaseMeasure {
    PeopleDetained, // raids, arrests and rescues: the published total (else the nationality counts)
    PeopleDeported, // deportations: the same figure
    Incidents,      // incidents of any kind
    Compounds,      // compounds located in the polygon (not filtered by time)
};

// Stored names ("people_detained", ...) and labels for menus and legends.
const char* nameOf(CaseMeasure m);
const char* labelOf(CaseMeasure m);
std::optional<CaseMeasure> parseCaseMeasure(const std::string& s);
const std::vector<CaseMeasure>& allCaseMeasures();

struct CaseFigureOptions {
    CaseMeasure measure = CaseMeasure::PeopleDetained;
    // Also count incidents at a compound they are only "linked" or "possibly linked" to.
    bool includeLinked = false;
    // Which incidents count (the viewer's time filter); empty = all.
    std::function<bool(const Incident&)> admit;
    // The stated-province rule: fields of the layer holding its polygons' names ("name",
    // "name_alt"; several names may be joined by '|'), the inverse of toLayer, and how far a
    // compound may lie outside its stated province. Empty fields or no fromLayer: rule off.
    std::vector<std::string> nameFields;
    std::function<LonLat(MapXY)> fromLayer;
    double statedWithinKm = 2.0;
};

// The compounds an incident happened at: those it is "at" (and the linked ones with
// includeLinked). Empty when it has its own location (that is where it happened).
std::vector<const Compound*> incidentCompounds(const CaseData& data, const Incident& incident, bool includeLinked);

// One value per feature of `polygons` (0 where nothing falls; non-polygon layers: all 0).
// `toLayer` maps lon/lat into the layer's coordinates; it may return NaN for points the
// layer's CRS cannot hold, which are then not counted. An incident counts once per polygon
// even when several of its places fall in it.
std::vector<double> caseFiguresPerFeature(const CaseData& data, const Layer& polygons,
                                          const std::function<MapXY(LonLat)>& toLayer, const CaseFigureOptions& options);

} // namespace geo
