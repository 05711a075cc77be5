// One-line GDAL error messages.
#include "geo/gdal_error.hpp"
#include "geo/session_file.hpp"

#include <cpl_error.h>

namespace geo {

std::string lastGdalErrorLine()
{
    std::string raw = CPLGetLastErrorMsg(), e;
    for (const char* prefix : {"PQconnectdb failed.", "PQconnectdb failed"})
        if (raw.rfind(prefix, 0) == 0) raw.erase(0, std::string(prefix).size());
    for (char c : raw) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        if (c == ' ' && (e.empty() || e.back() == ' ')) continue;
        e += c;
    }
    while (!e.empty() && e.back() == ' ') e.pop_back();
    if (e.find("password") != std::string::npos) e = redactCredentials(e);
    return e.empty() ? "unknown GDAL error" : e;
}

} // namespace geo
