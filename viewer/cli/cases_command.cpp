// `compound-atlas cases list|show ID|check|import|export` (and, from cases_admin_command.cpp,
// init|copy|set-status): the case store from the command line.
// Exit codes: 0 ok; 1 failure, unknown id, or `check` found error-level problems; 2 usage.
#include "viewer/cli/cli.hpp"
#include "viewer/cli/cases_admin_command.hpp"
#include "geo/cases/case_checks.hpp"
#include "geo/cases/case_csv.hpp"
#include "geo/cases/case_json.hpp"
#include "geo/cases/case_store.hpp"
#include "geo/error.hpp"
#include "geo/location_format.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

namespace viewer {

namespace {

using nlohmann::json;

struct CasesOptions {
    std::string db;
    std::string basemap;
    std::string id;
    std::string from;
    std::string to;
    bool json = false;
    bool force = false;
    bool partial = false; // show: read only the rows about this compound
    bool timing = false;  // show: print load and panel times on stderr (bench/pg)
};

std::string dbPath(const CasesOptions& o) { return o.db.empty() ? geo::defaultCaseStorePath() : o.db; }
std::string basemapPath(const CasesOptions& o) { return o.basemap.empty() ? geo::defaultBasemapPath() : o.basemap; }

std::string thousands(int64_t v)
{
    std::string s = std::to_string(v < 0 ? -v : v);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
    return v < 0 ? "-" + s : s;
}

std::string join(const std::vector<std::string>& v, const char* sep)
{
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}

int runList(const CasesOptions& o)
{
    geo::CaseStore store = geo::CaseStore::open(dbPath(o));
    const geo::CaseData& d = store.data();
    if (o.json) {
        json j = {{"db", store.path()}, {"schema_version", store.schemaVersion()}, {"change_counter", store.changeCounter()}};
        j["compounds"] = json::array();
        for (const geo::Compound& c : d.compounds) {
            json cj = geo::toJson(c);
            cj["incident_count"] = d.incidentsFor(c.id).size();
            j["compounds"].push_back(std::move(cj));
        }
        j["incidents"] = json::array();
        for (const geo::Incident& i : d.incidents) j["incidents"].push_back(geo::toJson(d.view(i)));
        std::cout << j.dump(2) << "\n";
        return kExitOk;
    }
    std::cout << d.compounds.size() << " compounds, " << d.incidents.size() << " incidents, " << d.sources.size()
              << " sources in " << store.path() << "\n";
    for (const geo::Compound& c : d.compounds) {
        std::printf("%-22s %-40s %-16s %-8s %3zu incident(s)  %.5f, %.5f (%s)\n", c.id.c_str(), c.name.c_str(),
                    c.kind.c_str(), geo::nameOf(c.status), d.incidentsFor(c.id).size(), c.location.lon,
                    c.location.lat, geo::nameOf(c.precision));
    }
    return kExitOk;
}

void printIncident(const geo::CaseData& d, const geo::IncidentView& v, bool withRelation)
{
    const geo::Incident& i = *v.incident;
    std::cout << "\n  " << geo::describeIncidentDates(i) << ": " << geo::nameOf(i.kind);
    if (withRelation) std::cout << " [" << geo::nameOf(v.relation) << "]";
    std::cout << "  (" << i.id << ")\n";
    if (!i.summary.empty()) std::cout << "    " << i.summary << "\n";
    std::string people;
    if (i.totalPeople) people = thousands(*i.totalPeople) + " people";
    if (!v.counts.empty()) {
        std::vector<std::string> parts;
        for (const geo::NationalityCount* c : v.counts) parts.push_back(c->nationality + " " + thousands(c->count));
        people += (people.empty() ? "" : "; ") + std::string("by nationality: ") + join(parts, ", ") + " (sum " +
                  thousands(v.countsSum()) + ")";
    }
    if (i.personnel) people += (people.empty() ? "" : "; ") + std::string("personnel: ") + thousands(*i.personnel);
    if (!people.empty()) std::cout << "    " << people << "\n";
    if (i.location) std::printf("    Own location: %.5f, %.5f\n", i.location->lon, i.location->lat);
    std::vector<std::string> links;
    for (const geo::IncidentLink* l : v.links) {
        const geo::Compound* c = d.findCompound(l->compoundId);
        links.push_back(l->compoundId + " (" + geo::nameOf(l->relation) + (c ? ", " + c->name : "") + ")");
    }
    if (!links.empty()) std::cout << "    Compounds: " << join(links, "; ") << "\n";
    for (const auto& [cite, src] : v.sources) {
        std::cout << "    Source: ";
        if (!src) {
            std::cout << cite->sourceId << " (missing)\n";
            continue;
        }
        std::cout << (src->publisher.empty() ? "(publisher not recorded)" : src->publisher) << ", "
                  << (src->title.empty() ? "(title not recorded)" : src->title)
                  << (src->published ? ", " + src->published->iso() : "") << " <" << src->url << ">"
                  << (cite->claim.empty() ? "" : " — " + cite->claim) << "\n";
    }
}

void printFindings(const std::vector<geo::CaseFinding>& findings)
{
    for (const geo::CaseFinding& f : findings)
        std::cout << geo::nameOf(f.severity) << " " << f.code << ": " << f.message << "\n";
}

int showIncident(const geo::CaseStore& store, const geo::Incident& inc, const CasesOptions& o)
{
    const geo::CaseData& d = store.data();
    const geo::IncidentView v = d.view(inc);
    std::vector<geo::CaseFinding> findings;
    for (const geo::CaseFinding& f : geo::checkCases(d, nullptr, {}))
        if (f.incidentId == inc.id) findings.push_back(f);
    if (o.json) {
        json j = {{"db", store.path()}, {"incident", geo::toJson(v)}, {"findings", geo::toJson(findings)}};
        std::cout << j.dump(2) << "\n";
        return kExitOk;
    }
    std::cout << "Incident " << inc.id << "\n";
    printIncident(d, v, false);
    if (!findings.empty()) std::cout << "\nFindings:\n";
    printFindings(findings);
    return kExitOk;
}

int runShow(const CasesOptions& o)
{
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    geo::CaseStore store = o.partial ? geo::CaseStore::openCompound(dbPath(o), o.id) : geo::CaseStore::open(dbPath(o));
    const auto t1 = Clock::now();
    const geo::CaseData& d = store.data();
    if (o.timing) {
        const size_t n = d.incidentsFor(o.id).size();
        const auto t2 = Clock::now();
        auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
        std::fprintf(stderr, "timing: open %.1f ms (%zu compounds, %zu incidents read), incidentsFor %.2f ms (%zu incidents)\n",
                     ms(t0, t1), d.compounds.size(), d.incidents.size(), ms(t1, t2), n);
    }
    const geo::Compound* c = d.findCompound(o.id);
    if (!c) {
        if (const geo::Incident* inc = d.findIncident(o.id)) return showIncident(store, *inc, o);
        printError("no compound or incident '" + o.id + "' in " + store.path() + " (see `cases list`)");
        return kExitFailure;
    }
    geo::Locator locator(basemapPath(o));
    const geo::Location loc = locator.locate(c->location);
    const geo::AreaNames names = geo::AreaNames::fromBasemap(basemapPath(o));
    std::vector<geo::CaseFinding> findings = geo::checkCompoundLocation(*c, loc, names);
    const std::vector<geo::IncidentView> incidents = d.incidentsFor(c->id);
    for (const geo::CaseFinding& f : geo::checkCases(d, nullptr, names))
        if (f.compoundId == c->id ||
            std::any_of(incidents.begin(), incidents.end(), [&](auto& v) { return v.incident->id == f.incidentId; }))
            findings.push_back(f);
    const auto compoundSources = d.sourcesFor(c->id);

    if (o.json) {
        json j = {{"db", store.path()}, {"compound", geo::toJson(*c)}, {"location", geo::toJson(loc)}};
        j["sources"] = json::array();
        for (const auto& [cite, src] : compoundSources) {
            json s = src ? geo::toJson(*src) : json{{"id", cite->sourceId}, {"missing", true}};
            s["claim"] = cite->claim.empty() ? json(nullptr) : json(cite->claim);
            j["sources"].push_back(std::move(s));
        }
        j["incidents"] = json::array();
        for (const geo::IncidentView& v : incidents) {
            json ij = geo::toJson(v);
            ij["relation"] = geo::nameOf(v.relation);
            j["incidents"].push_back(std::move(ij));
        }
        j["findings"] = geo::toJson(findings);
        std::cout << j.dump(2) << "\n";
        return kExitOk;
    }
    std::cout << c->name << " (" << c->id << ")\n";
    if (!c->aliases.empty()) std::cout << "Also known as: " << join(c->aliases, "; ") << "\n";
    std::cout << "Kind:     " << c->kind << "\nStatus:   " << geo::nameOf(c->status)
              << (c->statusDate ? " since " + geo::describeDate(*c->statusDate, geo::DatePrecision::Day) : "") << "\n";
    std::printf("Point:    %.5f, %.5f (lon, lat; precision: %s)\n", c->location.lon, c->location.lat,
                geo::nameOf(c->precision));
    std::cout << "Country:  " << geo::describeAttribution(loc.country) << "\n"
              << "Province: " << geo::describeAttribution(loc.province) << "\n"
              << "Border:   " << geo::describeBorder(loc.border) << "\n";
    if (!c->statedAdmin1.empty() || !c->statedCountry.empty())
        std::cout << "Stated:   " << c->statedAdmin1 << (c->statedIso31662.empty() ? "" : " (" + c->statedIso31662 + ")")
                  << ", " << c->statedCountry << "\n";
    if (!c->notes.empty()) std::cout << "Notes:    " << c->notes << "\n";
    for (const auto& [cite, src] : compoundSources)
        std::cout << "Source:   " << (src ? (src->publisher.empty() ? src->url : src->publisher) + " <" + src->url + ">"
                                         : cite->sourceId + " (missing)")
                  << "\n";
    std::cout << "\nIncidents (" << incidents.size() << ", in time order):";
    if (incidents.empty()) std::cout << " none";
    std::cout << "\n";
    for (const geo::IncidentView& v : incidents) printIncident(d, v, true);
    if (!findings.empty()) std::cout << "\nFindings:\n";
    printFindings(findings);
    return kExitOk;
}

int runCheck(const CasesOptions& o)
{
    geo::CaseStore store = geo::CaseStore::open(dbPath(o));
    geo::Locator locator(basemapPath(o));
    const geo::AreaNames names = geo::AreaNames::fromBasemap(basemapPath(o));
    std::vector<geo::CaseFinding> findings = store.loadProblems();
    for (geo::CaseFinding& f : geo::checkCases(store.data(), &locator, names)) findings.push_back(std::move(f));
    size_t counts[3] = {0, 0, 0};
    for (const geo::CaseFinding& f : findings) ++counts[static_cast<int>(f.severity)];
    if (o.json) {
        json j = {{"db", store.path()},
                  {"summary", {{"errors", counts[0]}, {"warnings", counts[1]}, {"info", counts[2]}}},
                  {"findings", geo::toJson(findings)}};
        std::cout << j.dump(2) << "\n";
    } else {
        printFindings(findings);
        std::cout << store.path() << ": " << counts[0] << " error(s), " << counts[1] << " warning(s), " << counts[2]
                  << " note(s)\n";
    }
    return counts[0] ? kExitFailure : kExitOk;
}

int runImport(const CasesOptions& o)
{
    const geo::CaseData data = geo::readCaseCsv(o.from);
    geo::CaseStore::writeNew(dbPath(o), data, o.force);
    std::cout << "wrote " << dbPath(o) << ": " << data.compounds.size() << " compounds, " << data.incidents.size()
              << " incidents, " << data.sources.size() << " sources\n";
    return kExitOk;
}

int runExport(const CasesOptions& o)
{
    std::error_code ec;
    if (std::filesystem::exists(o.to, ec) && !std::filesystem::is_empty(o.to, ec) && !o.force)
        throw geo::Error(o.to + ": exists and is not empty (use --force to overwrite its CSV files)");
    geo::CaseStore store = geo::CaseStore::open(dbPath(o));
    geo::writeCaseCsv(store.data(), o.to);
    std::cout << "wrote " << o.to << "\n";
    return kExitOk;
}

void addCommon(CLI::App* cmd, CasesOptions& o, bool json)
{
    cmd->add_option("--db", o.db, "Case store: a GeoPackage or PG:... (default: data/cases.gpkg, or $ATLAS_CASES)");
    if (json) cmd->add_flag("--json", o.json, "Print JSON (fields in data/cases/README.md)");
}

} // namespace

void addCasesCommand(CLI::App& root, Dispatch& d)
{
    auto o = std::make_shared<CasesOptions>();
    CLI::App* cases = root.add_subcommand("cases", "Compounds, incidents and sources: list, show, check, import, export, init, copy, set-status");
    cases->require_subcommand(1);

    CLI::App* list = cases->add_subcommand("list", "List the compounds (and, with --json, the incidents)");
    addCommon(list, *o, true);
    list->callback([&d, o] { d.action = [o] { return runList(*o); }; });

    CLI::App* show = cases->add_subcommand(
        "show", "A compound with its derived country/province, border distance, incidents in time order and sources "
                "(or one incident)");
    show->add_option("ID", o->id, "Compound id (e.g. a7-park) or incident id")->required();
    addCommon(show, *o, true);
    show->add_option("--basemap", o->basemap, "Basemap GeoPackage (default: data/basemap.gpkg)");
    show->add_flag("--partial", o->partial,
                   "Read only the rows about this compound (attribute-filtered queries; fast on large PostGIS stores)");
    show->add_flag("--timing", o->timing, "Print the time to open the store and build the incident list on stderr");
    show->callback([&d, o] { d.action = [o] { return runShow(*o); }; });

    CLI::App* check = cases->add_subcommand(
        "check", "Check the store: constraints, counts against totals, sources, stated vs derived provinces.\n"
                 "Exit code 0 when no error-level findings (warnings and notes allowed), 1 otherwise");
    addCommon(check, *o, true);
    check->add_option("--basemap", o->basemap, "Basemap GeoPackage (default: data/basemap.gpkg)");
    check->callback([&d, o] { d.action = [o] { return runCheck(*o); }; });

    CLI::App* import = cases->add_subcommand(
        "import", "Build a case store (GeoPackage) from a folder of CSV files, written to a temporary file and renamed");
    import->add_option("--from", o->from, "Folder with compounds.csv, incidents.csv, ... (e.g. data/cases)")->required();
    addCommon(import, *o, false);
    import->add_flag("--force", o->force, "Replace an existing store");
    import->callback([&d, o] { d.action = [o] { return runImport(*o); }; });

    CLI::App* exportCmd = cases->add_subcommand("export", "Write the store as CSV files (the format import reads)");
    exportCmd->add_option("--to", o->to, "Folder to write")->required();
    addCommon(exportCmd, *o, false);
    exportCmd->add_flag("--force", o->force, "Overwrite the CSV files of a non-empty folder");
    exportCmd->callback([&d, o] { d.action = [o] { return runExport(*o); }; });

    addCasesAdminCommands(*cases, d);
}

} // namespace viewer
