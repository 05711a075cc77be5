// Class building for categorized and graduated styles.
#include "geo/classify.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

namespace geo {

namespace {

// ColorBrewer "Set3"-like qualitative colours and a "YlOrRd"-like ramp (values chosen by eye).
constexpr Rgba kQualitative[] = {{141, 211, 199, 255}, {255, 255, 179, 255}, {190, 186, 218, 255},
                                 {251, 128, 114, 255}, {128, 177, 211, 255}, {253, 180, 98, 255},
                                 {179, 222, 105, 255}, {252, 205, 229, 255}, {188, 128, 189, 255},
                                 {204, 235, 197, 255}, {255, 237, 111, 255}, {217, 217, 217, 255}};
constexpr Rgba kRampLow{255, 255, 204, 255};
constexpr Rgba kRampMid{253, 141, 60, 255};
constexpr Rgba kRampHigh{189, 0, 38, 255};

Rgba ramp(double t)
{
    auto mix = [](const Rgba& a, const Rgba& b, double u) {
        Rgba c;
        for (int i = 0; i < 4; ++i) c[i] = static_cast<uint8_t>(std::lround(a[i] + (b[i] - a[i]) * u));
        return c;
    };
    return t < 0.5 ? mix(kRampLow, kRampMid, t * 2) : mix(kRampMid, kRampHigh, (t - 0.5) * 2);
}

std::string numberLabel(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

} // namespace

bool parseNumber(const std::string& s, double& out)
{
    const char* b = s.data();
    const char* e = s.data() + s.size();
    while (b < e && *b == ' ') ++b;
    if (b < e && *b == '+') ++b;
    auto [ptr, ec] = std::from_chars(b, e, out);
    return ec == std::errc() && ptr == e && b != e && std::isfinite(out);
}

std::vector<StyleClass> categorize(const Layer& layer, int field, size_t maxClasses)
{
    std::map<std::string, size_t> counts;
    for (const Feature& f : layer.features) ++counts[layer.value(f, field)];
    std::vector<std::pair<std::string, size_t>> ranked(counts.begin(), counts.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](auto& a, auto& b) { return a.second > b.second; });
    std::vector<StyleClass> out;
    const size_t palette = std::size(kQualitative);
    for (size_t i = 0; i < ranked.size(); ++i) {
        if (i + 1 >= maxClasses && ranked.size() > maxClasses) {
            StyleClass other{"(other)", "", 0, 0, {160, 160, 160, 255}, 0};
            for (size_t k = i; k < ranked.size(); ++k) other.count += ranked[k].second;
            out.push_back(other);
            break;
        }
        const std::string& v = ranked[i].first;
        out.push_back({v.empty() ? "(empty)" : v, v, 0, 0, kQualitative[i % palette], ranked[i].second});
    }
    return out;
}

std::vector<StyleClass> graduate(const Layer& layer, int field, int classes, Breaks breaks)
{
    std::vector<double> values;
    for (const Feature& f : layer.features) {
        double v;
        if (parseNumber(layer.value(f, field), v)) values.push_back(v);
    }
    std::vector<StyleClass> out;
    if (values.empty() || classes < 1) return out;
    std::sort(values.begin(), values.end());
    const double lo = values.front(), hi = values.back();
    std::vector<double> edges{lo};
    for (int i = 1; i < classes; ++i) {
        double edge = breaks == Breaks::EqualInterval
                          ? lo + (hi - lo) * i / classes
                          : values[std::min(values.size() - 1, values.size() * i / classes)];
        if (edge > edges.back()) edges.push_back(edge);
    }
    edges.push_back(hi);
    if (edges.size() == 2 && edges[0] == edges[1]) edges.pop_back();
    const size_t n = std::max<size_t>(1, edges.size() - 1);
    for (size_t i = 0; i < n; ++i) {
        StyleClass c;
        c.lower = edges[i];
        c.upper = edges.size() > i + 1 ? edges[i + 1] : edges[i];
        c.label = c.lower == c.upper ? numberLabel(c.lower) : numberLabel(c.lower) + " – " + numberLabel(c.upper);
        c.colour = ramp(n == 1 ? 1.0 : static_cast<double>(i) / (n - 1));
        out.push_back(c);
    }
    for (double v : values)
        if (int k = classOfNumber(out, v); k >= 0) ++out[k].count;
    return out;
}

int classOf(const std::vector<StyleClass>& classes, const std::string& value, bool graduated)
{
    if (!graduated) {
        for (size_t i = 0; i < classes.size(); ++i)
            if (classes[i].label != "(other)" && classes[i].value == value) return static_cast<int>(i);
        return classes.empty() || classes.back().label != "(other)" ? -1 : static_cast<int>(classes.size() - 1);
    }
    double v;
    return parseNumber(value, v) ? classOfNumber(classes, v) : -1;
}

int classOfNumber(const std::vector<StyleClass>& classes, double v)
{
    for (size_t i = 0; i < classes.size(); ++i) {
        const bool last = i + 1 == classes.size();
        if (v >= classes[i].lower && (v < classes[i].upper || (last && v <= classes[i].upper))) return static_cast<int>(i);
    }
    return -1;
}

} // namespace geo
