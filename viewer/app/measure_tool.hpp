// The measure tool: clicked points make a path (distance) or a polygon (area), measured on the
// ellipsoid (geo/measure.hpp). A click near a compound or an incident's own place snaps to it.
#pragma once
#include "geo/coords.hpp"
#include "geo/measure.hpp"

#include <string>
#include <vector>

namespace viewer {

struct Session;

enum class MeasureMode { Off, Distance, Area };

struct MeasurePoint {
    geo::LonLat at;
    std::string snappedTo; // "A7 Park" when the click snapped to a compound or place, else ""
};

class MeasureTool {
public:
    static constexpr double kSnapPx = 12; // drawable pixels

    void start(MeasureMode mode);
    // Esc: the tool ends and its points go.
    void end();
    // Enter or a double click: no more points; the result stays shown (and copyable).
    void finish() { m_finished = true; }
    void removeLast();

    // A click on the map at `at` (drawable pixels) while the tool takes points.
    void click(geo::ScreenPx at, const Session& s);

    bool active() const { return m_mode != MeasureMode::Off; }
    bool takingPoints() const { return active() && !m_finished; }
    bool finished() const { return m_finished; }
    MeasureMode mode() const { return m_mode; }
    const std::vector<MeasurePoint>& points() const { return m_points; }
    geo::LengthUnit unit() const { return m_unit; }
    void setUnit(geo::LengthUnit u) { m_unit = u; }

    double lengthM() const;        // along the path (Distance) or around the ring (Area)
    double areaM2() const;         // Area mode, three points or more; else 0
    // The result as one line to read or paste: "143.51 km (2 points: A7 Park, ...)".
    std::string resultText() const;
    std::string totalText() const; // "143.51 km" or "818.82 km²"

private:
    MeasureMode m_mode = MeasureMode::Off;
    bool m_finished = false;
    std::vector<MeasurePoint> m_points;
    geo::LengthUnit m_unit = geo::LengthUnit::Kilometres;
};

} // namespace viewer
