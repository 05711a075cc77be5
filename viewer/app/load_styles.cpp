// Categorized and graduated classes -> renderer colours and per-feature classes.
#include "viewer/app/load_styles.hpp"

#include "geo/classify.hpp"

#include <algorithm>

namespace viewer {

bool isNumericField(const geo::Layer& layer, int field)
{
    if (field < 0 || static_cast<size_t>(field) >= layer.fields.size()) return false;
    if (layer.fields[field].type == geo::FieldType::Integer || layer.fields[field].type == geo::FieldType::Real) return true;
    bool any = false;
    for (const geo::Feature& f : layer.features) {
        const std::string& v = layer.value(f, field);
        if (v.empty()) continue;
        double d;
        if (!geo::parseNumber(v, d)) return false;
        any = true;
    }
    return any;
}

std::string thematicProblem(const geo::Layer& layer, const ThematicStyle& t)
{
    if (t.mode == ThematicMode::Single) return "";
    const bool graduated = t.mode == ThematicMode::Graduated;
    if (t.field.empty()) {
        if (!graduated) return "no field chosen";
        for (size_t i = 0; i < layer.fields.size(); ++i)
            if (isNumericField(layer, static_cast<int>(i))) return "no numeric field chosen; graduated needs a number";
        return (layer.name.empty() ? std::string("the layer") : layer.name) + " has no numeric field; graduated needs a number";
    }
    const int field = layer.fieldIndex(t.field);
    if (field < 0) return "no field " + t.field + " in " + (layer.name.empty() ? "the layer" : layer.name);
    bool any = false, text = false;
    for (const geo::Feature& f : layer.features) {
        const std::string& v = layer.value(f, field);
        if (v.empty()) continue;
        any = true;
        double d;
        text |= !geo::parseNumber(v, d);
    }
    if (!any) return "field " + t.field + " has no values to classify";
    if (graduated && text && !isNumericField(layer, field)) return "field " + t.field + " is text; graduated needs a number";
    return "";
}

bool applyThematic(const geo::Layer& layer, ThematicStyle& t, float alpha)
{
    t.colors.clear();
    t.labels.clear();
    t.counts.clear();
    t.featureClass.reset();
    t.problem = thematicProblem(layer, t);
    if (t.mode == ThematicMode::Single) return true;
    if (!t.problem.empty()) return false;
    const int field = layer.fieldIndex(t.field);
    const bool graduated = t.mode == ThematicMode::Graduated;
    t.classes = std::clamp(t.classes, 3, 9);
    const std::vector<geo::StyleClass> classes =
        graduated ? geo::graduate(layer, field, t.classes, t.quantile ? geo::Breaks::Quantile : geo::Breaks::EqualInterval)
                  : geo::categorize(layer, field);
    if (classes.empty()) {
        t.problem = "field " + t.field + " has no values to classify";
        return false;
    }
    auto cls = std::make_shared<std::vector<int16_t>>();
    cls->reserve(layer.features.size());
    for (const geo::Feature& f : layer.features)
        cls->push_back(static_cast<int16_t>(geo::classOf(classes, layer.value(f, field), graduated)));
    for (const geo::StyleClass& c : classes) {
        t.colors.push_back({c.colour[0] / 255.0f, c.colour[1] / 255.0f, c.colour[2] / 255.0f, alpha});
        t.labels.push_back(c.label);
        t.counts.push_back(c.count);
    }
    t.featureClass = std::move(cls);
    return true;
}

} // namespace viewer
