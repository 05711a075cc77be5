// Thematic styles and raster drawing: categorized/graduated class assignment and the
// colours the renderer puts on screen; a raster quad placed over its extent, under vectors.
#include "../render/render_fixture.hpp"
#include "viewer/app/load_styles.hpp"
#include "viewer/render/gl_context.hpp"
#include "viewer/render/map_renderer.hpp"

#include <doctest/doctest.h>

using namespace viewer;
using namespace rendertest;

namespace {

geo::Layer threeSquares()
{
    geo::Layer l = makeLayer("squares", geo::GeomKind::Polygon,
                             {polygonFeature({{0, 0, 100, 0, 100, 100, 0, 100, 0, 0}}, 1),
                              polygonFeature({{100, 0, 200, 0, 200, 100, 100, 100, 100, 0}}, 2),
                              polygonFeature({{200, 0, 300, 0, 300, 100, 200, 100, 200, 0}}, 3)},
                             {"a", "b", "a"});
    l.fields.push_back({"people", geo::FieldType::Integer});
    const char* people[] = {"10", "50", "90"};
    for (size_t i = 0; i < 3; ++i) l.features[i].values.push_back(people[i]);
    return l;
}

bool near(const uint8_t* px, Rgba c, int tolerance = 10)
{
    auto ch = [](float v) { return static_cast<int>(v * 255 + 0.5f); };
    return std::abs(px[0] - ch(c.r)) <= tolerance && std::abs(px[1] - ch(c.g)) <= tolerance &&
           std::abs(px[2] - ch(c.b)) <= tolerance;
}

// The three squares with `st`, on white, 300x100 at one unit a pixel.
Image drawSquares(const LayerStyle& st)
{
    Scene scene;
    scene.background = {1, 1, 1, 1};
    scene.addLayer(prepareLayer(threeSquares(), st));
    MapRenderer renderer;
    OffscreenTarget target(300, 100, 4);
    renderer.draw(scene, geo::Viewport(300, 100, {150, 50}, 1.0), target);
    return target.readPixels();
}

} // namespace

TEST_CASE("thematic: categorized gives each value its class and colour")
{
    const geo::Layer l = threeSquares();
    ThematicStyle t;
    t.mode = ThematicMode::Categorized;
    t.field = "name";
    REQUIRE(applyThematic(l, t, 1.0f));
    REQUIRE(t.colors.size() == 2);
    CHECK(t.labels[0] == "a"); // most frequent first
    CHECK(t.counts[0] == 2);
    REQUIRE(t.featureClass);
    CHECK(*t.featureClass == std::vector<int16_t>{0, 1, 0});
    CHECK(t.active());
}

TEST_CASE("thematic: graduated equal intervals, 3..9 classes, unknown field falls back")
{
    const geo::Layer l = threeSquares();
    CHECK(isNumericField(l, l.fieldIndex("people")));
    CHECK_FALSE(isNumericField(l, l.fieldIndex("name")));
    ThematicStyle t;
    t.mode = ThematicMode::Graduated;
    t.field = "people";
    t.classes = 2; // clamped to 3
    REQUIRE(applyThematic(l, t, 1.0f));
    CHECK(t.classes == 3);
    REQUIRE(t.colors.size() == 3);
    CHECK(*t.featureClass == std::vector<int16_t>{0, 1, 2});
    t.field = "nope";
    CHECK_FALSE(applyThematic(l, t, 1.0f));
    CHECK_FALSE(t.active());
}

TEST_CASE("render: categorized fills draw each feature in its class colour")
{
    auto ctx = HeadlessGlContext::create();
    LayerStyle st;
    st.strokeWidthPx = 0;
    st.thematic.mode = ThematicMode::Categorized;
    st.thematic.field = "name";
    REQUIRE(applyThematic(threeSquares(), st.thematic, 1.0f));
    const Image img = drawSquares(st);
    CHECK(near(img.pixel(50, 50), st.thematic.colors[0]));
    CHECK(near(img.pixel(150, 50), st.thematic.colors[1]));
    CHECK(near(img.pixel(250, 50), st.thematic.colors[0]));
}

TEST_CASE("render: classes fill a polygon layer whose style has no fill of its own (the basemap's provinces)")
{
    auto ctx = HeadlessGlContext::create();
    LayerStyle st;
    st.fill = false;
    st.strokeWidthPx = 0;
    st.thematic.mode = ThematicMode::Graduated;
    st.thematic.field = "people";
    st.thematic.classes = 3;
    REQUIRE(applyThematic(threeSquares(), st.thematic, 1.0f));
    const Image img = drawSquares(st);
    CHECK(near(img.pixel(50, 50), st.thematic.colors[0]));
    CHECK(near(img.pixel(250, 50), st.thematic.colors[2]));
    CHECK_FALSE(near(img.pixel(250, 50), {1, 1, 1, 1}));
}

TEST_CASE("render: a raster quad covers its extent with north up, under the vectors")
{
    auto ctx = HeadlessGlContext::create();
    Scene scene;
    scene.background = {1, 1, 1, 1};
    geo::RasterImage img;
    img.name = "quad";
    img.width = 2;
    img.height = 2;
    // Top row (north): red, green; bottom row: blue, yellow.
    img.rgba = {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 0, 255};
    img.extent = {100, 100, 300, 300};
    scene.addRasterLayer(img);
    LayerStyle st;
    st.fillColor = {0, 0, 0, 1};
    st.strokeWidthPx = 0;
    scene.addLayer(prepareLayer(makeLayer("box", geo::GeomKind::Polygon, {polygonFeature({{190, 190, 210, 190, 210, 210, 190, 210, 190, 190}}, 1)}), st));
    // View 400x400 px over 0..400 map units: y up in the map is up on screen.
    const geo::Viewport view(400, 400, {200, 200}, 1.0);
    MapRenderer renderer;
    OffscreenTarget target(400, 400, 4);
    renderer.draw(scene, view, target);
    const Image out = target.readPixels();
    auto is = [&](int x, int y, int r, int g, int b) {
        const uint8_t* p = out.pixel(x, y);
        INFO(x << "," << y << ": " << int(p[0]) << " " << int(p[1]) << " " << int(p[2]));
        CHECK((std::abs(p[0] - r) < 40 && std::abs(p[1] - g) < 40 && std::abs(p[2] - b) < 40));
    };
    is(120, 120, 255, 0, 0);     // north-west: map (120, 280)
    is(280, 120, 0, 255, 0);     // north-east
    is(120, 280, 0, 0, 255);     // south-west
    is(280, 280, 255, 255, 0);   // south-east
    is(50, 50, 255, 255, 255);   // outside: background
    is(200, 200, 0, 0, 0);       // the vector box on top
    scene.rasterLayers()[0].opacity = 0;
    renderer.draw(scene, view, target);
    const uint8_t* p = target.readPixels().pixel(120, 120);
    CHECK(p[0] == 255);
    CHECK(p[1] == 255); // hidden by opacity 0: background
    const RasterQuad q = rasterQuad(img.extent);
    CHECK(q.xy[0] == 100);
    CHECK(q.uv[1] == 1); // bottom-left corner samples the bottom row
}
