// Coordinate reference systems and PROJ transformations, with lon/lat axis order fixed.
#pragma once
#include "geo/coords.hpp"

#include <memory>
#include <string>
#include <vector>

namespace geo {

constexpr const char* kWgs84 = "EPSG:4326";
constexpr const char* kWebMercator = "EPSG:3857";

// Checks that PROJ understands `definition` ("EPSG:N", a PROJ string or WKT) and returns
// its human name, e.g. "WGS 84 / Pseudo-Mercator". Throws geo::Error otherwise.
std::string describeCrs(const std::string& definition);

// True when the CRS is geographic (coordinates in degrees).
bool isGeographicCrs(const std::string& definition);
// True when the CRS is a map projection (not geographic, geocentric, vertical or engineering).
bool isProjectedCrs(const std::string& definition);

// PROJ's area of use of the CRS as a lon/lat box (west > east when it crosses 180 degrees);
// empty when PROJ has none or does not know the CRS.
Extent crsAreaOfUse(const std::string& definition);

// "EPSG:326NN" / "EPSG:327NN" for the UTM zone that contains `p`.
std::string utmCrsFor(LonLat p);

// A transformation between two CRSs. Both sides use "GIS" axis order (x = easting or
// longitude, y = northing or latitude) whatever the CRS definition says, so a lon/lat
// pair is never silently swapped. Move-only; one per thread (owns its PROJ context).
class Projector {
public:
    Projector(const std::string& from, const std::string& to);
    ~Projector();
    Projector(Projector&&) noexcept;
    Projector& operator=(Projector&&) noexcept;
    Projector(const Projector&) = delete;
    Projector& operator=(const Projector&) = delete;

    // Returns false (and leaves the point untouched) when the point cannot be projected.
    bool forward(double& x, double& y) const;
    bool inverse(double& x, double& y) const;

    // Transforms in place; points that fail become NaN. Returns how many failed.
    size_t forward(std::vector<MapXY>& pts) const;

    // Transforms a box by densifying its edges (a rectangle is not a rectangle after
    // projection). Returns an empty extent when nothing could be projected.
    Extent forwardExtent(const Extent& e) const;
    Extent inverseExtent(const Extent& e) const;

    const std::string& from() const { return m_from; }
    const std::string& to() const { return m_to; }

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::string m_from, m_to;
};

} // namespace geo
