// CaseStore::copy and init (geo/cases/case_store_admin.cpp): GPKG -> GPKG always, and
// GPKG -> PostgreSQL -> GPKG field by field when $ATLAS_PG names a database (tests/pg sets it).
#include "geo/cases/case_store.hpp"
#include "geo/error.hpp"
#include "geo/vector_source.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>

#include <cstdlib>

TEST_CASE("copy between GeoPackages keeps everything; init creates, then has nothing to do")
{
    testdata::ScratchDir dir("case_copy");
    const geo::CaseData sample = geo::CaseStore::open("data/cases.gpkg").data();
    geo::CaseStore::copy("data/cases.gpkg", dir.path("copy.gpkg"), false);
    CHECK(geo::CaseStore::open(dir.path("copy.gpkg")).data() == sample);
    CHECK_THROWS_WITH_AS(geo::CaseStore::copy("data/cases.gpkg", dir.path("copy.gpkg"), false),
                         doctest::Contains("already exists"), geo::Error);
    CHECK(geo::CaseStore::init(dir.path("new.gpkg")).action == geo::CaseStoreInit::Action::Created);
    CHECK(geo::CaseStore::init(dir.path("new.gpkg")).action == geo::CaseStoreInit::Action::UpToDate);
    CHECK(geo::CaseStore::open(dir.path("new.gpkg")).data() == geo::CaseData{});
}

TEST_CASE("copy GeoPackage -> PostgreSQL -> GeoPackage gives equal CaseData (needs $ATLAS_PG)")
{
    const char* pg = testdata::throwawayPostgres();
    if (!pg) {
        MESSAGE("ATLAS_PG not set (or not marked ATLAS_PG_THROWAWAY=1): skipped (tests/pg/case_store_doctest.sh sets it)");
        return;
    }
    geo::initGdal();
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(pg, GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
    REQUIRE(ds);
    for (const char* t : {"compounds", "incidents", "incident_compounds", "incident_counts", "sources",
                          "incident_sources", "compound_sources", "meta"})
        ds->ExecuteSQL((std::string("DROP TABLE IF EXISTS ") + t + " CASCADE").c_str(), nullptr, nullptr);
    GDALClose(ds);
    testdata::ScratchDir dir("case_copy_pg");
    const geo::CaseData sample = geo::CaseStore::open("data/cases.gpkg").data();
    geo::CaseStore::copy("data/cases.gpkg", pg, false);
    CHECK(geo::CaseStore::open(pg).data() == sample);
    geo::CaseStore::copy(pg, dir.path("back.gpkg"), false);
    CHECK(geo::CaseStore::open(dir.path("back.gpkg")).data() == sample);
    // The per-compound read gives the same panel data as the whole store.
    const geo::CaseStore one = geo::CaseStore::openCompound(pg, "a7-park");
    const auto whole = sample.incidentsFor("a7-park"), part = one.data().incidentsFor("a7-park");
    REQUIRE(whole.size() == part.size());
    for (size_t i = 0; i < whole.size(); ++i) {
        CHECK(whole[i].incident->id == part[i].incident->id);
        CHECK(whole[i].counts.size() == part[i].counts.size());
        CHECK(whole[i].sources.size() == part[i].sources.size());
        CHECK(whole[i].links.size() == part[i].links.size());
    }
    CHECK(one.data().findCompound("techo-airport") != nullptr); // named by the deportation's links
    CHECK(one.data().sourcesFor("a7-park").size() == sample.sourcesFor("a7-park").size());
}
