// Loading on a worker, derived state rebuilt on change, markers synced to the scene.
#include "viewer/cases/case_view.hpp"
#include "viewer/cases/compound_style.hpp"

#include "viewer/render/layer_titles.hpp"
#include "viewer/render/scene.hpp"

#include "geo/cases/case_checks.hpp"
#include "geo/cases/place_names.hpp"
#include "geo/locator.hpp"

#include <algorithm>
#include <cmath>
#include <chrono>

namespace viewer {

namespace {
constexpr const char* kUncertaintyLayer = kUncertaintyMarkers;
constexpr const char* kLinksLayer = kLinksMarkers;
constexpr const char* kPlacesLayer = kPlacesMarkers;
constexpr const char* kCompoundsLayer = kCompoundsMarkers;

// Locating a compound costs up to ~100 ms (border distances), so it is done for the compound
// the panel shows, when it is shown, not for every compound of a 10,000-compound store at load.
std::optional<DerivedLocation> deriveOne(const geo::Compound& c, const geo::Locator& locator, const geo::AreaNames& names)
{
    if (!(std::abs(c.location.lon) <= 180 && std::abs(c.location.lat) <= 90)) return std::nullopt; // validation reports it
    const geo::Location loc = locator.locate(c.location);
    return deriveLocation(c, loc, geo::checkCompoundLocation(c, loc, names));
}

MarkerLayer& markerLayer(Scene& scene, const char* name)
{
    for (MarkerLayer& l : scene.markerLayers())
        if (l.name() == name) return l;
    return scene.addMarkerLayer(name);
}
} // namespace

CaseView::CaseView() = default;
CaseView::~CaseView()
{
    if (m_loading.valid()) m_loading.wait();
    if (m_reload.valid()) m_reload.wait();
}
CaseView::CaseView(CaseView&&) noexcept = default;
CaseView& CaseView::operator=(CaseView&&) noexcept = default;

CaseView::Loaded CaseView::load(const std::string& storePath, const std::string& basemapPath,
                                std::shared_ptr<const geo::Locator> locator, std::shared_ptr<const geo::AreaNames> names,
                                geo::CaseAccess access)
{
    Loaded out;
    out.path = out.given = storePath.empty() ? geo::defaultCaseStorePath() : storePath;
    try {
        out.store = std::make_shared<geo::CaseStore>(geo::CaseStore::open(out.given, access));
        out.path = out.store->path();
        out.data = out.store->data();
    } catch (const std::exception& e) {
        out.error = std::string("case store: ") + e.what();
        return out;
    }
    try {
        const std::string basemap = basemapPath.empty() ? geo::defaultBasemapPath() : basemapPath;
        out.locator = locator ? std::move(locator) : std::make_shared<const geo::Locator>(basemap);
        out.names = names ? std::move(names) : std::make_shared<const geo::AreaNames>(geo::AreaNames::fromBasemap(basemap));
    } catch (const std::exception& e) {
        // The panel still shows the cases, without derived country and province.
        out.error = std::string("locating compounds: ") + e.what();
    }
    return out;
}

void CaseView::startLoading(const std::string& storePath, const std::string& basemapPath)
{
    m_loading = std::async(std::launch::async, [storePath, basemapPath] {
        return load(storePath, basemapPath, nullptr, nullptr, geo::CaseAccess::ReadOnly);
    });
}

bool CaseView::switchStore(const std::string& storePath, const std::string& basemapPath)
{
    if (m_loading.valid()) return false;
    editing = CaseEditing{}; // forms of the old store cannot be saved into the new one
    mapClickArmed = false;
    ++m_generation; // a live reload of the old store must not land over the new one
    m_loading = std::async(std::launch::async, [storePath, basemapPath, locator = m_locator, names = m_names] {
        return load(storePath, basemapPath, locator, names, geo::CaseAccess::ReadOnly);
    });
    return true;
}

bool CaseView::finishLoadingIfReady()
{
    if (!m_loading.valid() || m_loading.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    Loaded l = m_loading.get();
    m_error = l.error;
    if (!l.store && m_store) return true; // a switch that failed: keep the store we have
    ++m_generation;
    m_store = std::move(l.store);
    m_openPath = std::move(l.given);
    m_locator = std::move(l.locator);
    m_names = std::move(l.names);
    m_lastPoll = std::chrono::steady_clock::now();
    if (l.data) setData(std::move(*l.data), std::move(l.derived), l.path);
    return true;
}

bool CaseView::finishReloadIfReady()
{
    if (!m_reload.valid() || m_reload.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    Loaded l = m_reload.get();
    // This process saved (or switched stores) since the read began: its rows are older than
    // what is shown, and its store would replace the one holding the undo stack (maybe
    // read-only again). Dropped; the next poll reads again when others saved.
    if (m_reloadGeneration != m_generation) return false;
    m_error = l.error;
    if (!l.store) return false; // the read failed (m_error says why): keep the store and rows we have
    ++m_reloads;
    m_store = std::move(l.store);
    m_locator = std::move(l.locator);
    m_names = std::move(l.names);
    m_lastPoll = std::chrono::steady_clock::now();
    if (l.data) setData(std::move(*l.data), std::move(l.derived), l.path);
    return true;
}

void CaseView::update()
{
    finishLoadingIfReady();
    finishReloadIfReady();
    if (!m_store || m_loading.valid() || m_reload.valid()) return;
    const auto now = std::chrono::steady_clock::now();
    if (std::chrono::duration<double>(now - m_lastPoll).count() < kPollSeconds) return;
    m_lastPoll = now;
    pollStore();
}

void CaseView::pollStore()
{
    if (!m_store || m_loading.valid() || m_reload.valid()) return;
    try {
        if (!m_store->changedSinceRead()) return;
        // Read again on a worker (seconds for a large PostGIS store); the store and what it
        // shows stay as they are until the new read replaces them (finishReloadIfReady).
        const geo::CaseAccess access = m_store->writable() ? geo::CaseAccess::ReadWrite : geo::CaseAccess::ReadOnly;
        m_reloadGeneration = m_generation;
        m_reload = std::async(std::launch::async, [path = m_openPath, locator = m_locator, names = m_names, access] {
            return load(path, "", locator, names, access);
        });
    } catch (const std::exception& e) {
        m_error = std::string("case store: ") + e.what();
    }
}

geo::CaseStore& CaseView::writableStore()
{
    if (!m_store) throw geo::Error("the case store is not loaded");
    if (!m_store->writable()) {
        m_store = std::make_shared<geo::CaseStore>(geo::CaseStore::open(m_openPath, geo::CaseAccess::ReadWrite));
        ++m_generation; // a live reload would bring the read-only store back
    }
    return *m_store;
}

FormBase CaseView::snapshot() const
{
    if (!m_store) return nullptr;
    return std::make_shared<const geo::CaseSnapshot>(m_store->snapshot());
}

void CaseView::storeChanged()
{
    if (!m_store) return;
    ++m_generation;
    setData(m_store->data(), {}, m_store->path()); // keeps the selection
}

void CaseView::setData(geo::CaseData data, std::map<std::string, DerivedLocation> derived, std::string storePath)
{
    m_data = std::make_shared<const geo::CaseData>(std::move(data));
    m_derived = std::move(derived);
    m_storePath = std::move(storePath);
    // The spatial findings are in m_derived; these are the rest (counts, sources, links).
    m_findings = geo::checkCases(*m_data, nullptr, {});
    m_span = incidentsSpan(*m_data);
    if (m_span && !m_filter.enabled) m_filter.range = *m_span;
    if (!m_selected.empty() && !m_data->findCompound(m_selected)) m_selected.clear();
    rebuild();
}

const DerivedLocation* CaseView::derived(const std::string& compoundId) const
{
    auto it = m_derived.find(compoundId);
    return it == m_derived.end() ? nullptr : &it->second;
}

void CaseView::select(const std::string& compoundId)
{
    if (compoundId == m_selected) return;
    m_selected = compoundId;
    rebuild();
}

void CaseView::setFilter(const TimeFilter& f)
{
    if (f.enabled == m_filter.enabled && f.range.first == m_filter.range.first && f.range.last == m_filter.range.last)
        return;
    m_filter = f;
    rebuild();
}

bool CaseView::shown(const geo::Compound& c) const
{
    return !m_filter.enabled || m_totals.withAdmitted.count(c.id) > 0; // m_totals: as of the last rebuild
}

void CaseView::rebuild()
{
    ++m_version;
    m_details.reset();
    m_input = {};
    m_totals = {};
    if (!m_data) return;
    const geo::CaseData& d = *m_data;
    const geo::Compound* sel = m_selected.empty() ? nullptr : d.findCompound(m_selected);
    if (sel && !m_derived.count(sel->id) && m_locator && m_names)
        if (std::optional<DerivedLocation> loc = deriveOne(*sel, *m_locator, *m_names)) m_derived.emplace(sel->id, *loc);
    if (sel) m_details = std::make_unique<CompoundDetails>(buildDetails(d, *sel, derived(sel->id), m_findings, m_filter));

    m_totals = compoundTotals(d, m_filter);
    const CompoundTotals& totals = m_totals;
    for (const geo::Compound& c : d.compounds) {
        if (!shown(c) && c.id != m_selected) continue;
        CompoundPoint p;
        p.id = c.id;
        p.name = c.name;
        p.location = c.location;
        p.status = c.status;
        p.precision = c.precision;
        const auto people = totals.people.find(c.id);
        p.people = people == totals.people.end() ? 0 : people->second;
        p.place = isPlaceKind(c.kind);
        m_input.compounds.push_back(std::move(p));
    }
    // Incidents' own places: all admitted ones; joined by a line to the selection when theirs.
    for (const geo::Incident& inc : d.incidents) {
        if (!inc.location || !m_filter.admits(inc)) continue;
        IncidentPlace p;
        p.location = *inc.location;
        p.label = inc.id;
        m_input.places.push_back(p);
    }
    m_input.selected = m_selected;
    if (m_details) {
        for (const IncidentRow& row : m_details->incidents) {
            if (row.ownLocation) {
                for (IncidentPlace& p : m_input.places)
                    if (p.label == row.id) {
                        p.joined = true;
                        p.relation = row.relation;
                    }
            }
            // A linked place (an airport the people were deported through) is drawn by its own
            // marker; only the line is added.
            for (const LinkedPlace& lp : row.places) {
                if (!isPlaceKind(lp.kind) && !(sel && isPlaceKind(sel->kind))) continue;
                IncidentPlace p;
                p.location = lp.location;
                p.label = row.id + " @ " + lp.compoundId;
                p.relation = row.relation == geo::LinkRelation::At ? lp.relation : row.relation;
                p.joined = true;
                p.ownMarker = false;
                m_input.places.push_back(p);
            }
        }
    }
}

geo::Viewport CaseView::styleView(const geo::Viewport& view) const
{
    const double k = m_pixelScale;
    if (k == 1) return view;
    geo::Viewport v = view;
    v.resize(static_cast<int>(std::lround(view.width() / k)), static_cast<int>(std::lround(view.height() / k)));
    v.setUnitsPerPixelLimits(view.unitsPerPixel() * k, view.unitsPerPixel() * k); // the view's own, not metre limits
    return v;
}

void CaseView::syncScene(Scene& scene, const geo::Viewport& view, const geo::MapCrs& crs, double pixelScale)
{
    if (pixelScale > 0 && pixelScale != m_pixelScale) {
        m_pixelScale = pixelScale;
        m_syncedView = {};
    }
    const bool sameView = m_syncedView.unitsPerPixel() == view.unitsPerPixel() &&
                          m_syncedView.center().x == view.center().x && m_syncedView.center().y == view.center().y &&
                          m_syncedView.width() == view.width() && m_syncedView.height() == view.height();
    if (sameView && m_syncedVersion == m_version && m_syncedCrs == crs.definition()) return;
    m_syncedView = view;
    m_syncedVersion = m_version;
    m_syncedCrs = crs.definition();
    m_layout = layoutMarkers(m_input, styleView(view), crs);
    markerLayer(scene, kUncertaintyLayer).setMarkers(m_layout.uncertainty);
    markerLayer(scene, kLinksLayer).setMarkers(m_layout.links);
    markerLayer(scene, kPlacesLayer).setMarkers(m_layout.places);
    markerLayer(scene, kCompoundsLayer).setMarkers(m_layout.markers);
}

bool CaseView::click(geo::ScreenPx at, const geo::Viewport& view)
{
    const std::optional<MarkerHit> hit = hitTest(m_layout, styleView(view), {at.x / m_pixelScale, at.y / m_pixelScale});
    if (!hit) return false;
    if (hit->compound) {
        select(m_input.compounds[m_layout.compounds[*hit->compound].input].id);
        return true;
    }
    PickerRequest req;
    req.at = at;
    for (size_t m : m_layout.groups[*hit->group].members)
        req.compoundIds.push_back(m_input.compounds[m_layout.compounds[m].input].id);
    std::sort(req.compoundIds.begin(), req.compoundIds.end());
    picker = std::move(req);
    return true;
}

void CaseView::applyCentreRequest(geo::Viewport& view, const geo::MapCrs& crs)
{
    if (!centreRequested) return;
    centreRequested = false;
    if (!m_data) return;
    if (const geo::Compound* c = m_data->findCompound(m_selected)) {
        const geo::MapXY m = crs.forward(c->location);
        if (std::isfinite(m.x) && std::isfinite(m.y)) view.setCenter(m);
    }
}

std::vector<std::string> CaseView::compoundsAt(geo::ScreenPx at, const geo::Viewport& view) const
{
    std::vector<std::string> out;
    const std::optional<MarkerHit> hit = hitTest(m_layout, styleView(view), {at.x / m_pixelScale, at.y / m_pixelScale});
    if (!hit) return out;
    if (hit->compound) out.push_back(m_input.compounds[m_layout.compounds[*hit->compound].input].id);
    else
        for (size_t m : m_layout.groups[*hit->group].members) out.push_back(m_input.compounds[m_layout.compounds[m].input].id);
    return out;
}

} // namespace viewer
