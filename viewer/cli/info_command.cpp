// `compound-atlas info PATH [--json]`: the layers of a geodata file.
#include "viewer/cli/cli.hpp"
#include "geo/error.hpp"
#include "geo/vector_source.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

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

int runInfo(const InfoOptions& o)
{
    geo::DatasetInfo info = geo::inspectDataset(o.path, /*allowRemote=*/true); // named on the command line
    bool anyFeatures = false;
    for (const geo::LayerInfo& l : info.layers) anyFeatures |= l.featureCount != 0;
    if (!anyFeatures)
        throw geo::Error(o.path + ": no features (" + (info.layers.size() == 1 ? "its layer '" + info.layers[0].name + "' is"
                                                                               : "every layer is") + " empty)");
    if (o.json) {
        nlohmann::json j;
        j["path"] = info.path;
        j["driver"] = info.driver;
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
    CLI::App* cmd = root.add_subcommand("info", "List the layers of a geodata file: geometry type, count, CRS, extent");
    cmd->add_option("PATH", opts->path, "Any file, folder or connection (PG:...) GDAL reads as vector data")->required();
    cmd->add_flag("--json", opts->json, "Print JSON (see README for the fields)");
    cmd->callback([&d, opts] { d.action = [opts] { return runInfo(*opts); }; });
}

} // namespace viewer
