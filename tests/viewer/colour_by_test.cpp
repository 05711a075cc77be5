// Colour-by choices (viewer/app/colour_by.cpp) and why a thematic style cannot classify
// (issue 18, item 5): a text field for graduated classes is named, not silently dropped,
// and the case store's figures are a choice of their own for layers with no numeric field.
#include "viewer/app/case_join.hpp"
#include "viewer/app/colour_by.hpp"
#include "viewer/app/load_styles.hpp"

#include "geo/cases/case_store.hpp"
#include "geo/vector_source.hpp"

#include "sample_provinces.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>

using namespace viewer;

namespace {

using testlayers::provinces;

// Two features with a text field NAME_1, a numeric-looking text field and an empty one.
geo::Layer smallLayer()
{
    geo::Layer l;
    l.name = "admin";
    l.kind = geo::GeomKind::Polygon;
    l.fields = {{"NAME_1", geo::FieldType::String}, {"pop", geo::FieldType::String}, {"blank", geo::FieldType::String}};
    for (const char* n : {"Svay Rieng", "Kampot"}) {
        geo::Feature f;
        f.values = {n, n[0] == 'S' ? "120" : "80", ""};
        l.features.push_back(f);
    }
    return l;
}

bool offers(const std::vector<ColourBy>& v, ColourBy c) { return std::find(v.begin(), v.end(), c) != v.end(); }

} // namespace

TEST_CASE("graduated on a text field says why it cannot classify")
{
    const geo::Layer l = smallLayer();
    ThematicStyle t;
    t.mode = ThematicMode::Graduated;
    t.field = "NAME_1";
    CHECK_FALSE(applyThematic(l, t, 1.0f));
    CHECK(t.problem == "field NAME_1 is text; graduated needs a number");
    CHECK(t.mode == ThematicMode::Graduated); // kept as asked: the editor shows the reason beside it
    CHECK_FALSE(t.active());

    t.field = "blank";
    CHECK_FALSE(applyThematic(l, t, 1.0f));
    CHECK(t.problem == "field blank has no values to classify");
    t.field = "nope";
    CHECK_FALSE(applyThematic(l, t, 1.0f));
    CHECK(t.problem == "no field nope in admin");
    t.field = "";
    CHECK_FALSE(applyThematic(l, t, 1.0f));
    CHECK(t.problem == "no numeric field chosen; graduated needs a number");
    geo::Layer text = l;
    text.fields.resize(1); // NAME_1 only
    CHECK(thematicProblem(text, t) == "admin has no numeric field; graduated needs a number");

    t.field = "pop"; // numbers held as text classify
    CHECK(applyThematic(l, t, 1.0f));
    CHECK(t.problem.empty());
    CHECK(t.active());
    t.mode = ThematicMode::Categorized; // categories of text are fine
    t.field = "NAME_1";
    CHECK(applyThematic(l, t, 1.0f));
    CHECK(t.problem.empty());
}

TEST_CASE("choosing graduated picks a numeric field, or keeps the text one and says why")
{
    geo::Layer l = smallLayer();
    ThematicStyle t;
    chooseColourBy(t, l, ColourBy::Categorized);
    CHECK(t.field == "NAME_1");
    chooseColourBy(t, l, ColourBy::Graduated);
    CHECK(t.field == "pop");
    // The basemap's provinces have no numeric field: graduated cannot work, and says so.
    ThematicStyle p;
    chooseColourBy(p, provinces(), ColourBy::Categorized);
    chooseColourBy(p, provinces(), ColourBy::Graduated);
    CHECK(p.field == "name");
    CHECK(thematicProblem(provinces(), p) == "field name is text; graduated needs a number");
    ThematicStyle fresh; // straight to graduated: no field to pick
    chooseColourBy(fresh, provinces(), ColourBy::Graduated);
    CHECK(thematicProblem(provinces(), fresh) == "provinces has no numeric field; graduated needs a number");
}

TEST_CASE("the case store's figures are a colour-by choice of their own for the provinces")
{
    const std::vector<ColourBy> withStore = colourByChoices(provinces(), true);
    CHECK(offers(withStore, ColourBy::CaseFigures));
    CHECK(offers(withStore, ColourBy::Graduated));
    CHECK_FALSE(offers(colourByChoices(provinces(), false), ColourBy::CaseFigures)); // no store loaded
    geo::Layer points;
    points.kind = geo::GeomKind::Point;
    CHECK_FALSE(offers(colourByChoices(points, true), ColourBy::CaseFigures)); // counted in polygons only
    geo::Layer bare = provinces();
    bare.fields.clear();
    for (geo::Feature& f : bare.features) f.values.clear();
    CHECK(colourByChoices(bare, true) == std::vector<ColourBy>{ColourBy::Single, ColourBy::CaseFigures});

    // Chosen directly, with no field picked first: people detained, joined and classified.
    Session s;
    s.cases.setData(geo::CaseStore::open("data/cases.gpkg").data(), {}, "data/cases.gpkg");
    SceneLayer layer;
    layer.id = 1;
    layer.data = std::make_shared<const geo::Layer>(provinces());
    s.scene.layers().push_back(std::move(layer));
    SceneLayer& l = s.scene.layers().back();
    chooseColourBy(l.style.thematic, *l.data, ColourBy::CaseFigures);
    CHECK(colourByOf(l.style.thematic) == ColourBy::CaseFigures);
    CHECK(l.style.thematic.caseJoin == "people_detained");
    refreshCaseJoins(s);
    REQUIRE(applyThematic(*l.data, l.style.thematic, 0.8f));
    CHECK(l.style.thematic.active());
    CHECK(l.style.thematic.field == caseJoinField(geo::CaseMeasure::PeopleDetained));
    // Another figure, then back to a single colour: the join is dropped.
    chooseCaseFigure(l.style.thematic, geo::CaseMeasure::Incidents);
    CHECK(l.style.thematic.caseJoin == "incidents");
    chooseColourBy(l.style.thematic, *l.data, ColourBy::Single);
    CHECK(l.style.thematic.mode == ThematicMode::Single);
    CHECK(l.style.thematic.caseJoin.empty());
}
