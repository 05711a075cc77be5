// Named coordinate spaces: geographic lon/lat, map-CRS units, screen pixels, and extents.
#pragma once
#include <algorithm>
#include <limits>

namespace geo {

// WGS 84 longitude/latitude in degrees, always in that order.
struct LonLat {
    double lon = 0;
    double lat = 0;
};

// Coordinates in the map CRS (metres for Web Mercator and UTM, degrees for EPSG:4326).
struct MapXY {
    double x = 0;
    double y = 0;
};

// Window pixels, origin top-left, y down.
struct ScreenPx {
    double x = 0;
    double y = 0;
};

// Axis-aligned box; starts empty and grows with expand().
struct Extent {
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    bool empty() const { return !(minX <= maxX && minY <= maxY); }
    double width() const { return empty() ? 0 : maxX - minX; }
    double height() const { return empty() ? 0 : maxY - minY; }
    MapXY center() const { return {(minX + maxX) / 2, (minY + maxY) / 2}; }
    void expand(double x, double y)
    {
        minX = std::min(minX, x);
        minY = std::min(minY, y);
        maxX = std::max(maxX, x);
        maxY = std::max(maxY, y);
    }
    void expand(const Extent& o)
    {
        if (o.empty()) return;
        expand(o.minX, o.minY);
        expand(o.maxX, o.maxY);
    }
    bool intersects(const Extent& o) const
    {
        return !empty() && !o.empty() && minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY;
    }
    bool contains(double x, double y) const { return x >= minX && x <= maxX && y >= minY && y <= maxY; }
};

} // namespace geo
