// GDAL's last error as one line for a user-facing message (libpq's errors span lines).
#pragma once
#include <string>

namespace geo {

// Newlines folded, GDAL's generic "PQconnectdb failed." prefix dropped, passwords redacted;
// "unknown GDAL error" when GDAL recorded nothing.
std::string lastGdalErrorLine();

} // namespace geo
