// The saved state of a viewer session as a JSON file: layers (paths relative to the session
// file where possible), their styles, map CRS, view, selection and time filter. Opening a
// session never reaches the network: sources that would are listed for the user to confirm.
#pragma once
#include "geo/coords.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace geo {

struct SessionLayer {
    std::string source;       // absolute path, or a connection string / URL as given
    std::string layer;        // layer name inside the source, "" for the first
    bool visible = true;
    nlohmann::json style;     // the viewer's style for the layer, kept opaque here
};

struct SessionView {
    LonLat center;
    double scaleDenominator = 0;
};

struct Session {
    static constexpr int kVersion = 1;
    std::vector<SessionLayer> layers;
    std::string mapCrs = "EPSG:3857";
    SessionView view;
    std::string selectedLayer;
    int64_t selectedFid = -1;
    std::string selectedCompound;
    std::optional<std::string> timeFrom, timeTo; // ISO dates
};

// True for sources that would reach the network or a server: URLs, /vsicurl/ and other
// remote virtual file systems, database connections (PG:, MySQL:, ...).
bool isRemoteSource(const std::string& source);

// `source` with any password=... removed, for messages, logs and session files.
std::string redactCredentials(const std::string& source);

// Writes atomically (temporary file, then rename). Paths of local files are stored relative
// to the session file's folder. Throws geo::Error when the file cannot be written.
void saveSession(const Session& s, const std::string& path);

// Reads a session; relative paths come back absolute. Throws geo::Error with one line for
// unreadable files, bad JSON or a newer format version.
Session loadSession(const std::string& path);

// The layers of `s` that need the user's confirmation before they are opened.
std::vector<std::string> sourcesNeedingConfirmation(const Session& s);

} // namespace geo
