// Binary layout (little-endian, native sizes; the format version changes with any of them):
//   "CATLAYR1" u32 version, key, layer header, feature columns, per-feature runs (coords,
//   part and polygon starts, attribute bytes), mesh, per-feature extras,
//   trailer: u64 checksum, u64 bytes before the trailer, "CATLEND1".
// Every count is checked against the bytes left before anything is allocated, and every
// index against what it points into, so a damaged file can cost a miss but never a crash.
#include "viewer/app/prepared_layer_file.hpp"

#include "geo/feature_kinds.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <type_traits>
#include <sys/stat.h>

namespace viewer {

namespace {

constexpr char kMagic[8] = {'C', 'A', 'T', 'L', 'A', 'Y', 'R', '1'};
constexpr char kEndMagic[8] = {'C', 'A', 'T', 'L', 'E', 'N', 'D', '1'};
constexpr uint32_t kVersion = 1;
constexpr size_t kTrailer = 24;
constexpr uint64_t kP1 = 0x9E3779B97F4A7C15ull; // 2^64 / golden ratio
constexpr uint64_t kP2 = 0xD6E8FEB86659FD93ull;

uint64_t rotl(uint64_t v, int r) { return (v << r) | (v >> (64 - r)); }

uint64_t avalanche(uint64_t h)
{
    h ^= h >> 32;
    h *= kP2;
    h ^= h >> 29;
    h *= kP1;
    return h ^ (h >> 32);
}

// A fast checksum (four independent lanes of multiply-rotate over 8-byte words): it only has
// to catch damage, not resist an adversary, and runs at memory speed over 200 MB.
uint64_t checksum(const void* data, size_t n)
{
    const auto* p = static_cast<const unsigned char*>(data);
    uint64_t lane[4] = {kP1, kP2, kP1 ^ kP2, ~kP1};
    size_t i = 0;
    for (; i + 32 <= n; i += 32)
        for (int k = 0; k < 4; ++k) {
            uint64_t w;
            std::memcpy(&w, p + i + 8 * k, 8);
            lane[k] = rotl(lane[k] + w * kP2, 31) * kP1;
        }
    for (; i < n; ++i) lane[0] = (lane[0] ^ p[i]) * kP1;
    return avalanche(lane[0] ^ rotl(lane[1], 17) ^ rotl(lane[2], 31) ^ rotl(lane[3], 47) ^ n);
}

uint64_t combine(uint64_t h, const void* p, size_t n) { return avalanche(h * kP1 ^ checksum(p, n)); }

class Out {
public:
    explicit Out(const std::string& path) : m_path(path), m_f(std::fopen(path.c_str(), "wb"))
    {
        if (!m_f) throw std::runtime_error(path + ": " + std::strerror(errno));
        std::setvbuf(m_f, nullptr, _IOFBF, 1 << 20);
    }
    ~Out()
    {
        if (m_f) std::fclose(m_f);
    }
    void raw(const void* p, size_t n)
    {
        if (n && std::fwrite(p, 1, n, m_f) != n) fail();
        m_hash = combine(m_hash, p, n);
        m_size += n;
    }
    template <class T> void pod(const T& v)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        raw(&v, sizeof v);
    }
    template <class T> void vec(const std::vector<T>& v)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        pod<uint64_t>(v.size());
        raw(v.data(), v.size() * sizeof(T));
    }
    void str(const std::string& s)
    {
        pod<uint64_t>(s.size());
        raw(s.data(), s.size());
    }
    void finish()
    {
        const uint64_t trailer[2] = {m_hash, m_size};
        if (std::fwrite(trailer, sizeof trailer, 1, m_f) != 1 || std::fwrite(kEndMagic, 8, 1, m_f) != 1) fail();
        FILE* f = m_f;
        m_f = nullptr;
        if (std::fclose(f) != 0) fail();
    }

private:
    [[noreturn]] void fail() { throw std::runtime_error(m_path + ": " + std::strerror(errno ? errno : EIO)); }
    std::string m_path;
    FILE* m_f;
    uint64_t m_hash = 0;
    uint64_t m_size = 0;
};

