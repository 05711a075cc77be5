// Helpers for tests: a scratch folder, and small geodata files written with GDAL itself.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace testdata {

// A fresh folder under the system temp dir, removed when the object goes away.
class ScratchDir {
public:
    explicit ScratchDir(const std::string& tag);
    ~ScratchDir();
    std::string path(const std::string& name) const { return (m_dir / name).string(); }

private:
    std::filesystem::path m_dir;
};

struct PointRow {
    std::string name;
    double lon, lat;
};

// Writes point features with a `name` field through the given OGR driver
// ("GeoJSON", "ESRI Shapefile", "KML", "GPKG") in EPSG:4326.
void writePoints(const std::string& path, const std::string& driver, const std::vector<PointRow>& rows);

// Writes a layer of WKT geometries with a `name` field (EPSG:4326).
void writeWkt(const std::string& path, const std::string& driver, const std::string& layer,
              const std::vector<std::pair<std::string, std::string>>& nameAndWkt);

std::string basemap();

// $ATLAS_PG, but only when $ATLAS_PG_THROWAWAY=1 says the database may be wiped (as
// tests/pg/cluster.sh sets for its temporary cluster); nullptr otherwise. Tests that drop
// tables must use this, never $ATLAS_PG directly.
const char* throwawayPostgres();

} // namespace testdata
