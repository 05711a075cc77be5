// First citation wins the next number; lists are sorted afterwards (stable: a source cited
// twice in one list keeps its rows in the stored order).
#include "viewer/cases/source_numbers.hpp"
#include "viewer/cases/compound_details.hpp"

#include <algorithm>
#include <map>

namespace viewer {

void numberSources(const std::vector<std::vector<SourceRef>*>& lists)
{
    std::map<std::string, int> numbers;
    for (std::vector<SourceRef>* list : lists)
        for (SourceRef& r : *list) r.number = numbers.emplace(r.id, static_cast<int>(numbers.size()) + 1).first->second;
    for (std::vector<SourceRef>* list : lists)
        std::stable_sort(list->begin(), list->end(), [](const SourceRef& a, const SourceRef& b) { return a.number < b.number; });
}

} // namespace viewer
