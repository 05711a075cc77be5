// Layout maths and drawing of the furniture; north arrow and scale bar use geo's geodesic
// measurements at the map centre, so both are right in any CRS (rotated in UTM).
#include "viewer/export/briefing_layout.hpp"

#include "geo/map_furniture.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace viewer {

namespace {

// Type sizes at 96 DPI.
constexpr float kTitle = 26, kSubtitle = 16, kBody = 13, kSmall = 11, kHeading = 15;

const Rgba kInk{0.10f, 0.10f, 0.12f, 1};
const Rgba kGrey{0.35f, 0.35f, 0.38f, 1};
const Rgba kPanel{1, 1, 1, 0.88f};
const Rgba kPanelEdge{0.55f, 0.55f, 0.58f, 1};
const Rgba kWhite{1, 1, 1, 1};

bool hasTitleBand(const BriefingContent& c, const LayoutElements& s)
{
    return s.title && (!c.title.empty() || !c.subtitle.empty());
}
bool hasFooter(const BriefingContent& c, const LayoutElements& s)
{
    return (s.attribution && !c.attribution.empty()) || (s.date && !c.date.empty());
}

struct Footer {
    std::vector<std::string> lines;
    double height = 0;
};

Footer footerFor(const BriefingContent& c, const LayoutElements& s, const FontSet& fonts, int width, double k)
{
    Footer f;
    const double pad = 8 * k;
    double dateW = 0;
    if (s.date && !c.date.empty()) dateW = fonts.measure(c.date, kSmall * static_cast<float>(k), false).x + 24 * k;
    if (s.attribution && !c.attribution.empty())
        f.lines = wrapText(fonts, c.attribution, kSmall * static_cast<float>(k), false, width - 2 * pad - dateW);
    const double lh = fonts.lineHeight(kSmall * static_cast<float>(k), false);
    f.height = std::round(2 * pad + std::max<size_t>(1, f.lines.size()) * lh);
    return f;
}

} // namespace

std::vector<FontFace> briefingFaces(double scale)
{
    const float k = static_cast<float>(scale);
    return {{kTitle * k, true}, {kSubtitle * k, false}, {kBody * k, false}, {kBody * k, true},
            {kSmall * k, false}, {kHeading * k, true}, {kSmall * k, true}};
}

std::vector<std::string> briefingTexts(const BriefingContent& c)
{
    std::vector<std::string> t{c.title, c.subtitle, c.date, c.attribution, "Legend N 0 km m"};
    for (const LegendEntry& e : c.legend) t.push_back(e.label);
    if (c.incident) {
        t.push_back(c.incident->heading);
        for (const std::string& l : c.incident->lines) t.push_back(l);
    }
    return t;
}

std::vector<std::string> wrapText(const FontSet& fonts, const std::string& text, float sizePx, bool bold, double maxWidth)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string word, line;
    while (in >> word) {
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && fonts.measure(candidate, sizePx, bold).x > maxWidth) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

BriefingLayout planBriefing(int width, int height, double scale, const BriefingContent& c, const LayoutElements& s,
                            const FontSet& fonts)
{
    BriefingLayout L;
    L.width = width;
    L.height = height;
    L.scale = scale;
    const double k = scale;
    int top = 0, bottom = 0;
    if (hasTitleBand(c, s)) {
        double h = 14 * k;
        if (!c.title.empty()) h += fonts.lineHeight(kTitle * static_cast<float>(k), true);
        if (!c.subtitle.empty()) h += 2 * k + fonts.lineHeight(kSubtitle * static_cast<float>(k), false);
        top = static_cast<int>(std::round(h + 12 * k));
    }
    if (hasFooter(c, s)) bottom = static_cast<int>(footerFor(c, s, fonts, width, k).height);
    // Never let the bands eat the map: at most 40% of the height together.
    if (top + bottom > height * 0.4) top = bottom = 0;
    L.map = {0, top, width, height - top - bottom};
    if (s.inset) {
        const int side = static_cast<int>(std::round(std::min(170 * k, std::min(L.map.w, L.map.h) * 0.3)));
        const int m = static_cast<int>(std::round(12 * k));
        L.inset = {L.map.x + m, L.map.y + m, static_cast<int>(side * 1.4), side};
    }
    return L;
}

