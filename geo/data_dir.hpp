// Where the app's own run-time files (data/, assets/) live: an installed copy beside the
// executable, else the source tree it was built from. One lookup, printed by --version.
#pragma once
#include <string>

namespace geo {

// The folder that holds data/ and assets/, and how it was found.
struct DataDir {
    std::string path;
    const char* how = ""; // "ATLAS_DATA_DIR", "installed" or "source tree"
};

// In order: $ATLAS_DATA_DIR; <executable dir>/ATLAS_BIN_TO_DATA (../share/compound-atlas when
// installed) if it holds data/basemap.gpkg; the source tree this binary was built from.
// The per-file overrides ($ATLAS_BASEMAP, $ATLAS_CASES, $ATLAS_ASSETS) still win over it.
DataDir findDataDir();

// findDataDir().path + "/" + relative.
std::string dataFile(const std::string& relative);

} // namespace geo