// Reads what Out wrote; once a read fails, every later one fails too (ok() is false).
class In {
public:
    In(FILE* f, uint64_t size) : m_f(f), m_left(size) {}
    bool ok() const { return m_ok; }
    uint64_t left() const { return m_left; }
    uint64_t hash() const { return m_hash; }
    bool raw(void* p, size_t n)
    {
        if (!m_ok || n > m_left) return m_ok = false;
        if (n && std::fread(p, 1, n, m_f) != n) return m_ok = false;
        m_left -= n;
        m_hash = combine(m_hash, p, n);
        return true;
    }
    template <class T> T pod()
    {
        T v{};
        raw(&v, sizeof v);
        return v;
    }
    // A count of items of `itemSize` bytes each that the rest of the file could hold.
    uint64_t count(size_t itemSize)
    {
        const uint64_t n = pod<uint64_t>();
        if (m_ok && n > m_left / std::max<size_t>(itemSize, 1)) m_ok = false;
        return m_ok ? n : 0;
    }
    template <class T> bool vec(std::vector<T>& v)
    {
        v.resize(count(sizeof(T)));
        return raw(v.data(), v.size() * sizeof(T));
    }
    bool str(std::string& s)
    {
        s.resize(count(1));
        return raw(s.data(), s.size());
    }

private:
    FILE* m_f;
    uint64_t m_left;
    uint64_t m_hash = 0;
    bool m_ok = true;
};

void writeLayer(Out& out, const geo::Layer& l)
{
    out.str(l.name);
    out.str(l.sourcePath);
    out.pod(static_cast<uint8_t>(l.kind));
    out.pod<uint64_t>(l.fields.size());
    for (const geo::Field& f : l.fields) {
        out.str(f.name);
        out.pod(static_cast<uint8_t>(f.type));
    }
    out.str(l.crs);
    out.pod(l.extent);
    out.pod<uint64_t>(l.repairedGeometries);
    out.pod<uint64_t>(l.skippedGeometries);
    out.pod<uint64_t>(l.warnings.size());
    for (const std::string& w : l.warnings) out.str(w);

    // Columns first (the reader sizes every feature from them), then each feature's runs.
    const size_t n = l.features.size();
    std::vector<int64_t> fid(n);
    std::vector<geo::Extent> bbox(n);
    std::vector<uint8_t> kind(n);
    std::vector<uint64_t> coords(n);
    std::vector<uint32_t> parts(n), polygons(n), values(n), valueBytes;
    for (size_t i = 0; i < n; ++i) {
        const geo::Feature& f = l.features[i];
        fid[i] = f.fid;
        bbox[i] = f.bbox;
        kind[i] = static_cast<uint8_t>(f.geometry.kind);
        coords[i] = f.geometry.coords.size();
        parts[i] = static_cast<uint32_t>(f.geometry.partStarts.size());
        polygons[i] = static_cast<uint32_t>(f.geometry.polygonStarts.size());
        values[i] = static_cast<uint32_t>(f.values.size());
        for (const std::string& v : f.values) valueBytes.push_back(static_cast<uint32_t>(v.size()));
    }
    for (const auto* v : {&parts, &polygons, &values, &valueBytes}) out.vec(*v);
    out.vec(fid);
    out.vec(bbox);
    out.vec(kind);
    out.vec(coords);
    std::string bytes;
    for (const geo::Feature& f : l.features) {
        const geo::Geometry& g = f.geometry;
        out.raw(g.coords.data(), g.coords.size() * sizeof(geo::MapXY));
        out.raw(g.partStarts.data(), g.partStarts.size() * sizeof(uint32_t));
        out.raw(g.polygonStarts.data(), g.polygonStarts.size() * sizeof(uint32_t));
        bytes.clear(); // one run per feature, as the reader takes it (the checksum is per run)
        for (const std::string& v : f.values) bytes += v;
        out.raw(bytes.data(), bytes.size());
    }
}

// Starts run from 0, never go down and end at `end` (or, not `exact`, anywhere up to it: a
// line's polygon starts are {0}).
bool validStarts(const std::vector<uint32_t>& s, size_t end, bool exact)
{
    if (s.empty() || s.front() != 0 || s.back() > end || (exact && s.back() != end)) return false;
    for (size_t i = 1; i < s.size(); ++i)
        if (s[i] < s[i - 1]) return false;
    return true;
}