namespace {

void panel(Overlay& o, double x0, double y0, double x1, double y1, double k)
{
    o.fillRect(x0, y0, x1, y1, kPanel);
    o.strokeRect(x0, y0, x1, y1, std::max(1.0, k), kPanelEdge);
}

void drawLegend(Overlay& o, const FontSet& fonts, const BriefingContent& c, const PixelRect& map, double k)
{
    if (c.legend.empty()) return;
    const float body = kBody * static_cast<float>(k);
    const double pad = 10 * k, sw = 26 * k, sh = 14 * k, gap = 8 * k;
    const double lh = std::max(sh, static_cast<double>(fonts.lineHeight(body, false))) + 5 * k;
    double textW = fonts.measure("Legend", kHeading * static_cast<float>(k), true).x - sw - gap;
    for (const LegendEntry& e : c.legend) textW = std::max(textW, fonts.measure(e.label, body, false).x);
    const double w = pad * 2 + sw + gap + textW;
    const double headH = fonts.lineHeight(kHeading * static_cast<float>(k), true) + 4 * k;
    const double h = pad * 2 + headH + lh * c.legend.size();
    const double x0 = map.x + 12 * k, y1 = map.y + map.h - 12 * k, y0 = y1 - h;
    panel(o, x0, y0, x0 + w, y1, k);
    o.text(fonts, "Legend", kHeading * static_cast<float>(k), true, {x0 + pad, y0 + pad}, kInk);
    double y = y0 + pad + headH;
    for (const LegendEntry& e : c.legend) {
        const double sx = x0 + pad, sy = y + (lh - sh) / 2;
        switch (e.symbol) {
        case LegendSymbol::Area:
            o.fillRect(sx, sy, sx + sw, sy + sh, e.fill);
            if (e.strokePx > 0) o.strokeRect(sx, sy, sx + sw, sy + sh, std::max(1.0, e.strokePx * k), e.stroke);
            break;
        case LegendSymbol::PaletteArea:
            for (size_t i = 0; i < e.palette.size(); ++i) {
                const double a = sx + sw * i / e.palette.size(), b = sx + sw * (i + 1) / e.palette.size();
                o.fillRect(a, sy, b, sy + sh, e.palette[i]);
            }
            if (e.strokePx > 0) o.strokeRect(sx, sy, sx + sw, sy + sh, std::max(1.0, e.strokePx * k), e.stroke);
            break;
        case LegendSymbol::Line:
            o.line({sx, sy + sh / 2}, {sx + sw, sy + sh / 2}, std::max(1.0, e.strokePx * k * 1.2), e.stroke);
            break;
        case LegendSymbol::Point:
            o.fillCircle({sx + sw / 2, sy + sh / 2}, e.sizePx * k / 2 + e.strokePx * k / 2, e.stroke);
            o.fillCircle({sx + sw / 2, sy + sh / 2}, e.sizePx * k / 2 - e.strokePx * k / 2, e.fill);
            break;
        }
        const double th = fonts.lineHeight(body, false);
        o.text(fonts, e.label, body, false, {sx + sw + gap, y + (lh - th) / 2}, kInk);
        y += lh;
    }
}

// Returns the top of what it drew (the north arrow goes above it).
double drawScaleBar(Overlay& o, const FontSet& fonts, const PixelRect& map, const geo::Viewport& view,
                    const std::string& crs, double k)
{
    const geo::ScaleBar bar = geo::chooseScaleBar(view, crs, std::min(200 * k, map.w * 0.3));
    if (!(bar.pixels > 0)) return map.y + map.h - 12 * k;
    const float small = kSmall * static_cast<float>(k);
    const double pad = 8 * k, barH = 6 * k, lh = fonts.lineHeight(small, false);
    const geo::ScreenPx labelSize = fonts.measure(bar.label, small, false);
    const double w = bar.pixels + 2 * pad + labelSize.x / 2 + 4 * k;
    const double h = pad * 2 + lh + 3 * k + barH;
    const double x1 = map.x + map.w - 12 * k, y1 = map.y + map.h - 12 * k, x0 = x1 - w, y0 = y1 - h;
    panel(o, x0, y0, x1, y1, k);
    const double bx = x0 + pad, by = y1 - pad - barH;
    o.fillRect(bx, by, bx + bar.pixels, by + barH, kInk);
    for (int i = 1; i < 4; i += 2)
        o.fillRect(bx + bar.pixels * i / 4 + k, by + k, bx + bar.pixels * (i + 1) / 4 - (i == 3 ? k : 0), by + barH - k, kWhite);
    o.text(fonts, "0", small, false, {bx - fonts.measure("0", small, false).x / 2, y0 + pad}, kInk);
    o.text(fonts, bar.label, small, false, {bx + bar.pixels - labelSize.x / 2, y0 + pad}, kInk);
    return y0;
}

void drawNorthArrow(Overlay& o, const FontSet& fonts, const PixelRect& map, const geo::Viewport& view,
                    const std::string& crs, double bottom, double k)
{
    const double angle = geo::trueNorthScreenAngleDeg(view, crs) * M_PI / 180;
    const double r = 22 * k;
    const geo::ScreenPx c{map.x + map.w - 12 * k - r, bottom - 8 * k - r};
    o.fillCircle(c, r, kPanel);
    auto rot = [&](double x, double y) {
        // (x, y) in arrow space, y up; screen y grows down.
        return geo::ScreenPx{c.x + x * std::cos(angle) + y * std::sin(angle), c.y - (-x * std::sin(angle) + y * std::cos(angle))};
    };
    const double len = r * 0.62, half = r * 0.30;
    o.fillTriangle(rot(0, len), rot(-half, -len * 0.7), rot(0, -len * 0.35), kInk);
    o.fillTriangle(rot(0, len), rot(0, -len * 0.35), rot(half, -len * 0.7), kGrey);
    // The halves' fringes meet on the middle edge and would leave a faint light seam there.
    o.line(rot(0, len), rot(0, -len * 0.35), std::max(1.0, 0.8 * k), kInk);
    const float sz = kHeading * static_cast<float>(k);
    const geo::ScreenPx ns = fonts.measure("N", sz, true);
    const geo::ScreenPx np = rot(0, len + ns.y * 0.45 + 2 * k);
    o.fillCircle(np, ns.y * 0.5, kPanel);
    o.text(fonts, "N", sz, true, {np.x - ns.x / 2, np.y - ns.y / 2}, kInk);
}

void drawIncidentBox(Overlay& o, const FontSet& fonts, const IncidentBoxContent& box, const PixelRect& map, double k)
{
    const float body = kBody * static_cast<float>(k), head = kHeading * static_cast<float>(k);
    const double pad = 10 * k;
    const double w = std::round(std::min(380 * k, map.w * 0.42));
    std::vector<std::pair<std::string, bool>> lines;
    for (size_t i = 0; i < box.lines.size(); ++i)
        for (const std::string& l : wrapText(fonts, box.lines[i], body, box.bold[i], w - 2 * pad)) lines.push_back({l, box.bold[i]});
    const double lh = fonts.lineHeight(body, false) + 2 * k, hh = fonts.lineHeight(head, true) + 6 * k;
    const double maxH = map.h - 24 * k;
    size_t n = lines.size();
    while (n > 0 && pad * 2 + hh + n * lh > maxH) --n;
    const double h = pad * 2 + hh + n * lh;
    const double x1 = map.x + map.w - 12 * k, x0 = x1 - w, y0 = map.y + 12 * k;
    panel(o, x0, y0, x1, y0 + h, k);
    o.fillRect(x0, y0, x0 + 4 * k, y0 + h, {0.93f, 0.45f, 0.05f, 1});
    o.text(fonts, box.heading, head, true, {x0 + pad, y0 + pad}, kInk);
    double y = y0 + pad + hh;
    for (size_t i = 0; i < n; ++i, y += lh) o.text(fonts, lines[i].first, body, lines[i].second, {x0 + pad, y}, kInk);
}

} // namespace

