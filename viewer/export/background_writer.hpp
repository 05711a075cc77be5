// geo::ImageWriter on a worker thread: the GL thread hands over bands of rows and goes on
// rendering while the PNG/GeoTIFF encoder runs. A few bands are queued at most (bounded
// memory); destroying it before it has finished removes the temporary file (cancel).
#pragma once
#include "geo/image_writer.hpp"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace viewer {

class BackgroundWriter {
public:
    // Opens the writer here (so a bad path fails at once, on the caller's thread).
    BackgroundWriter(const std::string& path, int width, int height, const geo::ImageGeoref* georef, bool worldFile,
                     double dpi = 0, size_t maxQueued = 2);
    ~BackgroundWriter(); // stops the worker; an unfinished file is removed
    BackgroundWriter(const BackgroundWriter&) = delete;
    BackgroundWriter& operator=(const BackgroundWriter&) = delete;

    // True when a band can be queued without waiting.
    bool canAccept() const;
    // Copies the rows into the queue, waiting while it is full. Rethrows a worker failure.
    void writeRows(int y, int rows, const uint8_t* rgba);
    // Asks the worker to finish (encode the rest, rename into place) after the queued bands.
    void requestFinish();
    // True once the file is in place or the worker failed (wait() then rethrows).
    bool finished() const;
    // Blocks until finished; rethrows the worker's geo::Error.
    void wait();

private:
    struct Band {
        int y = 0, rows = 0;
        std::vector<uint8_t> rgba;
    };
    void run();
    void rethrow();

    std::unique_ptr<geo::ImageWriter> m_writer;
    size_t m_rowBytes, m_maxQueued;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Band> m_queue;
    bool m_finishRequested = false, m_finished = false, m_stop = false;
    std::exception_ptr m_error;
    std::thread m_thread;
};

} // namespace viewer
