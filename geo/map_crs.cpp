// The map CRS. Web Mercator keeps its exact spherical formulas (no PROJ per frame); every
// other CRS goes through one lazily built geo::Projector per instance.
#include "geo/map_crs.hpp"
#include "geo/crs.hpp"
#include "geo/error.hpp"
#include "geo/geodesic.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

namespace geo {

namespace {

constexpr double kRadius = 6378137.0;
constexpr double kPi = 3.14159265358979323846;
constexpr double kWiden = 60.0; // degrees added around PROJ's area of use
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// "epsg:4326" and "EPSG:4326" are the same CRS: one spelling, so comparisons and sessions agree.
std::string canonical(std::string d)
{
    if (d.size() > 5 && d[4] == ':') {
        std::string auth = d.substr(0, 4);
        for (char& c : auth) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (auth == "EPSG") d = auth + d.substr(4);
    }
    return d;
}

Extent world() { return Extent{-180, -90, 180, 90}; }

Extent drawableFor(const std::string& definition)
{
    const Extent a = crsAreaOfUse(definition);
    if (a.minY > a.maxY || !std::isfinite(a.minX)) return world(); // none known
    Extent out;
    out.minY = std::max(-90.0, a.minY - kWiden);
    out.maxY = std::min(90.0, a.maxY + kWiden);
    if (a.minX > a.maxX || a.maxX - a.minX + 2 * kWiden >= 360) { // across 180 degrees, or all round
        out.minX = -180;
        out.maxX = 180;
    } else {
        out.minX = std::max(-180.0, a.minX - kWiden);
        out.maxX = std::min(180.0, a.maxX + kWiden);
    }
    return out;
}

bool finite(MapXY p) { return std::isfinite(p.x) && std::isfinite(p.y); }

bool within(const Extent& box, const Extent& part)
{
    return box.contains(part.minX, part.minY) && box.contains(part.maxX, part.maxY);
}

// One ring clipped to `box` (Sutherland-Hodgman, edge by edge). Where a concave ring leaves
// and comes back, the pieces are joined along the box's edge: zero-area slivers the even-odd
// fill does not show, on the edge of what the CRS can draw, far outside its area of use.
std::vector<MapXY> clipRing(std::vector<MapXY> ring, const Extent& box)
{
    const bool closed = ring.size() > 1 && ring.front().x == ring.back().x && ring.front().y == ring.back().y;
    if (closed) ring.pop_back();
    auto clipEdge = [&](auto inside, auto cross) {
        std::vector<MapXY> out;
        out.reserve(ring.size() + 4);
        for (size_t i = 0; i < ring.size(); ++i) {
            const MapXY a = ring[i], b = ring[(i + 1) % ring.size()];
            const bool ina = inside(a), inb = inside(b);
            if (ina) out.push_back(a);
            if (ina != inb) out.push_back(cross(a, b));
        }
        ring = std::move(out);
    };
    auto atX = [](MapXY a, MapXY b, double x) { return MapXY{x, a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)}; };
    auto atY = [](MapXY a, MapXY b, double y) { return MapXY{a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y}; };
    clipEdge([&](MapXY p) { return p.x >= box.minX; }, [&](MapXY a, MapXY b) { return atX(a, b, box.minX); });
    clipEdge([&](MapXY p) { return p.x <= box.maxX; }, [&](MapXY a, MapXY b) { return atX(a, b, box.maxX); });
    clipEdge([&](MapXY p) { return p.y >= box.minY; }, [&](MapXY a, MapXY b) { return atY(a, b, box.minY); });
    clipEdge([&](MapXY p) { return p.y <= box.maxY; }, [&](MapXY a, MapXY b) { return atY(a, b, box.maxY); });
    if (ring.size() < 3) return {};
    if (closed) ring.push_back(ring.front()); // as it came
    return ring;
}

// The pieces of a polyline inside `box` (Liang-Barsky on each segment).
void clipLine(const MapXY* p, size_t n, const Extent& box, std::vector<std::vector<MapXY>>& pieces)
{
    std::vector<MapXY> cur;
    auto flush = [&] {
        if (cur.size() >= 2) pieces.push_back(std::move(cur));
        cur.clear();
    };
    for (size_t i = 0; i + 1 < n; ++i) {
        const MapXY a = p[i], b = p[i + 1];
        const double dx = b.x - a.x, dy = b.y - a.y;
        double t0 = 0, t1 = 1;
        bool visible = true;
        const std::pair<double, double> sides[] = {
            {-dx, a.x - box.minX}, {dx, box.maxX - a.x}, {-dy, a.y - box.minY}, {dy, box.maxY - a.y}};
        for (auto [q, r] : sides) {
            if (q == 0) {
                if (r < 0) visible = false;
                continue;
            }
            const double t = r / q;
            if (q < 0) t0 = std::max(t0, t);
            else t1 = std::min(t1, t);
        }
        if (!visible || t0 > t1) {
            flush();
            continue;
        }
        const MapXY from{a.x + t0 * dx, a.y + t0 * dy}, to{a.x + t1 * dx, a.y + t1 * dy};
        if (cur.empty() || t0 > 0) {
            flush();
            cur.push_back(from);
        }
        cur.push_back(to);
        if (t1 < 1) flush();
    }
    flush();
}

// Cuts `g` to `box`: points outside go, lines and rings are clipped to it. A country is one
// multipolygon with far-flung parts: Norway's Bouvet Island (54 S) must not take Svalbard off
// an Arctic map, nor Russia's far east the shore of Lake Baikal off UTM 48N. Returns false
// when nothing is left.
bool clipTo(Geometry& g, const Extent& box)
{
    Geometry out;
    out.kind = g.kind;
    auto addPart = [&](const std::vector<MapXY>& pts) {
        out.coords.insert(out.coords.end(), pts.begin(), pts.end());
        out.partStarts.push_back(static_cast<uint32_t>(out.coords.size()));
    };
    auto run = [&](size_t part) {
        return std::vector<MapXY>(g.coords.begin() + g.partStarts[part], g.coords.begin() + g.partStarts[part + 1]);
    };
    if (g.kind == GeomKind::Point) {
        for (const MapXY& p : g.coords)
            if (box.contains(p.x, p.y)) out.coords.push_back(p);
        out.partStarts = {0, static_cast<uint32_t>(out.coords.size())};
    } else if (g.kind == GeomKind::Polygon) {
        for (size_t poly = 0; poly + 1 < g.polygonStarts.size(); ++poly) {
            const uint32_t firstRing = g.polygonStarts[poly], endRing = g.polygonStarts[poly + 1];
            if (firstRing == endRing) continue;
            std::vector<MapXY> exterior = clipRing(run(firstRing), box);
            if (exterior.empty()) continue; // holes of a polygon that is gone go with it
            addPart(exterior);
            for (uint32_t r = firstRing + 1; r < endRing; ++r)
                if (std::vector<MapXY> hole = clipRing(run(r), box); !hole.empty()) addPart(hole);
            out.polygonStarts.push_back(static_cast<uint32_t>(out.partCount()));
        }
    } else {
        std::vector<std::vector<MapXY>> pieces;
        for (size_t part = 0; part < g.partCount(); ++part)
            clipLine(g.coords.data() + g.partStarts[part], g.partStarts[part + 1] - g.partStarts[part], box, pieces);
        for (const std::vector<MapXY>& piece : pieces) addPart(piece);
    }
    if (out.empty()) return false;
    g = std::move(out);
    return true;
}

} // namespace

