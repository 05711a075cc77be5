// The disk cache of prepared layers: a second opening reads the entry and gets the same
// layer; a changed file, a truncated or corrupt entry are misses that read the source (and
// write a good entry again); the least recently used entries go beyond the size limit.
#include "load_test_files.hpp"
#include "viewer/app/layer_cache.hpp"
#include "viewer/app/load_queue.hpp"
#include "viewer/render/gl_context.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <sstream>

using namespace viewer;
using namespace loadtest;
namespace fs = std::filesystem;

namespace {

// Two features: a many-sided polygon of `radius` degrees around Bavet, and a line.
std::string writeShapes(const std::string& path, double radius)
{
    std::ostringstream ring;
    ring.precision(12);
    for (int i = 0; i <= 4000; ++i) {
        const double a = 2 * M_PI * (i % 4000) / 4000;
        ring << (i ? "," : "") << "[" << 106.13 + radius * std::cos(a) << "," << 11.07 + radius * std::sin(a) << "]";
    }
    return write(path, R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"Bavet ring","people":12},"geometry":{"type":"Polygon","coordinates":[[)" +
                           ring.str() + R"(]]}},
{"type":"Feature","properties":{"name":"road","people":null},"geometry":{"type":"LineString","coordinates":[[105.8,11.09],[106.13,11.07]]}}]})");
}

std::vector<std::string> entries(const std::string& dir)
{
    std::vector<std::string> out;
    if (fs::exists(dir))
        for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    return out;
}

struct Opened {
    LoadEvents events;
    std::shared_ptr<const geo::Layer> data;
    size_t levels = 0;
};

// One opening of `path`, as the app does it (a fresh queue: a fresh process).
Opened open(const std::string& cacheDir, const std::string& path)
{
    LoadQueue q(LayerCache(cacheDir, LayerCache::kDefaultMaxBytes, 0));
    q.setDeferFineLevels(true);
    Scene scene;
    q.openPath(path);
    Opened o;
    o.events = q.waitAll(scene);
    q.waitForCacheWrites();
    REQUIRE(o.events.errors.empty());
    REQUIRE(scene.layers().size() == 1);
    o.data = scene.layers()[0].data;
    o.levels = scene.layers()[0].gpu->lodCount();
    return o;
}

void requireSameLayer(const geo::Layer& a, const geo::Layer& b)
{
    REQUIRE(a.features.size() == b.features.size());
    CHECK(a.name == b.name);
    CHECK(a.crs == b.crs);
    REQUIRE(a.fields.size() == b.fields.size());
    for (size_t i = 0; i < a.fields.size(); ++i) CHECK(a.fields[i].name == b.fields[i].name);
    for (size_t f = 0; f < a.features.size(); ++f) {
        const geo::Feature &x = a.features[f], &y = b.features[f];
        CHECK(x.values == y.values);
        CHECK(x.fid == y.fid);
        CHECK(x.geometry.kind == y.geometry.kind);
        CHECK(x.geometry.partStarts == y.geometry.partStarts);
        CHECK(x.geometry.polygonStarts == y.geometry.polygonStarts);
        REQUIRE(x.geometry.coords.size() == y.geometry.coords.size());
        for (size_t k = 0; k < x.geometry.coords.size(); ++k) {
            CHECK(x.geometry.coords[k].x == y.geometry.coords[k].x); // bit for bit, not "close"
            CHECK(x.geometry.coords[k].y == y.geometry.coords[k].y);
        }
    }
}

PreparedLayerContent preparedShapes(const std::string& dir)
{
    geo::Layer layer = geo::readLayer(writeShapes(dir + "/shapes.geojson", 0.05), "", "EPSG:4326");
    return contentOf(prepareLayer(std::move(layer), LayerStyle{}, 111320, 0));
}

} // namespace

TEST_CASE("layer cache: the second opening of a file is read from the cache and is the same layer")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("cache-hit"), cache = dir + "/cache";
    const std::string src = writeShapes(dir + "/shapes.geojson", 0.05);

    const Opened first = open(cache, src);
    CHECK(first.events.cached.empty());
    REQUIRE(entries(cache).size() == 1);
    const Opened second = open(cache, src);
    REQUIRE(second.events.cached.size() == 1);
    requireSameLayer(*first.data, *second.data);
    CHECK(second.levels == first.levels);
    CHECK(second.levels > 0);
}

TEST_CASE("layer cache: a changed file is read again and its entry replaced")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("cache-change"), cache = dir + "/cache";
    const std::string src = writeShapes(dir + "/shapes.geojson", 0.05);
    const Opened before = open(cache, src);

    writeShapes(src, 0.08);
    fs::last_write_time(src, fs::last_write_time(src) + std::chrono::seconds(2)); // even on a coarse clock
    const Opened changed = open(cache, src);
    CHECK(changed.events.cached.empty());
    CHECK(changed.data->features[0].bbox.width() > before.data->features[0].bbox.width() * 1.5);
    CHECK(entries(cache).size() == 1); // replaced, not added

    const Opened again = open(cache, src);
    REQUIRE(again.events.cached.size() == 1);
    requireSameLayer(*changed.data, *again.data);
}

