#include "viewer/app/refine_plan.hpp"

#include <algorithm>

namespace viewer {

std::vector<RefineJob> refinePlan(const Scene& scene, const geo::Viewport& view)
{
    // A margin, so that a small pan finds its detail built.
    geo::Extent around = view.visibleExtent();
    const double grow = std::max(around.width(), around.height()) / 4;
    around.expand(around.minX - grow, around.minY - grow);
    around.expand(around.maxX + grow, around.maxY + grow);
    std::vector<RefineJob> jobs;
    for (const SceneLayer& l : scene.layers()) {
        if (l.deferredTolerances.empty() || !l.style.visible) continue;
        std::vector<double> all = l.deferredTolerances;
        for (size_t i = 0; i < l.gpu->lodCount(); ++i) all.push_back(l.gpu->lodTolerance(i));
        const double need = levelForView(all, view.unitsPerPixel());
        RefineJob job{l.id, l.data, l.gpu->origin(), {}, {}};
        for (double t : l.deferredTolerances)
            if (t >= need) job.tolerances.push_back(t);
        if (job.tolerances.empty()) continue;
        for (uint32_t f : l.index.query(around))
            if (!l.gpu->levelHas(need, f)) job.features.push_back(f);
        if (job.features.empty()) continue;
        std::sort(job.features.begin(), job.features.end());
        jobs.push_back(std::move(job));
    }
    return jobs;
}

} // namespace viewer
