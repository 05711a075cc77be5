// Loading a source off the UI thread: read, project and index on a worker, with progress,
// cancel, and the result (or a one-line error) collected by the UI when it is done.
#pragma once
#include "geo/layer.hpp"
#include "geo/raster_source.hpp"
#include "geo/spatial_index.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

namespace geo {

// A vector layer ready to draw and query: features in the map CRS plus their R-tree.
struct LoadedVector {
    Layer layer;
    SpatialIndex index;
};

using LoadedSource = std::variant<LoadedVector, RasterImage>;

struct LoadRequest {
    std::string path;
    std::string layer;       // vector layer name; "" for the first
    std::string targetCrs;
    bool allowRemote = false;
    int maxRasterSide = 4096;
    // Called on the worker once the job has ended (done, failed or cancelled): lets a UI that
    // sleeps between frames wake up for the result.
    std::function<void()> onEnded = {};
};

class LoadJob {
public:
    enum class State { Running, Done, Failed, Cancelled };

    explicit LoadJob(LoadRequest request); // starts the worker at once
    ~LoadJob();                            // cancels and joins
    LoadJob(const LoadJob&) = delete;
    LoadJob& operator=(const LoadJob&) = delete;

    const LoadRequest& request() const { return m_request; }
    double progress() const { return m_progress.load(); }
    State state() const { return m_state.load(); }
    void cancel() { m_cancel.store(true); }
    // Blocks until the worker ends (tests, headless commands).
    void wait();

    // After Done: the result, moved out once. After Failed: the message.
    std::optional<LoadedSource> takeResult();
    std::string error() const;
    // After Failed: it failed only because the layer has no features (a GPX's empty routes
    // and tracks): worth a note for the user, not an error.
    bool emptyLayer() const;

private:
    void run();

    LoadRequest m_request;
    std::atomic<double> m_progress{0};
    std::atomic<bool> m_cancel{false};
    std::atomic<State> m_state{State::Running};
    mutable std::mutex m_mutex; // guards m_result, m_error and m_emptyLayer
    std::optional<LoadedSource> m_result;
    std::string m_error;
    bool m_emptyLayer = false;
    std::thread m_thread;
};

} // namespace geo
