// Snapping looks at the markers as drawn (spread compounds included), then at incident places,
// and takes the true location of what it hit, not the click.
#include "viewer/app/measure_tool.hpp"
#include "viewer/app/session.hpp"

#include <cmath>
#include <cstdio>
#include <optional>

namespace viewer {

namespace {

std::optional<MeasurePoint> snapTarget(geo::ScreenPx at, const Session& s)
{
    if (!s.cases.hasData()) return std::nullopt;
    const geo::CaseData& data = s.cases.data();
    // A compound marker under the pointer (its drawn, possibly spread, position).
    for (const std::string& id : s.cases.compoundsAt(at, s.view))
        if (const geo::Compound* c = data.findCompound(id)) return MeasurePoint{c->location, c->name};
    // Else the nearest compound or incident place within kSnapPx of its true location.
    std::optional<MeasurePoint> best;
    double bestPx = MeasureTool::kSnapPx;
    auto consider = [&](geo::LonLat p, const std::string& name) {
        const geo::MapXY m = s.crs.forward(p);
        if (!std::isfinite(m.x) || !std::isfinite(m.y)) return;
        const geo::ScreenPx q = s.view.toScreen(m);
        const double d = std::hypot(q.x - at.x, q.y - at.y);
        if (d <= bestPx) {
            bestPx = d;
            best = MeasurePoint{p, name};
        }
    };
    for (const geo::Compound& c : data.compounds) consider(c.location, c.name);
    for (const geo::Incident& i : data.incidents)
        if (i.location) consider(*i.location, i.summary.empty() ? i.id : i.summary);
    return best;
}

} // namespace

void MeasureTool::end()
{
    m_mode = MeasureMode::Off; // the unit stays as the user chose it
    m_finished = false;
    m_points.clear();
}

void MeasureTool::start(MeasureMode mode)
{
    end();
    m_mode = mode;
}

void MeasureTool::removeLast()
{
    if (!m_points.empty()) m_points.pop_back();
    m_finished = false;
}

void MeasureTool::click(geo::ScreenPx at, const Session& s)
{
    if (!takingPoints()) return;
    if (std::optional<MeasurePoint> snapped = snapTarget(at, s)) {
        m_points.push_back(*snapped);
        return;
    }
    const geo::LonLat p = s.crs.inverse(s.view.toMap(at));
    if (!std::isfinite(p.lon) || !std::isfinite(p.lat)) return; // off the CRS's world
    m_points.push_back({p, ""});
}

double MeasureTool::lengthM() const
{
    std::vector<geo::LonLat> path;
    for (const MeasurePoint& p : m_points) path.push_back(p.at);
    if (m_mode == MeasureMode::Area) return geo::geodesicPolygonArea(path).perimeterM;
    return geo::geodesicPathLengthM(path);
}

double MeasureTool::areaM2() const
{
    if (m_mode != MeasureMode::Area) return 0;
    std::vector<geo::LonLat> ring;
    for (const MeasurePoint& p : m_points) ring.push_back(p.at);
    return geo::geodesicPolygonArea(ring).areaM2;
}

std::string MeasureTool::totalText() const
{
    return m_mode == MeasureMode::Area ? geo::formatArea(areaM2(), m_unit) : geo::formatLength(lengthM(), m_unit);
}

std::string MeasureTool::resultText() const
{
    std::string s = totalText();
    if (m_mode == MeasureMode::Area) s += " (perimeter " + geo::formatLength(lengthM(), m_unit) + ")";
    s += m_mode == MeasureMode::Area ? ", corners: " : ", along: ";
    char buf[64];
    for (size_t i = 0; i < m_points.size(); ++i) {
        const MeasurePoint& p = m_points[i];
        std::snprintf(buf, sizeof buf, "%.5f, %.5f", p.at.lon, p.at.lat);
        s += (i ? " -> " : "") + (p.snappedTo.empty() ? std::string(buf) : p.snappedTo + " (" + buf + ")");
    }
    return s + " (lon, lat, WGS 84; geodesic)";
}

} // namespace viewer
