// The worker loop: pop a band, encode it (outside the lock), and after the last one
// finish() the writer, which renames the temporary file into place.
#include "viewer/export/background_writer.hpp"

#include <cstring>

namespace viewer {

BackgroundWriter::BackgroundWriter(const std::string& path, int width, int height, const geo::ImageGeoref* georef,
                                   bool worldFile, double dpi, size_t maxQueued)
    : m_writer(std::make_unique<geo::ImageWriter>(path, width, height, georef, worldFile, dpi)),
      m_rowBytes(static_cast<size_t>(width) * 4), m_maxQueued(maxQueued < 1 ? 1 : maxQueued)
{
    m_thread = std::thread([this] { run(); });
}

BackgroundWriter::~BackgroundWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
    m_writer.reset(); // removes the temporary file unless finish() succeeded
}

bool BackgroundWriter::canAccept() const
{
    std::lock_guard lock(m_mutex);
    return m_queue.size() < m_maxQueued || m_error;
}

void BackgroundWriter::rethrow()
{
    if (m_error) std::rethrow_exception(m_error);
}

void BackgroundWriter::writeRows(int y, int rows, const uint8_t* rgba)
{
    Band b{y, rows, std::vector<uint8_t>(rgba, rgba + m_rowBytes * static_cast<size_t>(rows))};
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_queue.size() < m_maxQueued || m_error; });
    rethrow();
    m_queue.push_back(std::move(b));
    lock.unlock();
    m_changed.notify_all();
}

void BackgroundWriter::requestFinish()
{
    {
        std::lock_guard lock(m_mutex);
        m_finishRequested = true;
    }
    m_changed.notify_all();
}

bool BackgroundWriter::finished() const
{
    std::lock_guard lock(m_mutex);
    return m_finished;
}

void BackgroundWriter::wait()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_finished; });
    rethrow();
}

void BackgroundWriter::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_changed.wait(lock, [&] { return m_stop || !m_queue.empty() || m_finishRequested; });
        if (m_stop) return;
        try {
            if (!m_queue.empty()) {
                Band b = std::move(m_queue.front());
                m_queue.pop_front();
                lock.unlock();
                m_changed.notify_all(); // room in the queue
                m_writer->writeRows(b.y, b.rows, b.rgba.data());
                lock.lock();
                continue;
            }
            lock.unlock();
            m_writer->finish();
            lock.lock();
        } catch (...) {
            if (!lock.owns_lock()) lock.lock();
            m_error = std::current_exception();
            m_queue.clear();
        }
        m_finished = true;
        m_changed.notify_all();
        return;
    }
}

} // namespace viewer
