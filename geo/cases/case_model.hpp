// The case data as plain structs: compounds, incidents, their links, nationality counts and
// sources. No I/O here: CaseStore reads and writes these, the panel and the CLI display them.
#pragma once
#include "geo/coords.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

// Stored schema version; a store with a higher one is refused (see CaseStore::open).
// 1: the tables. 2: a row_version column on every table and a change_counter in `meta`
// (row-level conflict detection, live reload); `cases init` migrates 1 -> 2.
constexpr int kCaseSchemaVersion = 2;

enum class CompoundStatus { Active, Raided, Closed, Unknown };
enum class LocationPrecision { Site, Town, District };
enum class IncidentKind { Raid, Arrest, Deportation, Rescue, Closure, Sanction, Report };
enum class DatePrecision { Day, Month, Year };
enum class LinkRelation { At, Linked, PossiblyLinked };

// Stored / JSON names: "active", "site", "raid", "day", "at", "possibly linked", ...
const char* nameOf(CompoundStatus v);
const char* nameOf(LocationPrecision v);
const char* nameOf(IncidentKind v);
const char* nameOf(DatePrecision v);
const char* nameOf(LinkRelation v);
// Parsers return nullopt for unknown names (exact, lower-case names as above).
std::optional<CompoundStatus> parseCompoundStatus(std::string_view s);
std::optional<LocationPrecision> parseLocationPrecision(std::string_view s);
std::optional<IncidentKind> parseIncidentKind(std::string_view s);
std::optional<DatePrecision> parseDatePrecision(std::string_view s);
std::optional<LinkRelation> parseLinkRelation(std::string_view s);

// Every value of each enumeration, in display order (for combo boxes and --help).
const std::vector<CompoundStatus>& allCompoundStatuses();
const std::vector<LocationPrecision>& allLocationPrecisions();
const std::vector<IncidentKind>& allIncidentKinds();
const std::vector<DatePrecision>& allDatePrecisions();
const std::vector<LinkRelation>& allLinkRelations();
// Compound kinds are an open-ended list in prose but a closed one in the store.
const std::vector<std::string>& compoundKinds(); // "scam compound", "casino compound", ...

// A calendar date. With month or year precision the finer parts are 1 (2025-11-01 = "November 2025").
struct CaseDate {
    int year = 0;
    int month = 0;
    int day = 0;

    bool valid() const; // a real calendar date, years 1900..2199
    std::string iso() const; // "2026-01-31"
    auto operator<=>(const CaseDate&) const = default;
};
// Parses "YYYY-MM-DD" (also "YYYY/MM/DD" as GDAL writes dates); nullopt if malformed
// (a well-formed but impossible date like 2026-02-30 parses, and valid() says false).
std::optional<CaseDate> parseCaseDate(std::string_view s);
// "31 January 2026", "November 2025", "2025" by precision.
std::string describeDate(const CaseDate& d, DatePrecision p);

struct Compound {
    std::string id;                    // slug: a7-park
    std::string name;
    std::vector<std::string> aliases;
    std::string kind = "scam compound"; // one of compoundKinds()
    CompoundStatus status = CompoundStatus::Unknown;
    std::optional<CaseDate> statusDate; // when the status last changed
    LonLat location;
    LocationPrecision precision = LocationPrecision::Site;
    std::string notes;
    // As the source material states them; kept to compare with the attribution from polygons.
    std::string statedCountry;
    std::string statedAdmin1;
    std::string statedIso31662; // "KH-20"
};

struct Incident {
    std::string id; // slug: 2026-01-31-a7-park-raid
    IncidentKind kind = IncidentKind::Report;
    CaseDate start;
    std::optional<CaseDate> end; // none: a single date
    DatePrecision datePrecision = DatePrecision::Day;
    std::string summary;
    std::optional<int64_t> totalPeople;
    std::optional<int64_t> personnel;
    std::optional<LonLat> location; // its own place when not at a stored compound
};

struct IncidentLink {
    std::string incidentId;
    std::string compoundId;
    LinkRelation relation = LinkRelation::At;
};

struct NationalityCount {
    std::string incidentId;
    std::string nationality; // ISO 3166-1 alpha-2, or "other"
    int64_t count = 0;
};

struct Source {
    std::string id; // slug
    std::string publisher;
    std::string title; // empty when not recorded: never invented
    std::string url;
    std::optional<CaseDate> published;
};

struct IncidentSource {
    std::string incidentId;
    std::string sourceId;
    std::string claim; // what this source supports, e.g. its own figures
};

// A source about the place itself (what it is, who owns it), not about one incident.
struct CompoundSource {
    std::string compoundId;
    std::string sourceId;
    std::string claim;
};

// One incident as a panel shows it: its links, counts and sources gathered.
struct IncidentView {
    const Incident* incident = nullptr;
    LinkRelation relation = LinkRelation::At; // to the compound asked about
    std::vector<const IncidentLink*> links;
    std::vector<const NationalityCount*> counts; // largest first
    std::vector<std::pair<const IncidentSource*, const Source*>> sources; // Source null if missing
    int64_t countsSum() const;
};

// Everything in a case store. Rows are kept sorted by key after load (see sortRows).
struct CaseData {
    std::vector<Compound> compounds;
    std::vector<Incident> incidents;
    std::vector<IncidentLink> links;
    std::vector<NationalityCount> counts;
    std::vector<Source> sources;
    std::vector<IncidentSource> incidentSources;
    std::vector<CompoundSource> compoundSources;

    const Compound* findCompound(std::string_view id) const;
    const Incident* findIncident(std::string_view id) const;
    const Source* findSource(std::string_view id) const;
    // Incidents linked to a compound (any relation), in time order (start, end, id).
    std::vector<IncidentView> incidentsFor(std::string_view compoundId) const;
    IncidentView view(const Incident& incident) const;
    // The sources cited for the compound itself (Source null if missing).
    std::vector<std::pair<const CompoundSource*, const Source*>> sourcesFor(std::string_view compoundId) const;
    // Compounds and incidents by id; links, counts and sources by their composite keys.
    void sortRows();
    bool operator==(const CaseData&) const;
};

// Lower-case letters and digits in runs joined by single hyphens: a7-park, 2026-01-31-raid.
bool isSlug(std::string_view s);

} // namespace geo
