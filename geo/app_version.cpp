// ATLAS_VERSION is defined for this file only, so a version bump recompiles one file.
#include "geo/app_version.hpp"

namespace geo {

const char* appVersion() { return ATLAS_VERSION; }

} // namespace geo
