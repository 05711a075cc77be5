// The UI scale: option, environment, display.
#include "viewer/app/ui_scale.hpp"

#include <cmath>
#include <cstdlib>

namespace viewer {

std::optional<double> parseUiScale(const std::string& text)
{
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !std::isfinite(v) || v < kMinUiScale || v > kMaxUiScale) return std::nullopt;
    return v;
}

UiScale chooseUiScale(double option, const char* env, double dpi, double drawablePerPoint)
{
    if (option > 0) return {option, "--ui-scale", ""};
    UiScale out;
    if (env && *env) {
        if (const std::optional<double> v = parseUiScale(env)) return {*v, "ATLAS_UI_SCALE", ""};
        out.warning = std::string("ATLAS_UI_SCALE=") + env + " is not a scale from 0.5 to 4; ignored";
    }
    out.source = "default";
    if (drawablePerPoint > 1.01 || !(dpi >= 120)) return out;
    out.scale = std::min(std::round(dpi / 96 * 4) / 4, kMaxUiScale);
    out.source = "display";
    return out;
}

} // namespace viewer
