// Quantiles by nth_element (linear time, no full sort: a 4096 x 4096 image is 16 M values).
#include "geo/raster_stretch.hpp"

#include <algorithm>
#include <cmath>

namespace geo {

std::optional<StretchRange> quantileRange(const std::vector<float>& values, const std::vector<uint8_t>& valid,
                                          double lowShare, double highShare)
{
    std::vector<float> v;
    v.reserve(values.size());
    for (size_t i = 0; i < values.size(); ++i)
        if (i < valid.size() && valid[i] && std::isfinite(values[i])) v.push_back(values[i]);
    if (v.empty()) return std::nullopt;
    auto at = [&](double share) {
        const size_t k = std::min(v.size() - 1, static_cast<size_t>(share * static_cast<double>(v.size() - 1) + 0.5));
        std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
        return static_cast<double>(v[k]);
    };
    StretchRange r{at(lowShare), at(highShare)};
    if (!(r.high > r.low)) r = {r.low - 0.5, r.low + 0.5};
    return r;
}

std::vector<uint8_t> greyRamp(const std::vector<float>& values, const std::vector<uint8_t>& valid,
                              const StretchRange& range, const std::vector<uint8_t>& shade)
{
    std::vector<uint8_t> out(values.size() * 4, 0);
    const double span = range.high - range.low;
    for (size_t i = 0; i < values.size(); ++i) {
        if (i >= valid.size() || !valid[i] || !std::isfinite(values[i])) continue;
        double g = std::clamp((values[i] - range.low) / span, 0.0, 1.0);
        // Relative to flat ground (GDAL's hillshade gives it about 180 with the light 45 degrees
        // up); 0 is the hillshade's own nodata: no shading there.
        if (i < shade.size() && shade[i]) g = std::min(1.0, g * std::clamp(shade[i] / 180.0, 0.5, 1.25));
        const auto level = static_cast<uint8_t>(std::clamp(g * 255.0 + 0.5, 0.0, 255.0));
        out[i * 4] = out[i * 4 + 1] = out[i * 4 + 2] = level;
        out[i * 4 + 3] = 255;
    }
    return out;
}

} // namespace geo
