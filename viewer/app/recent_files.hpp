// The recently opened files, newest first, bounded, kept in
// $XDG_CONFIG_HOME/compound-atlas/recent.json (~/.config when unset).
#pragma once
#include <string>
#include <vector>

namespace viewer {

class RecentFiles {
public:
    static constexpr size_t kMax = 10;

    // Reads `file` ("" = the default location); a missing or bad file is an empty list.
    explicit RecentFiles(std::string file = "");

    const std::vector<std::string>& paths() const { return m_paths; }
    // Moves `path` to the front (made absolute), drops the oldest past kMax, and saves.
    void add(const std::string& path);
    void clear();
    const std::string& file() const { return m_file; }

    static std::string defaultFile();

private:
    void save() const;
    std::string m_file;
    std::vector<std::string> m_paths;
};

} // namespace viewer
