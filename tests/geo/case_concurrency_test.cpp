// Row-level concurrent editing (geo/cases/case_store.cpp): different rows both commit, the same
// row conflicts with field-by-field theirs/yours, keep-mine, merged constraints, undo, polling.
#include "geo/cases/case_edit.hpp"
#include "geo/cases/case_store.hpp"
#include "geo/error.hpp"
#include "geo/vector_source.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>

#include <cstdlib>

namespace {

geo::CaseData twoCompounds()
{
    geo::CaseData d;
    for (auto [id, lon] : {std::pair{"a7-park", 106.1333}, std::pair{"kk-park", 98.55}}) {
        geo::Compound c;
        c.id = id;
        c.name = id;
        c.location = {lon, 11.0};
        d.compounds.push_back(c);
    }
    geo::Incident i;
    i.id = "2026-01-31-a7-park-raid";
    i.kind = geo::IncidentKind::Raid;
    i.start = {2026, 1, 31};
    d.incidents.push_back(i);
    d.links.push_back({i.id, "a7-park", geo::LinkRelation::At});
    d.sortRows();
    return d;
}

// The store to test on: a GeoPackage in `dir`, or the PostgreSQL database in $ATLAS_PG (emptied).
std::string storePath(const testdata::ScratchDir& dir, bool pg)
{
    if (!pg) return dir.path("cases.gpkg");
    geo::initGdal();
    const std::string url = testdata::throwawayPostgres();
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(url.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
    REQUIRE(ds);
    for (const char* t : {"compounds", "incidents", "incident_compounds", "incident_counts", "sources",
                          "incident_sources", "compound_sources", "meta"})
        ds->ExecuteSQL((std::string("DROP TABLE IF EXISTS ") + t + " CASCADE").c_str(), nullptr, nullptr);
    GDALClose(ds);
    return url;
}

void withStatus(geo::CaseStore& s, const char* id, geo::CompoundStatus status, const char* notes = "")
{
    geo::CaseEdit e(s.data());
    geo::Compound c = *s.data().findCompound(id);
    c.status = status;
    c.notes = notes;
    e.putCompound(c);
    s.commit(e.data(), std::string("status of ") + id);
}

void run(bool pg)
{
    testdata::ScratchDir dir("case_concurrency");
    const std::string path = storePath(dir, pg);
    {
        geo::CaseStore seed = geo::CaseStore::create(path);
        seed.commit(twoCompounds(), "seed");
    }
    geo::CaseStore a = geo::CaseStore::open(path, geo::CaseAccess::ReadWrite);
    geo::CaseStore b = geo::CaseStore::open(path, geo::CaseAccess::ReadWrite);
    CHECK(a.schemaVersion() == 2);
    CHECK_FALSE(b.changedSinceRead());

    SUBCASE("edits to different rows both succeed, and each side then holds both") {
        withStatus(a, "a7-park", geo::CompoundStatus::Raided);
        CHECK(b.changedSinceRead());
        withStatus(b, "kk-park", geo::CompoundStatus::Closed);
        const geo::CaseData on = geo::CaseStore::open(path).data();
        CHECK(on.findCompound("a7-park")->status == geo::CompoundStatus::Raided);
        CHECK(on.findCompound("kk-park")->status == geo::CompoundStatus::Closed);
        CHECK(b.data() == on);
        CHECK(a.changedSinceRead());
        CHECK_FALSE(b.changedSinceRead());
        a.reload();
        CHECK(a.data() == on);
        CHECK_FALSE(a.changedSinceRead());
        // undo takes back only b's own change
        b.undo();
        const geo::CaseData undone = geo::CaseStore::open(path).data();
        CHECK(undone.findCompound("a7-park")->status == geo::CompoundStatus::Raided);
        CHECK(undone.findCompound("kk-park")->status == geo::CompoundStatus::Unknown);
    }
    SUBCASE("the same row: the second save is refused with theirs vs yours, then keep-mine writes over it") {
        withStatus(a, "a7-park", geo::CompoundStatus::Closed, "from a");
        geo::CaseEdit e(b.data());
        geo::Compound c = *b.data().findCompound("a7-park");
        c.status = geo::CompoundStatus::Raided;
        e.putCompound(c);
        std::vector<geo::CaseConflict> conflicts;
        try {
            b.commit(e.data(), "b");
            FAIL("no conflict");
        } catch (const geo::CaseConflictError& err) {
            conflicts = err.conflicts;
            const std::string m = err.what();
            CHECK_MESSAGE(m.find("compounds 'a7-park' changed by someone else (status: theirs 'closed', yours 'raided'") !=
                              std::string::npos, m);
            CHECK(m.find('\n') == std::string::npos);
        }
        REQUIRE(conflicts.size() == 1);
        CHECK(conflicts[0].fields.size() == 2); // status and notes
        CHECK(geo::CaseStore::open(path).data().findCompound("a7-park")->status == geo::CompoundStatus::Closed);
        CHECK(b.data().findCompound("a7-park")->status == geo::CompoundStatus::Unknown); // nothing changed on b

        // Someone changes it again after the conflict was shown: keep-mine conflicts again.
        withStatus(a, "a7-park", geo::CompoundStatus::Active, "again");
        CHECK_THROWS_AS(b.commitKeepingMine(e.data(), "b", conflicts), geo::CaseConflictError);
        try {
            b.commit(e.data(), "b");
        } catch (const geo::CaseConflictError& err) {
            conflicts = err.conflicts;
        }
        b.commitKeepingMine(e.data(), "b keeps hers", conflicts);
        const geo::Compound* now = geo::CaseStore::open(path).data().findCompound("a7-park");
        CHECK(now->status == geo::CompoundStatus::Raided);
        CHECK(now->notes.empty()); // b's whole row, as she saw it
    }
    SUBCASE("a form saved against its snapshot conflicts even after a live reload took theirs") {
        // b opens an editor (snapshot), a saves the same row, b's live view reloads, b saves.
        const geo::CaseSnapshot seen = b.snapshot();
        withStatus(a, "a7-park", geo::CompoundStatus::Closed, "from a");
        REQUIRE(b.changedSinceRead());
        b.reload();
        geo::CaseEdit e(seen.data);
        geo::Compound c = *seen.data.findCompound("a7-park");
        c.name = "A7 Park (renamed by b)";
        e.putCompound(c);
        std::vector<geo::CaseConflict> conflicts;
        try {
            b.commit(e.data(), "rename", &seen);
            FAIL("no conflict: b would have put back a's status silently");
        } catch (const geo::CaseConflictError& err) {
            conflicts = err.conflicts;
        }
        REQUIRE(conflicts.size() == 1);
        CHECK(conflicts[0].key == "a7-park");
        CHECK(geo::CaseStore::open(path).data().findCompound("a7-park")->status == geo::CompoundStatus::Closed);
        // Others' changes to rows the form did not touch are no conflict.
        const geo::CaseSnapshot fresh = b.snapshot();
        withStatus(a, "kk-park", geo::CompoundStatus::Raided);
        geo::CaseEdit mine(fresh.data);
        geo::Compound r = *fresh.data.findCompound("a7-park");
        r.name = "A7 Park (b)";
        mine.putCompound(r);
        b.commit(mine.data(), "rename", &fresh);
        const geo::CaseData on = geo::CaseStore::open(path).data();
        CHECK(on.findCompound("a7-park")->name == "A7 Park (b)");
        CHECK(on.findCompound("a7-park")->status == geo::CompoundStatus::Closed);
        CHECK(on.findCompound("kk-park")->status == geo::CompoundStatus::Raided);
        CHECK(b.data() == on);
        // Undo takes back only the rename.
        b.undo();
        CHECK(geo::CaseStore::open(path).data().findCompound("a7-park")->name == "a7-park");
        CHECK(geo::CaseStore::open(path).data().findCompound("kk-park")->status == geo::CompoundStatus::Raided);
    }
    SUBCASE("deleting a row someone changed, and changing a row someone deleted, conflict") {
        withStatus(a, "kk-park", geo::CompoundStatus::Closed);
        geo::CaseEdit e(b.data());
        e.removeCompound("kk-park");
        CHECK_THROWS_WITH_AS(b.commit(e.data(), "b"), doctest::Contains("'kk-park' changed by someone else"),
                             geo::CaseConflictError);
        b.reload();
        geo::CaseEdit del(b.data());
        del.removeCompound("kk-park");
        b.commit(del.data(), "delete");
        CHECK_THROWS_WITH_AS(withStatus(a, "kk-park", geo::CompoundStatus::Active),
                             doctest::Contains("'kk-park' deleted by someone else"), geo::CaseConflictError);
    }
    SUBCASE("a save that is fine alone but breaks a constraint together with others' changes is refused") {
        geo::CaseEdit del(a.data());
        del.removeCompound("kk-park");
        a.commit(del.data(), "delete kk-park");
        geo::CaseEdit link(b.data());
        link.setLinks("2026-01-31-a7-park-raid", {{"", "a7-park", geo::LinkRelation::At}, {"", "kk-park", geo::LinkRelation::Linked}});
        CHECK_THROWS_WITH_AS(b.commit(link.data(), "link"), doctest::Contains("together with changes saved meanwhile"),
                             geo::Error);
        CHECK(geo::CaseStore::open(path).data().links.size() == 1);
    }
    CHECK(geo::CaseStore::open(path).loadProblems().empty());
}

} // namespace

TEST_CASE("concurrent editing on a GeoPackage is row-level")
{
    run(false);
}

TEST_CASE("concurrent editing on PostgreSQL is row-level (needs $ATLAS_PG)")
{
    if (!testdata::throwawayPostgres()) {
        MESSAGE("ATLAS_PG not set (or not marked ATLAS_PG_THROWAWAY=1): skipped (tests/pg/case_store_doctest.sh sets it)");
        return;
    }
    run(true);
}
