// Briefing export layout: DPI scaling maths, and golden images (with tolerance) of every
// layout element in Web Mercator and in a UTM view far from its central meridian.
#include "../render/render_fixture.hpp"
#include "viewer/export/briefing_export.hpp"
#include "viewer/export/briefing_layout.hpp"
#include "viewer/export/export_scene.hpp"
#include "viewer/render/gl_context.hpp"

#include "geo/cases/case_store.hpp"
#include "geo/locator.hpp"
#include "geo/map_crs.hpp"

#include <doctest/doctest.h>

using namespace viewer;

namespace {

BriefingContent sampleContent()
{
    BriefingContent c;
    c.title = "A7 Park, Bavet";
    c.subtitle = "Svay Rieng province, Cambodia";
    c.date = "1 January 2026";
    c.attribution = "Basemap: Natural Earth 1:10m (public domain).";
    c.legend.push_back({"Countries", LegendSymbol::PaletteArea, {0.9f, 0.9f, 0.8f, 1}, {0.5f, 0.5f, 0.5f, 1}, 1, 10, {}});
    c.legend.push_back({"Active compound", LegendSymbol::Point, {0.8f, 0.1f, 0.1f, 1}, {1, 1, 1, 1}, 1.5f, 11, {}});
    return c;
}

// A briefing of the Bavet area with every element on, from the basemap and the sample cases.
Image renderSample(const std::string& crs, const geo::Extent& lonLat, const std::string& name, const std::string& select)
{
    const geo::CaseStore store = geo::CaseStore::open(geo::defaultCaseStorePath());
    Scene scene;
    std::vector<std::string> warnings;
    geo::Extent region = lonLat;
    region.expand(lonLat.minX - 12, lonLat.minY - 10);
    region.expand(lonLat.maxX + 12, lonLat.maxY + 10);
    addBasemap(scene, geo::defaultBasemapPath(), crs, region, warnings);
    addCompoundMarkers(scene, store.data(), crs, select);
    MapRenderer renderer;
    BriefingRequest req;
    req.scene = &scene;
    req.renderer = &renderer;
    req.options.width = 800;
    req.options.height = 560;
    req.options.title = name;
    req.options.subtitle = "Golden test";
    req.options.date = "1 January 2026";
    req.options.selectId = select;
    req.options.show.inset = true;
    req.options.crs = crs;
    req.cases = &store.data();
    if (!select.empty())
        req.selectedLocation = geo::Locator(geo::defaultBasemapPath()).locate(store.data().findCompound(select)->location);
    req.mapExtent = geo::MapCrs(crs).lonLatBox(lonLat);
    BriefingResult r;
    Image img = renderBriefing(req, &r);
    CHECK(r.width == 800);
    CHECK(r.height == 560);
    return img;
}

} // namespace

TEST_CASE("export layout: a 300 DPI layout is the 96 DPI one times 3.125")
{
    ExportOptions a4;
    a4.paper = "A4";
    a4.dpi = 300;
    const OutputSize big = resolveOutputSize(a4);
    CHECK(big.scale == doctest::Approx(300.0 / 96));
    CHECK(big.width == 3508);  // 297 mm at 300 DPI
    CHECK(big.height == 2480); // 210 mm
    a4.dpi = 96;
    const OutputSize small = resolveOutputSize(a4);
    CHECK(small.scale == doctest::Approx(1));
    CHECK(small.width == doctest::Approx(big.width / 3.125).epsilon(0.002));

    auto ctx = HeadlessGlContext::create();
    const BriefingContent content = sampleContent();
    LayoutElements show;
    show.inset = true;
    const int w = 1123, h = 794; // A4 at 96 DPI
    const double k = 3.125;
    std::vector<std::string> texts = briefingTexts(content);
    const FontSet fonts1(briefingFaces(1), texts), fontsK(briefingFaces(k), texts);
    const BriefingLayout l1 = planBriefing(w, h, 1, content, show, fonts1);
    const BriefingLayout lk = planBriefing(static_cast<int>(w * k), static_cast<int>(h * k), k, content, show, fontsK);
    CHECK(lk.scale == doctest::Approx(k));
    // Bands and margins scale with the DPI (a few pixels of rounding and font hinting allowed).
    const double slack = 3 * k;
    CHECK(std::abs(lk.map.x - l1.map.x * k) <= slack);
    CHECK(std::abs(lk.map.y - l1.map.y * k) <= slack);
    CHECK(std::abs(lk.map.w - l1.map.w * k) <= slack);
    CHECK(std::abs(lk.map.h - l1.map.h * k) <= slack);
    REQUIRE_FALSE(l1.inset.empty());
    CHECK(std::abs(lk.inset.w - l1.inset.w * k) <= slack);
    CHECK(std::abs(lk.inset.h - l1.inset.h * k) <= slack);

    // The dialog's preview: a fraction of the size with the layout scaled alike.
    ExportOptions px;
    px.width = 1920;
    px.height = 1080;
    px.previewFraction = 0.25;
    const OutputSize preview = resolveOutputSize(px);
    CHECK(preview.width == 480);
    CHECK(preview.height == 270);
    CHECK(preview.scale == doctest::Approx(0.25));

    // With every element off the map fills the image.
    LayoutElements none;
    none.title = none.date = none.legend = none.scaleBar = none.northArrow = none.attribution = false;
    const BriefingLayout bare = planBriefing(w, h, 1, content, none, fonts1);
    CHECK(bare.map.x == 0);
    CHECK(bare.map.y == 0);
    CHECK(bare.map.w == w);
    CHECK(bare.map.h == h);
}

TEST_CASE("export layout: golden briefing in Web Mercator (title, legend, scale bar, north arrow, attribution, inset, incident box)")
{
    auto ctx = HeadlessGlContext::create();
    geo::Extent bavet;
    bavet.expand(105.95, 10.95);
    bavet.expand(106.30, 11.20);
    const Image img = renderSample("EPSG:3857", bavet, "Bavet (Web Mercator)", "a7-park");
    const rendertest::CompareResult r = rendertest::compareWithGolden(img, "export-briefing-mercator", 24, 0.002);
    INFO(r.message);
    CHECK(r.ok);
}

TEST_CASE("export layout: golden briefing in UTM 50N far west of its meridian (north arrow rotated)")
{
    auto ctx = HeadlessGlContext::create();
    geo::Extent triangle; // the Golden Triangle, where Laos, Myanmar and Thailand meet
    triangle.expand(99.8, 20.1);
    triangle.expand(100.4, 20.6);
    // EPSG:32650's central meridian is 117 E, 17 degrees east: grid north is ~6 degrees off
    // true north here, and the arrow must lean by that much.
    const Image img = renderSample("EPSG:32650", triangle, "Golden Triangle (UTM 50N)", "");
    const rendertest::CompareResult r = rendertest::compareWithGolden(img, "export-briefing-utm50", 24, 0.002);
    INFO(r.message);
    CHECK(r.ok);
}
