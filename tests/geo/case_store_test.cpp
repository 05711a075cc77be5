// CaseStore (geo/cases/case_store.cpp): schema, refused writes leave the store untouched,
// edit round trips with undo, schema versions, and a writer killed mid-transaction.
#include "geo/cases/case_csv.hpp"
#include "geo/cases/case_edit.hpp"
#include "geo/cases/case_store.hpp"
#include "geo/error.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

geo::CaseData smallData()
{
    geo::CaseData d;
    geo::Compound c;
    c.id = "a7-park";
    c.name = "A7 Park";
    c.aliases = {"A7 Casino", "Van Chheung Casino"};
    c.kind = "casino compound";
    c.status = geo::CompoundStatus::Raided;
    c.statusDate = geo::CaseDate{2026, 2, 1};
    c.location = {106.1333, 11.0667};
    c.precision = geo::LocationPrecision::Town;
    c.statedCountry = "Cambodia";
    c.statedAdmin1 = "Svay Rieng";
    c.statedIso31662 = "KH-20";
    d.compounds.push_back(c);
    geo::Incident i;
    i.id = "2026-01-31-a7-park-raid";
    i.kind = geo::IncidentKind::Raid;
    i.start = {2026, 1, 31};
    i.end = geo::CaseDate{2026, 2, 1};
    i.totalPeople = 2044;
    i.personnel = 700;
    i.summary = "Raid";
    d.incidents.push_back(i);
    d.links.push_back({i.id, c.id, geo::LinkRelation::At});
    d.counts.push_back({i.id, "CN", 1792});
    d.counts.push_back({i.id, "VN", 177});
    d.sources.push_back({"thestar-raid", "The Star (Malaysia)", "", "https://www.thestar.com.my/x", geo::CaseDate{2026, 2, 1}});
    d.incidentSources.push_back({i.id, "thestar-raid", ""});
    d.compoundSources.push_back({c.id, "thestar-raid", "the compound"});
    d.sortRows();
    return d;
}

geo::CaseStore freshStore(const testdata::ScratchDir& dir, const std::string& name = "cases.gpkg")
{
    geo::CaseStore store = geo::CaseStore::create(dir.path(name));
    store.commit(smallData(), "seed");
    return store;
}

// Opens with GDAL directly and counts the features of a table (-1 if GDAL cannot open it).
long long gdalCount(const std::string& path, const char* table)
{
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds) return -1;
    OGRLayer* l = ds->GetLayerByName(table);
    long long n = l ? l->GetFeatureCount(TRUE) : -1;
    GDALClose(ds);
    return n;
}

} // namespace

TEST_CASE("a new store has the tables, the meta schema_version, and reads back what was committed")
{
    testdata::ScratchDir dir("case_store");
    { freshStore(dir); }
    for (const char* t : {"compounds", "incidents", "incident_compounds", "incident_counts", "sources",
                          "incident_sources", "compound_sources", "meta"})
        CHECK_MESSAGE(gdalCount(dir.path("cases.gpkg"), t) >= 0, t);
    geo::CaseStore again = geo::CaseStore::open(dir.path("cases.gpkg"));
    CHECK(again.schemaVersion() == geo::kCaseSchemaVersion);
    CHECK(again.data() == smallData());
    CHECK(again.loadProblems().empty());
    CHECK_FALSE(again.writable());
    CHECK_THROWS_AS(again.commit(smallData(), "read-only"), geo::Error);
}

