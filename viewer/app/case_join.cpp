// The join runs on the UI thread: a point-in-polygon pass over an R-tree, milliseconds for
// the basemap's provinces and a sample-sized store.
#include "viewer/app/case_join.hpp"

#include "geo/crs.hpp"
#include "geo/error.hpp"

#include <cmath>
#include <cstdio>
#include <memory>

namespace viewer {

namespace {

// What the joined values depend on; a change of any part means a new join.
std::string joinStamp(const Session& s, const SceneLayer& l)
{
    const TimeFilter& f = s.cases.filter();
    char buf[160];
    std::snprintf(buf, sizeof buf, "|%d|%d|%d|%d|%p", s.cases.reloads(), f.enabled ? 1 : 0, f.range.first, f.range.last,
                  static_cast<const void*>(&s.cases.data()));
    return l.style.thematic.caseJoin + "|" + s.cases.storePath() + buf;
}

std::string formatNumber(double v)
{
    char buf[32];
    if (v == std::floor(v) && std::fabs(v) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

void fallBack(Session& s, SceneLayer& l, const std::string& why)
{
    s.warnings.push_back(l.data->name + ": " + why + "; single colour used");
    s.toast(s.warnings.back(), 8);
    ThematicStyle& t = l.style.thematic;
    t.caseJoin.clear();
    t.caseJoinStamp.clear();
    t.mode = ThematicMode::Single;
    t.featureClass.reset();
    t.problem = why; // the style editor says why the figures are not shown
}

} // namespace

std::string caseJoinField(geo::CaseMeasure m) { return std::string("cases: ") + geo::labelOf(m); }

geo::Layer withNumericField(const geo::Layer& layer, const std::string& name, const std::vector<double>& values)
{
    geo::Layer out = layer;
    int field = out.fieldIndex(name);
    if (field < 0) {
        out.fields.push_back({name, geo::FieldType::Real});
        field = static_cast<int>(out.fields.size() - 1);
    }
    for (size_t k = 0; k < out.features.size(); ++k) {
        std::vector<std::string>& row = out.features[k].values;
        if (row.size() <= static_cast<size_t>(field)) row.resize(field + 1);
        row[field] = k < values.size() ? formatNumber(values[k]) : "";
    }
    return out;
}

std::vector<double> caseFigureValues(const geo::CaseData& cases, const geo::Layer& layer, geo::CaseMeasure measure,
                                     const TimeFilter& filter)
{
    geo::Projector toLayer(geo::kWgs84, layer.crs.empty() ? std::string(geo::kWgs84) : layer.crs);
    geo::CaseFigureOptions o;
    o.measure = measure;
    o.admit = [filter](const geo::Incident& i) { return filter.admits(i); };
    // A compound within the boundaries' accuracy of the province its sources name
    // counts there (see geo/cases/case_figures.hpp).
    o.nameFields = {"name", "NAME", "Name", "name_alt", "NAME_1", "name_1", "shapeName"};
    o.fromLayer = [&toLayer](geo::MapXY m) {
        double x = m.x, y = m.y;
        if (!toLayer.inverse(x, y)) return geo::LonLat{NAN, NAN};
        return geo::LonLat{x, y};
    };
    return geo::caseFiguresPerFeature(cases, layer, [&](geo::LonLat p) {
        double x = p.lon, y = p.lat;
        if (!toLayer.forward(x, y)) return geo::MapXY{NAN, NAN};
        return geo::MapXY{x, y};
    }, o);
}

bool waitingForCaseJoin(const Session& session, const SceneLayer& layer)
{
    const ThematicStyle& t = layer.style.thematic;
    return !t.caseJoin.empty() && (t.caseJoinStamp.empty() || layer.data->fieldIndex(t.field) < 0) &&
           (session.cases.loading() || !session.cases.hasData());
}

void refreshCaseJoins(Session& session)
{
    for (SceneLayer& l : session.scene.layers()) {
        ThematicStyle& t = l.style.thematic;
        if (t.caseJoin.empty() || t.mode == ThematicMode::Single) continue;
        const std::optional<geo::CaseMeasure> measure = geo::parseCaseMeasure(t.caseJoin);
        if (!measure) {
            fallBack(session, l, "unknown case figure '" + t.caseJoin + "'");
            continue;
        }
        if (l.data->kind != geo::GeomKind::Polygon) {
            fallBack(session, l, "case figures join onto polygons only");
            continue;
        }
        if (!session.cases.hasData()) {
            if (!session.cases.loading() && !session.cases.error().empty())
                fallBack(session, l, "no case store (" + session.cases.error() + ")");
            continue; // still loading: classify once the store is there
        }
        const std::string stamp = joinStamp(session, l);
        const std::string field = caseJoinField(*measure);
        if (stamp == t.caseJoinStamp && l.data->fieldIndex(field) >= 0) continue;
        std::vector<double> values;
        try {
            values = caseFigureValues(session.cases.data(), *l.data, *measure, session.cases.filter());
        } catch (const geo::Error& e) {
            fallBack(session, l, e.what());
            continue;
        }
        l.data = std::make_shared<const geo::Layer>(withNumericField(*l.data, field, values));
        t.field = field;
        t.caseJoinStamp = stamp;
        t.featureClass.reset(); // classes recomputed from the new values
        t.problem.clear();
    }
}

} // namespace viewer
