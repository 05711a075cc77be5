// Case editing: forms -> CaseEdit -> CaseStore::commit on a copy of data/cases.gpkg, undo,
// refusals before anything is written, and a conflict reported theirs vs yours.
#include "viewer/cases/case_form.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

using namespace viewer;
namespace fs = std::filesystem;

namespace {

std::string storeCopy(const std::string& tag)
{
    const fs::path dir = fs::temp_directory_path() / ("atlas-case-form-" + tag + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path to = dir / "cases.gpkg";
    fs::copy_file(fs::path(ATLAS_SOURCE_DIR) / "data" / "cases.gpkg", to);
    return to.string();
}

std::string bytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

IncidentForm sampleIncident(const std::string& compoundId)
{
    IncidentForm f = newIncidentForm(geo::CaseData{}, compoundId);
    f.kind = geo::IncidentKind::Raid;
    f.start = "2026-03-02";
    f.end = "2026-03-04";
    f.summary = "Police raid, 40 people freed.";
    f.total = "40";
    f.personnel = "120";
    f.counts = {{"KH", 25}, {"VN", 15}};
    f.sources = {{"test-news-2026-03-04", "Test News", "Raid frees 40", "https://example.org/raid", "2026-03-04", ""}};
    f.links.push_back({"a7-park", geo::LinkRelation::PossiblyLinked});
    return f;
}

} // namespace

TEST_CASE("case form: add, edit, add incident, undo round trip")
{
    const std::string path = storeCopy("roundtrip");
    geo::CaseStore store = geo::CaseStore::open(path, geo::CaseAccess::ReadWrite);
    const geo::CaseData original = store.data();

    CompoundForm cf = newCompoundForm(store.data(), {102.61, 11.07});
    cf.name = "Test Compound";
    cf.aliases = "TC\nTest Park\n";
    cf.status = geo::CompoundStatus::Active;
    cf.statusDate = "2026-02-01";
    FormOutcome o = applyCompoundForm(store.data(), cf);
    REQUIRE_MESSAGE(o.next, o.error);
    CHECK(o.id == "test-compound");
    REQUIRE(saveCase(store, o).saved);
    {
        geo::CaseStore again = geo::CaseStore::open(path);
        const geo::Compound* c = again.data().findCompound("test-compound");
        REQUIRE(c);
        CHECK(c->aliases == std::vector<std::string>{"TC", "Test Park"});
        CHECK(c->location.lon == doctest::Approx(102.61));
        CHECK(c->statusDate->iso() == "2026-02-01");
    }

    CompoundForm edit = compoundForm(*store.data().findCompound("test-compound"));
    edit.status = geo::CompoundStatus::Raided;
    edit.notes = "Raided in March.";
    REQUIRE(saveCase(store, applyCompoundForm(store.data(), edit)).saved);
    CHECK(geo::CaseStore::open(path).data().findCompound("test-compound")->status == geo::CompoundStatus::Raided);

    REQUIRE(saveCase(store, moveCompound(store.data(), "test-compound", {102.7, 11.1})).saved);
    CHECK(geo::CaseStore::open(path).data().findCompound("test-compound")->location.lat == doctest::Approx(11.1));

    FormOutcome inc = applyIncidentForm(store.data(), sampleIncident("test-compound"));
    REQUIRE_MESSAGE(inc.next, inc.error);
    REQUIRE(saveCase(store, inc).saved);
    {
        geo::CaseStore again = geo::CaseStore::open(path);
        const geo::Incident* i = again.data().findIncident(inc.id);
        REQUIRE(i);
        CHECK(*i->totalPeople == 40);
        const IncidentForm back = incidentForm(again.data(), *i);
        CHECK(back.counts.size() == 2);
        REQUIRE(back.sources.size() == 1);
        CHECK(back.sources[0].publisher == "Test News");
        CHECK(back.links.size() == 2);
        CHECK(again.data().findSource("test-news-2026-03-04"));
    }

    // Undo, newest first, back to the copy as it was.
    int undone = 0;
    while (store.canUndo()) {
        store.undo();
        ++undone;
    }
    CHECK(undone == 4);
    CHECK(geo::CaseStore::open(path).data() == original);
}

TEST_CASE("case form: refused edits leave the file unchanged and say why")
{
    const std::string path = storeCopy("refused");
    geo::CaseStore store = geo::CaseStore::open(path, geo::CaseAccess::ReadWrite);
    const std::string before = bytes(path);

    auto refused = [&](const FormOutcome& o, const std::string& expect) {
        CHECK_FALSE(o.next);
        CHECK_MESSAGE(o.error.find(expect) != std::string::npos, o.error);
        const SaveOutcome s = saveCase(store, o);
        CHECK_FALSE(s.saved);
        CHECK(s.error == o.error);
        CHECK(bytes(path) == before);
    };

    IncidentForm negative = sampleIncident("bavet-crown");
    negative.counts[0].count = -3;
    refused(applyIncidentForm(store.data(), negative), "negative");

    IncidentForm backwards = sampleIncident("bavet-crown");
    backwards.end = "2026-03-01";
    refused(applyIncidentForm(store.data(), backwards), "end");

    IncidentForm unknownCode = sampleIncident("bavet-crown");
    unknownCode.counts[0].code = "XQ";
    refused(applyIncidentForm(store.data(), unknownCode), "XQ");

    IncidentForm badDate = sampleIncident("bavet-crown");
    badDate.start = "March 2026";
    refused(applyIncidentForm(store.data(), badDate), "start date");

    IncidentForm badTotal = sampleIncident("bavet-crown");
    badTotal.total = "about 40";
    refused(applyIncidentForm(store.data(), badTotal), "total people");

    CompoundForm badSlug = newCompoundForm(store.data(), {102.6, 11.0});
    badSlug.id = "Bad Slug!";
    badSlug.name = "Bad";
    refused(applyCompoundForm(store.data(), badSlug), "Bad Slug!");

    CompoundForm duplicate = newCompoundForm(store.data(), {102.6, 11.0});
    duplicate.id = "a7-park";
    duplicate.name = "Again";
    refused(applyCompoundForm(store.data(), duplicate), "already exists");
    CHECK(geo::CaseStore::open(path).data().findCompound("a7-park")->name != "Again");
}

TEST_CASE("case form: a conflicting save reports theirs vs yours; keep mine writes over")
{
    const std::string path = storeCopy("conflict");
    geo::CaseStore mine = geo::CaseStore::open(path, geo::CaseAccess::ReadWrite);
    geo::CaseStore theirs = geo::CaseStore::open(path, geo::CaseAccess::ReadWrite);

    CompoundForm t = compoundForm(*theirs.data().findCompound("a7-park"));
    t.notes = "their note";
    REQUIRE(saveCase(theirs, applyCompoundForm(theirs.data(), t)).saved);

    CompoundForm m = compoundForm(*mine.data().findCompound("a7-park"));
    m.notes = "my note";
    const FormOutcome o = applyCompoundForm(mine.data(), m);
    const SaveOutcome s = saveCase(mine, o);
    CHECK_FALSE(s.saved);
    REQUIRE_FALSE(s.conflicts.empty());
    bool shown = false;
    for (const std::string& line : describeConflicts(s.conflicts))
        shown = shown || line.find("notes: theirs 'their note', yours 'my note'") != std::string::npos;
    CHECK(shown);
    CHECK(geo::CaseStore::open(path).data().findCompound("a7-park")->notes == "their note");

    REQUIRE(saveCase(mine, o, &s.conflicts).saved);
    CHECK(geo::CaseStore::open(path).data().findCompound("a7-park")->notes == "my note");
}

TEST_CASE("case form: slugify")
{
    CHECK(slugify("A7 Park!") == "a7-park");
    CHECK(slugify("  2026-03-02 a7-park raid") == "2026-03-02-a7-park-raid");
    CHECK(slugify("!!") == "");
}

TEST_CASE("after Reload a compound form takes their row but keeps the fields the user changed")
{
    geo::Compound stored;
    stored.id = "a7-park";
    stored.name = "A7 Park";
    stored.notes = "old notes";
    stored.status = geo::CompoundStatus::Active;
    CompoundForm mine = compoundForm(stored);
    mine.name = "A7 Park (Bavet)"; // the user's edit
    geo::Compound theirs = stored;
    theirs.status = geo::CompoundStatus::Closed; // someone else's save
    theirs.notes = "closed in February";
    const CompoundForm f = rebaseCompoundForm(mine, theirs);
    CHECK(f.name == "A7 Park (Bavet)");
    CHECK(f.status == geo::CompoundStatus::Closed);
    CHECK(f.notes == "closed in February");
    CHECK(f.original.notes == "closed in February"); // the next save is an edit of theirs
    CHECK_FALSE(f.isNew);
}

TEST_CASE("after Reload an incident form takes their fields and lists but keeps what the user changed")
{
    geo::CaseData base;
    geo::Incident inc;
    inc.id = "i1";
    inc.start = *geo::parseCaseDate("2026-03-02");
    inc.summary = "old summary";
    inc.totalPeople = 40;
    base.incidents.push_back(inc);
    base.counts = {{"i1", "KH", 25}};
    base.links = {{"i1", "a7-park", geo::LinkRelation::At}};
    geo::Source src;
    src.id = "news";
    src.publisher = "Test News";
    src.title = "old title";
    base.sources.push_back(src);
    base.incidentSources = {{"i1", "news", "40 freed"}};

    IncidentForm mine = incidentForm(base, inc);
    mine.total = "41";                                       // a scalar the user changed
    mine.counts.push_back({"VN", 3});                        // a list the user changed
    mine.sources[0].claim = "41 freed";                      // the citation's claim, not the source
    geo::CaseData theirs = base;
    theirs.incidents[0].summary = "their summary";           // untouched by the user: theirs
    theirs.incidents[0].totalPeople = 50;                    // changed by both: mine
    theirs.counts = {{"i1", "KH", 30}};                      // both changed the list: mine, whole
    theirs.links = {{"i1", "bavet-crown", geo::LinkRelation::At}}; // only theirs changed it
    theirs.sources[0].title = "their title";                 // the shared source: theirs

    const IncidentForm f = rebaseIncidentForm(mine, base, theirs);
    CHECK(f.summary == "their summary");
    CHECK(f.total == "41");
    REQUIRE(f.counts.size() == 2);
    CHECK(f.counts[0].count == 25);
    CHECK(f.counts[1].code == "VN");
    REQUIRE(f.links.size() == 1);
    CHECK(f.links[0].compoundId == "bavet-crown");
    REQUIRE(f.sources.size() == 1);
    CHECK(f.sources[0].claim == "41 freed");
    CHECK(f.sources[0].title == "their title");
    CHECK(f.original.summary == "their summary"); // the next save is an edit of theirs
    CHECK_FALSE(f.isNew);
}
