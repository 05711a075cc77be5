// The viewer's side of the case store: the store (opened on a worker thread), each compound's
// derived location (computed when the panel first shows it), the findings, the selected
// compound with what the panel shows for it, the time filter, and the compound markers laid
// out for the view.
// Lives in the Session; UI panels read and edit it, the app loop syncs it into the Scene.
#pragma once
#include "viewer/cases/case_form.hpp"
#include "viewer/cases/case_markers.hpp"
#include "viewer/cases/case_time_range.hpp"
#include "viewer/cases/compound_details.hpp"

#include "geo/cases/case_store.hpp"
#include "geo/cases/place_names.hpp"
#include "geo/locator.hpp"
#include "geo/map_crs.hpp"
#include "geo/viewport.hpp"

#include <chrono>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace viewer {

class Scene;

// A request from a map click for the UI: several compounds here, let the user pick one.
struct PickerRequest {
    std::vector<std::string> compoundIds;
    geo::ScreenPx at; // drawable pixels
};

class CaseView {
public:
    CaseView();
    ~CaseView();
    CaseView(CaseView&&) noexcept;
    CaseView& operator=(CaseView&&) noexcept;

    // Opens the store and derives locations on a worker thread ("" = the defaults).
    void startLoading(const std::string& storePath, const std::string& basemapPath);
    // At run time (File > Connect to database): opens another store on a worker, keeping the
    // basemap lookups; until it is in, and when it fails (error() says why), the current store
    // stays. Closes the editors. False while a load is already running.
    bool switchStore(const std::string& storePath, const std::string& basemapPath);
    // Takes the result once ready; true on the call that did.
    bool finishLoadingIfReady();
    // Per frame: finishLoadingIfReady(), and every kPollSeconds asks the store whether anyone
    // committed since it was read (one small query); if so, reads it again on a worker and
    // swaps it in.
    void update();
    static constexpr double kPollSeconds = 3.0;
    // How many times the store was reloaded because others saved (for the status and tests).
    int reloads() const { return m_reloads; }
    // The first load or a store switch is running: the store asked for is not there yet.
    // A live reload (below) is not loading: the store is there and stays usable meanwhile.
    bool loading() const { return m_loading.valid(); }
    // A live reload (others saved) is reading the store on a worker.
    bool reloading() const { return m_reload.valid(); }
    // Asks the store now whether anyone committed since it was read (update() does it every
    // kPollSeconds); if so, starts reading it again on a worker.
    void poll() { pollStore(); }
    // Installs loaded data directly (tests, and the worker's result).
    void setData(geo::CaseData data, std::map<std::string, DerivedLocation> derived, std::string storePath);

    bool hasData() const { return m_data != nullptr; }
    const geo::CaseData& data() const { return *m_data; }
    const std::string& storePath() const { return m_storePath; }
    const std::string& error() const { return m_error; }
    const std::vector<geo::CaseFinding>& findings() const { return m_findings; }
    const DerivedLocation* derived(const std::string& compoundId) const;

    // Selection: a compound id ("" for none). The details are rebuilt here, not per frame.
    void select(const std::string& compoundId);
    const std::string& selected() const { return m_selected; }
    const CompoundDetails* details() const { return m_details ? m_details.get() : nullptr; }
    // Asks the app to centre the map on the selection (set by the panel's list, search).
    bool centreRequested = false;

    const TimeFilter& filter() const { return m_filter; }
    void setFilter(const TimeFilter& f);
    std::optional<DaySpan> span() const { return m_span; }
    // Is the compound shown under the current filter (it has an admitted incident, or the
    // filter is off)?
    bool shown(const geo::Compound& c) const;

    // Lays the markers out for `view` and puts them into the scene's case marker layers
    // (only when the view or the case state changed). `pixelScale`: drawable pixels per style
    // pixel (the window's UI scale): marker sizes and spreads are laid out in style pixels.
    void syncScene(Scene& scene, const geo::Viewport& view, const geo::MapCrs& crs, double pixelScale = 1);
    const MarkerLayout& layout() const { return m_layout; }
    const LayoutInput& layoutInput() const { return m_input; }

