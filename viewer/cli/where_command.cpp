// `compound-atlas where LON LAT [--json]`: country, province and border distance.
#include "viewer/cli/cli.hpp"
#include "geo/error.hpp"
#include "geo/location_format.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

namespace viewer {

namespace {

struct WhereOptions {
    double lon = 0, lat = 0;
    bool json = false;
    std::string basemap;
};

int runWhere(const WhereOptions& o)
{
    try {
        geo::Locator::checkLonLat({o.lon, o.lat});
    } catch (const geo::Error& e) {
        printError(e.what());
        return kExitUsage;
    }
    geo::Locator locator(o.basemap.empty() ? geo::defaultBasemapPath() : o.basemap);
    geo::Location loc = locator.locate({o.lon, o.lat});
    if (o.json) {
        std::cout << geo::toJson(loc).dump(2) << "\n";
        return kExitOk;
    }
    char head[96];
    std::snprintf(head, sizeof head, "%.6f, %.6f (lon, lat, WGS 84)", o.lon, o.lat);
    std::cout << "Point:    " << head << "\n"
              << "Country:  " << geo::describeAttribution(loc.country) << "\n"
              << "Province: " << geo::describeAttribution(loc.province) << "\n"
              << "Border:   " << geo::describeBorder(loc.border) << "\n"
              << "Note:     basemap is Natural Earth 1:10m; within " << loc.accuracyKm
              << " km of a border or coast the answer is reported as uncertain\n";
    return kExitOk;
}

} // namespace

void addWhereCommand(CLI::App& root, Dispatch& d)
{
    auto opts = std::make_shared<WhereOptions>();
    CLI::App* cmd = root.add_subcommand("where", "Country, province and distance to the nearest international land border");
    cmd->add_option("LON", opts->lon, "Longitude in degrees (WGS 84), -180..180")->required();
    cmd->add_option("LAT", opts->lat, "Latitude in degrees (WGS 84), -90..90")->required();
    cmd->add_flag("--json", opts->json, "Print JSON (see README for the fields)");
    cmd->add_option("--basemap", opts->basemap, "Basemap GeoPackage (default: data/basemap.gpkg)");
    // Negative longitudes must parse as numbers, not options.
    cmd->allow_extras(false);
    cmd->callback([&d, opts] { d.action = [opts] { return runWhere(*opts); }; });
}

} // namespace viewer