void drawBriefing(Overlay& o, const FontSet& fonts, const BriefingLayout& L, const BriefingContent& c,
                  const LayoutElements& s, const geo::Viewport& mapView, const std::string& crs,
                  const geo::Viewport* insetView)
{
    const double k = L.scale;
    const PixelRect& map = L.map;
    if (map.y > 0) {
        o.fillRect(0, 0, L.width, map.y, kWhite);
        double y = 14 * k;
        if (!c.title.empty()) {
            o.text(fonts, c.title, kTitle * static_cast<float>(k), true, {16 * k, y}, kInk);
            y += fonts.lineHeight(kTitle * static_cast<float>(k), true) + 2 * k;
        }
        if (!c.subtitle.empty()) o.text(fonts, c.subtitle, kSubtitle * static_cast<float>(k), false, {16 * k, y}, kGrey);
    }
    const int footerTop = map.y + map.h;
    if (footerTop < L.height) {
        o.fillRect(0, footerTop, L.width, L.height, kWhite);
        const Footer f = footerFor(c, s, fonts, L.width, k);
        const float small = kSmall * static_cast<float>(k);
        const double lh = fonts.lineHeight(small, false);
        double y = footerTop + 8 * k;
        for (const std::string& line : f.lines) {
            o.text(fonts, line, small, false, {8 * k, y}, kGrey);
            y += lh;
        }
        if (s.date && !c.date.empty()) {
            const geo::ScreenPx ds = fonts.measure(c.date, small, false);
            o.text(fonts, c.date, small, false, {L.width - 8 * k - ds.x, footerTop + 8 * k}, kGrey);
        }
    }
    if (map.y > 0 || footerTop < L.height) {
        const double w = std::max(1.0, k);
        o.strokeRect(map.x, map.y, map.x + map.w, map.y + map.h, w, kPanelEdge);
    }
    if (s.legend) drawLegend(o, fonts, c, map, k);
    double furnitureTop = map.y + map.h - 12 * k;
    if (s.scaleBar) furnitureTop = drawScaleBar(o, fonts, map, mapView, crs, k);
    if (s.northArrow) drawNorthArrow(o, fonts, map, mapView, crs, furnitureTop, k);
    if (s.incidentBox && c.incident) drawIncidentBox(o, fonts, *c.incident, map, k);
    if (insetView && !L.inset.empty()) {
        const PixelRect& r = L.inset;
        o.strokeRect(r.x - k, r.y - k, r.x + r.w + k, r.y + r.h + k, std::max(1.0, k), kPanelEdge);
        // The map's box on the inset, at least a few pixels wide so it stays visible.
        const geo::Extent e = mapView.visibleExtent();
        geo::ScreenPx a = insetView->toScreen({e.minX, e.maxY}), b = insetView->toScreen({e.maxX, e.minY});
        const double minSide = 6 * k;
        if (b.x - a.x < minSide) {
            const double cx = (a.x + b.x) / 2;
            a.x = cx - minSide / 2;
            b.x = cx + minSide / 2;
        }
        if (b.y - a.y < minSide) {
            const double cy = (a.y + b.y) / 2;
            a.y = cy - minSide / 2;
            b.y = cy + minSide / 2;
        }
        const double x0 = std::clamp(r.x + a.x, double(r.x), double(r.x + r.w)), x1 = std::clamp(r.x + b.x, double(r.x), double(r.x + r.w));
        const double y0 = std::clamp(r.y + a.y, double(r.y), double(r.y + r.h)), y1 = std::clamp(r.y + b.y, double(r.y), double(r.y + r.h));
        o.strokeRect(x0, y0, x1, y1, std::max(1.5, 2 * k), {0.85f, 0.10f, 0.10f, 1});
    }
}

} // namespace viewer
