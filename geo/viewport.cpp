// Screen <-> map transforms; y grows up in the map and down on screen.
#include "geo/viewport.hpp"

#include <algorithm>
#include <cmath>

namespace geo {

Viewport::Viewport(int widthPx, int heightPx, MapXY center, double unitsPerPixel)
    : m_width(std::max(1, widthPx)), m_height(std::max(1, heightPx)), m_center(center)
{
    setUnitsPerPixel(unitsPerPixel);
}

void Viewport::resize(int widthPx, int heightPx)
{
    m_width = std::max(1, widthPx);
    m_height = std::max(1, heightPx);
}

void Viewport::setUnitsPerPixel(double u)
{
    if (!std::isfinite(u) || u <= 0) return;
    m_unitsPerPixel = std::clamp(u, m_minUpp, m_maxUpp);
}

void Viewport::setUnitsPerPixelLimits(double minUpp, double maxUpp)
{
    if (!(minUpp > 0) || !(maxUpp >= minUpp) || !std::isfinite(maxUpp)) return;
    m_minUpp = minUpp;
    m_maxUpp = maxUpp;
    m_unitsPerPixel = std::clamp(m_unitsPerPixel, m_minUpp, m_maxUpp);
}

ScreenPx Viewport::toScreen(MapXY m) const
{
    return {(m.x - m_center.x) / m_unitsPerPixel + m_width / 2.0, (m_center.y - m.y) / m_unitsPerPixel + m_height / 2.0};
}

MapXY Viewport::toMap(ScreenPx s) const
{
    return {m_center.x + (s.x - m_width / 2.0) * m_unitsPerPixel, m_center.y - (s.y - m_height / 2.0) * m_unitsPerPixel};
}

Extent Viewport::visibleExtent() const
{
    Extent e;
    e.expand(m_center.x - m_width / 2.0 * m_unitsPerPixel, m_center.y - m_height / 2.0 * m_unitsPerPixel);
    e.expand(m_center.x + m_width / 2.0 * m_unitsPerPixel, m_center.y + m_height / 2.0 * m_unitsPerPixel);
    return e;
}

void Viewport::panPixels(double dx, double dy)
{
    m_center.x -= dx * m_unitsPerPixel;
    m_center.y += dy * m_unitsPerPixel;
}

void Viewport::zoomAt(ScreenPx anchor, double factor)
{
    if (!(factor > 0) || !std::isfinite(factor)) return;
    MapXY before = toMap(anchor);
    setUnitsPerPixel(m_unitsPerPixel / factor);
    MapXY after = toMap(anchor);
    m_center.x += before.x - after.x;
    m_center.y += before.y - after.y;
}

void Viewport::fit(const Extent& e, double marginFraction)
{
    if (e.empty()) return;
    const double usable = 1.0 - 2.0 * std::clamp(marginFraction, 0.0, 0.45);
    const double ux = e.width() / (m_width * usable);
    const double uy = e.height() / (m_height * usable);
    m_center = e.center();
    setUnitsPerPixel(std::max({ux, uy, m_minUpp}));
}

void Viewport::fit(const Extent& e, double marginFraction, ScreenPx areaMin, ScreenPx areaMax)
{
    const double w = areaMax.x - areaMin.x, h = areaMax.y - areaMin.y;
    const bool inside = areaMin.x >= 0 && areaMin.y >= 0 && areaMax.x <= m_width && areaMax.y <= m_height;
    if (e.empty() || !(w >= 1 && h >= 1) || !inside) return fit(e, marginFraction);
    const double usable = 1.0 - 2.0 * std::clamp(marginFraction, 0.0, 0.45);
    setUnitsPerPixel(std::max({e.width() / (w * usable), e.height() / (h * usable), m_minUpp}));
    // e's centre on the area's centre (screen y grows down, map y up).
    const MapXY c = e.center();
    m_center = {c.x - ((areaMin.x + areaMax.x) / 2 - m_width / 2.0) * m_unitsPerPixel,
                c.y + ((areaMin.y + areaMax.y) / 2 - m_height / 2.0) * m_unitsPerPixel};
}

double scaleDenominator(double unitsPerPixel, double metresPerUnit)
{
    return unitsPerPixel * metresPerUnit / 0.00028;
}

} // namespace geo
