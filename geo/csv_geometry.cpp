// CSV geometry column detection, reading the file through OGR's CSV driver as plain text.
#include "geo/csv_geometry.hpp"
#include "geo/classify.hpp"
#include "geo/vector_source.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <vector>

namespace geo {

namespace {

std::string lower(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool oneOf(const std::string& name, std::initializer_list<const char*> names)
{
    const std::string n = lower(name);
    return std::any_of(names.begin(), names.end(), [&](const char* c) { return n == c; });
}

struct ColumnStats {
    std::string name;
    size_t values = 0, numbers = 0, wkt = 0;
    double minV = INFINITY, maxV = -INFINITY;
    bool numeric() const { return values > 0 && numbers == values; }
    bool fitsLon() const { return numeric() && minV >= -180 && maxV <= 180; }
    bool fitsLat() const { return numeric() && minV >= -90 && maxV <= 90; }
};

bool looksLikeWkt(const std::string& v)
{
    const std::string u = lower(v.substr(0, 16));
    for (const char* k : {"point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon"})
        if (u.rfind(k, 0) == 0) return true;
    return false;
}

} // namespace

CsvGeometryColumns detectCsvGeometry(const std::string& path, int sampleRows)
{
    initGdal();
    CsvGeometryColumns out;
    const char* allowed[] = {"CSV", nullptr};
    const char* options[] = {"AUTODETECT_TYPE=NO", nullptr};
    std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, allowed, options, nullptr)));
    if (!ds || ds->GetLayerCount() == 0) return out;
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    std::vector<ColumnStats> cols(defn->GetFieldCount());
    for (int i = 0; i < defn->GetFieldCount(); ++i) cols[i].name = defn->GetFieldDefn(i)->GetNameRef();

    // Names first: they say what the author meant.
    for (const ColumnStats& c : cols) {
        if (out.x.empty() && oneOf(c.name, {"lon", "lng", "long", "longitude", "x"})) out.x = c.name;
        if (out.y.empty() && oneOf(c.name, {"lat", "latitude", "y"})) out.y = c.name;
        if (out.wkt.empty() && oneOf(c.name, {"wkt", "geometry", "geom", "the_geom"})) out.wkt = c.name;
    }
    if (!out.x.empty() && !out.y.empty()) return out;
    out.x.clear();
    out.y.clear();
    if (!out.wkt.empty()) return out;

    int rows = 0;
    for (auto& f : *layer) {
        if (++rows > sampleRows) break;
        for (size_t i = 0; i < cols.size(); ++i) {
            if (!f->IsFieldSetAndNotNull(static_cast<int>(i))) continue;
            const std::string v = f->GetFieldAsString(static_cast<int>(i));
            if (v.empty()) continue;
            ColumnStats& c = cols[i];
            ++c.values;
            double d;
            if (parseNumber(v, d)) {
                ++c.numbers;
                c.minV = std::min(c.minV, d);
                c.maxV = std::max(c.maxV, d);
            }
            if (looksLikeWkt(v)) ++c.wkt;
        }
    }
    for (const ColumnStats& c : cols)
        if (c.values > 0 && c.wkt == c.values) {
            out.wkt = c.name;
            out.byValues = true;
            return out;
        }
    // Values next: a pair of numeric columns in range; a column past ±90 can only be the
    // longitude. Names that contain "lon"/"lat"/"east"/"north" break ties.
    std::vector<const ColumnStats*> lons, lats;
    for (const ColumnStats& c : cols) {
        if (c.fitsLon()) lons.push_back(&c);
        if (c.fitsLat()) lats.push_back(&c);
    }
    auto hint = [](const ColumnStats* c, std::initializer_list<const char*> keys) {
        const std::string n = lower(c->name);
        return std::any_of(keys.begin(), keys.end(), [&](const char* k) { return n.find(k) != std::string::npos; });
    };
    const ColumnStats* x = nullptr;
    const ColumnStats* y = nullptr;
    for (const ColumnStats* c : lons)
        if (hint(c, {"lon", "lng", "east"})) x = c;
    for (const ColumnStats* c : lats)
        if (c != x && hint(c, {"lat", "north"})) y = c;
    if (!x)
        for (const ColumnStats* c : lons)
            if (!c->fitsLat() && c != y) x = c;
    if (!y)
        for (const ColumnStats* c : lats)
            if (c != x) {
                y = c;
                break;
            }
    if (!x && lats.size() == 2 && lons.size() == 2) x = lons[0] == y ? lons[1] : lons[0]; // order as written
    if (x && y && x != y) {
        out.x = x->name;
        out.y = y->name;
        out.byValues = true;
    }
    return out;
}

} // namespace geo
