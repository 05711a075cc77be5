// Level-of-detail meshes: simplify (geo::simplifyGeometry), triangulate, stroke.
#include "viewer/render/layer_mesh.hpp"

#include "geo/simplify.hpp"

#include <algorithm>
#include <future>
#include <thread>

namespace viewer {

std::vector<double> lodTolerances(double metresPerUnit)
{
    std::vector<double> t{0};
    for (double m = 20; m <= 25000; m *= 4) t.push_back(m / metresPerUnit);
    return t;
}

namespace {
// Index (into `tolerances`) of the last tolerance already kept.
size_t lastKept(const std::vector<size_t>&, const std::vector<double>& tolerances, const std::vector<double>& kept)
{
    for (size_t i = 0; i < tolerances.size(); ++i)
        if (tolerances[i] == kept.back()) return i;
    return 0;
}
} // namespace

LayerMesh buildLayerMesh(const geo::Layer& layer, const std::vector<double>& tolerances,
                         const std::vector<uint8_t>& paletteClass, const std::atomic<bool>* cancel)
{
    LayerMesh mesh;
    mesh.origin = layer.extent.empty() ? geo::MapXY{} : layer.extent.center();
    const geo::MapXY o = mesh.origin;
    const size_t n = layer.features.size();

    mesh.pointRanges.resize(n);
    bool anyArea = false;
    for (size_t f = 0; f < n; ++f) {
        const geo::Geometry& g = layer.features[f].geometry;
        if (g.kind == geo::GeomKind::Point) {
            mesh.pointRanges[f].first = static_cast<uint32_t>(mesh.points.size() / 2);
            for (const geo::MapXY& p : g.coords) {
                mesh.points.push_back(static_cast<float>(p.x - o.x));
                mesh.points.push_back(static_cast<float>(p.y - o.y));
            }
            mesh.pointRanges[f].count = static_cast<uint32_t>(g.coords.size());
        } else if (g.kind == geo::GeomKind::Line || g.kind == geo::GeomKind::Polygon) {
            anyArea = true;
        }
    }
    if (!anyArea) return mesh;

    // Levels are independent: build them in parallel, then keep only levels that shed at
    // least a quarter of the vertices of the previous kept level (1:10m data barely changes
    // at 20 m or 80 m, and each kept level costs memory).
    auto buildLod = [&](double tol) {
        LodMesh lod;
        lod.tolerance = tol;
        lod.fillRanges.resize(n);
        lod.strokeRanges.resize(n);
        size_t failed = 0;
        for (size_t f = 0; f < n; ++f) {
            if (cancel && cancel->load(std::memory_order_relaxed)) break;
            const geo::Geometry& full = layer.features[f].geometry;
            if (full.kind != geo::GeomKind::Line && full.kind != geo::GeomKind::Polygon) continue;
            // Features smaller than the tolerance vanish at this level (they would be dots).
            const geo::Extent& b = layer.features[f].bbox;
            if (tol > 0 && b.width() < tol && b.height() < tol) continue;
            const geo::Geometry g = tol > 0 ? geo::simplifyGeometry(full, tol) : full;
            if (g.kind == geo::GeomKind::Polygon) {
                lod.fillRanges[f].first = static_cast<uint32_t>(lod.fill.indices.size());
                if (!tessellatePolygons(g, o, lod.fill)) ++failed;
                lod.fillRanges[f].count = static_cast<uint32_t>(lod.fill.indices.size()) - lod.fillRanges[f].first;
                const float cls = f < paletteClass.size() ? paletteClass[f] : 0.0f;
                lod.fillClass.resize(lod.fill.vertexCount(), cls);
            }
            lod.strokeRanges[f].first = static_cast<uint32_t>(lod.stroke.indices.size());
            for (size_t part = 0; part < g.partCount(); ++part) {
                const size_t s = g.partStarts[part], e = g.partStarts[part + 1];
                buildStroke(g.coords.data() + s, e - s, g.kind == geo::GeomKind::Polygon, o, lod.stroke);
            }
            lod.strokeRanges[f].count = static_cast<uint32_t>(lod.stroke.indices.size()) - lod.strokeRanges[f].first;
        }
        return std::make_pair(std::move(lod), failed);
    };
    // Vertex counts per level are cheap to predict: simplify only.
    std::vector<size_t> counts(tolerances.size(), 0);
    std::vector<double> kept;
    for (size_t i = 0; i < tolerances.size(); ++i) {
        for (const geo::Feature& f : layer.features) {
            const geo::Extent& b = f.bbox;
            if (tolerances[i] > 0 && b.width() < tolerances[i] && b.height() < tolerances[i]) continue;
            counts[i] += tolerances[i] > 0 ? geo::simplifyGeometry(f.geometry, tolerances[i]).coords.size() : f.geometry.coords.size();
        }
        if (kept.empty() || counts[i] * 4 <= counts[lastKept(counts, tolerances, kept)] * 3) kept.push_back(tolerances[i]);
    }
    const unsigned threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    std::vector<std::pair<LodMesh, size_t>> built(kept.size());
    for (size_t first = 0; first < kept.size(); first += threads) {
        std::vector<std::future<std::pair<LodMesh, size_t>>> jobs;
        for (size_t i = first; i < std::min(kept.size(), first + threads); ++i)
            jobs.push_back(std::async(std::launch::async, buildLod, kept[i]));
        for (size_t i = 0; i < jobs.size(); ++i) built[first + i] = jobs[i].get();
    }
    for (auto& [lod, failed] : built) {
        if (lod.tolerance == 0) mesh.failedTessellations = failed;
        mesh.lods.push_back(std::move(lod));
    }
    return mesh;
}

size_t chooseLod(const LayerMesh& mesh, double unitsPerPixel)
{
    size_t best = 0;
    for (size_t i = 0; i < mesh.lods.size(); ++i)
        if (mesh.lods[i].tolerance <= unitsPerPixel) best = i;
    return best;
}

} // namespace viewer
