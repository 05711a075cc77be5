// The constraints a case store keeps: ids, keys, codes, dates, counts. CaseStore refuses a
// write that breaks any of them; `cases check` reports them for stores edited elsewhere.
#pragma once
#include "geo/cases/case_finding.hpp"
#include "geo/cases/case_model.hpp"

#include <vector>

namespace geo {

// Every error-level finding in `data` (empty when it may be written). Codes:
//   bad-slug, duplicate-id, duplicate-link, duplicate-count, duplicate-incident-source,
//   missing-field, unknown-kind, bad-date, end-before-start, negative-count, unknown-nationality,
//   bad-coordinates, bad-url, bad-iso-3166-2, bad-alias, duplicate-compound-source, missing-incident, missing-compound, missing-source.
std::vector<CaseFinding> validateCaseData(const CaseData& data);

} // namespace geo
