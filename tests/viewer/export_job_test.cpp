// The incremental export driver: the tile grid covers every pixel once, each tile is visited
// once and bands come top to bottom, a job run a tile at a time writes the same bytes as the
// one-shot export, and cancelling (or the map changing under it) leaves no file behind.
#include "../render/render_fixture.hpp"
#include "viewer/export/briefing_export.hpp"
#include "viewer/render/gl_context.hpp"
#include "viewer/render/tiled_render.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

using namespace viewer;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path dir;
    TempDir() : dir(fs::temp_directory_path() / ("atlas-export-job-" + std::to_string(::getpid())))
    {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~TempDir() { fs::remove_all(dir); }
    std::string path(const std::string& name) const { return (dir / name).string(); }
    size_t files() const { return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator())); }
};

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Two overlapping squares (one palette-coloured area layer) and a line across them.
void addSampleLayers(Scene& scene)
{
    using namespace rendertest;
    geo::Layer areas = makeLayer("areas", geo::GeomKind::Polygon,
                                 {polygonFeature({{0, 0, 1000, 0, 1000, 800, 0, 800, 0, 0}}, 1),
                                  polygonFeature({{600, 300, 1600, 300, 1600, 1200, 600, 1200, 600, 300}}, 2)},
                                 {"West", "East"});
    LayerStyle a;
    a.fillColor = {0.9f, 0.85f, 0.7f, 1};
    a.strokeColor = {0.3f, 0.3f, 0.3f, 1};
    a.strokeWidthPx = 1.5f;
    scene.addLayer(prepareLayer(std::move(areas), a));
    geo::Layer road = makeLayer("road", geo::GeomKind::Line, {lineFeature({-100, -50, 1700, 1250}, 3)});
    LayerStyle r;
    r.strokeColor = {0.7f, 0.1f, 0.1f, 1};
    r.strokeWidthPx = 3;
    scene.addLayer(prepareLayer(std::move(road), r));
}

BriefingRequest sampleRequest(Scene& scene, MapRenderer& renderer, const std::string& out)
{
    BriefingRequest req;
    req.scene = &scene;
    req.renderer = &renderer;
    req.options.out = out;
    req.options.width = 300;
    req.options.height = 200;
    req.options.title = "Tiles";
    req.options.date = "1 January 2026";
    req.options.tileSide = 64; // 5 x 4 tiles, the last column and row cropped
    req.mapExtent = {0, 0, 1600, 1200};
    return req;
}

} // namespace

TEST_CASE("export job: the tile grid covers every pixel exactly once")
{
    for (const auto& [w, h, side] : std::vector<std::tuple<int, int, int>>{{300, 200, 64}, {64, 64, 64}, {65, 1, 64}, {10000, 7000, 1024}}) {
        const std::vector<TileRect> tiles = tileGrid(w, h, side);
        size_t area = 0;
        std::vector<int> rowCover(static_cast<size_t>(h), 0); // column 0 and the last column, per row
        for (const TileRect& t : tiles) {
            CHECK(t.w > 0);
            CHECK(t.h > 0);
            CHECK(t.w <= side);
            CHECK(t.h <= side);
            CHECK(t.x + t.w <= w);
            CHECK(t.y + t.h <= h);
            area += static_cast<size_t>(t.w) * t.h;
            if (t.x == 0)
                for (int y = t.y; y < t.y + t.h; ++y) ++rowCover[static_cast<size_t>(y)];
        }
        CHECK(area == static_cast<size_t>(w) * h); // no gap (and, with the bounds above, no overlap)
        CHECK(std::all_of(rowCover.begin(), rowCover.end(), [](int n) { return n == 1; }));
    }
    CHECK(tileGrid(300, 200, 64).size() == 20);
    CHECK(tileGrid(0, 200, 64).empty());
}

