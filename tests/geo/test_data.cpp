// Test files made with GDAL's own writers, so the reader is tested against real drivers.
#include "test_data.hpp"
#include "geo/locator.hpp"
#include "geo/vector_source.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdlib>
#include <random>
#include <stdexcept>

namespace testdata {

ScratchDir::ScratchDir(const std::string& tag)
{
    std::random_device rd;
    m_dir = std::filesystem::temp_directory_path() / ("atlas-test-" + tag + "-" + std::to_string(rd()));
    std::filesystem::create_directories(m_dir);
}

ScratchDir::~ScratchDir()
{
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
}

static GDALDataset* create(const std::string& path, const std::string& driverName)
{
    geo::initGdal();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driverName.c_str());
    if (!drv) throw std::runtime_error("no GDAL driver " + driverName);
    GDALDataset* ds = drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds) throw std::runtime_error("cannot create " + path);
    return ds;
}

static void writeLayer(const std::string& path, const std::string& driver, const std::string& layerName,
                       OGRwkbGeometryType type, const std::vector<std::pair<std::string, std::string>>& rows)
{
    GDALDataset* ds = create(path, driver);
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds->CreateLayer(layerName.c_str(), &srs, type, nullptr);
    OGRFieldDefn field("name", OFTString);
    layer->CreateField(&field);
    for (const auto& [name, wkt] : rows) {
        OGRFeature* f = OGRFeature::CreateFeature(layer->GetLayerDefn());
        f->SetField("name", name.c_str());
        OGRGeometry* g = nullptr;
        OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g);
        f->SetGeometryDirectly(g);
        OGRErr err = layer->CreateFeature(f);
        OGRFeature::DestroyFeature(f);
        if (err != OGRERR_NONE) throw std::runtime_error("cannot write a feature to " + path);
    }
    GDALClose(ds);
}

void writeWkt(const std::string& path, const std::string& driver, const std::string& layerName,
              const std::vector<std::pair<std::string, std::string>>& rows)
{
    writeLayer(path, driver, layerName, wkbUnknown, rows);
}

void writePoints(const std::string& path, const std::string& driver, const std::vector<PointRow>& rows)
{
    std::vector<std::pair<std::string, std::string>> wkt;
    for (const PointRow& r : rows)
        wkt.emplace_back(r.name, "POINT (" + std::to_string(r.lon) + " " + std::to_string(r.lat) + ")");
    writeLayer(path, driver, "places", wkbPoint, wkt);
}

std::string basemap() { return geo::defaultBasemapPath(); }

const char* throwawayPostgres()
{
    const char* pg = std::getenv("ATLAS_PG");
    const char* throwaway = std::getenv("ATLAS_PG_THROWAWAY");
    return pg && throwaway && std::string(throwaway) == "1" ? pg : nullptr;
}

} // namespace testdata
