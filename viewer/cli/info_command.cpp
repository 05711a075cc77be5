// `compound-atlas info PATH [--json]`: the layers of a vector source, or a raster's header.
#include "viewer/cli/cli.hpp"
#include "geo/error.hpp"
#include "geo/raster_info.hpp"
#include "geo/vector_source.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

namespace viewer {

namespace {

struct InfoOptions {
    std::string path;
    bool json = false;
};

nlohmann::json extentJson(const geo::Extent& e)
{
    if (e.empty()) return nullptr;
    return {e.minX, e.minY, e.maxX, e.maxY};
}

int printRaster(const geo::RasterInfo& r, bool json)
{
    if (json) {
        nlohmann::json j;
        j["path"] = r.path;
        j["driver"] = r.driver;
        j["kind"] = "raster";
        j["width"] = r.width;
        j["height"] = r.height;
        j["crs"] = r.crs.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.crs);
        j["extent"] = extentJson(r.extent);
        j["pixel_size"] = r.extent.empty() ? nlohmann::json(nullptr) : nlohmann::json{r.pixelSizeX, r.pixelSizeY};
        j["bands"] = nlohmann::json::array();
        for (const geo::RasterBandInfo& b : r.bands)
            j["bands"].push_back({{"data_type", b.dataType},
                                  {"colour", b.colour},
                                  {"nodata", b.noData ? nlohmann::json(*b.noData) : nlohmann::json(nullptr)},
                                  {"overviews", b.overviews}});
        std::cout << j.dump(2) << "\n";
        return kExitOk;
    }
    std::cout << r.path << " (" << r.driver << " raster), " << r.width << " x " << r.height << " pixels, "
              << r.bands.size() << " band" << (r.bands.size() == 1 ? "" : "s") << "\n";
    for (size_t i = 0; i < r.bands.size(); ++i) {
        const geo::RasterBandInfo& b = r.bands[i];
        std::cout << "  band " << i + 1 << ": " << b.dataType << ", " << b.colour;
        if (b.noData) std::cout << ", nodata " << *b.noData;
        else std::cout << ", no nodata value";
        if (b.overviews) std::cout << ", " << b.overviews << " overview" << (b.overviews == 1 ? "" : "s");
        std::cout << "\n";
    }
    std::cout << "  CRS " << (r.crs.empty() ? "none" : r.crs);
    if (!r.extent.empty()) {
        char buf[200];
        std::snprintf(buf, sizeof buf, ", extent %.6g %.6g %.6g %.6g, pixel %.6g x %.6g", r.extent.minX, r.extent.minY,
                      r.extent.maxX, r.extent.maxY, r.pixelSizeX, r.pixelSizeY);
        std::cout << buf;
    } else {
        std::cout << (r.hasGcps ? ", placed by ground control points" : ", no georeferencing");
    }
    std::cout << "\n";
    return kExitOk;
}

int runInfo(const InfoOptions& o)
{
    geo::DatasetInfo info;
    try {
        info = geo::inspectDataset(o.path, /*allowRemote=*/true); // named on the command line
    } catch (const geo::Error&) {
        // Not vector data (or none in it): a raster is described by its header instead.
        if (std::optional<geo::RasterInfo> raster = geo::inspectRaster(o.path)) return printRaster(*raster, o.json);
        throw;
    }
    bool anyFeatures = false;
    for (const geo::LayerInfo& l : info.layers) anyFeatures |= l.featureCount != 0;
    if (!anyFeatures)
        throw geo::Error(o.path + ": no features (" + (info.layers.size() == 1 ? "its layer '" + info.layers[0].name + "' is"
                                                                               : "every layer is") + " empty)");
    if (o.json) {
        nlohmann::json j;
        j["path"] = info.path;
        j["driver"] = info.driver;
        j["kind"] = "vector";
        j["layers"] = nlohmann::json::array();
        for (const geo::LayerInfo& l : info.layers)
            j["layers"].push_back({{"name", l.name},
                                   {"geometry_type", l.geometryType},
                                   {"feature_count", l.featureCount},
                                   {"crs", l.crs.empty() ? nlohmann::json(nullptr) : nlohmann::json(l.crs)},
                                   {"extent", extentJson(l.extent)}});
        std::cout << j.dump(2) << "\n";
        return kExitOk;
    }
    std::cout << info.path << " (" << info.driver << "), " << info.layers.size() << " layer"
              << (info.layers.size() == 1 ? "" : "s") << "\n";
    for (const geo::LayerInfo& l : info.layers) {
        std::cout << "  " << l.name << ": " << l.geometryType << ", " << l.featureCount << " feature"
                  << (l.featureCount == 1 ? "" : "s") << ", CRS " << (l.crs.empty() ? "none" : l.crs);
        if (!l.extent.empty()) {
            char buf[160];
            std::snprintf(buf, sizeof buf, ", extent %.6g %.6g %.6g %.6g", l.extent.minX, l.extent.minY, l.extent.maxX,
                          l.extent.maxY);
            std::cout << buf;
        }
        std::cout << "\n";
    }
    return kExitOk;
}

} // namespace

void addInfoCommand(CLI::App& root, Dispatch& d)
{
    auto opts = std::make_shared<InfoOptions>();
    CLI::App* cmd = root.add_subcommand("info", "Describe a geodata file: a vector source's layers (geometry type, count, CRS, extent) or a raster (size, bands, data types, CRS, extent, nodata)");
    cmd->add_option("PATH", opts->path, "Any file, folder or connection (PG:...) GDAL reads as vector or raster data")->required();
    cmd->add_flag("--json", opts->json, "Print JSON (see README for the fields)");
    cmd->callback([&d, opts] { d.action = [opts] { return runInfo(*opts); }; });
}

} // namespace viewer
