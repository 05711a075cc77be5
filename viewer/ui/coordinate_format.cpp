// Coordinate and scale formatting.
#include "viewer/ui/coordinate_format.hpp"

#include <cmath>
#include <cstdio>

namespace viewer {

namespace {
std::string dms(double v, char pos, char neg)
{
    const char hemi = v >= 0 ? pos : neg;
    double a = std::fabs(v);
    int d = static_cast<int>(a);
    int m = static_cast<int>((a - d) * 60);
    double s = ((a - d) * 60 - m) * 60;
    if (s >= 59.95) {
        s = 0;
        if (++m == 60) m = 0, ++d;
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "%d\xC2\xB0%02d'%04.1f\" %c", d, m, s, hemi);
    return buf;
}
} // namespace

std::string formatDecimal(geo::LonLat p)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.5f\xC2\xB0 %c, %.5f\xC2\xB0 %c", std::fabs(p.lat), p.lat >= 0 ? 'N' : 'S',
                  std::fabs(p.lon), p.lon >= 0 ? 'E' : 'W');
    return buf;
}

std::string formatDms(geo::LonLat p) { return dms(p.lat, 'N', 'S') + " " + dms(p.lon, 'E', 'W'); }

std::string formatScale(double denominator)
{
    if (!(denominator > 0) || !std::isfinite(denominator)) return "1:?";
    const double magnitude = std::pow(10.0, std::floor(std::log10(denominator)) - 2);
    const long long rounded = static_cast<long long>(std::llround(denominator / magnitude) * magnitude);
    std::string digits = std::to_string(std::max(1LL, rounded));
    std::string grouped;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ' ';
        grouped += digits[i];
    }
    return "1:" + grouped;
}

} // namespace viewer