TEST_CASE("layer cache: a truncated or corrupt entry is a miss, never a crash")
{
    const std::string dir = tempFolder("cache-damage");
    const PreparedLayerContent content = preparedShapes(dir);
    const std::string entry = dir + "/entry.layer", key = "the key";
    writePreparedLayer(entry, key, content);
    const std::optional<PreparedLayerContent> intact = readPreparedLayer(entry, key);
    REQUIRE(intact);
    requireSameLayer(*content.data, *intact->data);
    REQUIRE(intact->mesh.lods.size() == content.mesh.lods.size());
    for (size_t i = 0; i < content.mesh.lods.size(); ++i) {
        CHECK(intact->mesh.lods[i].xy == content.mesh.lods[i].xy);
        CHECK(intact->mesh.lods[i].partFirst == content.mesh.lods[i].partFirst);
    }
    CHECK(!readPreparedLayer(entry, "another key"));

    std::string bytes;
    {
        std::ifstream in(entry, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    const std::string damaged = dir + "/damaged.layer";
    // Cut anywhere, from the header through the coordinates to the trailer.
    for (size_t cut : {size_t{0}, size_t{7}, size_t{40}, bytes.size() / 3, bytes.size() / 2, bytes.size() - 25, bytes.size() - 1}) {
        write(damaged, bytes.substr(0, cut));
        CHECK_MESSAGE(!readPreparedLayer(damaged, key), "cut at ", cut);
    }
    // One flipped bit anywhere (a count, a coordinate, an index, the checksum itself).
    for (size_t at : {size_t{9}, size_t{30}, bytes.size() / 5, bytes.size() / 2, bytes.size() * 4 / 5, bytes.size() - 20}) {
        std::string b = bytes;
        b[at] = static_cast<char>(b[at] ^ 0x10);
        write(damaged, b);
        CHECK_MESSAGE(!readPreparedLayer(damaged, key), "flip at ", at);
    }
}

TEST_CASE("layer cache: the app reads the source past a damaged entry and writes a good one")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("cache-repair"), cache = dir + "/cache";
    const std::string src = writeShapes(dir + "/shapes.geojson", 0.05);
    const Opened first = open(cache, src);
    const std::string entry = cache + "/" + entries(cache).at(0);
    fs::resize_file(entry, fs::file_size(entry) / 2);

    const Opened damaged = open(cache, src);
    CHECK(damaged.events.cached.empty());
    requireSameLayer(*first.data, *damaged.data);
    const Opened repaired = open(cache, src);
    CHECK(repaired.events.cached.size() == 1);
}

TEST_CASE("layer cache: the least recently used entries go beyond the size limit")
{
    const std::string dir = tempFolder("cache-evict"), cacheDir = dir + "/cache";
    const PreparedLayerContent content = preparedShapes(dir);
    const std::string srcA = write(dir + "/a.txt", "a"), srcB = write(dir + "/b.txt", "b"), srcC = write(dir + "/c.txt", "c");
    LayerCache probe(cacheDir, LayerCache::kDefaultMaxBytes, 0);
    const std::string keyA = *probe.keyFor(srcA, "", "EPSG:3857", ""), keyB = *probe.keyFor(srcB, "", "EPSG:3857", "");
    const std::string keyC = *probe.keyFor(srcC, "", "EPSG:3857", "");
    probe.store(keyA, content);
    const uintmax_t one = fs::file_size(probe.entryPath(keyA));

    LayerCache cache(cacheDir, one * 2 + one / 2, 0); // room for two
    cache.store(keyB, content);
    fs::last_write_time(probe.entryPath(keyA), fs::last_write_time(probe.entryPath(keyB)) - std::chrono::seconds(10));
    REQUIRE(cache.load(keyA)); // A is now the most recently used
    fs::last_write_time(probe.entryPath(keyB), fs::file_time_type::clock::now() - std::chrono::seconds(5));
    cache.store(keyC, content);
    CHECK(entries(cacheDir).size() == 2);
    CHECK(fs::exists(probe.entryPath(keyA)));
    CHECK(!fs::exists(probe.entryPath(keyB)));
    CHECK(fs::exists(probe.entryPath(keyC)));
    CHECK(!probe.keyFor("PG:dbname=x", "t", "EPSG:3857", ""));
    CHECK(!probe.keyFor(dir, "", "EPSG:3857", "")); // a folder
    CHECK(!LayerCache("").keyFor(srcA, "", "EPSG:3857", ""));
}
