// The camera: which part of the map CRS a rectangle of pixels shows. Shared by the
// window, the render tests and headless export.
#pragma once
#include "geo/coords.hpp"

namespace geo {

class Viewport {
public:
    Viewport() = default;
    Viewport(int widthPx, int heightPx, MapXY center, double unitsPerPixel);

    int width() const { return m_width; }
    int height() const { return m_height; }
    MapXY center() const { return m_center; }
    double unitsPerPixel() const { return m_unitsPerPixel; }

    void resize(int widthPx, int heightPx);
    void setCenter(MapXY c) { m_center = c; }
    void setUnitsPerPixel(double u);

    ScreenPx toScreen(MapXY m) const;
    MapXY toMap(ScreenPx s) const;
    Extent visibleExtent() const;

    // Moves the map with the pointer: a drag of (dx, dy) pixels.
    void panPixels(double dx, double dy);
    // Zooms by `factor` (>1 = in) keeping the map point under `anchor` where it is.
    void zoomAt(ScreenPx anchor, double factor);
    // Shows all of `e` with `marginFraction` of the smaller side left free around it.
    void fit(const Extent& e, double marginFraction = 0.05);
    // The same within the screen box [areaMin, areaMax] (the part of the window panels leave
    // free), centred there; the whole view when the box is empty or reaches outside the view.
    void fit(const Extent& e, double marginFraction, ScreenPx areaMin, ScreenPx areaMax);

    // Limits so the user cannot zoom to absurd scales (units per pixel); the defaults suit
    // metres, a map in degrees sets its own.
    static constexpr double kMinUnitsPerPixel = 0.01;
    static constexpr double kMaxUnitsPerPixel = 1e6;
    void setUnitsPerPixelLimits(double minUpp, double maxUpp);
    double minUnitsPerPixel() const { return m_minUpp; }

private:
    int m_width = 1;
    int m_height = 1;
    MapXY m_center{};
    double m_unitsPerPixel = 1;
    double m_minUpp = kMinUnitsPerPixel, m_maxUpp = kMaxUnitsPerPixel;
};

// OGC scale denominator (0.28 mm pixels) for a view whose map units are `metresPerUnit`
// metres at the view centre (Web Mercator: cos(latitude); degrees: ~111 320 cos(latitude)).
double scaleDenominator(double unitsPerPixel, double metresPerUnit);

} // namespace geo
