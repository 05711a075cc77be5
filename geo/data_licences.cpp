// A small reader for one Markdown table: the rows between "## Sources" and the next heading.
#include "geo/data_licences.hpp"
#include "geo/error.hpp"

#include <fstream>
#include <sstream>

namespace geo {

namespace {

// Markdown emphasis, code and autolink marks off: the About window shows plain text.
std::string plain(std::string s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '`' || s[i] == '<' || s[i] == '>') continue;
        if (s[i] == '*' && i + 1 < s.size() && s[i + 1] == '*') {
            ++i;
            continue;
        }
        out += s[i];
    }
    const size_t a = out.find_first_not_of(" \t"), b = out.find_last_not_of(" \t");
    return a == std::string::npos ? "" : out.substr(a, b - a + 1);
}

std::vector<std::string> cells(const std::string& row)
{
    std::vector<std::string> out;
    std::stringstream ss(row.substr(1)); // past the leading '|'
    for (std::string c; std::getline(ss, c, '|');) out.push_back(plain(c));
    return out;
}

} // namespace

DataSources readDataSources(const std::string& path)
{
    std::ifstream in(path);
    if (!in) throw Error("cannot read " + path);
    DataSources out;
    bool inSection = false, headerSeen = false;
    int sourceCol = -1, versionCol = -1, licenceCol = -1;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("## ", 0) == 0) {
            if (inSection) break;
            inSection = line == "## Sources";
            continue;
        }
        if (!inSection) continue;
        if (line.rfind("|", 0) != 0) {
            if (!headerSeen && !line.empty()) out.summary += (out.summary.empty() ? "" : " ") + plain(line);
            continue;
        }
        const std::vector<std::string> c = cells(line);
        if (!headerSeen) { // the header row names the columns
            for (size_t i = 0; i < c.size(); ++i) {
                if (c[i] == "version") versionCol = static_cast<int>(i);
                else if (c[i] == "licence" || c[i] == "license") licenceCol = static_cast<int>(i);
                else if (sourceCol < 0) sourceCol = static_cast<int>(i); // the first other column names it
            }
            headerSeen = true;
            continue;
        }
        if (c.empty() || c[0].find_first_not_of("-: ") == std::string::npos) continue; // |---|---|
        DataLicence d;
        auto at = [&](int col) -> std::string { return col >= 0 && col < static_cast<int>(c.size()) ? c[static_cast<size_t>(col)] : ""; };
        d.source = at(sourceCol);
        d.version = at(versionCol);
        d.licence = at(licenceCol);
        out.entries.push_back(d);
    }
    if (!headerSeen || licenceCol < 0 || out.entries.empty())
        throw Error(path + ": no '## Sources' table with a licence column");
    return out;
}

} // namespace geo
