// The read runs on a std::async worker; a layer removed (or reloaded for another map CRS)
// while it runs simply gets nothing.
#include "viewer/app/raster_detail.hpp"

#include "geo/call_on_exit.hpp"
#include "geo/error.hpp"

#include <algorithm>
#include <chrono>

namespace viewer {

namespace {
bool contains(const geo::Extent& outer, const geo::Extent& inner)
{
    return !outer.empty() && outer.minX <= inner.minX && outer.minY <= inner.minY && outer.maxX >= inner.maxX &&
           outer.maxY >= inner.maxY;
}
constexpr double kCoarsest = 1.5; // image pixels per screen pixel before a sharper read is worth it
} // namespace

std::optional<geo::Extent> detailWindow(const geo::Extent& raster, double baseUnitsPerPixel, double sourceUnitsPerPixel,
                                        const geo::Viewport& view, const geo::Extent& detail, double detailUnitsPerPixel)
{
    // Fine enough: within 1.5 screen pixels, or as fine as the file itself.
    const double enough = std::max(view.unitsPerPixel() * kCoarsest, sourceUnitsPerPixel * 1.01);
    if (!(baseUnitsPerPixel > enough)) return std::nullopt;
    const geo::Extent v = view.visibleExtent();
    const geo::Extent seen{std::max(v.minX, raster.minX), std::max(v.minY, raster.minY), std::min(v.maxX, raster.maxX),
                           std::min(v.maxY, raster.maxY)};
    if (!(seen.maxX > seen.minX && seen.maxY > seen.minY)) return std::nullopt;
    if (detailUnitsPerPixel > 0 && detailUnitsPerPixel <= enough && contains(detail, seen)) return std::nullopt;
    const double gx = v.width() / 4, gy = v.height() / 4;
    return geo::Extent{std::max(raster.minX, seen.minX - gx), std::max(raster.minY, seen.minY - gy),
                       std::min(raster.maxX, seen.maxX + gx), std::min(raster.maxY, seen.maxY + gy)};
}

void RasterDetail::update(Session& session)
{
    auto& rasters = session.scene.rasterLayers();
    if (m_job) {
        if (m_job->image.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
        Job job = std::move(*m_job);
        m_job.reset();
        try {
            const geo::RasterImage part = job.image.get();
            if (job.crs == session.crs.definition())
                for (RasterLayer& r : rasters)
                    if (r.id() == job.rasterId) r.setDetail(part);
        } catch (const geo::Error& e) {
            session.warnings.push_back(e.what()); // the whole image stays
            m_failed.insert(job.rasterId);
        }
    }
    for (const RasterLayer& r : rasters) {
        if (!r.visible || r.opacity <= 0 || r.width() <= 0 || m_failed.count(r.id())) continue;
        const std::optional<geo::Extent> window = detailWindow(r.extent(), r.extent().width() / r.width(),
                                                               r.sourceUnitsPerPixel(), session.view, r.detailExtent(),
                                                               r.detailUnitsPerPixel());
        if (!window) continue;
        // The window at screen resolution (grown by half, as the window is); GDAL's overviews
        // keep the read small when the file is big.
        const int side = std::clamp(static_cast<int>(std::max(session.view.width(), session.view.height()) * 1.5), 256, 4096);
        m_job = Job{r.id(), session.crs.definition(),
                    std::async(std::launch::async, [path = r.sourcePath(), crs = session.crs.definition(), side, w = *window,
                                                     wake = m_wake] {
                        const geo::CallOnExit notice{wake};
                        return geo::readRaster(path, crs, side, {}, w);
                    })};
        return;
    }
}

} // namespace viewer
