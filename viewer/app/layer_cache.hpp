// The disk cache of prepared layers: a big file opened a second time (same path, size and
// modification time, same layer, map CRS and levels of detail) is read back from one file in
// $XDG_CACHE_HOME/compound-atlas/layers instead of through GDAL, projection and
// simplification. Best effort: a missing, stale, truncated or corrupt entry is a miss, and
// a failed write costs one line on stderr and leaves nothing behind.
#pragma once
#include "viewer/app/prepared_layer_file.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace viewer {

class LayerCache {
public:
    // Layers with fewer vertices than this read faster from their source than they are worth
    // the disk space.
    static constexpr size_t kMinVertices = 100'000;
    static constexpr uint64_t kDefaultMaxBytes = 2ull << 30;

    // `dir` empty: the cache is off.
    explicit LayerCache(std::string dir = defaultDir(), uint64_t maxBytes = kDefaultMaxBytes,
                        size_t minVertices = kMinVertices);

    // $ATLAS_LAYER_CACHE (a folder, or "off"), else $XDG_CACHE_HOME/compound-atlas/layers,
    // else ~/.cache/compound-atlas/layers.
    static std::string defaultDir();
    const std::string& dir() const { return m_dir; }

    // The key of `layer` of the local file `path` read into `crs` with levels `levels` (any
    // text that differs when the levels would): nullopt for what cannot be cached (remote
    // sources, folders, a file that is gone, or the cache off).
    std::optional<std::string> keyFor(const std::string& path, const std::string& layer, const std::string& crs,
                                      const std::string& levels) const;
    // Where the entry of `key` lives (one file per source, layer, CRS and levels: a changed
    // file overwrites its old entry).
    std::string entryPath(const std::string& key) const;

    std::optional<PreparedLayerContent> load(const std::string& key) const;
    bool worthStoring(const geo::Layer& layer) const;
    // Writes the entry (a temporary file, then a rename) and removes the least recently used
    // entries beyond the size limit. Safe from several threads.
    void store(const std::string& key, const PreparedLayerContent& content) const;

private:
    std::string m_dir;
    uint64_t m_maxBytes;
    size_t m_minVertices;
};

} // namespace viewer
