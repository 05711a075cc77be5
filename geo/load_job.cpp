// The worker side of LoadJob: everything slow happens here, never on the UI thread.
#include "geo/load_job.hpp"
#include "geo/call_on_exit.hpp"
#include "geo/crs.hpp"
#include "geo/error.hpp"
#include "geo/map_crs.hpp"
#include "geo/session_file.hpp"
#include "geo/vector_source.hpp"

namespace geo {

LoadJob::LoadJob(LoadRequest request) : m_request(std::move(request)), m_thread([this] { run(); }) {}

LoadJob::~LoadJob()
{
    cancel();
    if (m_thread.joinable()) m_thread.join();
}

void LoadJob::wait()
{
    if (m_thread.joinable()) m_thread.join();
}

void LoadJob::run()
{
    const CallOnExit notice{m_request.onEnded};
    ReadControl control;
    control.cancel = &m_cancel;
    control.allowRemote = m_request.allowRemote;
    control.progress = [this](double p) { m_progress.store(p * 0.95); };
    try {
        LoadedSource result;
        if (!isRemoteSource(m_request.path) && isRasterSource(m_request.path)) {
            result = readRaster(m_request.path, m_request.targetCrs, m_request.maxRasterSide, control);
        } else {
            LoadedVector v;
            // Through lon/lat, so the map CRS can leave out what it cannot draw (a world
            // layer folding over in a UTM zone). This thread's own MapCrs: PROJ is per thread.
            v.layer = readLayer(m_request.path, m_request.layer, kWgs84, control);
            if (m_cancel.load()) throw Cancelled();
            MapCrs(m_request.targetCrs).projectLayer(v.layer);
            if (v.layer.features.empty()) {
                {
                    std::lock_guard lock(m_mutex);
                    m_emptyLayer = true;
                }
                throw Error(m_request.path + ": the layer '" + v.layer.name + "' is empty");
            }
            std::vector<Extent> boxes;
            boxes.reserve(v.layer.features.size());
            for (const Feature& f : v.layer.features) boxes.push_back(f.bbox);
            v.index = SpatialIndex(boxes);
            result = std::move(v);
        }
        {
            std::lock_guard lock(m_mutex);
            m_result = std::move(result);
        }
        m_progress.store(1.0);
        m_state.store(State::Done);
    } catch (const Cancelled&) {
        m_state.store(State::Cancelled);
    } catch (const std::exception& e) {
        {
            std::lock_guard lock(m_mutex);
            m_error = e.what();
        }
        m_state.store(State::Failed);
    }
}

std::optional<LoadedSource> LoadJob::takeResult()
{
    std::lock_guard lock(m_mutex);
    std::optional<LoadedSource> out = std::move(m_result);
    m_result.reset();
    return out;
}

std::string LoadJob::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

bool LoadJob::emptyLayer() const
{
    std::lock_guard lock(m_mutex);
    return m_emptyLayer;
}

} // namespace geo
