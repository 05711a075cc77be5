// Finding a compound by typing part of its name, one of its aliases or its id.
#pragma once
#include "geo/cases/case_model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace viewer {

// Lower-case, Latin letters without their accents, other punctuation as spaces.
std::string foldForSearch(std::string_view s);

struct SearchHit {
    size_t compound = 0;     // index into CaseData::compounds
    std::string matchedAlias; // the alias that matched, when the name did not
};

// Compounds whose name, aliases or id contain every word of `query` (folded), best first:
// name starts with the query, then name contains it, then alias or id matches; ties by name.
// An empty query lists every compound by name.
std::vector<SearchHit> searchCompounds(const geo::CaseData& data, std::string_view query);

} // namespace viewer
