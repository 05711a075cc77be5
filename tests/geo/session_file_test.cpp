// Session files (geo/session_file.cpp): round trip, relative paths, no credentials, no network.
#include "geo/error.hpp"
#include "geo/session_file.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

TEST_CASE("a session round-trips, with local paths stored relative to the session file")
{
    testdata::ScratchDir dir("session");
    std::filesystem::create_directories(dir.path("data"));
    geo::Session s;
    s.mapCrs = "EPSG:32648";
    s.view = {{106.1333, 11.0667}, 50000};
    s.layers.push_back({dir.path("data/sites.kml"), "", true, {{"fill", "#ff0000"}, {"opacity", 0.5}}});
    s.layers.push_back({"PG:host=db.example dbname=cases user=ana password=secret", "compounds", false, {}});
    s.selectedLayer = "provinces";
    s.selectedFid = 42;
    s.selectedCompound = "a7-park";
    s.timeFrom = "2026-01-01";
    const std::string file = dir.path("briefing.session.json");
    geo::saveSession(s, file);

    std::ifstream in(file);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    CHECK(text.find("\"data/sites.kml\"") != std::string::npos);
    CHECK(text.find("secret") == std::string::npos); // credentials never written
    CHECK_FALSE(std::filesystem::exists(file + ".tmp"));

    geo::Session r = geo::loadSession(file);
    CHECK(r.mapCrs == "EPSG:32648");
    CHECK(r.view.center.lon == doctest::Approx(106.1333));
    CHECK(r.view.scaleDenominator == doctest::Approx(50000));
    REQUIRE(r.layers.size() == 2);
    CHECK(r.layers[0].source == std::filesystem::path(dir.path("data/sites.kml")).lexically_normal().string());
    CHECK(r.layers[0].style["opacity"].get<double>() == 0.5);
    CHECK_FALSE(r.layers[1].visible);
    CHECK(r.selectedFid == 42);
    CHECK(r.selectedCompound == "a7-park");
    REQUIRE(r.timeFrom);
    CHECK(*r.timeFrom == "2026-01-01");
    CHECK_FALSE(r.timeTo);
    auto confirm = geo::sourcesNeedingConfirmation(r);
    REQUIRE(confirm.size() == 1);
    CHECK(confirm[0].rfind("PG:", 0) == 0);
}

TEST_CASE("remote sources are recognised; bad session files give one clear error")
{
    CHECK(geo::isRemoteSource("/vsicurl/https://example.com/a.tif"));
    CHECK(geo::isRemoteSource("https://example.com/a.geojson"));
    CHECK(geo::isRemoteSource("PG:service=atlas"));
    CHECK_FALSE(geo::isRemoteSource("/home/ana/sites.kml"));
    testdata::ScratchDir dir("badsession");
    std::ofstream(dir.path("bad.json")) << "{ not json";
    CHECK_THROWS_WITH_AS(geo::loadSession(dir.path("bad.json")), doctest::Contains("invalid JSON"), geo::Error);
    std::ofstream(dir.path("newer.json")) << R"({"compound_atlas_session": 99})";
    CHECK_THROWS_WITH_AS(geo::loadSession(dir.path("newer.json")), doctest::Contains("newer version"), geo::Error);
    CHECK_THROWS_AS(geo::loadSession(dir.path("missing.json")), geo::Error);
    CHECK_THROWS_AS(geo::saveSession(geo::Session{}, "/nonexistent-dir/x.json"), geo::Error);
}

TEST_CASE("credentials are redacted from connection strings")
{
    CHECK(geo::redactCredentials("PG:host=db user=ana password=secret dbname=x") == "PG:host=db user=ana dbname=x");
    CHECK(geo::redactCredentials("PG:dbname=x password=secret") == "PG:dbname=x");
    CHECK(geo::redactCredentials("postgresql://ana:secret@db/x") == "postgresql://ana@db/x");
    CHECK(geo::redactCredentials("PG:user=ana password = 'a b\\' c' dbname=x") == "PG:user=ana dbname=x");
    CHECK(geo::redactCredentials("no secrets here") == "no secrets here");
}
