// Size resolution (pixels, or paper millimetres x DPI), parsing of boxes and sizes, date text.
#include "viewer/export/export_options.hpp"

#include <algorithm>

#include "geo/image_writer.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace viewer {

OutputSize resolveOutputSize(const ExportOptions& o)
{
    OutputSize s;
    if (!o.paper.empty()) {
        if (o.width > 0 || o.height > 0) throw ExportUsageError("give either --size or --paper, not both");
        double wMm = 0, hMm = 0;
        std::string p = o.paper;
        for (char& c : p) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (p == "a4") wMm = 297, hMm = 210;
        else if (p == "a3") wMm = 420, hMm = 297;
        else if (p == "letter") wMm = 279.4, hMm = 215.9;
        else throw ExportUsageError("unknown paper '" + o.paper + "' (use A4, A3 or Letter)");
        const int dpi = o.dpi > 0 ? o.dpi : 150;
        if (dpi < 72 || dpi > 1200) throw ExportUsageError("--dpi " + std::to_string(dpi) + " is out of range (72..1200)");
        if (o.portrait) std::swap(wMm, hMm);
        s.width = static_cast<int>(std::lround(wMm / 25.4 * dpi));
        s.height = static_cast<int>(std::lround(hMm / 25.4 * dpi));
        s.scale = dpi / 96.0;
        s.dpi = dpi;
    } else {
        s.width = o.width > 0 || o.height > 0 ? o.width : 1920;
        s.height = o.width > 0 || o.height > 0 ? o.height : 1080;
        if (o.dpi > 0) {
            if (o.dpi < 72 || o.dpi > 1200) throw ExportUsageError("--dpi " + std::to_string(o.dpi) + " is out of range (72..1200)");
            s.scale = o.dpi / 96.0;
            s.dpi = o.dpi;
        }
    }
    if (s.width < 16 || s.height < 16 || s.width > geo::ImageWriter::kMaxSide || s.height > geo::ImageWriter::kMaxSide)
        throw ExportUsageError("image size " + std::to_string(s.width) + "x" + std::to_string(s.height) +
                               " is out of range (16.." + std::to_string(geo::ImageWriter::kMaxSide) + " pixels a side)");
    if (o.previewFraction > 0 && o.previewFraction < 1) {
        // The same picture, smaller: the layout scale shrinks with the size.
        s.width = std::max(16, static_cast<int>(std::lround(s.width * o.previewFraction)));
        s.height = std::max(16, static_cast<int>(std::lround(s.height * o.previewFraction)));
        s.scale *= o.previewFraction;
        s.dpi *= o.previewFraction; // the same paper size
    }
    return s;
}

void parseSize(const std::string& text, int& width, int& height)
{
    int w = 0, h = 0;
    char x = 0, extra = 0;
    if (std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X'))
        throw ExportUsageError("--size wants WxH in pixels, e.g. 1920x1080 (got '" + text + "')");
    if (w <= 0 || h <= 0 || w > geo::ImageWriter::kMaxSide || h > geo::ImageWriter::kMaxSide)
        throw ExportUsageError("image size " + text + " is out of range (16.." + std::to_string(geo::ImageWriter::kMaxSide) +
                               " pixels a side)");
    width = w;
    height = h;
}

geo::Extent parseLonLatBox(const std::string& text)
{
    double w, s, e, n;
    char extra = 0;
    if (std::sscanf(text.c_str(), "%lf,%lf,%lf,%lf%c", &w, &s, &e, &n, &extra) != 4)
        throw ExportUsageError("--bbox wants W,S,E,N in degrees, e.g. 102,10,108,15 (got '" + text + "')");
    if (!(w >= -180 && w <= 180 && e >= -180 && e <= 180 && s >= -90 && n <= 90 && w != e && s < n))
        throw ExportUsageError("--bbox " + text + " is not a box in degrees (W, E in -180..180, S < N in -90..90)");
    // W > E crosses the antimeridian: 170,-25,-170,-10 runs from 170 E east to 170 W, and the
    // box ends past 180 (at 190), as the map does (Web Mercator x goes on past 20037508 m).
    geo::Extent box;
    box.expand(w, s);
    box.expand(w < e ? e : e + 360, n);
    return box;
}

std::string todayText()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%-d %B %Y", &tm);
    return buf;
}

} // namespace viewer
