// Which features of a layer match an OGR attribute filter (the user's WHERE-clause text,
// e.g. "status = 'active' AND people > 100"), evaluated by OGR on the source opened
// read-only. The text is handed only to OGR_L_SetAttributeFilter, never built into SQL.
#pragma once
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace geo {

// FIDs of the matching features of `layer` ("" = the first) of `path`, in source order.
// An empty expression matches everything. Throws geo::Error with one line for a bad
// expression, a missing layer or an unreadable file; stops early when `cancel` is set.
// Network sources are refused (they are never re-read without the user's say-so).
std::vector<int64_t> matchingFids(const std::string& path, const std::string& layer, const std::string& expression,
                                  const std::atomic<bool>* cancel = nullptr);

} // namespace geo
