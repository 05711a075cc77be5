// Recent files: a JSON array of paths, written atomically (temporary file, then rename).
#include "viewer/app/recent_files.hpp"

#include "geo/session_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace viewer {

std::string RecentFiles::defaultFile()
{
    std::filesystem::path base;
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) base = x;
    else if (const char* h = std::getenv("HOME"); h && *h) base = std::filesystem::path(h) / ".config";
    else return "";
    return (base / "compound-atlas" / "recent.json").string();
}

RecentFiles::RecentFiles(std::string file) : m_file(file.empty() ? defaultFile() : std::move(file))
{
    if (m_file.empty()) return;
    try {
        std::ifstream in(m_file);
        if (!in) return;
        const nlohmann::json j = nlohmann::json::parse(in);
        for (const auto& v : j.at("recent"))
            if (v.is_string() && m_paths.size() < kMax) m_paths.push_back(v.get<std::string>());
    } catch (...) {
        m_paths.clear(); // a damaged list is not worth an error
    }
}

void RecentFiles::add(const std::string& path)
{
    std::string p = path;
    if (!geo::isRemoteSource(p)) {
        std::error_code ec;
        const auto abs = std::filesystem::absolute(p, ec);
        if (!ec) p = abs.lexically_normal().string();
    } else {
        p = geo::redactCredentials(p);
    }
    std::erase(m_paths, p);
    m_paths.insert(m_paths.begin(), p);
    if (m_paths.size() > kMax) m_paths.resize(kMax);
    save();
}

void RecentFiles::clear()
{
    m_paths.clear();
    save();
}

void RecentFiles::save() const
{
    if (m_file.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(m_file).parent_path(), ec);
    const std::string tmp = m_file + ".tmp";
    {
        std::ofstream out(tmp);
        if (!out) return;
        out << nlohmann::json{{"recent", m_paths}}.dump(2) << "\n";
        if (!out) return;
    }
    std::filesystem::rename(tmp, m_file, ec);
}

} // namespace viewer
