// What a briefing image says besides the map: title lines, date, legend entries built from
// the visible layers and their styles, attribution (Natural Earth + the sources of the
// cases shown) and the incident box of a selected compound.
#pragma once
#include "viewer/render/layer_style.hpp"
#include "viewer/render/scene.hpp"

#include "geo/cases/case_model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace geo {
struct Location;
}

namespace viewer {

enum class LegendSymbol { Area, PaletteArea, Line, Point };

struct LegendEntry {
    std::string label;
    LegendSymbol symbol = LegendSymbol::Area;
    Rgba fill, stroke;
    float strokePx = 1;
    float sizePx = 10; // point diameter (96 DPI pixels)
    std::vector<Rgba> palette;
};

struct IncidentBoxContent {
    std::string heading;             // compound name
    std::vector<std::string> lines;  // wrapped by the layout
    std::vector<bool> bold;          // per line
};

struct BriefingContent {
    std::string title, subtitle, date, attribution;
    std::vector<LegendEntry> legend;
    std::optional<IncidentBoxContent> incident;
};

// Legend entries for the visible vector layers and the compound statuses in `shown`.
std::vector<LegendEntry> legendFor(const Scene& scene, const std::vector<const geo::Compound*>& shown);

// "Basemap: Natural Earth (public domain). Cases: publisher, publisher, ..." for `shown`
// (their own sources and those of their incidents), publishers sorted and unique.
std::string attributionFor(const geo::CaseData& cases, const std::vector<const geo::Compound*>& shown, bool anyBasemap);

// Name, kind/status, derived province with its certainty, the latest incidents with key
// figures (total, by nationality, personnel) and their sources.
IncidentBoxContent incidentBoxFor(const geo::CaseData& cases, const geo::Compound& compound,
                                  const std::optional<geo::Location>& location);

// "2,044"
std::string groupedThousands(int64_t v);

} // namespace viewer
