// Cancelling a big load (issue 11): the memory it took comes back and nothing is left behind,
// neither a layer, nor a disk cache entry, nor a temporary file. The file is made here with
// GDAL (a GeoPackage of 500,000 vertices); the heap in use is glibc's count (mallinfo2:
// chunks in use in every arena plus mmapped blocks), so the test needs no timing at all.
#include "load_test_files.hpp"
#include "viewer/app/layer_cache.hpp"
#include "viewer/app/load_queue.hpp"
#include "viewer/render/gl_context.hpp"

#include <doctest/doctest.h>

#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <malloc.h>
#include <optional>
#include <thread>

using namespace viewer;
using namespace loadtest;
namespace fs = std::filesystem;

namespace {

size_t heapInUse()
{
    const struct mallinfo2 m = mallinfo2();
    return m.uordblks + m.hblkhd;
}

// `polygons` many-sided polygons of `sides` vertices each, in a grid over Cambodia.
std::string writeBigGeoPackage(const std::string& path, int polygons, int sides)
{
    geo::initGdal();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    REQUIRE(drv);
    GDALDataset* ds = drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    REQUIRE(ds);
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds->CreateLayer("big", &wgs84, wkbPolygon, nullptr);
    REQUIRE(layer);
    OGRFieldDefn name("name", OFTString);
    REQUIRE(layer->CreateField(&name) == OGRERR_NONE);
    REQUIRE(layer->StartTransaction() == OGRERR_NONE);
    const int cols = static_cast<int>(std::ceil(std::sqrt(polygons)));
    for (int k = 0; k < polygons; ++k) {
        const double cx = 102.5 + 5.0 * (k % cols) / cols, cy = 10.5 + 4.0 * (k / cols) / cols;
        OGRLinearRing ring;
        for (int i = 0; i <= sides; ++i) {
            const double a = 2 * M_PI * (i % sides) / sides, r = 0.04 * (1 + 0.2 * std::sin(7 * a));
            ring.addPoint(cx + r * std::cos(a), cy + r * std::sin(a));
        }
        OGRPolygon poly;
        poly.addRing(&ring);
        OGRFeature* f = OGRFeature::CreateFeature(layer->GetLayerDefn());
        f->SetField("name", ("p" + std::to_string(k)).c_str());
        f->SetGeometry(&poly);
        REQUIRE(layer->CreateFeature(f) == OGRERR_NONE);
        OGRFeature::DestroyFeature(f);
    }
    REQUIRE(layer->CommitTransaction() == OGRERR_NONE);
    GDALClose(ds);
    return path;
}

// Every regular file under `dir` (none when it does not exist).
std::vector<std::string> filesUnder(const std::string& dir)
{
    std::vector<std::string> out;
    if (fs::exists(dir))
        for (const auto& e : fs::recursive_directory_iterator(dir))
            if (e.is_regular_file()) out.push_back(e.path().string());
    return out;
}

// The environment variable `name` set to `value` for one scope.
struct ScopedEnv {
    std::string name;
    std::optional<std::string> old;
    ScopedEnv(std::string n, const char* value) : name(std::move(n))
    {
        if (const char* v = std::getenv(name.c_str())) old = v;
        if (value) setenv(name.c_str(), value, 1);
        else unsetenv(name.c_str());
    }
    ~ScopedEnv()
    {
        if (old) setenv(name.c_str(), old->c_str(), 1);
        else unsetenv(name.c_str());
    }
};

// Opens `path` as the app does (fine levels deferred) and polls until the job shows `stage`
// or a later one, then cancels it and waits for its workers. No clock: the queue changes
// stage only in poll, so the job is still working when the cancel arrives. ("preparing" is
// always seen: the poll that starts it cannot also finish it. "reading" could be missed on a
// machine that reads the whole file between two polls; the cancel then lands in preparing.)
LoadEvents openAndCancelAt(const std::string& path, const std::string& stage)
{
    const std::vector<std::string> order{"opening", "reading the cache", "reading", "preparing"};
    auto rank = [&](const std::string& s) { return std::find(order.begin(), order.end(), s) - order.begin(); };
    REQUIRE(rank(stage) < static_cast<long>(order.size()));
    LoadQueue q; // the default disk cache: $XDG_CACHE_HOME/compound-atlas/layers
    q.setDeferFineLevels(true);
    Scene scene;
    q.openPath(path);
    LoadEvents ev;
    for (;;) {
        LoadEvents e = q.poll(scene);
        ev.errors.insert(ev.errors.end(), e.errors.begin(), e.errors.end());
        ev.loaded.insert(ev.loaded.end(), e.loaded.begin(), e.loaded.end());
        const std::vector<LoadQueue::JobView> jobs = q.jobs();
        REQUIRE_MESSAGE(jobs.size() == 1, "the load ended before it reached '" << stage << "'");
        if (rank(jobs[0].stage) >= rank(stage) && rank(jobs[0].stage) < static_cast<long>(order.size())) {
            if (jobs[0].stage != stage) MESSAGE("the cancel came while " << jobs[0].stage);
            q.cancel(jobs[0].id);
            break;
        }
        std::this_thread::yield();
    }
    const LoadEvents rest = q.waitAll(scene);
    q.waitForCacheWrites();
    ev.errors.insert(ev.errors.end(), rest.errors.begin(), rest.errors.end());
    ev.loaded.insert(ev.loaded.end(), rest.loaded.begin(), rest.loaded.end());
    CHECK(scene.layers().empty());
    return ev;
}

} // namespace

