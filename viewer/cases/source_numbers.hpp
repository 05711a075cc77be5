// The incident panel's source numbers [1], [2]...: in the order a reader first meets each
// source, one number per source across the panel (issue 18: the raid listed [1][4][5][6][2],
// because the compound's own sources, folded away above it, were numbered first).
#pragma once
#include <string>
#include <vector>

namespace viewer {

struct SourceRef;

// `lists`: the panel's source lists in reading order (each incident in the order shown, then
// the sources about the compound). Numbers every source where it is first cited, and orders
// each list by number, so every list reads upwards and the first incident's reads 1, 2, 3...
void numberSources(const std::vector<std::vector<SourceRef>*>& lists);

} // namespace viewer
