// Session JSON: relative paths, atomic writes, and a guard against silent network access.
#include "geo/session_file.hpp"
#include "geo/error.hpp"

#include <filesystem>
#include <fstream>

namespace geo {

namespace fs = std::filesystem;

bool isRemoteSource(const std::string& source)
{
    for (const char* prefix : {"http://", "https://", "ftp://", "/vsicurl", "/vsis3", "/vsigs", "/vsiaz", "/vsiadls",
                               "/vsioss", "/vsiswift", "/vsiwebhdfs", "/vsihdfs", "PG:", "pg:", "postgresql://",
                               "MySQL:", "WFS:", "WMS:", "WMTS:", "OAPIF:", "ESRIJSON:http"})
        if (source.rfind(prefix, 0) == 0) return true;
    return source.find("/vsicurl") != std::string::npos;
}

std::string redactCredentials(const std::string& source)
{
    std::string out = source;
    // libpq keyword form: password=value, password = 'quoted value with spaces'
    for (const char* key : {"password", "PASSWORD", "Password"}) {
        for (size_t at = out.find(key); at != std::string::npos; at = out.find(key, at)) {
            size_t p = at + std::char_traits<char>::length(key);
            while (p < out.size() && out[p] == ' ') ++p;
            if (p >= out.size() || out[p] != '=') {
                at = p;
                continue;
            }
            ++p;
            while (p < out.size() && out[p] == ' ') ++p;
            size_t end = p;
            if (p < out.size() && out[p] == '\'') {
                for (end = p + 1; end < out.size() && out[end] != '\''; ++end)
                    if (out[end] == '\\') ++end;
                if (end < out.size()) ++end;
            } else {
                while (end < out.size() && out[end] != ' ') ++end;
            }
            while (end < out.size() && out[end] == ' ') ++end;
            out.erase(at, end - at);
        }
    }
    // URI form: postgresql://user:secret@host/db
    if (size_t scheme = out.find("://"); scheme != std::string::npos) {
        size_t at = out.find('@', scheme);
        size_t colon = out.find(':', scheme + 3);
        if (at != std::string::npos && colon != std::string::npos && colon < at) out.erase(colon, at - colon);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

void saveSession(const Session& s, const std::string& path)
{
    const fs::path base = fs::absolute(path).parent_path();
    nlohmann::json j;
    j["compound_atlas_session"] = Session::kVersion;
    j["map_crs"] = s.mapCrs;
    j["view"] = {{"center", {s.view.center.lon, s.view.center.lat}}, {"scale", s.view.scaleDenominator}};
    j["layers"] = nlohmann::json::array();
    for (const SessionLayer& l : s.layers) {
        std::string src = l.source;
        // Credentials stay out of session files: connection strings are stored without them.
        if (isRemoteSource(src)) {
            src = redactCredentials(src);
        } else {
            std::error_code ec;
            fs::path rel = fs::relative(fs::absolute(src), base, ec);
            if (!ec && !rel.empty()) src = rel.generic_string();
        }
        j["layers"].push_back({{"source", src}, {"layer", l.layer}, {"visible", l.visible}, {"style", l.style}});
    }
    j["selection"] = {{"layer", s.selectedLayer}, {"fid", s.selectedFid}, {"compound", s.selectedCompound}};
    j["time_filter"] = {{"from", s.timeFrom ? nlohmann::json(*s.timeFrom) : nlohmann::json(nullptr)},
                        {"to", s.timeTo ? nlohmann::json(*s.timeTo) : nlohmann::json(nullptr)}};

    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        if (!out) throw Error(path + ": cannot write the session file");
        out << j.dump(2) << "\n";
        out.flush();
        if (!out) {
            std::error_code ec;
            fs::remove(tmp, ec);
            throw Error(path + ": cannot write the session file");
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw Error(path + ": cannot write the session file: " + ec.message());
    }
}

Session loadSession(const std::string& path)
{
    std::ifstream in(path);
    if (!in) throw Error(path + ": cannot read the session file");
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw Error(path + ": not a session file (invalid JSON)");
    if (!j.contains("compound_atlas_session")) throw Error(path + ": not a Compound Atlas session file");
    if (j["compound_atlas_session"].get<int>() > Session::kVersion)
        throw Error(path + ": made by a newer version of Compound Atlas (format " +
                    j["compound_atlas_session"].dump() + ")");
    const fs::path base = fs::absolute(path).parent_path();
    Session s;
    try {
        s.mapCrs = j.value("map_crs", s.mapCrs);
        if (j.contains("view")) {
            s.view.center = {j["view"]["center"][0].get<double>(), j["view"]["center"][1].get<double>()};
            s.view.scaleDenominator = j["view"].value("scale", 0.0);
        }
        for (const auto& l : j.value("layers", nlohmann::json::array())) {
            SessionLayer layer;
            layer.source = l.at("source").get<std::string>();
            if (!isRemoteSource(layer.source) && fs::path(layer.source).is_relative())
                layer.source = (base / layer.source).lexically_normal().string();
            layer.layer = l.value("layer", "");
            layer.visible = l.value("visible", true);
            layer.style = l.value("style", nlohmann::json::object());
            s.layers.push_back(std::move(layer));
        }
        if (j.contains("selection")) {
            s.selectedLayer = j["selection"].value("layer", "");
            s.selectedFid = j["selection"].value("fid", int64_t{-1});
            s.selectedCompound = j["selection"].value("compound", "");
        }
        if (j.contains("time_filter")) {
            if (j["time_filter"]["from"].is_string()) s.timeFrom = j["time_filter"]["from"].get<std::string>();
            if (j["time_filter"]["to"].is_string()) s.timeTo = j["time_filter"]["to"].get<std::string>();
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(path + ": malformed session file (" + std::string(e.what()) + ")");
    }
    return s;
}

std::vector<std::string> sourcesNeedingConfirmation(const Session& s)
{
    std::vector<std::string> out;
    for (const SessionLayer& l : s.layers)
        if (isRemoteSource(l.source)) out.push_back(l.source);
    return out;
}

} // namespace geo
