// Entries are named by a hash of what was asked (source, layer, CRS, levels) and hold the
// source's identity (size and modification time of the file and of the sidecars that change
// what GDAL reads) inside their key, so a changed file misses and its new entry replaces
// the old one.
#include "viewer/app/layer_cache.hpp"

#include "geo/session_file.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace viewer {

namespace {

constexpr const char* kExtension = ".layer";

// Size and modification time (ns), or "-" for a file that is not there.
std::string identityOf(const fs::path& p)
{
    std::error_code ec;
    const auto size = fs::file_size(p, ec);
    if (ec) return "-";
    const auto mtime = fs::last_write_time(p, ec);
    if (ec) return "-";
    return std::to_string(size) + "@" + std::to_string(mtime.time_since_epoch().count());
}

} // namespace

LayerCache::LayerCache(std::string dir, uint64_t maxBytes, size_t minVertices)
    : m_dir(std::move(dir)), m_maxBytes(maxBytes), m_minVertices(minVertices)
{
}

std::string LayerCache::defaultDir()
{
    if (const char* env = std::getenv("ATLAS_LAYER_CACHE"); env && *env) return std::string(env) == "off" ? "" : env;
    fs::path base;
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) base = x;
    else if (const char* h = std::getenv("HOME"); h && *h) base = fs::path(h) / ".cache";
    else return "";
    return (base / "compound-atlas" / "layers").string();
}

std::optional<std::string> LayerCache::keyFor(const std::string& path, const std::string& layer, const std::string& crs,
                                              const std::string& levels) const
{
    if (m_dir.empty() || geo::isRemoteSource(path)) return std::nullopt;
    std::error_code ec;
    const fs::path file = fs::canonical(path, ec);
    if (ec || !fs::is_regular_file(file, ec)) return std::nullopt;
    // A GeoPackage's write-ahead log and a shapefile's attribute, index and projection files
    // change what is read as much as the file itself.
    std::string identity = identityOf(file) + " wal " + identityOf(file.string() + "-wal");
    if (file.extension() == ".shp" || file.extension() == ".SHP")
        for (const char* ext : {".dbf", ".shx", ".prj", ".cpg"})
            identity += std::string(" ") + ext + " " + identityOf(fs::path(file).replace_extension(ext));
    return file.string() + "\t" + layer + "\t" + crs + "\t" + levels + "\n" + identity;
}

std::string LayerCache::entryPath(const std::string& key) const
{
    const std::string what = key.substr(0, key.find('\n'));
    char name[32];
    std::snprintf(name, sizeof name, "%016zx", std::hash<std::string>{}(what));
    return (fs::path(m_dir) / (name + std::string(kExtension))).string();
}

std::optional<PreparedLayerContent> LayerCache::load(const std::string& key) const
{
    if (m_dir.empty()) return std::nullopt;
    const std::string path = entryPath(key);
    std::optional<PreparedLayerContent> c = readPreparedLayer(path, key);
    std::error_code ec;
    if (c) fs::last_write_time(path, fs::file_time_type::clock::now(), ec); // least recently used goes first
    return c;
}

bool LayerCache::worthStoring(const geo::Layer& layer) const
{
    size_t vertices = 0;
    for (const geo::Feature& f : layer.features) vertices += f.geometry.coords.size();
    return !m_dir.empty() && vertices >= m_minVertices;
}

void LayerCache::store(const std::string& key, const PreparedLayerContent& content) const
{
    if (m_dir.empty() || !content.data) return;
    const std::string path = entryPath(key);
    const std::string tmp = path + ".tmp" + std::to_string(getpid()) + "-" +
                            std::to_string(std::hash<std::string>{}(key) ^ reinterpret_cast<uintptr_t>(&content));
    std::error_code ec;
    try {
        fs::create_directories(m_dir);
        writePreparedLayer(tmp, key, content);
        fs::rename(tmp, path);
    } catch (const std::exception& e) {
        fs::remove(tmp, ec);
        std::cerr << "compound-atlas: layer cache not written (" << e.what() << ")\n";
        return;
    }
    // Least recently used first, until the rest fits; never the entry just written.
    struct Entry {
        fs::path path;
        uintmax_t size;
        fs::file_time_type used;
    };
    std::vector<Entry> entries;
    uintmax_t total = 0;
    const auto now = fs::file_time_type::clock::now();
    for (const fs::directory_entry& e : fs::directory_iterator(m_dir, ec)) {
        // A write cut short by a crash leaves its temporary file; an hour later it is litter.
        if (e.path().filename().string().find(std::string(kExtension) + ".tmp") != std::string::npos &&
            now - e.last_write_time(ec) > std::chrono::hours(1))
            fs::remove(e.path(), ec);
        if (e.path().extension() != kExtension) continue;
        const uintmax_t size = e.file_size(ec);
        if (ec) continue;
        entries.push_back({e.path(), size, e.last_write_time(ec)});
        total += size;
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.used < b.used; });
    for (const Entry& e : entries) {
        if (total <= m_maxBytes) break;
        if (e.path == path) continue;
        if (fs::remove(e.path, ec)) total -= e.size;
    }
}

} // namespace viewer