TEST_CASE("each refused write leaves the store as it was")
{
    testdata::ScratchDir dir("case_refused");
    geo::CaseStore store = freshStore(dir);
    const geo::CaseData before = store.data();

    auto refused = [&](const char* what, const geo::CaseData& bad, const char* needle) {
        CAPTURE(what);
        std::string message;
        try {
            store.commit(bad, what);
        } catch (const geo::Error& e) {
            message = e.what();
        }
        CHECK_MESSAGE(message.find(needle) != std::string::npos, message);
        CHECK(store.data() == before);
        CHECK(geo::CaseStore::open(dir.path("cases.gpkg")).data() == before);
    };
    geo::CaseData d = before;
    d.compounds.push_back(d.compounds[0]);
    refused("duplicate id", d, "duplicate compound id 'a7-park'");
    d = before;
    d.links.push_back({"2026-01-31-a7-park-raid", "no-such-place", geo::LinkRelation::Linked});
    refused("missing FK", d, "missing compound 'no-such-place'");
    d = before;
    d.counts[0].count = -3;
    refused("negative count", d, "negative");
    d = before;
    d.counts[0].nationality = "XX";
    refused("unknown code", d, "'XX': not an ISO 3166-1");
    d = before;
    d.incidents[0].start = {2026, 2, 30};
    refused("bad date", d, "not a valid date");
    d = before;
    d.incidents[0].end = geo::CaseDate{2026, 1, 1};
    refused("end before start", d, "ends (2026-01-01) before it starts");
    d = before;
    d.compounds[0].id = "A7_Park";
    refused("slug", d, "not a slug");
    d = before;
    d.compounds[0].kind = "spaceport";
    refused("enumeration", d, "unknown kind");
    CHECK(store.canUndo()); // the seed commit is still the one to undo
    CHECK(store.undoDescription() == "seed");
}

TEST_CASE("editing round trips: add, edit, delete compound and incident; undo restores each step")
{
    testdata::ScratchDir dir("case_edit");
    geo::CaseStore store = freshStore(dir);
    const geo::CaseData seeded = store.data();

    geo::CaseEdit add(store.data());
    geo::Compound airport;
    airport.id = "techo-airport";
    airport.name = "Techo International Airport";
    airport.kind = "airport";
    airport.status = geo::CompoundStatus::Active;
    airport.location = {104.91661, 11.36292};
    add.putCompound(airport);
    geo::Incident dep;
    dep.id = "2026-02-02-techo-deportation";
    dep.kind = geo::IncidentKind::Deportation;
    dep.start = {2026, 2, 2};
    dep.totalPeople = 406;
    add.putIncident(dep);
    add.setLinks(dep.id, {{"", "techo-airport", geo::LinkRelation::At}, {"", "a7-park", geo::LinkRelation::PossiblyLinked}});
    add.setCounts(dep.id, {{"", "CN", 140}});
    CHECK(add.problems().empty());
    store.commit(add.data(), "add the deportation");
    const geo::CaseData added = store.data();
    {
        geo::CaseStore other = geo::CaseStore::open(dir.path("cases.gpkg"));
        CHECK(other.data() == added);
        auto incidents = other.data().incidentsFor("a7-park");
        REQUIRE(incidents.size() == 2);
        CHECK(incidents[0].incident->id == "2026-01-31-a7-park-raid"); // time order
        CHECK(incidents[1].relation == geo::LinkRelation::PossiblyLinked);
    }

    geo::CaseEdit edit(store.data());
    geo::Compound a7 = *store.data().findCompound("a7-park");
    a7.status = geo::CompoundStatus::Closed;
    a7.notes = "edited";
    edit.putCompound(a7);
    geo::Incident raid = *store.data().findIncident("2026-01-31-a7-park-raid");
    raid.location = geo::LonLat{106.14, 11.07};
    edit.putIncident(raid);
    store.commit(edit.data(), "edit");
    CHECK(geo::CaseStore::open(dir.path("cases.gpkg")).data().findCompound("a7-park")->notes == "edited");
    CHECK(geo::CaseStore::open(dir.path("cases.gpkg")).data().findIncident(raid.id)->location->lon == 106.14);

    geo::CaseEdit del(store.data());
    del.removeCompound("techo-airport");
    del.removeIncident("2026-01-31-a7-park-raid");
    store.commit(del.data(), "delete");
    {
        const geo::CaseData on = geo::CaseStore::open(dir.path("cases.gpkg")).data();
        CHECK(on.findCompound("techo-airport") == nullptr);
        CHECK(on.findIncident("2026-01-31-a7-park-raid") == nullptr);
        CHECK(on.counts.size() == 1); // the raid's counts went with it
        CHECK(on.links.size() == 1);  // only the possibly-linked a7-park link is left
    }

    CHECK(store.undoDescription() == "delete");
    store.undo();
    store.undo();
    CHECK(geo::CaseStore::open(dir.path("cases.gpkg")).data() == added);
    store.undo();
    CHECK(geo::CaseStore::open(dir.path("cases.gpkg")).data() == seeded);
    CHECK(store.data() == seeded);
}

