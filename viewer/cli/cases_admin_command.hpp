// `cases init|copy|set-status`: setting up, moving and editing a case store (GeoPackage or PostGIS).
#pragma once
#include "viewer/cli/cli.hpp"

namespace viewer {

void addCasesAdminCommands(CLI::App& cases, Dispatch& d);

} // namespace viewer
