// Colour-by choices map onto ThematicStyle: CaseFigures is a graduated style whose field is
// joined from the case store (viewer/app/case_join), so sessions and exports need nothing new.
#include "viewer/app/colour_by.hpp"
#include "viewer/app/case_join.hpp"
#include "viewer/app/load_styles.hpp"

namespace viewer {

std::vector<ColourBy> colourByChoices(const geo::Layer& layer, bool caseStoreLoaded)
{
    std::vector<ColourBy> out{ColourBy::Single};
    if (!layer.fields.empty()) out.insert(out.end(), {ColourBy::Categorized, ColourBy::Graduated});
    if (layer.kind == geo::GeomKind::Polygon && caseStoreLoaded) out.push_back(ColourBy::CaseFigures);
    return out;
}

const char* colourByLabel(ColourBy c)
{
    switch (c) {
    case ColourBy::Categorized: return "Categorized";
    case ColourBy::Graduated: return "Graduated";
    case ColourBy::CaseFigures: return "Case figures";
    case ColourBy::Single: break;
    }
    return "Single symbol";
}

ColourBy colourByOf(const ThematicStyle& t)
{
    switch (t.mode) {
    case ThematicMode::Categorized: return ColourBy::Categorized;
    case ThematicMode::Graduated: return t.caseJoin.empty() ? ColourBy::Graduated : ColourBy::CaseFigures;
    case ThematicMode::Single: break;
    }
    return ColourBy::Single;
}

void chooseCaseFigure(ThematicStyle& t, geo::CaseMeasure measure)
{
    t.mode = ThematicMode::Graduated;
    t.caseJoin = geo::nameOf(measure);
    t.caseJoinStamp.clear();
    t.field = caseJoinField(measure);
}

void chooseColourBy(ThematicStyle& t, const geo::Layer& layer, ColourBy c)
{
    t.featureClass.reset(); // recomputed by the app before the next draw
    t.problem.clear();
    if (c == ColourBy::CaseFigures) {
        if (t.caseJoin.empty()) chooseCaseFigure(t, geo::allCaseMeasures().front());
        return;
    }
    if (colourByOf(t) == ColourBy::CaseFigures) { // leaving the joined figure for a field of the layer's own
        t.caseJoin.clear();
        t.caseJoinStamp.clear();
        t.field.clear();
    }
    t.mode = c == ColourBy::Categorized ? ThematicMode::Categorized
             : c == ColourBy::Graduated ? ThematicMode::Graduated
                                        : ThematicMode::Single;
    if (t.mode == ThematicMode::Single) return;
    const bool graduated = t.mode == ThematicMode::Graduated;
    auto suits = [&](int field) { return field >= 0 && (!graduated || isNumericField(layer, field)); };
    if (suits(layer.fieldIndex(t.field))) return;
    // A field that suits the choice: a numeric one for graduated, else the first. With none,
    // the field stays as it was and thematicProblem says why it cannot be used.
    for (size_t i = 0; i < layer.fields.size(); ++i)
        if (suits(static_cast<int>(i))) {
            t.field = layer.fields[i].name;
            return;
        }
}

} // namespace viewer