TEST_CASE("load: cancelling a big load gives its memory back and leaves no cache entry or temporary file")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("cancel-memory");
    const std::string data = dir + "/data", cache = dir + "/cache";
    fs::create_directories(data);
    const ScopedEnv xdg("XDG_CACHE_HOME", cache.c_str());
    const ScopedEnv off("ATLAS_LAYER_CACHE", nullptr);
    REQUIRE(LayerCache::defaultDir() == cache + "/compound-atlas/layers");
    const std::string path = writeBigGeoPackage(data + "/big.gpkg", 400, 1250); // 500,000 vertices
    const std::vector<std::string> dataFiles = filesUnder(data);

    // Once all the way with the cache off: GDAL, PROJ and the GL driver take what they keep
    // for the process, so the baseline below is theirs too.
    {
        LoadQueue q(LayerCache(""));
        q.setDeferFineLevels(true);
        Scene scene;
        q.openPath(path);
        REQUIRE(q.waitAll(scene).loaded.size() == 1);
    }
    const size_t baseline = heapInUse();
    // A drift this small is allocator and library bookkeeping; a cancelled job that kept its
    // layer (its coordinates alone are 8 MB) or its prepared levels would be far above it.
    const size_t bound = 1 << 20;

    for (const std::string stage : {"reading", "preparing"}) {
        CAPTURE(stage);
        const LoadEvents ev = openAndCancelAt(path, stage);
        CHECK(ev.errors.empty());
        CHECK(ev.loaded.empty());
        const size_t after = heapInUse();
        MESSAGE("cancelled while " << stage << ": heap in use " << baseline << " before, " << after << " after ("
                                   << (static_cast<double>(after) - static_cast<double>(baseline)) / 1e6 << " MB)");
        CHECK(after <= baseline + bound);
        CHECK(filesUnder(cache).empty()); // no entry, no temporary file
        CHECK(filesUnder(data) == dataFiles); // nothing beside the source (no -wal, -shm, .aux.xml)
    }

    // The same load completed holds much more, and writes a cache entry: both checks above
    // could fail.
    {
        LoadQueue q;
        q.setDeferFineLevels(true);
        Scene scene;
        q.openPath(path);
        REQUIRE(q.waitAll(scene).loaded.size() == 1);
        q.waitForCacheWrites();
        REQUIRE(scene.layers().size() == 1);
        const size_t held = heapInUse();
        MESSAGE("completed: heap in use " << held << " (" << (static_cast<double>(held) - static_cast<double>(baseline)) / 1e6
                                          << " MB over the baseline)");
        CHECK(held > baseline + 8 * bound); // measured: 13.3 MB
        CHECK(filesUnder(cache).size() == 1);
    }
    fs::remove_all(dir);
}