bool readLayer(In& in, geo::Layer& l)
{
    in.str(l.name);
    in.str(l.sourcePath);
    const uint8_t kind = in.pod<uint8_t>();
    if (kind > static_cast<uint8_t>(geo::GeomKind::Polygon)) return false;
    l.kind = static_cast<geo::GeomKind>(kind);
    l.fields.resize(in.count(9));
    for (geo::Field& f : l.fields) {
        in.str(f.name);
        const uint8_t t = in.pod<uint8_t>();
        if (t > static_cast<uint8_t>(geo::FieldType::Other)) return false;
        f.type = static_cast<geo::FieldType>(t);
    }
    in.str(l.crs);
    l.extent = in.pod<geo::Extent>();
    l.repairedGeometries = in.pod<uint64_t>();
    l.skippedGeometries = in.pod<uint64_t>();
    l.warnings.resize(in.count(8));
    for (std::string& w : l.warnings) in.str(w);

    std::vector<uint32_t> parts, polygons, values, valueBytes;
    std::vector<int64_t> fid;
    std::vector<geo::Extent> bbox;
    std::vector<uint8_t> kinds;
    std::vector<uint64_t> coords;
    for (auto* v : {&parts, &polygons, &values, &valueBytes}) in.vec(*v);
    in.vec(fid);
    in.vec(bbox);
    in.vec(kinds);
    in.vec(coords);
    const size_t n = parts.size();
    if (!in.ok()) return false;
    for (size_t c : {polygons.size(), values.size(), fid.size(), bbox.size(), kinds.size(), coords.size()})
        if (c != n) return false;
    uint64_t totalValues = 0;
    for (uint32_t v : values) totalValues += v;
    if (totalValues != valueBytes.size()) return false;

    l.features.resize(n);
    size_t nextValue = 0;
    std::string bytes;
    for (size_t i = 0; i < n && in.ok(); ++i) {
        geo::Feature& f = l.features[i];
        geo::Geometry& g = f.geometry;
        if (kinds[i] > static_cast<uint8_t>(geo::GeomKind::Polygon)) return false;
        f.fid = fid[i];
        f.bbox = bbox[i];
        g.kind = static_cast<geo::GeomKind>(kinds[i]);
        // Sizes are checked against the bytes left before anything is allocated.
        if (coords[i] > in.left() / sizeof(geo::MapXY) || parts[i] > in.left() / 4 || polygons[i] > in.left() / 4)
            return false;
        g.coords.resize(coords[i]);
        g.partStarts.resize(parts[i]);
        g.polygonStarts.resize(polygons[i]);
        in.raw(g.coords.data(), g.coords.size() * sizeof(geo::MapXY));
        in.raw(g.partStarts.data(), g.partStarts.size() * sizeof(uint32_t));
        in.raw(g.polygonStarts.data(), g.polygonStarts.size() * sizeof(uint32_t));
        if (!validStarts(g.partStarts, g.coords.size(), true) ||
            !validStarts(g.polygonStarts, g.partCount(), g.kind == geo::GeomKind::Polygon))
            return false;
        size_t featureBytes = 0;
        for (uint32_t k = 0; k < values[i]; ++k) featureBytes += valueBytes[nextValue + k];
        if (featureBytes > in.left()) return false;
        bytes.resize(featureBytes);
        in.raw(bytes.data(), bytes.size());
        f.values.resize(values[i]);
        size_t at = 0;
        for (std::string& v : f.values) {
            v.assign(bytes, at, valueBytes[nextValue]);
            at += valueBytes[nextValue++];
        }
    }
    return in.ok();
}

void writeMesh(Out& out, const LayerMesh& m)
{
    out.pod(m.origin);
    out.vec(m.points);
    out.vec(m.pointRanges);
    out.vec(m.stencilBit);
    out.pod<uint64_t>(m.lods.size());
    for (const LodMesh& lod : m.lods) {
        out.pod(lod.tolerance);
        out.vec(lod.xy);
        out.vec(lod.real);
        out.vec(lod.partFirst);
        out.vec(lod.partCount);
        out.vec(lod.partSpineFirst);
        out.vec(lod.partSpineCount);
        out.vec(lod.partBox);
        out.vec(lod.partFilled);
        out.vec(lod.featureParts);
    }
}

bool rangesWithin(const std::vector<IndexRange>& ranges, size_t end)
{
    for (const IndexRange& r : ranges)
        if (static_cast<uint64_t>(r.first) + r.count > end) return false;
    return true;
}

// Every part lies inside the level with room for its pads, as appendPart lays it out.
bool validLevel(const LodMesh& l, size_t features)
{
    const size_t v = l.real.size(), p = l.partFirst.size();
    if (l.xy.size() != 2 * v || l.partBox.size() != 4 * p || l.featureParts.size() != features) return false;
    for (size_t c : {l.partCount.size(), l.partSpineFirst.size(), l.partSpineCount.size(), l.partFilled.size()})
        if (c != p) return false;
    for (size_t i = 0; i < p; ++i) {
        const int64_t first = l.partFirst[i], count = l.partCount[i];
        const int64_t spine = l.partSpineFirst[i], spineCount = l.partSpineCount[i];
        if (first < 1 || count < 2 || spineCount < 0 || spine < first + count + 1 ||
            spine + spineCount > static_cast<int64_t>(v))
            return false;
    }
    return rangesWithin(l.featureParts, p);
}

