// Marker layout per view: offsets are in pixels, so positions are recomputed when the zoom
// changes (a few hundred markers at most: cheap).
#include "viewer/cases/case_markers.hpp"
#include "viewer/cases/colocation.hpp"
#include "viewer/cases/compound_style.hpp"

#include <algorithm>
#include <cmath>

namespace viewer {

namespace {

constexpr Rgba kUncertaintyFill{0.20f, 0.22f, 0.35f, 0.10f};
constexpr Rgba kUncertaintyEdge{0.20f, 0.22f, 0.35f, 0.55f};
constexpr Rgba kSelectedHalo{1.0f, 0.80f, 0.20f, 0.95f};
constexpr float kPlaceDiameterPx = 10;
constexpr double kStackStepPx = 4;

geo::MapXY offset(const geo::MapXY& m, const geo::ScreenPx& px, double upp) { return {m.x + px.x * upp, m.y - px.y * upp}; }

} // namespace

void appendDottedLine(std::vector<Marker>& out, const geo::Viewport& view, geo::MapXY a, geo::MapXY b, float dotPx,
                      double spacingPx, Rgba color)
{
    const geo::ScreenPx sa = view.toScreen(a), sb = view.toScreen(b);
    const double len = std::hypot(sb.x - sa.x, sb.y - sa.y);
    if (len < 1 || spacingPx <= 0) return;
    const double margin = 8;
    const auto inside = [&](double x, double y) {
        return x >= -margin && y >= -margin && x <= view.width() + margin && y <= view.height() + margin;
    };
    const size_t steps = static_cast<size_t>(len / spacingPx);
    // Long lines far off screen: only the dots that can show are made (bounded by the window).
    const size_t maxDots = static_cast<size_t>(4 * (view.width() + view.height()) / spacingPx) + 16;
    size_t made = 0;
    for (size_t k = 0; k <= steps && made < maxDots; ++k) {
        const double t = static_cast<double>(k) * spacingPx / len;
        const double x = sa.x + t * (sb.x - sa.x), y = sa.y + t * (sb.y - sa.y);
        if (!inside(x, y)) continue;
        Marker m;
        m.position = view.toMap({x, y});
        m.fill = color;
        m.outline = color;
        m.outlinePx = 0;
        m.sizePx = dotPx;
        out.push_back(m);
        ++made;
    }
}

MarkerLayout layoutMarkers(const LayoutInput& input, const geo::Viewport& view, const geo::MapCrs& crs)
{
    MarkerLayout out;
    const double upp = view.unitsPerPixel();
    std::vector<geo::LonLat> points;
    for (const CompoundPoint& c : input.compounds) points.push_back(c.location);
    const auto groups = groupColocated(points);

    std::optional<size_t> selectedPlaced;   // drawn on top
    std::optional<size_t> selectedAnywhere; // the line starts there
    for (const auto& members : groups) {
        PlacedGroup g;
        const geo::LonLat ll = input.compounds[members.front()].location;
        g.anchor = crs.forward(ll);
        if (!std::isfinite(g.anchor.x) || !std::isfinite(g.anchor.y)) continue; // this CRS cannot place it
        float maxDiameter = 0;
        double maxUncertaintyKm = 0;
        for (size_t i : members) {
            const CompoundPoint& c = input.compounds[i];
            maxDiameter = std::max(maxDiameter, c.place ? kPlaceDiameterPx : compoundDiameterPx(c.people));
            maxUncertaintyKm = std::max(maxUncertaintyKm, uncertaintyKm(c.precision));
        }
        const double metresPerUnit = std::max(1e-9, crs.metresPerUnitAt(g.anchor));
        const double ringPx = ringRadiusPx(members.size(), maxDiameter);
        g.spread = members.size() > 1 && ringPx * upp * metresPerUnit <= kSpreadMaxKm * 1000;

        // The circle of uncertainty: the compound is somewhere in it, not on the town centre.
        if (maxUncertaintyKm > 0) {
            const double radiusPx = maxUncertaintyKm * 1000 / metresPerUnit / upp;
            const double shown = std::max(radiusPx, (g.spread ? ringPx : 0) + maxDiameter / 2 + 5);
            Marker m;
            m.position = g.anchor;
            m.sizePx = static_cast<float>(2 * shown);
            m.fill = kUncertaintyFill;
            m.outline = kUncertaintyEdge;
            m.outlinePx = 1.25f;
            out.uncertainty.push_back(m);
        }

        // Stacked: biggest at the bottom, each next one a few pixels up and right.
        std::vector<size_t> order(members);
        if (!g.spread)
            std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
                return compoundDiameterPx(input.compounds[a].people) > compoundDiameterPx(input.compounds[b].people);
            });
        const std::vector<geo::ScreenPx> ring = ringOffsets(order.size(), maxDiameter);
        const size_t groupIndex = out.groups.size();
        for (size_t k = 0; k < order.size(); ++k) {
            const CompoundPoint& c = input.compounds[order[k]];
            PlacedCompound p;
            p.input = order[k];
            p.anchor = g.anchor;
            p.group = groupIndex;
            p.diameterPx = c.place ? kPlaceDiameterPx : compoundDiameterPx(c.people);
            if (g.spread) p.drawn = offset(g.anchor, ring[k], upp);
            else p.drawn = offset(g.anchor, {kStackStepPx * static_cast<double>(k), -kStackStepPx * static_cast<double>(k)}, upp);
            if (g.spread) appendDottedLine(out.links, view, g.anchor, p.drawn, 2.0f, 3.0, kUncertaintyEdge);
            // The selected one is drawn last, on top, unless that would cover the rest of its stack.
            if (c.id == input.selected && (g.spread || members.size() == 1)) selectedPlaced = out.compounds.size();
            if (c.id == input.selected) selectedAnywhere = out.compounds.size();
            g.members.push_back(out.compounds.size());
            out.compounds.push_back(p);
        }
        if (g.spread) {
            Marker dot;
            dot.position = g.anchor;
            dot.sizePx = 5;
            dot.fill = kLinkColor;
            dot.outline = {1, 1, 1, 1};
            dot.outlinePx = 1;
            out.links.push_back(dot);
        }
        out.groups.push_back(std::move(g));
    }

    // Incident places, and the lines from the selected compound to them.
    for (const IncidentPlace& p : input.places) {
        const geo::MapXY at = crs.forward(p.location);
        if (!std::isfinite(at.x) || !std::isfinite(at.y)) continue;
        if (p.joined && selectedAnywhere) {
            const bool possibly = p.relation == geo::LinkRelation::PossiblyLinked;
            // "possibly linked" reads as such: sparse dots; a firm link is a solid line of dots.
            appendDottedLine(out.links, view, out.compounds[*selectedAnywhere].drawn, at, possibly ? 3.5f : 2.5f,
                             possibly ? 9.0 : 1.25, kLinkColor);
        }
        if (!p.ownMarker) continue;
        Marker m;
        m.position = at;
        m.sizePx = 8;
        m.fill = kPlaceFill;
        m.outline = kPlaceOutline;
        m.outlinePx = 2;
        out.places.push_back(m);
    }

    // Compounds on top, the selected one last with a halo.
    for (size_t i = 0; i < out.compounds.size(); ++i) {
        const PlacedCompound& p = out.compounds[i];
        const CompoundPoint& c = input.compounds[p.input];
        Marker m;
        m.position = p.drawn;
        m.sizePx = p.diameterPx;
        if (c.place) {
            m.fill = kPlaceFill;
            m.outline = kPlaceOutline;
            m.outlinePx = 2.5f;
        } else {
            m.fill = statusColor(c.status);
            m.outline = {1, 1, 1, 1};
            m.outlinePx = 1.5f;
        }
        if (selectedPlaced && i == *selectedPlaced) continue; // drawn last, below
        if (selectedAnywhere && i == *selectedAnywhere) {
            m.outline = kSelectionOutline;
            m.outlinePx = 2.5f;
            m.halo = kSelectedHalo;
            m.haloPx = 3;
        }
        out.markers.push_back(m);
    }
    if (selectedPlaced) {
        const PlacedCompound& p = out.compounds[*selectedPlaced];
        const CompoundPoint& c = input.compounds[p.input];
        Marker m;
        m.position = p.drawn;
        m.sizePx = p.diameterPx;
        m.fill = c.place ? kPlaceFill : statusColor(c.status);
        m.outline = kSelectionOutline;
        m.outlinePx = 2.5f;
        m.halo = kSelectedHalo;
        m.haloPx = 4;
        out.markers.push_back(m);
    }
    return out;
}

std::optional<MarkerHit> hitTest(const MarkerLayout& layout, const geo::Viewport& view, geo::ScreenPx at)
{
    // Topmost first: the last drawn wins.
    for (size_t i = layout.compounds.size(); i-- > 0;) {
        const PlacedCompound& p = layout.compounds[i];
        const geo::ScreenPx s = view.toScreen(p.drawn);
        if (std::hypot(s.x - at.x, s.y - at.y) > p.diameterPx / 2 + kHitSlopPx) continue;
        const PlacedGroup& g = layout.groups[p.group];
        if (g.members.size() > 1 && !g.spread) return MarkerHit{std::nullopt, p.group};
        return MarkerHit{i, std::nullopt};
    }
    for (size_t gi = 0; gi < layout.groups.size(); ++gi) {
        const PlacedGroup& g = layout.groups[gi];
        if (!g.spread) continue;
        const geo::ScreenPx s = view.toScreen(g.anchor);
        if (std::hypot(s.x - at.x, s.y - at.y) <= 4 + kHitSlopPx) return MarkerHit{std::nullopt, gi};
    }
    return std::nullopt;
}

} // namespace viewer
