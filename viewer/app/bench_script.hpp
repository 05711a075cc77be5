// The scripted camera path of `--bench-script`: a fixed 600-frame pan/zoom over the
// data, and frame-time statistics printed at the end.
#pragma once
#include "geo/viewport.hpp"

#include <string>
#include <vector>

namespace viewer {

class BenchScript {
public:
    static constexpr int kFrames = 600;

    // `name`: "default" (zooms from the whole scene into Cambodia, pans, zooms out) is the
    // only path; `scene` is the union of the layers' extents, `focus` the area zoomed into.
    BenchScript(const geo::Extent& scene, const geo::Extent& focus);

    bool done() const { return m_frame >= kFrames; }
    int frame() const { return m_frame; }
    // Sets the camera for the current frame.
    void apply(geo::Viewport& view) const;
    // Records how long the frame took and moves on.
    void record(double milliseconds);
    // "frames 600 median_ms X p95_ms Y max_ms Z mean_ms W" plus per-phase medians.
    std::string summary() const;

private:
    geo::Extent m_scene, m_focus;
    int m_frame = 0;
    std::vector<double> m_ms;
};

double percentile(std::vector<double> values, double p);

} // namespace viewer
