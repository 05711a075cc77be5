// GLU tessellator driven polygon by polygon; an edge-flag callback forces plain triangles.
#include "viewer/render/tessellator.hpp"

#include <epoxy/gl.h>
#include <GL/glu.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <memory>

namespace viewer {

namespace {

struct TessContext {
    TriangleMesh* mesh = nullptr;
    bool error = false;
};

using Callback = void (*)();

void APIENTRY onBegin(GLenum, void*) {}
void APIENTRY onEdgeFlag(GLboolean, void*) {}
void APIENTRY onEnd(void*) {}
void APIENTRY onVertex(void* vertex, void* data)
{
    auto* ctx = static_cast<TessContext*>(data);
    ctx->mesh->indices.push_back(static_cast<uint32_t>(reinterpret_cast<uintptr_t>(vertex)));
}
void APIENTRY onCombine(GLdouble coords[3], void*[4], GLfloat[4], void** out, void* data)
{
    auto* ctx = static_cast<TessContext*>(data);
    const uint32_t index = static_cast<uint32_t>(ctx->mesh->vertexCount());
    ctx->mesh->xy.push_back(static_cast<float>(coords[0]));
    ctx->mesh->xy.push_back(static_cast<float>(coords[1]));
    *out = reinterpret_cast<void*>(static_cast<uintptr_t>(index));
}
void APIENTRY onError(GLenum, void* data) { static_cast<TessContext*>(data)->error = true; }

struct TessDeleter {
    void operator()(GLUtesselator* t) const { gluDeleteTess(t); }
};

} // namespace

bool tessellatePolygons(const geo::Geometry& g, geo::MapXY origin, TriangleMesh& out)
{
    if (g.kind != geo::GeomKind::Polygon || g.empty()) return true;
    std::unique_ptr<GLUtesselator, TessDeleter> tess(gluNewTess());
    GLUtesselator* t = tess.get();
    gluTessCallback(t, GLU_TESS_BEGIN_DATA, reinterpret_cast<Callback>(&onBegin));
    gluTessCallback(t, GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<Callback>(&onEdgeFlag));
    gluTessCallback(t, GLU_TESS_VERTEX_DATA, reinterpret_cast<Callback>(&onVertex));
    gluTessCallback(t, GLU_TESS_END_DATA, reinterpret_cast<Callback>(&onEnd));
    gluTessCallback(t, GLU_TESS_COMBINE_DATA, reinterpret_cast<Callback>(&onCombine));
    gluTessCallback(t, GLU_TESS_ERROR_DATA, reinterpret_cast<Callback>(&onError));
    gluTessProperty(t, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
    gluTessNormal(t, 0, 0, 1);

    TessContext ctx{&out, false};
    std::vector<std::array<GLdouble, 3>> coords;
    for (size_t poly = 0; poly < g.polygonCount(); ++poly) {
        const size_t firstRing = g.polygonStarts[poly], endRing = g.polygonStarts[poly + 1];
        coords.clear();
        coords.reserve(g.partStarts[endRing] - g.partStarts[firstRing]);
        gluTessBeginPolygon(t, &ctx);
        for (size_t r = firstRing; r < endRing; ++r) {
            size_t b = g.partStarts[r], e = g.partStarts[r + 1];
            // A closed ring repeats its first point; GLU wants it once.
            if (e - b > 1 && g.coords[b].x == g.coords[e - 1].x && g.coords[b].y == g.coords[e - 1].y) --e;
            if (e - b < 3) continue;
            gluTessBeginContour(t);
            for (size_t i = b; i < e; ++i) {
                const double x = g.coords[i].x - origin.x, y = g.coords[i].y - origin.y;
                const uint32_t index = static_cast<uint32_t>(out.vertexCount());
                out.xy.push_back(static_cast<float>(x));
                out.xy.push_back(static_cast<float>(y));
                coords.push_back({x, y, 0});
                gluTessVertex(t, coords.back().data(), reinterpret_cast<void*>(static_cast<uintptr_t>(index)));
            }
            gluTessEndContour(t);
        }
        gluTessEndPolygon(t);
    }
    return !ctx.error;
}

double triangleArea(const TriangleMesh& mesh)
{
    double sum = 0;
    for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        const float* a = &mesh.xy[2 * mesh.indices[i]];
        const float* b = &mesh.xy[2 * mesh.indices[i + 1]];
        const float* c = &mesh.xy[2 * mesh.indices[i + 2]];
        sum += std::fabs((double(b[0]) - a[0]) * (double(c[1]) - a[1]) - (double(c[0]) - a[0]) * (double(b[1]) - a[1])) / 2;
    }
    return sum;
}

} // namespace viewer