bool readMesh(In& in, LayerMesh& m, size_t features)
{
    m.origin = in.pod<geo::MapXY>();
    in.vec(m.points);
    in.vec(m.pointRanges);
    in.vec(m.stencilBit);
    if (!in.ok() || m.points.size() % 2 || m.pointRanges.size() != features || !rangesWithin(m.pointRanges, m.points.size() / 2))
        return false;
    if (!m.stencilBit.empty() && m.stencilBit.size() != features) return false;
    for (uint8_t b : m.stencilBit)
        if (b > 7) return false;
    const uint64_t levels = in.pod<uint64_t>();
    if (levels > 64) return false;
    m.lods.resize(levels);
    for (LodMesh& lod : m.lods) {
        lod.tolerance = in.pod<double>();
        in.vec(lod.xy);
        in.vec(lod.real);
        in.vec(lod.partFirst);
        in.vec(lod.partCount);
        in.vec(lod.partSpineFirst);
        in.vec(lod.partSpineCount);
        in.vec(lod.partBox);
        in.vec(lod.partFilled);
        in.vec(lod.featureParts);
        if (!in.ok() || !validLevel(lod, features)) return false;
    }
    return true;
}

} // namespace

PreparedLayerContent contentOf(const PreparedLayer& p)
{
    return {p.data, p.mesh, p.labelAnchors, p.featureSize, p.paletteClass, p.deferredTolerances};
}

PreparedLayer preparedFrom(PreparedLayerContent c, LayerStyle style)
{
    PreparedLayer p;
    p.index = featureIndex(*c.data);
    p.data = std::move(c.data);
    p.mesh = std::move(c.mesh);
    p.labelAnchors = std::move(c.labelAnchors);
    p.featureSize = std::move(c.featureSize);
    p.paletteClass = std::move(c.paletteClass);
    p.deferredTolerances = std::move(c.deferredTolerances);
    p.clusters = pointClustersFor(*p.data); // not stored: one sort, cheaper than reading it
    p.featureKinds = geo::featureKindsText(*p.data);
    p.style = std::move(style);
    return p;
}

void writePreparedLayer(const std::string& path, const std::string& key, const PreparedLayerContent& c)
{
    Out out(path);
    out.raw(kMagic, sizeof kMagic);
    out.pod(kVersion);
    out.str(key);
    writeLayer(out, *c.data);
    writeMesh(out, c.mesh);
    out.vec(c.labelAnchors);
    out.vec(c.featureSize);
    out.vec(c.paletteClass);
    out.vec(c.deferredTolerances);
    out.finish();
}

std::optional<PreparedLayerContent> readPreparedLayer(const std::string& path, const std::string& key)
{
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return std::nullopt;
    struct Closer {
        FILE* f;
        ~Closer() { std::fclose(f); }
    } closer{f};
    std::setvbuf(f, nullptr, _IOFBF, 1 << 20); // before any read
    struct stat st{};
    if (fstat(fileno(f), &st) != 0 || st.st_size < static_cast<off_t>(kTrailer + sizeof kMagic)) return std::nullopt;
    const uint64_t body = static_cast<uint64_t>(st.st_size) - kTrailer;
    uint64_t trailer[2] = {};
    char end[8] = {};
    if (std::fseek(f, static_cast<long>(body), SEEK_SET) != 0 || std::fread(trailer, sizeof trailer, 1, f) != 1 ||
        std::fread(end, 8, 1, f) != 1 || std::memcmp(end, kEndMagic, 8) != 0 || trailer[1] != body)
        return std::nullopt;
    std::rewind(f);

    In in(f, body);
    char magic[8] = {};
    std::string storedKey;
    in.raw(magic, sizeof magic);
    if (!in.ok() || std::memcmp(magic, kMagic, 8) != 0 || in.pod<uint32_t>() != kVersion) return std::nullopt;
    in.str(storedKey);
    if (!in.ok() || storedKey != key) return std::nullopt; // another source's (or an older) entry
    auto layer = std::make_shared<geo::Layer>();
    PreparedLayerContent c;
    if (!readLayer(in, *layer) || !readMesh(in, c.mesh, layer->features.size())) return std::nullopt;
    in.vec(c.labelAnchors);
    in.vec(c.featureSize);
    in.vec(c.paletteClass);
    in.vec(c.deferredTolerances);
    const size_t n = layer->features.size();
    if (!in.ok() || in.left() != 0 || in.hash() != trailer[0] || c.labelAnchors.size() != n || c.featureSize.size() != n ||
        (!c.paletteClass.empty() && c.paletteClass.size() != n))
        return std::nullopt;
    c.data = std::move(layer);
    return c;
}

} // namespace viewer
