// Case figures per polygon of a layer (people detained per province, incidents per
// district, ...): the "join from the case store" behind graduated styles. A point is counted
// in every polygon that contains it, as a spatial join in any GIS would; nothing here knows
// about borders' uncertainty (the panel reports that per compound).
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
};

// Where an incident happened: its own location when it has one, else the compounds it is
// "at" (and the linked ones with includeLinked). Duplicates removed.
std::vector<LonLat> incidentPlaces(const CaseData& data, const Incident& incident, bool includeLinked);

// One value per feature of `polygons` (0 where nothing falls; non-polygon layers: all 0).
// `toLayer` maps lon/lat into the layer's coordinates; it may return NaN for points the
// layer's CRS cannot hold, which are then not counted. An incident counts once per polygon
// even when several of its places fall in it.
std::vector<double> caseFiguresPerFeature(const CaseData& data, const Layer& polygons,
                                          const std::function<MapXY(LonLat)>& toLayer, const CaseFigureOptions& options);

} // namespace geo
