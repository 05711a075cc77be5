// `cases check`: the store's constraints plus what a careful reader would flag: counts that
// do not add up, incidents without a source, stated provinces the polygons contradict.
#pragma once
#include "geo/cases/case_finding.hpp"
#include "geo/cases/case_model.hpp"
#include "geo/cases/place_names.hpp"
#include "geo/locator.hpp"

#include <vector>

namespace geo {

// Every finding, errors first, then by incident/compound id. Codes beyond validateCaseData's:
//   warning breakdown-exceeds-total   nationality counts add to more than the total
//   info    breakdown-below-total     they add to less (a partial breakdown)
//   warning incident-without-source   no source cited
//   warning incident-unplaced         linked to no compound and no location of its own
//   warning stated-country-contradiction / stated-province-contradiction
//                                     the polygons say otherwise (certain, or the stated
//                                     area is not among the uncertain candidates)
//   info    attribution-uncertain     within the basemap accuracy of a border or coast; the
//                                     stated area is among the candidates
//   info    attribution-none          the point is in no polygon; nothing to compare
// Spatial checks run when `locator` is given (`names` may be empty: then only main names count).
std::vector<CaseFinding> checkCases(const CaseData& data, const Locator* locator, const AreaNames& names);

// The spatial part for one compound (used by `cases show`).
std::vector<CaseFinding> checkCompoundLocation(const Compound& c, const Location& loc, const AreaNames& names);

} // namespace geo
