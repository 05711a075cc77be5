// A prepared layer on disk: the features (full precision) and the levels of detail that were
// built, in one binary file with a checksum, so that opening the same file again costs a
// read of this file instead of GDAL, projection and simplification. The spatial index is
// rebuilt on reading (it is cheap next to what the file saves).
#pragma once
#include "viewer/render/scene.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace viewer {

// What the file holds: a PreparedLayer less its style and index.
struct PreparedLayerContent {
    std::shared_ptr<const geo::Layer> data;
    LayerMesh mesh;
    std::vector<geo::MapXY> labelAnchors;
    std::vector<double> featureSize;
    std::vector<uint8_t> paletteClass;
    std::vector<double> deferredTolerances;
};

// A copy of what `p` holds (the layer itself is shared, not copied).
PreparedLayerContent contentOf(const PreparedLayer& p);
// The layer again, with its index rebuilt and `style` attached.
PreparedLayer preparedFrom(PreparedLayerContent content, LayerStyle style);

// Writes `content` to `path` under `key` (the source's identity; see LayerCache). Throws
// std::runtime_error on an I/O failure; the caller writes to a temporary name and renames.
void writePreparedLayer(const std::string& path, const std::string& key, const PreparedLayerContent& content);

// Reads the file at `path` if it was written under `key`, is complete and intact (size,
// checksum, every index in range); nullopt otherwise (a stale, truncated or corrupt entry
// is not an error: the caller reads the source instead).
std::optional<PreparedLayerContent> readPreparedLayer(const std::string& path, const std::string& key);

} // namespace viewer
