// The user's loads in the background: each source is inspected, read, projected and
// indexed (geo::LoadJob) and prepared for the GPU on workers; the UI thread only polls,
// shows progress, offers Cancel, and uploads what is ready.
#pragma once
#include "viewer/app/layer_cache.hpp"
#include "viewer/render/scene.hpp"

#include "geo/load_job.hpp"
#include "geo/vector_source.hpp"

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace viewer {

// One layer (or raster) to load.
struct LoadOrder {
    std::string path;
    std::string layer;               // vector layer name; "" = the first
    std::optional<LayerStyle> style; // none: defaultStyleFor
    bool rasterVisible = true;
    float rasterOpacity = 1.0f;
    bool allowRemote = false;        // only after the user confirmed
};

// A source with several layers (GeoPackage tables, KML folders): the user picks.
struct LayerChoice {
    std::string path;
    std::vector<geo::LayerInfo> layers;
    std::vector<char> chosen; // one per layer
};

// What the app should tell the user after a poll.
struct LoadEvents {
    std::vector<std::string> errors;   // one line each
    std::vector<std::string> warnings; // one line each
    // Empty layers of files that had others with features (a GPX's empty routes and tracks):
    // left out, one line each. A file whose every layer is empty is one error instead.
    std::vector<std::string> notes;
    std::vector<std::string> loaded;   // names of layers that arrived
    std::vector<std::string> cached;   // those of them read back from the disk cache
    bool batchFinished = false;        // a whole batch (e.g. a session) has arrived
};

class LoadQueue {
public:
    // `cache`: where prepared big layers are kept between openings (LayerCache).
    explicit LoadQueue(LayerCache cache = LayerCache()) : m_cache(std::move(cache)) {}
    ~LoadQueue(); // cancels and waits for the workers (and cache writes)
    LoadQueue(const LoadQueue&) = delete;
    LoadQueue& operator=(const LoadQueue&) = delete;

    // A file from the user (drop, File > Open, command line, recent list): inspected on a
    // worker; rasters and single-layer sources load at once, several layers ask first.
    // `askForLayers` false: every layer of a multi-layer source (the command line).
    void openPath(const std::string& path, bool allowRemote = false, bool askForLayers = true)
    {
        openPaths({path}, allowRemote, askForLayers);
    }
    // Several files as one batch: they arrive together, in the given order (a file's layers
    // in the file's order), whichever finishes reading first (the command line's FILES).
    void openPaths(const std::vector<std::string>& paths, bool allowRemote = false, bool askForLayers = true);
    // Loads the given layers; all of one call arrive together, in this order, above the
    // layers already there (rasters under the vectors).
    void load(std::vector<LoadOrder> orders);

    // Advances every job; uploads finished batches into `scene` (GL thread). `mapCrs` is
    // the CRS new reads project into.
    LoadEvents poll(Scene& scene);

    struct JobView {
        uint64_t id;
        std::string label;
        std::string stage;
        double progress;
    };
    std::vector<JobView> jobs() const;
    bool busy() const { return !m_jobs.empty(); }
    void cancel(uint64_t jobId);
    void cancelAll();

    // Sources waiting for the user to pick layers (the UI removes them when answered).
    std::vector<LayerChoice>& choices() { return m_choices; }
    const std::vector<LayerChoice>& choices() const { return m_choices; }

    // Prepare only the coarse levels of detail (kDeferFinerThanMetres) of new layers: the
    // map shows at once, and whoever owns the scene builds the rest (App::startRefining).
    void setDeferFineLevels(bool defer) { m_deferFine = defer; }
    // The view new layers arrive into (map units per pixel): with deferred levels, only the
    // ones this view or a coarser one draws are built before the layer shows.
    void setViewUnitsPerPixel(double upp) { m_viewUnitsPerPixel = upp; }

    // Blocks until nothing is running (tests); returns the events of the polls.
    LoadEvents waitAll(Scene& scene);
    // Blocks until the layers that arrived are written to the disk cache (tests).
    void waitForCacheWrites();

private:
    struct Inspection {
        bool raster = false;
        std::vector<geo::LayerInfo> layers;
        std::string error;
    };
    enum class Stage { Inspecting, Reading, Preparing, Ready, Failed, Empty, Cancelled };
    struct Job {
        uint64_t id = 0;
        uint64_t batch = 0;
        uint64_t splitFrom = 0; // the job of the file whose other layers this one reads
        size_t ordinal = 0;     // colours the layer when the order has no style
        LoadOrder order;
        bool askForLayers = true;
        Stage stage = Stage::Reading;
        bool cancelled = false;
        std::future<Inspection> inspecting;
        // Before reading: the disk cache (key empty: not cacheable; lookedUp: answered).
        struct CacheLookup {
            std::string key;
            std::optional<PreparedLayer> hit;
        };
        std::future<CacheLookup> lookup;
        std::string cacheKey;
        bool lookedUp = false;
        bool fromCache = false;
        std::unique_ptr<geo::LoadJob> reading;
        std::future<PreparedLayer> preparing;
        std::optional<PreparedLayer> vector;
        std::optional<geo::RasterImage> raster;
        std::string error;
    };
    void inspect(const std::string& path, bool allowRemote, bool askForLayers, uint64_t batch);
    void advance(Job& job, const std::string& mapCrs, LoadEvents& events);
    void startReading(Job& job, const std::string& mapCrs);
    // Starts or collects the cache lookup; true once the job may read its source.
    bool lookedUp(Job& job, const std::string& mapCrs);
    std::pair<double, double> levelsFor(const std::string& mapCrs) const; // metres per unit, defer below

    std::vector<Job> m_jobs;
    std::vector<Job> m_extra; // added while advancing m_jobs
    std::vector<LayerChoice> m_choices;
    LayerCache m_cache;
    std::vector<std::future<void>> m_cacheWrites;
    uint64_t m_nextId = 1;
    uint64_t m_nextBatch = 1;
    size_t m_ordinal = 0; // colours the next user layer
    bool m_deferFine = false;
    double m_viewUnitsPerPixel = 0;
};

} // namespace viewer
