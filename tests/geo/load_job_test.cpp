// Background loading (geo/load_job.cpp): results, errors, cancel; across the formats of issue 6.
#include "geo/crs.hpp"
#include "geo/load_job.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <thread>

namespace {

geo::LoadJob::State finish(geo::LoadJob& job)
{
    job.wait();
    return job.state();
}

} // namespace

TEST_CASE("a vector source loads in the background with its spatial index")
{
    geo::LoadJob job({testdata::basemap(), "provinces", geo::kWebMercator});
    REQUIRE(finish(job) == geo::LoadJob::State::Done);
    CHECK(job.progress() == 1.0);
    auto result = job.takeResult();
    REQUIRE(result);
    auto* v = std::get_if<geo::LoadedVector>(&*result);
    REQUIRE(v);
    CHECK(v->index.size() == v->layer.features.size());
    CHECK(v->layer.crs == geo::kWebMercator);
    CHECK_FALSE(job.takeResult()); // moved out once
}

TEST_CASE("formats of issue 6 load through the same job: GeoJSON, KML, GPX, FlatGeobuf, TopoJSON")
{
    testdata::ScratchDir dir("loadformats");
    const std::vector<testdata::PointRow> rows = {{"A7 Park", 106.1333, 11.0667}, {"KK Park", 98.55694, 16.63111}};
    for (auto [file, driver] : {std::pair{"p.geojson", "GeoJSON"}, std::pair{"p.kml", "KML"},
                                std::pair{"p.fgb", "FlatGeobuf"}, std::pair{"p.gpx", "GPX"}}) {
        CAPTURE(std::string(driver));
        std::string path = dir.path(file);
        if (std::string(driver) == "GPX") {
            std::ofstream(path) << R"(<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">)"
                                << R"(<wpt lat="11.0667" lon="106.1333"><name>A7 Park</name></wpt>)"
                                << R"(<wpt lat="16.63111" lon="98.55694"><name>KK Park</name></wpt></gpx>)";
        } else {
            testdata::writePoints(path, driver, rows);
        }
        geo::LoadJob job({path, std::string(driver) == "GPX" ? "waypoints" : "", geo::kWgs84});
        REQUIRE(finish(job) == geo::LoadJob::State::Done);
        auto r = job.takeResult();
        auto& v = std::get<geo::LoadedVector>(*r);
        REQUIRE(v.layer.features.size() == 2);
        CHECK(v.layer.features[1].geometry.coords[0].y == doctest::Approx(16.63111));
    }
    std::string topo = dir.path("t.topojson");
    std::ofstream(topo) << R"({"type":"Topology","objects":{"sites":{"type":"GeometryCollection","geometries":[)"
                        << R"({"type":"Point","coordinates":[106.1333,11.0667],"properties":{"name":"A7"}}]}},"arcs":[]})";
    geo::LoadJob job({topo, "", geo::kWgs84});
    REQUIRE(finish(job) == geo::LoadJob::State::Done);
    CHECK(std::get<geo::LoadedVector>(*job.takeResult()).layer.features.size() == 1);
}

TEST_CASE("a bad file fails with a message; the job never throws into the caller")
{
    testdata::ScratchDir dir("loadbad");
    std::string garbage = dir.path("g.kml");
    std::ofstream(garbage) << "<kml><Placemark><Point><coordinates>broken";
    geo::LoadJob job({garbage, "", geo::kWgs84});
    CHECK(finish(job) == geo::LoadJob::State::Failed);
    CHECK_FALSE(job.error().empty());
    std::string empty = dir.path("e.geojson");
    std::ofstream(empty) << R"({"type":"FeatureCollection","features":[]})";
    geo::LoadJob job2({empty, "", geo::kWgs84});
    CHECK(finish(job2) == geo::LoadJob::State::Failed);
    CHECK(job2.error().find("empty") != std::string::npos);
}

TEST_CASE("cancel stops a running load")
{
    geo::LoadJob job({testdata::basemap(), "countries", geo::kWebMercator});
    job.cancel();
    auto s = finish(job);
    // The worker may have finished before the cancel arrived; it must never fail.
    CHECK((s == geo::LoadJob::State::Cancelled || s == geo::LoadJob::State::Done));
}

TEST_CASE("a load calls its end notice once, after its state is final, whether it worked or not")
{
    testdata::ScratchDir dir("loadnotice");
    std::string garbage = dir.path("g.kml");
    std::ofstream(garbage) << "<kml><Placemark><Point><coordinates>broken";
    for (const std::string& path : {testdata::basemap(), garbage}) {
        std::atomic<int> calls{0};
        std::atomic<bool> finalWhenCalled{false};
        geo::LoadRequest req{path, "", geo::kWebMercator};
        geo::LoadJob* self = nullptr;
        std::atomic<bool> started{false};
        req.onEnded = [&] {
            while (!started.load()) std::this_thread::yield();
            finalWhenCalled = self->state() != geo::LoadJob::State::Running;
            ++calls;
        };
        geo::LoadJob job(req);
        self = &job;
        started = true;
        finish(job);
        job.wait();
        CHECK(calls.load() == 1);
        CHECK(finalWhenCalled.load());
    }
}
