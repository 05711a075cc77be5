// The case editor's actions on a Session (viewer/cases/case_edit_actions, case_view): Reload
// of an incident form after a conflict, a live reload overtaken by a save, and "Keep mine"
// for a Move. Each runs on a copy of data/cases.gpkg with a second store as "someone else".
#include "viewer/cases/case_edit_actions.hpp"

#include "geo/cases/case_store.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <thread>
#include <unistd.h>

using namespace viewer;
namespace fs = std::filesystem;

namespace {

std::string storeCopy(const std::string& tag)
{
    const fs::path dir = fs::temp_directory_path() / ("atlas-case-edit-" + tag + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path to = dir / "cases.gpkg";
    fs::copy_file(fs::path(ATLAS_SOURCE_DIR) / "data" / "cases.gpkg", to);
    return to.string();
}

// The session's case view loaded from `path` (the basemap is not needed here: a missing one
// only leaves compounds without derived country and province).
void loadInto(Session& s, const std::string& path)
{
    s.cases.startLoading(path, (fs::path(path).parent_path() / "no-basemap.gpkg").string());
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!s.cases.finishLoadingIfReady() && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    REQUIRE(s.cases.hasData());
}

// Someone else's edit, committed through their own store.
template <class F> void theirEdit(const std::string& path, F&& change)
{
    geo::CaseStore theirs = geo::CaseStore::open(path, geo::CaseAccess::ReadWrite);
    geo::CaseData next = theirs.data();
    change(next);
    theirs.commit(next, "their edit");
}

geo::Compound& compoundIn(geo::CaseData& d, const std::string& id)
{
    for (geo::Compound& c : d.compounds)
        if (c.id == id) return c;
    FAIL("no compound " << id);
    throw;
}

geo::Incident& incidentIn(geo::CaseData& d, const std::string& id)
{
    for (geo::Incident& i : d.incidents)
        if (i.id == id) return i;
    FAIL("no incident " << id);
    throw;
}

} // namespace

TEST_CASE("Reload in an incident form's conflict takes their fields and keeps the ones the user typed")
{
    const std::string path = storeCopy("incident-reload");
    Session s;
    loadInto(s, path);
    REQUIRE_FALSE(s.cases.data().incidents.empty());
    const std::string id = s.cases.data().incidents.front().id;
    REQUIRE(openIncidentEditor(s, id));
    CaseEditing& ed = s.cases.editing;
    ed.incident->total = "77"; // the user's edit

    theirEdit(path, [&](geo::CaseData& d) {
        incidentIn(d, id).summary = "their newer summary";
        incidentIn(d, id).personnel = 999;
    });
    CHECK_FALSE(saveIncidentForm(s));
    REQUIRE_FALSE(ed.incidentStatus.conflicts.empty());

    reloadTheirs(s, ed.incidentStatus, ed.incidentBase);
    REQUIRE(ed.incident);
    CHECK(ed.incident->summary == "their newer summary");
    CHECK(ed.incident->personnel == "999");
    CHECK(ed.incident->total == "77");
    REQUIRE(saveIncidentForm(s));

    const geo::CaseStore after = geo::CaseStore::open(path);
    const geo::Incident* i = after.data().findIncident(id);
    REQUIRE(i);
    CHECK(i->summary == "their newer summary"); // not the stale summary the form was filled with
    CHECK(i->personnel == 999);
    CHECK(i->totalPeople == 77);
}

TEST_CASE("a live reload started before this process saved is discarded, not swapped in over the save")
{
    const std::string path = storeCopy("live-reload");
    Session s;
    loadInto(s, path);
    theirEdit(path, [](geo::CaseData& d) { compoundIn(d, "bavet-crown").notes = "their note"; });

    s.cases.poll(); // sees their commit: reads the store again on a worker
    CHECK(s.cases.reloading());
    CHECK_FALSE(s.cases.loading()); // a live reload is not "loading": the store is there

    // The user saves before the worker's result is taken.
    REQUIRE(openCompoundEditor(s, "a7-park"));
    s.cases.editing.compound->notes = "my note";
    REQUIRE(saveCompoundForm(s));

    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (s.cases.reloading() && std::chrono::steady_clock::now() < until) {
        s.cases.update();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    CHECK_FALSE(s.cases.reloading());
    CHECK(s.cases.data().findCompound("a7-park")->notes == "my note");
    // The store the save went through stays: read-write, with the save on its undo stack.
    CHECK(s.cases.writableStore().canUndo());
}

TEST_CASE("Keep mine for a Move commits against the Move's own base, so Undo reverts only the Move")
{
    const std::string path = storeCopy("move-keep-mine");
    Session s;
    loadInto(s, path);
    CaseEditing& ed = s.cases.editing;
    // A form opened and closed long ago: its snapshot must not be what the Move saves against.
    REQUIRE(openCompoundEditor(s, "a7-park"));
    ed.compound.reset();
    ed.compoundStatus.clear();

    theirEdit(path, [](geo::CaseData& d) { compoundIn(d, "bavet-crown").notes = "their first note"; });
    s.cases.writableStore().reload(); // the view catches up with their first edit
    s.cases.storeChanged();
    theirEdit(path, [](geo::CaseData& d) { compoundIn(d, "a7-park").notes = "their second note"; });

    const geo::LonLat to{102.7, 11.1};
    CHECK_FALSE(saveEdit(s, moveCompound(s.cases.data(), "a7-park", to), ed.compoundStatus));
    REQUIRE_FALSE(ed.compoundStatus.conflicts.empty());
    keepMine(s, ed.compoundStatus, ed.compoundBase);
    REQUIRE_MESSAGE(ed.compoundStatus.error.empty(), ed.compoundStatus.error);
    CHECK(geo::CaseStore::open(path).data().findCompound("a7-park")->location.lat == doctest::Approx(11.1));

    geo::CaseStore& store = s.cases.writableStore();
    REQUIRE(store.canUndo());
    store.undo();
    const geo::CaseStore after = geo::CaseStore::open(path);
    CHECK(after.data().findCompound("bavet-crown")->notes == "their first note"); // theirs, untouched by the undo
    CHECK(after.data().findCompound("a7-park")->location.lat != doctest::Approx(11.1));
}

TEST_CASE("a Move is an edit of the rows shown: others' newer rows conflict instead of being written over")
{
    const std::string path = storeCopy("move-shown");
    Session s;
    loadInto(s, path); // read-only until the first save reopens it (and reads newer rows)
    REQUIRE(openCompoundEditor(s, "a7-park"));
    closeCompoundEditor(s);
    CHECK_FALSE(s.cases.editing.compound);
    CHECK_FALSE(s.cases.editing.compoundBase); // a closed form leaves no snapshot behind

    theirEdit(path, [](geo::CaseData& d) {
        compoundIn(d, "bavet-crown").notes = "their note";
        compoundIn(d, "a7-park").notes = "their a7 note";
    });
    CHECK_FALSE(moveCompoundTo(s, "a7-park", {102.7, 11.1}));
    REQUIRE_FALSE(s.cases.editing.compoundStatus.conflicts.empty());
    {
        const geo::CaseStore now = geo::CaseStore::open(path);
        CHECK(now.data().findCompound("a7-park")->notes == "their a7 note");
        CHECK(now.data().findCompound("bavet-crown")->notes == "their note");
    }
    CaseEditing& ed = s.cases.editing;
    keepMine(s, ed.compoundStatus, ed.compoundBase);
    REQUIRE_MESSAGE(ed.compoundStatus.error.empty(), ed.compoundStatus.error);
    const geo::CaseStore after = geo::CaseStore::open(path);
    CHECK(after.data().findCompound("a7-park")->location.lat == doctest::Approx(11.1));
    CHECK(after.data().findCompound("bavet-crown")->notes == "their note"); // not a row of the Move
}

TEST_CASE("an open compound form follows our own Move and still saves without a conflict")
{
    const std::string path = storeCopy("move-form");
    Session s;
    loadInto(s, path);
    REQUIRE(openCompoundEditor(s, "a7-park"));
    s.cases.editing.compound->notes = "typed before the move";
    REQUIRE(moveCompoundTo(s, "a7-park", {102.7, 11.1}));
    CHECK(s.cases.editing.compound->lat == doctest::Approx(11.1));
    CHECK(s.cases.editing.compound->notes == "typed before the move");
    REQUIRE(saveCompoundForm(s));
    const geo::CaseStore after = geo::CaseStore::open(path);
    const geo::Compound* c = after.data().findCompound("a7-park");
    REQUIRE(c);
    CHECK(c->notes == "typed before the move");
    CHECK(c->location.lat == doctest::Approx(11.1));
}

TEST_CASE("a store switch is not refused while a live reload runs")
{
    const std::string path = storeCopy("switch-during-reload");
    Session s;
    loadInto(s, path);
    theirEdit(path, [](geo::CaseData& d) { compoundIn(d, "bavet-crown").notes = "their note"; });
    s.cases.poll();
    REQUIRE(s.cases.reloading());
    CHECK(s.cases.switchStore(path, (fs::path(path).parent_path() / "no-basemap.gpkg").string()));
    CHECK(s.cases.loading());
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while ((s.cases.loading() || s.cases.reloading()) && std::chrono::steady_clock::now() < until) {
        s.cases.update();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    CHECK(s.cases.data().findCompound("bavet-crown")->notes == "their note");
    CHECK(s.cases.reloads() == 0); // the old store's reload was dropped, the switch read anew
}

TEST_CASE("Undo refreshes an open compound form: saved fields show the undone values, unsaved typing stays")
{
    const std::string path = storeCopy("undo-compound-form");
    Session s;
    loadInto(s, path);
    const std::string storedName = s.cases.data().findCompound("a7-park")->name;
    REQUIRE(openCompoundEditor(s, "a7-park"));
    CaseEditing& ed = s.cases.editing;
    ed.compound->name = "A7 Park (renamed)";
    ed.compound->status = geo::CompoundStatus::Closed;
    REQUIRE(saveCompoundForm(s));
    REQUIRE(ed.compound->name == "A7 Park (renamed)");
    ed.compound->notes = "typed after the save, not saved";

    REQUIRE(canUndoEdit(s));
    REQUIRE(undoLastEdit(s));
    REQUIRE(ed.compound);
    const geo::Compound* now = s.cases.data().findCompound("a7-park");
    REQUIRE(now);
    CHECK(now->name == storedName);
    CHECK(ed.compound->name == storedName); // was "A7 Park (renamed)": the form showed the undone value
    CHECK(ed.compound->status == now->status);
    CHECK(ed.compound->status != geo::CompoundStatus::Closed);
    CHECK(ed.compound->notes == "typed after the save, not saved");
    CHECK_FALSE(ed.compound->isNew);
    // The form saves against the rows the undo left: no conflict with our own undo.
    REQUIRE(saveCompoundForm(s));
    CHECK(geo::CaseStore::open(path).data().findCompound("a7-park")->notes == "typed after the save, not saved");
    CHECK(geo::CaseStore::open(path).data().findCompound("a7-park")->name == storedName);
}

TEST_CASE("Undo refreshes an open incident form, and a form whose row the undo removed saves it as new")
{
    const std::string path = storeCopy("undo-incident-form");
    Session s;
    loadInto(s, path);
    REQUIRE_FALSE(s.cases.data().incidents.empty());
    const geo::Incident stored = s.cases.data().incidents.front();
    REQUIRE(openIncidentEditor(s, stored.id));
    CaseEditing& ed = s.cases.editing;
    ed.incident->summary = "a summary saved, then undone";
    ed.incident->total = "4321";
    REQUIRE(saveIncidentForm(s));
    REQUIRE(ed.incident->summary == "a summary saved, then undone");
    REQUIRE(undoLastEdit(s));
    REQUIRE(ed.incident);
    CHECK(ed.incident->summary == stored.summary);
    CHECK(ed.incident->total == (stored.totalPeople ? std::to_string(*stored.totalPeople) : ""));

    // A new compound saved and undone: its open form offers to add it again.
    openNewCompound(s, {104.9, 11.5});
    ed.compound->name = "Undo Test Compound";
    REQUIRE(saveCompoundForm(s));
    REQUIRE_FALSE(ed.compound->isNew);
    const std::string id = ed.compound->id;
    REQUIRE(undoLastEdit(s));
    CHECK_FALSE(s.cases.data().findCompound(id));
    CHECK(ed.compound->isNew);
    CHECK(ed.compound->name == "Undo Test Compound");
}