TEST_CASE("export job: each tile is rendered once and bands arrive top to bottom")
{
    auto ctx = HeadlessGlContext::create();
    Scene scene;
    addSampleLayers(scene);
    MapRenderer renderer;
    TiledRender job;
    job.scene = &scene;
    job.view = geo::Viewport(300, 200, {800, 600}, 6);
    job.tileSide = 64;
    TiledRenderer tiles(renderer, job);
    REQUIRE(tiles.tileCount() == 20);
    std::set<std::pair<int, int>> seen;
    int nextRow = 0, bands = 0;
    Image stitched{300, 200, std::vector<uint8_t>(300 * 200 * 4, 0)};
    while (!tiles.done()) {
        const TileRect t = tiles.nextTile();
        CHECK(seen.insert({t.x, t.y}).second);
        tiles.renderNext([&](int y, int rows, const uint8_t* rgba) {
            CHECK(y == nextRow);
            nextRow += rows;
            ++bands;
            std::copy(rgba, rgba + static_cast<size_t>(rows) * 300 * 4, stitched.rgba.begin() + static_cast<long>(y) * 300 * 4);
        });
    }
    CHECK(seen.size() == 20);
    CHECK(bands == 4);
    CHECK(nextRow == 200);
    tiles.renderNext([&](int, int, const uint8_t*) { FAIL("a finished renderer rendered again"); });

    // The same picture as the one-shot loop.
    Image once{300, 200, std::vector<uint8_t>(300 * 200 * 4, 0)};
    renderTiled(renderer, job, [&](int y, int rows, const uint8_t* rgba) {
        std::copy(rgba, rgba + static_cast<size_t>(rows) * 300 * 4, once.rgba.begin() + static_cast<long>(y) * 300 * 4);
    });
    CHECK(once.rgba == stitched.rgba);
}

TEST_CASE("export job: a tile a step writes the same bytes as the one-shot export")
{
    auto ctx = HeadlessGlContext::create();
    TempDir tmp;
    Scene scene;
    addSampleLayers(scene);
    MapRenderer renderer;
    const BriefingResult once = exportBriefing(sampleRequest(scene, renderer, tmp.path("once.png")));
    CHECK(once.tiles == 20);

    ExportJob job(sampleRequest(scene, renderer, tmp.path("steps.png")));
    CHECK(job.tileCount() == 20);
    int steps = 0, lastDone = 0;
    while (!job.step(0)) { // a zero budget: one tile per step (or none while the encoder catches up)
        CHECK(job.tilesDone() - lastDone <= 1);
        lastDone = job.tilesDone();
        if (job.tilesDone() < job.tileCount()) // only the temporary file until every tile is in
            CHECK_FALSE(fs::exists(tmp.path("steps.png")));
        REQUIRE(++steps < 100000);
    }
    CHECK(job.tilesDone() == 20);
    CHECK(steps >= 19);
    const std::string a = slurp(tmp.path("once.png")), b = slurp(tmp.path("steps.png"));
    CHECK(a.size() > 1000);
    CHECK(a == b);
    CHECK(tmp.files() == 2); // no temporary file left over
    // The window's styles are untouched by the job.
    CHECK(scene.layers()[1].style.strokeWidthPx == doctest::Approx(3));
}

TEST_CASE("export job: cancelling, or the map changing under it, leaves no file")
{
    auto ctx = HeadlessGlContext::create();
    TempDir tmp;
    Scene scene;
    addSampleLayers(scene);
    MapRenderer renderer;
    {
        auto job = std::make_unique<ExportJob>(sampleRequest(scene, renderer, tmp.path("cancel.png")));
        for (int i = 0; i < 7; ++i) job->step(0);
        CHECK(job->tilesDone() > 0);
        CHECK(job->tilesDone() < 20);
        CHECK(tmp.files() == 1); // the temporary file
        job.reset();             // Cancel
    }
    CHECK(tmp.files() == 0);

    ExportJob job(sampleRequest(scene, renderer, tmp.path("changed.png")));
    job.step(0);
    scene.removeLayer(scene.layers()[0].id);
    CHECK_THROWS_WITH_AS(job.step(0), doctest::Contains("layers changed"), geo::Error);
}