MapXY webMercatorForward(LonLat p)
{
    const double lat = std::clamp(p.lat, -kMercatorMaxLat, kMercatorMaxLat) * kPi / 180;
    return {kRadius * p.lon * kPi / 180, kRadius * std::log(std::tan(kPi / 4 + lat / 2))};
}

LonLat webMercatorInverse(MapXY m)
{
    return {m.x / kRadius * 180 / kPi, (2 * std::atan(std::exp(m.y / kRadius)) - kPi / 2) * 180 / kPi};
}

MapCrs::MapCrs() : m_definition(kWebMercator), m_name("WGS 84 / Pseudo-Mercator"), m_drawable(world()) {}

MapCrs::MapCrs(const std::string& definition) : m_definition(canonical(definition))
{
    if (m_definition.empty()) throw Error("no CRS given");
    m_name = describeCrs(m_definition); // throws for what PROJ does not know
    m_mercator = m_definition == kWebMercator;
    m_geographic = isGeographicCrs(m_definition);
    if (!m_mercator && !m_geographic && !isProjectedCrs(m_definition))
        throw Error("'" + m_definition + "' (" + m_name + ") is neither lon/lat nor a map projection");
    m_drawable = m_mercator || m_geographic ? world() : drawableFor(m_definition);
    if (!m_mercator) projector(); // a CRS with no way to or from WGS 84 fails here, not later
    // One that PROJ knows but cannot use for the middle of its own area (a vertical CRS, say).
    const MapXY c = forward({(m_drawable.minX + m_drawable.maxX) / 2, (m_drawable.minY + m_drawable.maxY) / 2});
    if (!finite(c)) throw Error("the CRS '" + m_definition + "' cannot place points in its own area of use");
}

