// The release version of Compound Atlas (CMake's project VERSION), for --version and About.
#pragma once

namespace geo {

const char* appVersion();

} // namespace geo
