// PROJ-backed transformations; every PJ* lives here and nowhere else.
#include "geo/crs.hpp"
#include "geo/error.hpp"

#include <proj.h>

#include <cmath>

namespace geo {

namespace {

struct ContextGuard {
    PJ_CONTEXT* ctx = proj_context_create();
    ~ContextGuard() { proj_context_destroy(ctx); }
};

// Offline always: a CRS definition must never make PROJ reach the network.
void configureOffline(PJ_CONTEXT* ctx) { proj_context_set_enable_network(ctx, 0); }

std::string lastError(PJ_CONTEXT* ctx)
{
    const char* msg = proj_context_errno_string(ctx, proj_context_errno(ctx));
    return msg ? msg : "unknown PROJ error";
}

} // namespace

std::string describeCrs(const std::string& definition)
{
    ContextGuard g;
    configureOffline(g.ctx);
    proj_log_level(g.ctx, PJ_LOG_NONE);
    PJ* crs = proj_create(g.ctx, definition.c_str());
    if (!crs) throw Error("unknown CRS '" + definition + "': " + lastError(g.ctx));
    const char* name = proj_get_name(crs);
    std::string out = name ? name : definition;
    proj_destroy(crs);
    return out;
}

bool isGeographicCrs(const std::string& definition)
{
    ContextGuard g;
    configureOffline(g.ctx);
    proj_log_level(g.ctx, PJ_LOG_NONE);
    PJ* crs = proj_create(g.ctx, definition.c_str());
    if (!crs) throw Error("unknown CRS '" + definition + "': " + lastError(g.ctx));
    PJ_TYPE t = proj_get_type(crs);
    proj_destroy(crs);
    return t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS || t == PJ_TYPE_GEOGRAPHIC_CRS;
}

Extent crsAreaOfUse(const std::string& definition)
{
    ContextGuard g;
    configureOffline(g.ctx);
    proj_log_level(g.ctx, PJ_LOG_NONE);
    Extent out;
    PJ* crs = proj_create(g.ctx, definition.c_str());
    if (!crs) return out;
    double w = 0, s = 0, e = 0, n = 0;
    if (proj_get_area_of_use(g.ctx, crs, &w, &s, &e, &n, nullptr) && w > -1000) {
        // Kept as given (not expand()), so a box across 180 degrees stays recognisable.
        out.minX = w;
        out.minY = s;
        out.maxX = e;
        out.maxY = n;
    }
    proj_destroy(crs);
    return out;
}

bool isProjectedCrs(const std::string& definition)
{
    ContextGuard g;
    configureOffline(g.ctx);
    proj_log_level(g.ctx, PJ_LOG_NONE);
    PJ* crs = proj_create(g.ctx, definition.c_str());
    if (!crs) throw Error("unknown CRS '" + definition + "': " + lastError(g.ctx));
    const PJ_TYPE t = proj_get_type(crs);
    proj_destroy(crs);
    return t == PJ_TYPE_PROJECTED_CRS;
}

std::string utmCrsFor(LonLat p)
{
    int zone = static_cast<int>(std::floor((p.lon + 180.0) / 6.0)) + 1;
    zone = std::clamp(zone, 1, 60);
    return "EPSG:" + std::to_string((p.lat >= 0 ? 32600 : 32700) + zone);
}

struct Projector::Impl {
    PJ_CONTEXT* ctx = nullptr;
    PJ* pj = nullptr;
    bool identity = false;
    bool transform(PJ_DIRECTION dir, double& x, double& y) const
    {
        if (!std::isfinite(x) || !std::isfinite(y)) return false;
        if (identity) return true;
        PJ_COORD r = proj_trans(pj, dir, proj_coord(x, y, 0, 0));
        if (!std::isfinite(r.xy.x) || !std::isfinite(r.xy.y) || r.xy.x == HUGE_VAL) return false;
        x = r.xy.x;
        y = r.xy.y;
        return true;
    }
    ~Impl()
    {
        if (pj) proj_destroy(pj);
        if (ctx) proj_context_destroy(ctx);
    }
};

Projector::Projector(const std::string& from, const std::string& to)
    : m_impl(std::make_unique<Impl>()), m_from(from), m_to(to)
{
    m_impl->ctx = proj_context_create();
    configureOffline(m_impl->ctx);
    proj_log_level(m_impl->ctx, PJ_LOG_NONE);
    if (from == to) {
        m_impl->identity = true;
        return;
    }
    PJ* raw = proj_create_crs_to_crs(m_impl->ctx, from.c_str(), to.c_str(), nullptr);
    if (!raw)
        throw Error("cannot transform from '" + from + "' to '" + to + "': " + lastError(m_impl->ctx));
    // Normalise both ends to x = lon/easting, y = lat/northing (EPSG:4326 is lat/lon by definition).
    m_impl->pj = proj_normalize_for_visualization(m_impl->ctx, raw);
    proj_destroy(raw);
    if (!m_impl->pj)
        throw Error("cannot normalise axis order from '" + from + "' to '" + to + "'");
}

Projector::~Projector() = default;
Projector::Projector(Projector&&) noexcept = default;
Projector& Projector::operator=(Projector&&) noexcept = default;

bool Projector::forward(double& x, double& y) const { return m_impl->transform(PJ_FWD, x, y); }
bool Projector::inverse(double& x, double& y) const { return m_impl->transform(PJ_INV, x, y); }

size_t Projector::forward(std::vector<MapXY>& pts) const
{
    if (m_impl->identity) return 0;
    size_t failed = 0;
    if (!pts.empty())
        proj_trans_generic(m_impl->pj, PJ_FWD, &pts[0].x, sizeof(MapXY), pts.size(), &pts[0].y, sizeof(MapXY),
                           pts.size(), nullptr, 0, 0, nullptr, 0, 0);
    for (MapXY& p : pts) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || p.x == HUGE_VAL) {
            p = {NAN, NAN};
            ++failed;
        }
    }
    return failed;
}

static Extent densified(const Projector& p, const Extent& e, bool forwardDir)
{
    Extent out;
    if (e.empty()) return out;
    constexpr int kSteps = 32;
    for (int i = 0; i <= kSteps; ++i) {
        double t = static_cast<double>(i) / kSteps;
        const double xs[4] = {e.minX + t * e.width(), e.minX + t * e.width(), e.minX, e.maxX};
        const double ys[4] = {e.minY, e.maxY, e.minY + t * e.height(), e.minY + t * e.height()};
        for (int k = 0; k < 4; ++k) {
            double x = xs[k], y = ys[k];
            if (forwardDir ? p.forward(x, y) : p.inverse(x, y)) out.expand(x, y);
        }
    }
    return out;
}

Extent Projector::forwardExtent(const Extent& e) const { return densified(*this, e, true); }
Extent Projector::inverseExtent(const Extent& e) const { return densified(*this, e, false); }

} // namespace geo
