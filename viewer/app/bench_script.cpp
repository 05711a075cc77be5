// Camera path: frames 0-239 zoom from the scene extent into the focus (log-interpolated),
// 240-419 pan a circle around the focus at close zoom, 420-599 zoom back out while panning.
#include "viewer/app/bench_script.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace viewer {

BenchScript::BenchScript(const geo::Extent& scene, const geo::Extent& focus) : m_scene(scene), m_focus(focus)
{
    m_ms.reserve(kFrames);
}

void BenchScript::apply(geo::Viewport& view) const
{
    geo::Viewport wide = view, close = view;
    wide.fit(m_scene, 0.02);
    close.fit(m_focus, 0.02);
    const double uWide = wide.unitsPerPixel(), uClose = close.unitsPerPixel() / 4;
    const geo::MapXY cw = wide.center(), cc = close.center();
    auto lerp = [](double a, double b, double t) { return a + (b - a) * t; };
    const int f = m_frame;
    const double radius = 300 * uClose;
    if (f < 240) {
        const double t = f / 239.0;
        view.setUnitsPerPixel(std::exp(lerp(std::log(uWide), std::log(uClose), t)));
        view.setCenter({lerp(cw.x, cc.x, std::min(1.0, t * 1.5)), lerp(cw.y, cc.y, std::min(1.0, t * 1.5))});
    } else if (f < 420) {
        const double a = (f - 240) / 180.0 * 2 * 3.14159265358979;
        view.setUnitsPerPixel(uClose);
        view.setCenter({cc.x + radius * std::sin(a), cc.y + radius * (1 - std::cos(a))});
    } else {
        const double t = (f - 420) / 179.0;
        view.setUnitsPerPixel(std::exp(lerp(std::log(uClose), std::log(uWide), t)));
        view.setCenter({lerp(cc.x, cw.x, t), lerp(cc.y, cw.y, t)});
    }
}

void BenchScript::record(double milliseconds)
{
    m_ms.push_back(milliseconds);
    ++m_frame;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double rank = p / 100.0 * (v.size() - 1);
    const size_t lo = static_cast<size_t>(std::floor(rank)), hi = static_cast<size_t>(std::ceil(rank));
    return v[lo] + (v[hi] - v[lo]) * (rank - lo);
}

std::string BenchScript::summary() const
{
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(2);
    double sum = 0;
    for (double m : m_ms) sum += m;
    auto phase = [&](size_t b, size_t e) {
        return percentile(std::vector<double>(m_ms.begin() + std::min(b, m_ms.size()), m_ms.begin() + std::min(e, m_ms.size())), 50);
    };
    out << "bench frames " << m_ms.size() << " median_ms " << percentile(m_ms, 50) << " p95_ms " << percentile(m_ms, 95)
        << " max_ms " << (m_ms.empty() ? 0 : *std::max_element(m_ms.begin(), m_ms.end())) << " mean_ms "
        << (m_ms.empty() ? 0 : sum / m_ms.size()) << " zoom_in_median_ms " << phase(0, 240) << " pan_median_ms "
        << phase(240, 420) << " zoom_out_median_ms " << phase(420, 600);
    return out.str();
}

} // namespace viewer
