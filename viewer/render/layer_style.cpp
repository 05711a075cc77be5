// Colour parsing for styles.
#include "viewer/render/layer_style.hpp"

#include <cstdlib>

namespace viewer {

Rgba rgbaFromHex(const std::string& hex)
{
    if (hex.size() != 7 && hex.size() != 9) return {};
    if (hex[0] != '#') return {};
    auto byte = [&](size_t at) { return std::strtol(hex.substr(at, 2).c_str(), nullptr, 16) / 255.0f; };
    return {byte(1), byte(3), byte(5), hex.size() == 9 ? byte(7) : 1.0f};
}

} // namespace viewer
