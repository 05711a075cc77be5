// Level-of-detail vertex runs: Douglas-Peucker passes over the full geometry (geo::simplifyGeometry),
// features split across the cores, chunks joined in feature order.
#include "viewer/render/layer_mesh.hpp"

#include "geo/simplify.hpp"

#include <algorithm>
#include <future>
#include <malloc.h>
#include <thread>

namespace viewer {

std::vector<double> lodTolerances(double metresPerUnit)
{
    std::vector<double> t{0};
    for (double m = 20; m <= 25000; m *= 2) t.push_back(m / metresPerUnit);
    return t;
}

double levelForView(const std::vector<double>& tolerances, double unitsPerPixel)
{
    if (tolerances.empty()) return 0;
    double best = *std::min_element(tolerances.begin(), tolerances.end());
    for (double t : tolerances)
        if (t <= unitsPerPixel && t > best) best = t;
    return best;
}

namespace {

// Appends one part (deduplicated: zero-length segments have no direction to extrude).
void appendPart(const geo::MapXY* pts, size_t n, bool ring, geo::MapXY o, LodMesh& lod)
{
    thread_local std::vector<geo::MapXY> p;
    p.clear();
    for (size_t i = 0; i < n; ++i)
        if (p.empty() || pts[i].x != p.back().x || pts[i].y != p.back().y) p.push_back(pts[i]);
    if (ring && p.size() > 1 && p.front().x == p.back().x && p.front().y == p.back().y) p.pop_back();
    const size_t m = p.size();
    if (m < 2 || (ring && m < 3)) return;
    auto push = [&](geo::MapXY v, uint8_t isReal) {
        lod.xy.push_back(static_cast<float>(v.x - o.x));
        lod.xy.push_back(static_cast<float>(v.y - o.y));
        lod.real.push_back(isReal);
    };
    push(ring ? p[m - 1] : p[0], 0);
    lod.partFirst.push_back(static_cast<int32_t>(lod.vertexCount()));
    float box[4] = {1e30f, 1e30f, -1e30f, -1e30f};
    for (const geo::MapXY& v : p) {
        push(v, 1);
        const float x = lod.xy[lod.xy.size() - 2], y = lod.xy.back();
        box[0] = std::min(box[0], x);
        box[1] = std::min(box[1], y);
        box[2] = std::max(box[2], x);
        box[3] = std::max(box[3], y);
    }
    if (ring) push(p[0], 1);
    lod.partCount.push_back(static_cast<int32_t>(ring ? m + 1 : m));
    push(ring ? p[1] : p[m - 1], 0);
    // A long ring's spine: every kFanChunk-th vertex (see LodMesh), flagged as pads.
    const size_t spine = ring && m > kFanChunk ? (m + kFanChunk - 1) / kFanChunk : 0;
    lod.partSpineFirst.push_back(static_cast<int32_t>(lod.vertexCount()));
    lod.partSpineCount.push_back(static_cast<int32_t>(spine));
    for (size_t k = 0; k < spine; ++k) push(p[k * kFanChunk], 0);
    lod.partBox.insert(lod.partBox.end(), box, box + 4);
    lod.partFilled.push_back(ring ? 1 : 0);
}

void appendGeometry(const geo::Geometry& g, geo::MapXY o, LodMesh& lod)
{
    const bool ring = g.kind == geo::GeomKind::Polygon;
    for (size_t part = 0; part < g.partCount(); ++part) {
        const size_t s = g.partStarts[part], e = g.partStarts[part + 1];
        appendPart(g.coords.data() + s, e - s, ring, o, lod);
    }
}

// Levels for features [begin, end), each simplified from the full geometry: a level is the
// same whichever others were built with it (the window builds them as views need them, the
// export two at a time, and both must draw the same lines).
// `ids` (ascending feature numbers) lists the features to build; empty: every feature.
// featureParts get one entry per feature built, in order.
std::vector<LodMesh> buildChunk(const geo::Layer& layer, geo::MapXY o, const std::vector<double>& tols,
                                const std::vector<uint32_t>& ids, size_t begin, size_t end, const std::atomic<bool>* cancel,
                                const geo::Extent* within)
{
    std::vector<LodMesh> lods(tols.size());
    for (size_t i = 0; i < tols.size(); ++i) {
        lods[i].tolerance = tols[i];
        lods[i].featureParts.resize(end - begin);
    }
    for (size_t k = begin; k < end; ++k) {
        if (cancel && cancel->load(std::memory_order_relaxed)) break;
        const size_t f = ids.empty() ? k : ids[k];
        const geo::Feature& feature = layer.features[f];
        if (feature.geometry.kind != geo::GeomKind::Line && feature.geometry.kind != geo::GeomKind::Polygon) continue;
        const bool polygon = feature.geometry.kind == geo::GeomKind::Polygon;
        const geo::Extent& b = feature.bbox;
        geo::Geometry current;
        for (size_t i = 0; i < tols.size(); ++i) {
            LodMesh& lod = lods[i];
            const geo::Geometry* g = &feature.geometry;
            if (tols[i] > 0 && b.width() < tols[i] && b.height() < tols[i]) {
                // Smaller than the tolerance: a line vanishes, an area stays a dot.
                if (!polygon) break;
                current = geo::Geometry{};
                current.kind = geo::GeomKind::Polygon;
                geo::appendSpeck(current, b.center(), tols[i]);
                g = &current;
            } else if (tols[i] > 0) {
                current = geo::simplifyGeometry(feature.geometry, tols[i], polygon, within);
                g = &current;
                if (current.empty()) break;
            }
            lod.featureParts[k - begin].first = static_cast<uint32_t>(lod.partFirst.size());
            appendGeometry(*g, o, lod);
            lod.featureParts[k - begin].count = static_cast<uint32_t>(lod.partFirst.size()) - lod.featureParts[k - begin].first;
        }
    }
    return lods;
}

// Appends chunk `c` to `into`, shifting its vertex and part numbers, and frees it.
void join(LodMesh& into, LodMesh&& c)
{
    const int32_t vertexShift = static_cast<int32_t>(into.vertexCount());
    const uint32_t partShift = static_cast<uint32_t>(into.partFirst.size());
    into.xy.insert(into.xy.end(), c.xy.begin(), c.xy.end());
    into.real.insert(into.real.end(), c.real.begin(), c.real.end());
    for (int32_t v : c.partFirst) into.partFirst.push_back(v + vertexShift);
    into.partCount.insert(into.partCount.end(), c.partCount.begin(), c.partCount.end());
    for (int32_t v : c.partSpineFirst) into.partSpineFirst.push_back(v + vertexShift);
    into.partSpineCount.insert(into.partSpineCount.end(), c.partSpineCount.begin(), c.partSpineCount.end());
    into.partBox.insert(into.partBox.end(), c.partBox.begin(), c.partBox.end());
    into.partFilled.insert(into.partFilled.end(), c.partFilled.begin(), c.partFilled.end());
    for (IndexRange r : c.featureParts) into.featureParts.push_back({r.first + partShift, r.count});
    c = LodMesh{};
}

// Joins the chunks' level `i` into one, allocated once at its final size (growing by
// doubling would hold up to twice a level of the stress set, 90 MB, for nothing).
LodMesh joinLevel(std::vector<std::vector<LodMesh>>& built, size_t i, double tolerance, size_t features)
{
    LodMesh out;
    out.tolerance = tolerance;
    size_t xy = 0, parts = 0;
    for (const std::vector<LodMesh>& chunk : built) {
        xy += chunk[i].xy.size();
        parts += chunk[i].partFirst.size();
    }
    out.xy.reserve(xy);
    out.real.reserve(xy / 2);
    for (auto* v : {&out.partFirst, &out.partCount, &out.partSpineFirst, &out.partSpineCount}) v->reserve(parts);
    out.partBox.reserve(parts * 4);
    out.partFilled.reserve(parts);
    out.featureParts.reserve(features);
    for (std::vector<LodMesh>& chunk : built) join(out, std::move(chunk[i]));
    out.featureParts.resize(features); // a chunk of only points leaves none
    // The chunks were built in the workers' malloc arenas, which this thread cannot reuse:
    // give their pages back now, or the layer costs twice its size at the peak.
    malloc_trim(0);
    return out;
}

// Every `step`-th polygon (with its holes) or line of each feature, bboxes kept: a sample
// that simplifies like the layer at a fraction of the cost.
geo::Layer sampleOf(const geo::Layer& layer, size_t step)
{
    geo::Layer sample;
    sample.kind = layer.kind;
    sample.features.reserve(layer.features.size());
    for (const geo::Feature& f : layer.features) {
        geo::Feature s;
        s.bbox = f.bbox;
        const geo::Geometry& g = f.geometry;
        s.geometry.kind = g.kind;
        const bool poly = g.kind == geo::GeomKind::Polygon;
        const size_t units = poly ? g.polygonCount() : g.partCount();
        for (size_t u = 0; u < units && (g.kind == geo::GeomKind::Line || poly); u += step) {
            const size_t r0 = poly ? g.polygonStarts[u] : u, r1 = poly ? g.polygonStarts[u + 1] : u + 1;
            for (size_t r = r0; r < r1; ++r) {
                s.geometry.coords.insert(s.geometry.coords.end(), g.coords.begin() + g.partStarts[r],
                                         g.coords.begin() + g.partStarts[r + 1]);
                s.geometry.partStarts.push_back(static_cast<uint32_t>(s.geometry.coords.size()));
            }
            if (poly) s.geometry.polygonStarts.push_back(static_cast<uint32_t>(s.geometry.partCount()));
        }
        sample.features.push_back(std::move(s));
    }
    return sample;
}

// The levels worth building: each must shed a quarter of the vertices of the last kept one
// (1:10m data barely changes at 20 m; OSM-derived data barely at 80 m). Judged on the
// built levels of a small layer, on a 1-in-16 sample of a big one, so that levels that
// would be thrown away are never built (each costs a pass over the file and its memory).
std::vector<double> worthBuilding(const geo::Layer& layer, const std::vector<double>& tols, size_t totalVertices,
                                  const std::atomic<bool>* cancel)
{
    if (totalVertices < 1'000'000 || tols.size() < 2) return tols;
    const geo::Layer sample = sampleOf(layer, 16);
    const std::vector<LodMesh> levels = buildChunk(sample, geo::MapXY{}, tols, {}, 0, sample.features.size(), cancel, nullptr);
    std::vector<double> out;
    size_t last = 0;
    for (const LodMesh& l : levels) {
        if (!out.empty() && l.vertexCount() * 4 > last * 3) continue;
        out.push_back(l.tolerance);
        last = l.vertexCount();
    }
    return out;
}

} // namespace

std::vector<LodMesh> buildLods(const geo::Layer& layer, geo::MapXY origin, const std::vector<double>& tolerances,
                               const std::atomic<bool>* cancel, const std::vector<uint32_t>* only, const geo::Extent* within)
{
    std::vector<double> tols = tolerances;
    std::sort(tols.begin(), tols.end());
    tols.erase(std::unique(tols.begin(), tols.end()), tols.end());
    const size_t n = layer.features.size();
    const std::vector<uint32_t> none;
    const std::vector<uint32_t>& ids = only ? *only : none;
    const size_t listed = only ? ids.size() : n;
    auto featureAt = [&](size_t k) -> const geo::Feature& { return layer.features[only ? ids[k] : k]; };
    bool anyArea = false;
    for (size_t k = 0; k < listed; ++k) {
        const geo::GeomKind kind = featureAt(k).geometry.kind;
        anyArea = anyArea || kind == geo::GeomKind::Line || kind == geo::GeomKind::Polygon;
    }
    if (!anyArea || tols.empty()) return {};

    // Chunks of about equal vertex counts, one per core (a world layer's features differ
    // by orders of magnitude: Russia against Monaco).
    size_t totalVertices = 0;
    for (size_t k = 0; k < listed; ++k) totalVertices += featureAt(k).geometry.coords.size();
    // A build for some features fills in levels the layer already has or deferred: every
    // tolerance asked for is built (judging them on a few features would drop some here only).
    if (!only) tols = worthBuilding(layer, tols, totalVertices, cancel);
    const unsigned threads = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
    const size_t chunks = std::min<size_t>(listed, totalVertices > 200'000 ? threads * 4 : 1);
    std::vector<size_t> bounds{0};
    size_t acc = 0;
    for (size_t k = 0; k < listed && bounds.size() < chunks; ++k) {
        acc += featureAt(k).geometry.coords.size();
        if (acc * chunks >= totalVertices * bounds.size()) bounds.push_back(k + 1);
    }
    if (bounds.back() != listed) bounds.push_back(listed);
    std::vector<std::vector<LodMesh>> built(bounds.size() - 1);
    if (built.size() == 1) {
        built[0] = buildChunk(layer, origin, tols, ids, 0, listed, cancel, within);
    } else {
        // At most `threads` chunks at a time: each holds its levels until joined.
        for (size_t first = 0; first < built.size(); first += threads) {
            std::vector<std::future<std::vector<LodMesh>>> jobs;
            for (size_t c = first; c < std::min(built.size(), first + threads); ++c)
                jobs.push_back(std::async(std::launch::async, buildChunk, std::cref(layer), origin, std::cref(tols),
                                          std::cref(ids), bounds[c], bounds[c + 1], cancel, within));
            for (size_t c = 0; c < jobs.size(); ++c) built[first + c] = jobs[c].get();
        }
    }
    std::vector<LodMesh> lods(tols.size());
    for (size_t i = 0; i < tols.size(); ++i) {
        lods[i] = joinLevel(built, i, tols[i], listed);
        if (!only) continue;
        // Per listed feature -> per feature of the layer; the others have no parts here.
        std::vector<IndexRange> parts(n);
        for (size_t k = 0; k < listed; ++k) parts[ids[k]] = lods[i].featureParts[k];
        lods[i].featureParts = std::move(parts);
        lods[i].features = ids;
    }
    if (only) return lods;
    // Keep a level only where it sheds a quarter of the vertices of the last kept one.
    std::vector<LodMesh> kept;
    for (LodMesh& lod : lods) {
        if (!kept.empty() && lod.vertexCount() * 4 > kept.back().vertexCount() * 3) continue;
        kept.push_back(std::move(lod));
    }
    return kept;
}

LayerMesh buildLayerMesh(const geo::Layer& layer, const std::vector<double>& tolerances, const std::atomic<bool>* cancel,
                         const geo::Extent* within)
{
    LayerMesh mesh;
    mesh.origin = layer.extent.empty() ? geo::MapXY{} : layer.extent.center();
    const geo::MapXY o = mesh.origin;
    const size_t n = layer.features.size();
    mesh.pointRanges.resize(n);
    for (size_t f = 0; f < n; ++f) {
        const geo::Geometry& g = layer.features[f].geometry;
        if (g.kind != geo::GeomKind::Point) continue;
        mesh.pointRanges[f].first = static_cast<uint32_t>(mesh.points.size() / 2);
        for (const geo::MapXY& p : g.coords) {
            mesh.points.push_back(static_cast<float>(p.x - o.x));
            mesh.points.push_back(static_cast<float>(p.y - o.y));
        }
        mesh.pointRanges[f].count = static_cast<uint32_t>(g.coords.size());
    }
    mesh.lods = buildLods(layer, o, tolerances, cancel, nullptr, within);
    return mesh;
}

} // namespace viewer