MapCrs::~MapCrs() = default;
MapCrs::MapCrs(const MapCrs& o)
    : m_definition(o.m_definition), m_name(o.m_name), m_mercator(o.m_mercator), m_geographic(o.m_geographic),
      m_drawable(o.m_drawable)
{
}
MapCrs& MapCrs::operator=(const MapCrs& o)
{
    if (this == &o) return *this;
    m_definition = o.m_definition;
    m_name = o.m_name;
    m_mercator = o.m_mercator;
    m_geographic = o.m_geographic;
    m_drawable = o.m_drawable;
    m_projector.reset(); // never shared: the copy builds its own
    return *this;
}
MapCrs::MapCrs(MapCrs&&) noexcept = default;
MapCrs& MapCrs::operator=(MapCrs&&) noexcept = default;

const Projector& MapCrs::projector() const
{
    if (!m_projector) m_projector = std::make_unique<Projector>(kWgs84, m_definition);
    return *m_projector;
}

MapXY MapCrs::forward(LonLat p) const
{
    if (m_mercator) return webMercatorForward(p);
    double x = p.lon, y = p.lat;
    if (!projector().forward(x, y)) return {kNaN, kNaN};
    return {x, y};
}

LonLat MapCrs::inverse(MapXY m) const
{
    if (m_mercator) return webMercatorInverse(m);
    double x = m.x, y = m.y;
    if (!projector().inverse(x, y)) return {kNaN, kNaN};
    return {x, y};
}

namespace {
// Web Mercator maps x and y each on its own and monotonically: a box's corners go to the
// new box's corners (no densified edges needed).
Extent cornerBox(double ax, double ay, double bx, double by)
{
    Extent out;
    out.expand(ax, ay);
    out.expand(bx, by);
    return out;
}
} // namespace

Extent MapCrs::lonLatBox(const Extent& e) const
{
    if (e.empty()) return {};
    if (m_mercator) {
        const MapXY a = webMercatorForward({e.minX, e.minY}), b = webMercatorForward({e.maxX, e.maxY});
        return cornerBox(a.x, a.y, b.x, b.y);
    }
    return projector().forwardExtent(e);
}

Extent MapCrs::lonLatBox(double west, double south, double east, double north) const
{
    return lonLatBox(Extent{west, south, east, north});
}

Extent MapCrs::toLonLatBox(const Extent& e) const
{
    if (e.empty()) return {};
    if (m_mercator) {
        const LonLat a = webMercatorInverse({e.minX, e.minY}), b = webMercatorInverse({e.maxX, e.maxY});
        return cornerBox(a.lon, a.lat, b.lon, b.lat);
    }
    return projector().inverseExtent(e);
}

double MapCrs::metresPerUnitAt(MapXY m) const
{
    if (m_mercator) return std::cos(webMercatorInverse(m).lat * kPi / 180);
    // A short east-west step measured on the ellipsoid: true for any CRS and unit.
    const double step = m_geographic ? 1e-4 : 5.0;
    const LonLat a = inverse({m.x - step, m.y}), b = inverse({m.x + step, m.y});
    if (!std::isfinite(a.lon) || !std::isfinite(b.lon)) return 0;
    return geodesicDistanceM(a, b) / (2 * step);
}

double MapCrs::minUnitsPerPixel() const { return 0.01 / nominalMetresPerUnit(); }
double MapCrs::maxUnitsPerPixel() const { return m_geographic ? 10.0 : 1e6; }

size_t MapCrs::projectLayer(Layer& layer) const
{
    size_t dropped = 0, inPart = 0;
    if (m_mercator) {
        for (Feature& f : layer.features)
            for (MapXY& p : f.geometry.coords) p = webMercatorForward({p.x, p.y});
    } else {
        const Projector& proj = projector();
        for (Feature& f : layer.features) {
            if (f.geometry.empty()) continue;
            // A lon/lat map draws any longitude, those moved past 180 for a view across it too.
            const bool whole = m_geographic || within(m_drawable, f.geometry.extent());
            const bool ok = (whole || clipTo(f.geometry, m_drawable)) && proj.forward(f.geometry.coords) == 0;
            if (!ok) {
                f.geometry = Geometry{};
                ++dropped;
            } else if (!whole) {
                ++inPart;
            }
        }
    }
    layer.extent = Extent{};
    for (Feature& f : layer.features) {
        f.bbox = f.geometry.extent();
        layer.extent.expand(f.bbox);
    }
    layer.crs = m_definition;
    if (dropped)
        layer.warnings.push_back(layer.name + ": " + std::to_string(dropped) + " features outside what " + m_definition +
                                 " (" + m_name + ") can show were left out");
    if (inPart)
        layer.warnings.push_back(layer.name + ": " + std::to_string(inPart) + " features drawn in part (what lies outside " +
                                 "what " + m_definition + " can show was cut off)");
    return dropped;
}

} // namespace geo
