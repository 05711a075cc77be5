// Attribute tables: a window per layer listing its features (sortable columns, filterable
// with an OGR attribute filter evaluated on a worker). Clicking a row selects the feature
// on the map; a feature selected on the map is highlighted (and scrolled to) in the table.
#pragma once
#include "viewer/app/session.hpp"

#include "geo/text_collation.hpp"

#include <atomic>
#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace viewer {

class AttributeTables {
public:
    ~AttributeTables();
    // Opens the table of layer `id` (brings it to front when open).
    void open(uint64_t layerId);
    // Draws every open table; closes those whose layer went away.
    void draw(Session& session);
    size_t openCount() const { return m_tables.size(); }

private:
    struct Table {
        uint64_t layerId = 0;
        char filter[512] = {};
        std::string appliedFilter;
        std::string error;
        std::vector<uint32_t> rows;         // feature indices shown, in display order
        bool rowsValid = false;
        int sortColumn = -1;                // 0 = fid, k + 1 = field k
        bool sortAscending = true;
        std::optional<FeatureRef> lastSelection;
        std::future<std::vector<int64_t>> filtering;
        std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
        bool focus = true;
    };
    void drawTable(Table& t, Session& session, bool& open);
    void sortRows(Table& t, const geo::Layer& layer) const;

    std::vector<std::unique_ptr<Table>> m_tables;
    geo::TextCollator m_collator; // the user's locale (root for C/POSIX)
};

} // namespace viewer
