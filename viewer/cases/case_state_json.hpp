// The case part of `--dump-state`: the selected compound, what its panel shows (incidents,
// figures, sources) and where each compound marker is drawn, for end-to-end tests.
#pragma once
#include "viewer/cases/case_view.hpp"

#include <nlohmann/json.hpp>

namespace viewer {

// {"store","loaded","error","reloads" (times reloaded because others saved),"selected_compound","time_filter":{"enabled","from","to"},
//  "panel":null|{"compound":{"id","name","status","precision","country","province","border",
//                "stated_country_check","stated_province_check"},
//               "incidents":[{"id","kind","relation","dates","total","breakdown_sum","breakdown_exceeds_total",
//                             "by_nationality":[{"code","count"}],"personnel","sources":[{"number","url","claim"}]}],
//               "outside_filter","findings":[code...]},
//  "markers":[{"id","x","y","diameter","spread","stacked","group_size"}],
//  "picker":[{"id","x","y"}]}  (the open "several compounds here" list; x, y: drawable pixels)
nlohmann::json caseStateJson(const CaseView& cases, const geo::Viewport& view);

} // namespace viewer
