// Single-band rasters of measurements (a DEM's heights, a temperature grid) turned into
// pixels: a grey ramp stretched on the values' 2-98 % range, shaded by a hillshade.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

namespace geo {

struct StretchRange {
    double low = 0, high = 0; // values at and below `low` are black, at and above `high` white
};

// The range between the `lowShare` and `highShare` quantiles of the values whose `valid` is
// non-zero (NaN and nodata left out by the caller); std::nullopt when none is valid. A range
// of one value (a flat raster) is widened so it still maps to mid grey.
std::optional<StretchRange> quantileRange(const std::vector<float>& values, const std::vector<uint8_t>& valid,
                                          double lowShare = 0.02, double highShare = 0.98);

// RGBA (alpha 255 where valid, 0 elsewhere) of `values` on a grey ramp over `range`, dark low
// and light high; multiplied by `shade` (a hillshade, 0..255, empty for none) so slopes facing
// the light are lighter and those facing away darker, never to black.
std::vector<uint8_t> greyRamp(const std::vector<float>& values, const std::vector<uint8_t>& valid,
                              const StretchRange& range, const std::vector<uint8_t>& shade = {});

} // namespace geo
