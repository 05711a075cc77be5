// The map CRS: the coordinate system the map is drawn in (Web Mercator, WGS 84 degrees, a
// UTM zone, any CRS PROJ knows), with the lon/lat <-> map transforms, the true scale at a
// point, and how layers are projected into it (what cannot be placed is dropped and counted).
#pragma once
#include "geo/coords.hpp"
#include "geo/layer.hpp"

#include <memory>
#include <string>

namespace geo {

class Projector;

// Web Mercator stops here; data beyond is clamped before projecting.
constexpr double kMercatorMaxLat = 85.05112878;

// Spherical Web Mercator (exact for EPSG:3857; no PROJ context needed per frame).
MapXY webMercatorForward(LonLat p);
LonLat webMercatorInverse(MapXY m);

// A value: copies are independent and each builds its own PROJ objects on first use, so a
// loader thread takes a copy and never shares one with the UI thread. One instance must not
// be used from two threads at once.
class MapCrs {
public:
    MapCrs(); // Web Mercator
    // "EPSG:N", a PROJ string or WKT. Throws geo::Error (one line) when PROJ does not know
    // it or cannot relate it to WGS 84 lon/lat.
    explicit MapCrs(const std::string& definition);
    ~MapCrs();
    MapCrs(const MapCrs& o);
    MapCrs& operator=(const MapCrs& o);
    MapCrs(MapCrs&&) noexcept;
    MapCrs& operator=(MapCrs&&) noexcept;
    bool operator==(const MapCrs& o) const { return m_definition == o.m_definition; }

    const std::string& definition() const { return m_definition; } // e.g. "EPSG:32648"
    const std::string& name() const { return m_name; }             // e.g. "WGS 84 / UTM zone 48N"
    std::string label() const { return m_definition + " " + m_name; }
    bool webMercator() const { return m_mercator; }
    bool geographic() const { return m_geographic; }

    // NaN coordinates when PROJ cannot place the point.
    MapXY forward(LonLat p) const;
    LonLat inverse(MapXY m) const;
    // Boxes: edges densified (a rectangle is not one after projection); empty on failure.
    Extent lonLatBox(const Extent& lonLat) const;
    Extent lonLatBox(double west, double south, double east, double north) const;
    Extent toLonLatBox(const Extent& map) const;

    // True metres on the ground per map unit at `m`, east-west (equal in every direction for
    // conformal CRSs such as Web Mercator and UTM). 0 when it cannot be measured there.
    double metresPerUnitAt(MapXY m) const;

    // The lon/lat box this CRS can draw without tearing (a transverse Mercator folds over
    // 90 degrees from its meridian): PROJ's area of use widened by 60 degrees; the world
    // for Web Mercator and geographic CRSs.
    const Extent& drawableLonLat() const { return m_drawable; }

    // Metres per map unit as the scale rules use it (level-of-detail tolerances, label scale
    // ranges): ~111 km per degree, 1 for CRSs in metres. Not the true scale at a point.
    double nominalMetresPerUnit() const { return nominalMetresPerUnit(m_geographic); }
    static double nominalMetresPerUnit(bool geographic) { return geographic ? 111320.0 : 1.0; }

    // Sensible zoom limits in map units per pixel (1 cm to 1000 km per pixel on the ground).
    double minUnitsPerPixel() const;
    double maxUnitsPerPixel() const;

    // Projects a layer read in WGS 84 lon/lat into this CRS in place: Web Mercator clamps
    // latitudes; other CRSs drop features that leave drawableLonLat() or that PROJ cannot
    // place, with one warning line in layer.warnings. Returns how many were dropped.
    size_t projectLayer(Layer& lonLatLayer) const;

private:
    const Projector& projector() const;

    std::string m_definition, m_name;
    bool m_mercator = true, m_geographic = false;
    Extent m_drawable;
    mutable std::unique_ptr<Projector> m_projector; // WGS 84 -> this, built on first use
};

} // namespace geo
