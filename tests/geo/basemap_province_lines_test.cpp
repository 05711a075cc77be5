// The basemap's province_lines layer (data/build_basemap.py): boundaries between provinces of
// one country only, never the country's outline. Checked against the provinces polygons with
// GEOS through OGR, not with the build's own code.
#include "test_data.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace {

using GeomPtr = std::unique_ptr<OGRGeometry>;

struct Basemap {
    GDALDatasetUniquePtr ds;
    Basemap()
    {
        GDALAllRegister();
        ds.reset(GDALDataset::Open(testdata::basemap().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        REQUIRE(ds);
    }
    OGRLayer* layer(const char* name) const
    {
        OGRLayer* l = ds->GetLayerByName(name);
        REQUIRE(l);
        l->SetAttributeFilter(nullptr);
        l->SetSpatialFilter(nullptr);
        l->ResetReading();
        return l;
    }
};

GeomPtr province(const Basemap& b, const std::string& adm0, const std::string& name)
{
    OGRLayer* l = b.layer("provinces");
    for (auto& f : *l)
        if (adm0 == f->GetFieldAsString("adm0_a3") && name == f->GetFieldAsString("name"))
            return GeomPtr(f->GetGeometryRef()->clone());
    FAIL("no province " << adm0 << " " << name);
    return nullptr;
}

// The outline of a country as the union of its provinces gives it. The union leaves sliver
// holes (< 1e-13 deg^2) where neighbours' edges differ by float noise; those are not outline.
GeomPtr countryOutline(const Basemap& b, const std::string& adm0)
{
    OGRMultiPolygon all;
    for (auto& f : *b.layer("provinces")) {
        if (adm0 != f->GetFieldAsString("adm0_a3")) continue;
        const OGRGeometry* g = f->GetGeometryRef();
        for (const OGRPolygon* p : *g->toMultiPolygon()) all.addGeometry(p);
    }
    GeomPtr u(all.UnionCascaded());
    REQUIRE(u);
    OGRMultiPolygon clean;
    auto addClean = [&](const OGRPolygon* p) {
        OGRPolygon q;
        q.addRingDirectly(p->getExteriorRing()->clone());
        for (int i = 0; i < p->getNumInteriorRings(); ++i) {
            OGRPolygon hole;
            hole.addRingDirectly(p->getInteriorRing(i)->clone());
            if (hole.get_Area() >= 1e-9) q.addRingDirectly(p->getInteriorRing(i)->clone());
        }
        clean.addGeometry(&q);
    };
    if (wkbFlatten(u->getGeometryType()) == wkbPolygon)
        addClean(u->toPolygon());
    else
        for (const OGRPolygon* p : *u->toMultiPolygon()) addClean(p);
    return GeomPtr(clean.Boundary());
}

double lengthOf(const OGRGeometry* g)
{
    if (!g || g->IsEmpty()) return 0;
    const OGRwkbGeometryType t = wkbFlatten(g->getGeometryType());
    if (t == wkbLineString) return g->toLineString()->get_Length();
    double sum = 0;
    if (t == wkbMultiLineString || t == wkbGeometryCollection)
        for (const OGRGeometry* part : *g->toGeometryCollection()) sum += lengthOf(part);
    return sum;
}

// Share of `stretch` (a piece of a province outline) that has a province line within ~100 m.
double drawnShare(const OGRGeometry& lines, const OGRGeometry& stretch)
{
    GeomPtr zone(stretch.Buffer(0.001, 4));
    GeomPtr near(lines.Intersection(zone.get()));
    return lengthOf(near.get()) / lengthOf(&stretch);
}

} // namespace

TEST_CASE("basemap province_lines: a line layer naming the country and the two provinces")
{
    const Basemap b;
    OGRLayer* l = b.layer("province_lines");
    CHECK(wkbFlatten(l->GetGeomType()) == wkbMultiLineString);
    for (const char* field : {"adm0_a3", "country", "a_name", "b_name"})
        CHECK_MESSAGE(l->GetLayerDefn()->GetFieldIndex(field) >= 0, field);
    std::set<std::string> provinceCountries, lineCountries;
    for (auto& f : *b.layer("provinces")) provinceCountries.insert(f->GetFieldAsString("adm0_a3"));
    size_t n = 0, unordered = 0;
    for (auto& f : *b.layer("province_lines")) {
        ++n;
        lineCountries.insert(f->GetFieldAsString("adm0_a3"));
        // a/b in name order (a pair may share a name: PHL has two Cebu and two Iloilo features).
        if (f->IsFieldSetAndNotNull(f->GetFieldIndex("b_name")) &&
            std::string(f->GetFieldAsString("a_name")) > f->GetFieldAsString("b_name"))
            ++unordered;
        CHECK(lengthOf(f->GetGeometryRef()) > 0);
    }
    CHECK(n > 500);
    CHECK(unordered == 0);
    CHECK(lineCountries == provinceCountries); // every country with provinces, no other
}

TEST_CASE("basemap province_lines: no line touches its country's outline (the border or the coast)")
{
    const Basemap b;
    for (const char* adm0 : {"KHM", "VNM", "THA", "LAO", "MMR"}) {
        CAPTURE(adm0);
        GeomPtr outline = countryOutline(b, adm0);
        // The build stops lines 1e-6 deg (~0.1 m) short of the outline; probe half that.
        GeomPtr zone(outline->Buffer(5e-7, 2));
        size_t lines = 0, touching = 0;
        OGRLayer* l = b.layer("province_lines");
        l->SetAttributeFilter((std::string("adm0_a3 = '") + adm0 + "'").c_str());
        for (auto& f : *l) {
            ++lines;
            if (f->GetGeometryRef()->Intersects(zone.get())) ++touching;
        }
        CHECK(lines > 10);
        CHECK(touching == 0);
    }
}

TEST_CASE("basemap province_lines: Svay Rieng / Prey Veng is drawn, Svay Rieng / Tay Ninh (international) is not")
{
    const Basemap b;
    const GeomPtr svayRieng = province(b, "KHM", "Svay Rieng");
    const GeomPtr preyVeng = province(b, "KHM", "Prey V\u00eang");
    const GeomPtr tayNinh = province(b, "VNM", "T\u00e2y Ninh");

    // By name: the pair is a feature, and no feature pairs provinces of two countries.
    bool pairFound = false;
    for (auto& f : *b.layer("province_lines")) {
        const std::set<std::string> names{f->GetFieldAsString("a_name"), f->GetFieldAsString("b_name")};
        pairFound |= std::string(f->GetFieldAsString("adm0_a3")) == "KHM" &&
                     names == std::set<std::string>{"Svay Rieng", "Prey V\u00eang"};
        CHECK_FALSE(names == std::set<std::string>{"Svay Rieng", "T\u00e2y Ninh"});
    }
    CHECK(pairFound);

    // By geometry: every line near Svay Rieng, whatever its attributes.
    OGRMultiLineString lines;
    OGRLayer* l = b.layer("province_lines");
    l->SetSpatialFilterRect(105.0, 10.5, 107.0, 11.8);
    for (auto& f : *l)
        for (const OGRLineString* part : *f->GetGeometryRef()->toMultiLineString()) lines.addGeometry(part);
    REQUIRE(lines.getNumGeometries() > 3);

    GeomPtr outline(svayRieng->Boundary());
    // The edge Svay Rieng shares with Prey Veng (same country): drawn along its whole length.
    GeomPtr internal(outline->Intersection(GeomPtr(preyVeng->Buffer(1e-6, 2)).get()));
    REQUIRE(lengthOf(internal.get()) > 0.5); // ~80 km
    CHECK(drawnShare(lines, *internal) > 0.97);
    // The stretch facing Tay Ninh (Vietnam) is the international border: not drawn here.
    GeomPtr international(outline->Intersection(GeomPtr(tayNinh->Buffer(0.005, 2)).get()));
    REQUIRE(lengthOf(international.get()) > 0.3); // ~50 km
    CHECK(drawnShare(lines, *international) < 0.05);
}
