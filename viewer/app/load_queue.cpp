// Load pipeline: inspect (worker) -> geo::LoadJob read/project/index (worker) ->
// prepareLayer (worker) -> upload (GL thread, in poll) once the whole batch is in.
#include "viewer/app/load_queue.hpp"
#include "viewer/app/layer_loader.hpp"

#include "geo/call_on_exit.hpp"
#include "geo/crs.hpp"
#include "geo/session_file.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

namespace viewer {

namespace {

bool ready(const auto& future) { return future.valid() && future.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }

std::string fileName(const std::string& path)
{
    if (geo::isRemoteSource(path)) return geo::redactCredentials(path);
    const std::string name = std::filesystem::path(path).filename().string();
    return name.empty() ? path : name;
}

// Metres per map unit for the level-of-detail tolerances.
double metresPerUnitOf(const std::string& crs)
{
    try {
        return geo::MapCrs::nominalMetresPerUnit(geo::isGeographicCrs(crs));
    } catch (...) {
        return 1.0;
    }
}

} // namespace

LoadQueue::~LoadQueue()
{
    cancelAll();
    for (Job& j : m_jobs) {
        if (j.inspecting.valid()) j.inspecting.wait();
        if (j.lookup.valid()) j.lookup.wait();
        if (j.preparing.valid()) j.preparing.wait();
    }
    waitForCacheWrites();
}

void LoadQueue::waitForCacheWrites()
{
    for (std::future<void>& w : m_cacheWrites) w.wait();
    m_cacheWrites.clear();
}

std::pair<double, double> LoadQueue::levelsFor(const std::string& mapCrs) const
{
    const double mpu = metresPerUnitOf(mapCrs);
    if (!m_deferFine) return {mpu, 0};
    const double defer = kDeferFinerThanMetres / mpu;
    if (m_viewUnitsPerPixel <= 0) return {mpu, defer};
    return {mpu, std::max(defer, levelForView(lodTolerances(mpu), m_viewUnitsPerPixel))};
}

bool LoadQueue::lookedUp(Job& job, const std::string& mapCrs)
{
    if (job.lookedUp) return true;
    if (!job.lookup.valid()) {
        // Key, read and index on a worker: stat and a 200 MB read do not belong on the UI thread.
        // Not the view's levels: an entry holds the levels built so far and lists the rest.
        char levels[64];
        std::snprintf(levels, sizeof levels, "%.17g %s", levelsFor(mapCrs).first, m_deferFine ? "deferred" : "all");
        job.lookup = std::async(std::launch::async, [cache = &m_cache, order = job.order, ordinal = job.ordinal, mapCrs,
                                                     levels = std::string(levels), wake = m_wake] {
            const geo::CallOnExit notice{wake};
            Job::CacheLookup out;
            out.key = cache->keyFor(order.path, order.layer, mapCrs, levels).value_or("");
            if (out.key.empty()) return out;
            if (std::optional<PreparedLayerContent> c = cache->load(out.key)) {
                LayerStyle style = order.style ? *order.style : defaultStyleFor(*c->data, ordinal);
                out.hit = preparedFrom(std::move(*c), std::move(style));
            }
            return out;
        });
        return false;
    }
    if (!ready(job.lookup)) return false;
    Job::CacheLookup found = job.lookup.get();
    job.lookedUp = true;
    job.cacheKey = std::move(found.key);
    if (job.cancelled) {
        job.stage = Stage::Cancelled;
        return false;
    }
    if (!found.hit) return true;
    job.vector = std::move(found.hit);
    job.fromCache = true;
    job.stage = Stage::Ready;
    return false;
}

void LoadQueue::openPaths(const std::vector<std::string>& paths, bool allowRemote, bool askForLayers)
{
    const uint64_t batch = m_nextBatch++;
    for (const std::string& p : paths) inspect(p, allowRemote, askForLayers, batch);
}

void LoadQueue::inspect(const std::string& path, bool allowRemote, bool askForLayers, uint64_t batch)
{
    Job job;
    job.askForLayers = askForLayers;
    job.id = m_nextId++;
    job.batch = batch;
    job.ordinal = m_ordinal++;
    job.order.path = path;
    job.order.allowRemote = allowRemote;
    job.stage = Stage::Inspecting;
    job.inspecting = std::async(std::launch::async, [path, allowRemote, wake = m_wake] {
        const geo::CallOnExit notice{wake};
        Inspection out;
        try {
            geo::initGdal();
            if (!geo::isRemoteSource(path) && geo::isRasterSource(path)) {
                out.raster = true;
            } else {
                out.layers = geo::inspectDataset(path, allowRemote).layers;
                if (out.layers.empty()) out.error = geo::redactCredentials(path) + ": contains no vector layers";
            }
        } catch (const std::exception& e) {
            out.error = e.what();
        }
        return out;
    });
    m_jobs.push_back(std::move(job));
}

void LoadQueue::load(std::vector<LoadOrder> orders)
{
    const uint64_t batch = m_nextBatch++;
    for (LoadOrder& o : orders) {
        Job job;
        job.id = m_nextId++;
        job.batch = batch;
        if (!o.style) job.ordinal = m_ordinal++;
        job.order = std::move(o);
        job.stage = Stage::Reading; // started by the next poll, which knows the map CRS
        m_jobs.push_back(std::move(job));
    }
}

void LoadQueue::startReading(Job& job, const std::string& mapCrs)
{
    geo::LoadRequest req;
    req.path = job.order.path;
    req.layer = job.order.layer;
    req.targetCrs = mapCrs;
    req.allowRemote = job.order.allowRemote;
    req.onEnded = m_wake;
    job.reading = std::make_unique<geo::LoadJob>(req);
}

void LoadQueue::advance(Job& job, const std::string& mapCrs, LoadEvents& events)
{
    if (job.stage == Stage::Inspecting && ready(job.inspecting)) {
        Inspection in = job.inspecting.get();
        if (job.cancelled) {
            job.stage = Stage::Cancelled;
        } else if (!in.error.empty()) {
            job.error = in.error;
            job.stage = Stage::Failed;
        } else if (!in.raster && in.layers.size() > 1 && !job.askForLayers) {
            // Every layer, in one batch with this job's (the first layer stays here).
            for (size_t k = 1; k < in.layers.size(); ++k) {
                Job more;
                more.id = m_nextId++;
                more.batch = job.batch;
                more.splitFrom = job.id;
                more.ordinal = m_ordinal++;
                more.order = job.order;
                more.order.layer = in.layers[k].name;
                more.stage = Stage::Reading;
                m_extra.push_back(std::move(more));
            }
            job.order.layer = in.layers.front().name;
            job.stage = Stage::Reading;
        } else if (!in.raster && in.layers.size() > 1) {
            // Ask which layers; this job ends here.
            m_choices.push_back({job.order.path, in.layers, std::vector<char>(in.layers.size(), 1)});
            job.stage = Stage::Cancelled;
        } else {
            if (!in.raster) job.order.layer = in.layers.front().name;
            job.stage = Stage::Reading;
        }
    }
    if (job.stage == Stage::Reading && !job.reading) {
        if (!lookedUp(job, mapCrs)) return;
        startReading(job, mapCrs);
    }
    if (job.stage == Stage::Reading) {
        const geo::LoadJob::State st = job.reading->state();
        if (st == geo::LoadJob::State::Running) return;
        if (st == geo::LoadJob::State::Cancelled || job.cancelled) {
            job.stage = Stage::Cancelled;
        } else if (st == geo::LoadJob::State::Failed) {
            job.error = job.reading->error();
            job.stage = job.reading->emptyLayer() ? Stage::Empty : Stage::Failed;
        } else {
            std::optional<geo::LoadedSource> result = job.reading->takeResult();
            if (!result) {
                job.error = geo::redactCredentials(job.order.path) + ": nothing was read";
                job.stage = Stage::Failed;
            } else if (auto* raster = std::get_if<geo::RasterImage>(&*result)) {
                job.raster = std::move(*raster);
                job.stage = Stage::Ready;
            } else {
                geo::LoadedVector& read = std::get<geo::LoadedVector>(*result);
                LayerStyle style = job.order.style ? *job.order.style : defaultStyleFor(read.layer, job.ordinal);
                const auto [mpu, defer] = levelsFor(mapCrs);
                // The reader's R-tree comes along: a million points are not indexed twice.
                job.preparing = std::async(std::launch::async, [layer = std::move(read.layer), index = std::move(read.index),
                                                                style, mpu, defer, wake = m_wake]() mutable {
                    const geo::CallOnExit notice{wake};
                    return prepareLayer(std::move(layer), std::move(style), mpu, defer, std::move(index));
                });
                job.stage = Stage::Preparing;
            }
        }
        job.reading.reset();
    }
    if (job.stage == Stage::Preparing && ready(job.preparing)) {
        try {
            job.vector = job.preparing.get();
            job.stage = job.cancelled ? Stage::Cancelled : Stage::Ready;
            if (!job.cacheKey.empty() && !job.cancelled && m_cache.worthStoring(*job.vector->data))
                m_cacheWrites.push_back(std::async(std::launch::async, [cache = &m_cache, key = job.cacheKey,
                                                                        c = contentOf(*job.vector)] { cache->store(key, c); }));
        } catch (const std::exception& e) {
            job.error = geo::redactCredentials(job.order.path) + ": " + e.what();
            job.stage = Stage::Failed;
        }
    }
    (void)events;
}

LoadEvents LoadQueue::poll(Scene& scene)
{
    LoadEvents events;
    std::erase_if(m_cacheWrites, [](const std::future<void>& w) { return ready(w); });
    for (Job& j : m_jobs) advance(j, scene.mapCrs, events);
    // A file's other layers go right after its first (and after each other): batches upload in
    // m_jobs order.
    for (Job& j : m_extra) {
        const auto last = std::find_if(m_jobs.rbegin(), m_jobs.rend(), [&](const Job& k) {
            return k.id == j.splitFrom || k.splitFrom == j.splitFrom;
        });
        m_jobs.insert(last.base(), std::move(j));
    }
    m_extra.clear();
    // A batch arrives when none of its jobs is still working, in the order it was asked for.
    std::vector<uint64_t> batches;
    for (const Job& j : m_jobs)
        if (std::find(batches.begin(), batches.end(), j.batch) == batches.end()) batches.push_back(j.batch);
    for (uint64_t b : batches) {
        bool done = true;
        for (const Job& j : m_jobs)
            if (j.batch == b && (j.stage == Stage::Inspecting || j.stage == Stage::Reading || j.stage == Stage::Preparing))
                done = false;
        if (!done) continue;
        bool any = false;
        for (Job& j : m_jobs) {
            if (j.batch != b) continue;
            if (j.stage == Stage::Failed) events.errors.push_back(j.error);
            if (j.stage == Stage::Empty) {
                // A note when the file gave something else; one error for a file of empty layers.
                auto sameFile = [&](const Job& k, Stage s) { return k.batch == b && k.order.path == j.order.path && k.stage == s; };
                if (std::any_of(m_jobs.begin(), m_jobs.end(), [&](const Job& k) { return sameFile(k, Stage::Ready); }))
                    events.notes.push_back(j.error);
                else if (&*std::find_if(m_jobs.begin(), m_jobs.end(), [&](const Job& k) { return sameFile(k, Stage::Empty); }) == &j)
                    events.errors.push_back(j.error);
            }
            if (j.stage != Stage::Ready) continue;
            any = true;
            if (j.raster) {
                for (const std::string& w : j.raster->warnings) events.warnings.push_back(w);
                const uint64_t id = scene.addRasterLayer(*j.raster);
                scene.anchorRasters();
                for (RasterLayer& r : scene.rasterLayers())
                    if (r.id() == id) {
                        r.visible = j.order.rasterVisible;
                        r.opacity = j.order.rasterOpacity;
                    }
                events.loaded.push_back(j.raster->name);
            } else if (j.vector) {
                for (const std::string& w : j.vector->data->warnings) events.warnings.push_back(w);
                events.loaded.push_back(j.vector->data->name);
                if (j.fromCache) events.cached.push_back(j.vector->data->name);
                scene.addLayer(std::move(*j.vector));
            }
        }
        if (any) events.batchFinished = true;
        std::erase_if(m_jobs, [b](const Job& j) { return j.batch == b; });
    }
    return events;
}

std::vector<LoadQueue::JobView> LoadQueue::jobs() const
{
    std::vector<JobView> out;
    for (const Job& j : m_jobs) {
        JobView v{j.id, fileName(j.order.path) + (j.order.layer.empty() ? "" : " / " + j.order.layer), "", 0};
        switch (j.stage) {
        case Stage::Inspecting: v.stage = "opening"; break;
        case Stage::Reading:
            v.stage = j.lookup.valid() ? "reading the cache" : "reading";
            v.progress = j.reading ? j.reading->progress() * 0.85 : 0;
            break;
        case Stage::Preparing:
            v.stage = "preparing";
            v.progress = 0.9;
            break;
        case Stage::Ready: v.stage = "waiting for the others"; v.progress = 1; break;
        default: continue;
        }
        if (j.cancelled) v.stage = "cancelling";
        out.push_back(v);
    }
    return out;
}

void LoadQueue::cancel(uint64_t jobId)
{
    for (Job& j : m_jobs)
        if (j.id == jobId) {
            j.cancelled = true;
            if (j.reading) j.reading->cancel();
            if (j.stage == Stage::Ready) j.stage = Stage::Cancelled;
        }
}

void LoadQueue::cancelAll()
{
    for (Job& j : m_jobs) cancel(j.id);
}

LoadEvents LoadQueue::waitAll(Scene& scene)
{
    LoadEvents all;
    while (busy()) {
        LoadEvents e = poll(scene);
        using Lines = std::vector<std::string>;
        for (auto [from, to] : std::initializer_list<std::pair<Lines*, Lines*>>{
                 {&e.errors, &all.errors}, {&e.warnings, &all.warnings}, {&e.loaded, &all.loaded}, {&e.notes, &all.notes},
                 {&e.cached, &all.cached}})
            to->insert(to->end(), from->begin(), from->end());
        all.batchFinished |= e.batchFinished;
        if (busy()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return all;
}

} // namespace viewer
