// Thematic classes for styling: categorized (one class per value) and graduated (numeric
// breaks). Colours are picked here so the map, the legend and exports agree.
#pragma once
#include "geo/layer.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace geo {

using Rgba = std::array<uint8_t, 4>;

struct StyleClass {
    std::string label;     // the value, or "lo – hi" for a numeric class
    std::string value;     // categorized: the exact attribute value
    double lower = 0;      // graduated: lower bound (inclusive)
    double upper = 0;      // graduated: upper bound (inclusive for the last class)
    Rgba colour{};
    size_t count = 0;      // features in the class
};

enum class Breaks { EqualInterval, Quantile };

// One class per distinct value of `field` (most frequent first, at most `maxClasses`; the
// rest fall into an "other" class), coloured from a qualitative palette.
std::vector<StyleClass> categorize(const Layer& layer, int field, size_t maxClasses = 12);

// `classes` numeric classes of `field`, coloured on a sequential ramp; non-numeric and
// empty values belong to no class. Empty when the field holds no numbers.
std::vector<StyleClass> graduate(const Layer& layer, int field, int classes, Breaks breaks);

// The class index of a feature's value, or -1.
int classOf(const std::vector<StyleClass>& classes, const std::string& value, bool graduated);
int classOfNumber(const std::vector<StyleClass>& graduatedClasses, double v);

// Parses a whole string as a finite number ("12", "-3.5e2"); false for anything else.
bool parseNumber(const std::string& s, double& out);

} // namespace geo