TEST_CASE("schema versions: a newer store is refused, a non-store is named as such")
{
    testdata::ScratchDir dir("case_schema");
    { freshStore(dir); }
    {
        GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(dir.path("cases.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
        REQUIRE(ds);
        ds->ExecuteSQL("UPDATE meta SET value = '99' WHERE key = 'schema_version'", nullptr, nullptr);
        GDALClose(ds);
    }
    CHECK_THROWS_WITH_AS(geo::CaseStore::open(dir.path("cases.gpkg")),
                         doctest::Contains("schema version 99 is newer than this program reads (2)"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::CaseStore::open(testdata::basemap()), doctest::Contains("not a case store (no 'meta' table)"),
                         geo::Error);
    CHECK_THROWS_WITH_AS(geo::CaseStore::open(dir.path("none.gpkg")), doctest::Contains("no such file"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::CaseStore::create(dir.path("cases.gpkg")), doctest::Contains("already exists"), geo::Error);
}

TEST_CASE("a writer killed with SIGKILL inside its transaction leaves the old content, and GDAL opens the store")
{
    testdata::ScratchDir dir("case_kill");
    { freshStore(dir); }
    const std::string path = dir.path("cases.gpkg");
    const geo::CaseData before = geo::CaseStore::open(path).data();
    const std::string log = dir.path("child.log");

    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child: delete everything inside one transaction, then sleep in it (test hook).
        freopen(log.c_str(), "w", stderr);
        setenv(geo::kSleepInTransactionEnv, "60", 1);
        try {
            geo::CaseStore store = geo::CaseStore::open(path, geo::CaseAccess::ReadWrite);
            store.commit(geo::CaseData{}, "wipe");
        } catch (...) {
        }
        _exit(0);
    }
    bool inside = false;
    for (int i = 0; i < 300 && !inside; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::FILE* f = std::fopen(log.c_str(), "r");
        if (!f) continue;
        char buf[256] = {};
        inside = std::fgets(buf, sizeof buf, f) && std::string(buf).find("in transaction") != std::string::npos;
        std::fclose(f);
    }
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(inside);
    CHECK(WIFSIGNALED(status));
    CHECK(gdalCount(path, "compounds") == 1);
    CHECK(geo::CaseStore::open(path).data() == before);
}

TEST_CASE("writeNew refuses to overwrite without the flag and leaves no temporary file")
{
    testdata::ScratchDir dir("case_writenew");
    const std::string path = dir.path("new.gpkg");
    geo::CaseStore::writeNew(path, smallData(), false);
    CHECK_THROWS_WITH_AS(geo::CaseStore::writeNew(path, smallData(), false), doctest::Contains("already exists"), geo::Error);
    geo::CaseData bad = smallData();
    bad.counts[0].count = -1;
    CHECK_THROWS_AS(geo::CaseStore::writeNew(path, bad, true), geo::Error);
    CHECK(geo::CaseStore::open(path).data() == smallData());
    size_t files = 0;
    for (auto& e : std::filesystem::directory_iterator(std::filesystem::path(path).parent_path())) files += !e.is_directory();
    CHECK(files == 1);
}

TEST_CASE("CSV export and import round trip")
{
    testdata::ScratchDir dir("case_csv");
    geo::writeCaseCsv(smallData(), dir.path("csv"));
    CHECK(geo::readCaseCsv(dir.path("csv")) == smallData());
}
