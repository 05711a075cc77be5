// What the incident panel shows for one compound, gathered from the case data as plain values
// (no pointers into the store, so a reload cannot leave them dangling): the compound, its
// derived location beside the stated one, its incidents in time order with figures, linked
// places and numbered sources, and the findings about it. Built when the selection or the
// time filter changes, never per frame; the state dump writes the same values.
#pragma once
#include "viewer/cases/case_time_range.hpp"

#include "geo/cases/case_finding.hpp"
#include "geo/cases/case_model.hpp"
#include "geo/locator.hpp"

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <vector>

namespace viewer {

// The stated country or province against the attribution from the basemap polygons.
enum class StatedCheck {
    NotStated,      // nothing stated to compare
    Consistent,     // the polygons say the same, certainly
    AmongCandidates, // the attribution is uncertain and the stated area is one of the candidates
    Contradicted,   // a certain attribution says otherwise, or the stated area is no candidate
    NotComparable,  // the point lies in no polygon
};
const char* describeStatedCheck(StatedCheck c);

// Computed once per compound when the store loads (geo::Locator is not cheap).
struct DerivedLocation {
    geo::Location location;
    std::vector<geo::CaseFinding> findings; // checkCompoundLocation
    StatedCheck country = StatedCheck::NotStated;
    StatedCheck province = StatedCheck::NotStated;
};
DerivedLocation deriveLocation(const geo::Compound& c, const geo::Location& loc, std::vector<geo::CaseFinding> findings);

struct FigureBar {
    std::string code;    // ISO alpha-2 or "other"
    std::string country; // "China"; empty when unknown
    int64_t count = 0;
};

struct IncidentFigures {
    std::optional<int64_t> total;      // as published
    std::vector<FigureBar> bars;       // largest first
    int64_t breakdownSum = 0;
    bool exceedsTotal = false;         // the breakdown adds to more than the total
    bool belowTotal = false;           // a partial breakdown
    std::optional<int64_t> personnel;
};

struct SourceRef {
    int number = 0;           // [1], [2]... within one panel; one number per source
    std::string id;
    std::string publisher;
    std::string title;
    std::string url;
    std::string published;    // ISO date or ""
    std::string claim;        // what it supports here
    bool missing = false;     // cited but absent from the store
};

struct LinkedPlace {
    std::string compoundId;
    std::string name;
    std::string kind;
    geo::LinkRelation relation = geo::LinkRelation::At;
    geo::LonLat location;
};

struct IncidentRow {
    std::string id;
    std::string dates;        // "31 January 2026 to 1 February 2026"
    std::string datePrecision;
    geo::IncidentKind kind = geo::IncidentKind::Report;
    geo::LinkRelation relation = geo::LinkRelation::At; // to the compound shown
    std::string summary;
    IncidentFigures figures;
    std::vector<LinkedPlace> places; // other compounds and places it is linked to
    std::optional<geo::LonLat> ownLocation;
    std::vector<SourceRef> sources;
    std::vector<geo::CaseFinding> findings;
};

struct CompoundDetails {
    geo::Compound compound;
    std::optional<DerivedLocation> derived;
    std::vector<SourceRef> sources;       // about the compound itself (shown after the incidents)
    std::vector<IncidentRow> incidents;   // in time order, those the filter admits
    size_t outsideFilter = 0;             // incidents the time filter hides
    std::vector<geo::CaseFinding> findings; // about the compound or its incidents (all, unfiltered)
    int64_t peopleAffected = 0;           // totals of the admitted incidents "at" it
};

// People affected at a compound: the totals (else the breakdown sums) of the incidents linked
// to it "at", among those the filter admits.
int64_t peopleAffected(const geo::CaseData& data, const std::string& compoundId, const TimeFilter& filter);

// The same for every compound at once, in one pass over the rows (per-compound calls scan every
// row each: minutes for 10,000 compounds), and which compounds have any admitted incident.
struct CompoundTotals {
    std::unordered_map<std::string, int64_t> people;
    std::unordered_set<std::string> withAdmitted; // an incident the filter admits is linked to it
};
CompoundTotals compoundTotals(const geo::CaseData& data, const TimeFilter& filter);

// `allFindings`: checkCases over the whole store (without the spatial part, which `derived` holds).
CompoundDetails buildDetails(const geo::CaseData& data, const geo::Compound& compound, const DerivedLocation* derived,
                             const std::vector<geo::CaseFinding>& allFindings, const TimeFilter& filter);

// "2,044"
std::string withThousands(int64_t v);

} // namespace viewer
