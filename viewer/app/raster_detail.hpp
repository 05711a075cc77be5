// Sharper raster pixels where the view needs them: a raster opens as one image of the whole
// file (at most 4096 pixels across); zoomed in past its pixels, the part in view is read again
// at screen resolution on a worker (geo::readRaster with a window, GDAL picking overviews) and
// drawn over it. Cost follows what is on screen, not what is in the file.
#pragma once
#include "viewer/app/session.hpp"

#include "geo/raster_source.hpp"

#include <cstdint>
#include <functional>
#include <future>
#include <optional>
#include <set>

namespace viewer {

// The window (map CRS) to read again for a raster whose whole image has `baseUnitsPerPixel`,
// or nothing when the view is served well enough: by the whole image (its pixels at most 1.5
// screen pixels, or already the file's own `sourceUnitsPerPixel`) or by the detail image
// there is (`detail`, `detailUnitsPerPixel`; 0 for none) when that covers the visible part
// finely enough. The window is the visible part grown by a quarter of the view each way (a
// small pan needs no new read), within the raster.
std::optional<geo::Extent> detailWindow(const geo::Extent& raster, double baseUnitsPerPixel, double sourceUnitsPerPixel,
                                        const geo::Viewport& view, const geo::Extent& detail, double detailUnitsPerPixel);

class RasterDetail {
public:
    // Once a frame (GL thread): starts a read for the first raster that needs one (one at a
    // time), and puts a finished one into its layer.
    void update(Session& session);
    bool busy() const { return m_job.has_value(); }
    // Called on the worker when a read ends, to wake a frame loop that waits for input.
    void setWake(std::function<void()> wake) { m_wake = std::move(wake); }

private:
    struct Job {
        uint64_t rasterId = 0;
        std::string crs;
        std::future<geo::RasterImage> image;
    };
    std::optional<Job> m_job;
    std::set<uint64_t> m_failed; // rasters whose detail read failed: not tried again
    std::function<void()> m_wake;
};

} // namespace viewer