    // A click on the map: selects the compound hit, or asks for a picker when several are
    // there. False when no compound marker is under `at` (the caller picks features then).
    bool click(geo::ScreenPx at, const geo::Viewport& view);
    // The compounds under `at`, for the hover tooltip (ids, topmost first).
    std::vector<std::string> compoundsAt(geo::ScreenPx at, const geo::Viewport& view) const;
    std::optional<PickerRequest> picker;
    std::vector<std::string> pickerShowing; // the ids in the open picker popup
    // Where the popup drew each entry (drawable pixels, centre), for tests; empty when closed.
    std::vector<std::pair<std::string, geo::ScreenPx>> pickerItems;

    // Carries out centreRequested: the view centred on the selected compound, zoom kept.
    void applyCentreRequest(geo::Viewport& view, const geo::MapCrs& crs);

    std::string search; // the panel's search box

    // Editing (viewer/ui/case_editor): the store reopened for writing on first use (throws
    // geo::Error when it cannot be), and its data installed again after a commit, undo or reload.
    geo::CaseStore& writableStore();
    // After this process committed (save, undo, keep mine) or reloaded the store itself: shows
    // the store's rows, and drops a live reload started before (it read older rows, through an
    // older store; the next poll reads again if others saved).
    void storeChanged();
    // The rows shown now with their row versions, for a form to save against (null: no store).
    FormBase snapshot() const;
    // A map click armed by the editor ("Add compound", "Move") lands here instead of selecting.
    bool mapClickArmed = false;
    std::optional<geo::LonLat> armedClickAt;
    CaseEditing editing; // the editor windows' forms and last save result

private:
    struct Loaded {
        std::shared_ptr<geo::CaseStore> store;
        std::shared_ptr<const geo::Locator> locator;
        std::shared_ptr<const geo::AreaNames> names;
        std::optional<geo::CaseData> data;
        std::map<std::string, DerivedLocation> derived;
        std::string path;
        std::string given; // the path as given (may hold a password: memory only)
        std::string error;
    };
    static Loaded load(const std::string& storePath, const std::string& basemapPath,
                       std::shared_ptr<const geo::Locator> locator, std::shared_ptr<const geo::AreaNames> names,
                       geo::CaseAccess access);
    void rebuild();
    void pollStore();
    bool finishReloadIfReady(); // takes a live reload's result, or drops it (m_generation)

    std::shared_ptr<geo::CaseStore> m_store; // kept open for the change poll
    std::string m_openPath; // as given, to reopen it for writing (m_store->path() is redacted)
    std::shared_ptr<const geo::Locator> m_locator;
    std::shared_ptr<const geo::AreaNames> m_names;
    std::chrono::steady_clock::time_point m_lastPoll{};
    int m_reloads = 0;
    // Bumped whenever this process commits through m_store or replaces it (storeChanged,
    // writableStore reopening it, switchStore): a live reload started under an older
    // generation read the store before that and is discarded when it lands.
    uint64_t m_generation = 0;
    uint64_t m_reloadGeneration = 0; // m_generation when m_reload started
    std::future<Loaded> m_reload;    // the live reload (pollStore); m_loading: first load, switch
    std::shared_ptr<const geo::CaseData> m_data;
    std::map<std::string, DerivedLocation> m_derived; // per compound, filled as compounds are shown
    CompoundTotals m_totals; // people affected and shown() per compound, for the current filter
    std::vector<geo::CaseFinding> m_findings;
    std::string m_storePath;
    std::string m_error;
    std::future<Loaded> m_loading;
    std::string m_selected;
    std::unique_ptr<CompoundDetails> m_details;
    TimeFilter m_filter;
    std::optional<DaySpan> m_span;
    LayoutInput m_input;
    MarkerLayout m_layout;
    uint64_t m_version = 1;       // bumped when what the markers show changes
    uint64_t m_syncedVersion = 0;
    geo::Viewport m_syncedView;
    double m_pixelScale = 1;
    // `view` in style pixels (the same ground, pixels m_pixelScale times bigger): what the
    // layout and its hit tests work in.
    geo::Viewport styleView(const geo::Viewport& view) const;
    std::string m_syncedCrs; // the map CRS the markers were laid out in
};

} // namespace viewer
