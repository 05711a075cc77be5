// JSON for case data: the field names are part of the CLI contract (`cases list|show|check --json`,
// see data/cases/README.md) and are shared by anything else that serialises cases.
#pragma once
#include "geo/cases/case_finding.hpp"
#include "geo/cases/case_model.hpp"

#include <nlohmann/json.hpp>

namespace geo {

nlohmann::json toJson(const Compound& c);
nlohmann::json toJson(const Source& s);
// An incident with its links ("compounds"), counts, counts_sum and sources (with claims).
nlohmann::json toJson(const IncidentView& v);
nlohmann::json toJson(const CaseFinding& f);
nlohmann::json toJson(const std::vector<CaseFinding>& findings); // array

// "31 January – 1 February 2026"-style text for an incident's dates.
std::string describeIncidentDates(const Incident& i);

} // namespace geo
