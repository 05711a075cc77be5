// Attribute table windows: ImGui tables with a clipper (large layers scroll smoothly),
// sorting numbers by value and text by collation (attribute_sort), and filters run by geo::matchingFids off the UI thread.
#include "viewer/ui/attribute_table.hpp"
#include "viewer/ui/attribute_sort.hpp"

#include "geo/attribute_filter.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <unordered_map>

namespace viewer {

AttributeTables::~AttributeTables()
{
    for (auto& t : m_tables) {
        t->cancel->store(true);
        if (t->filtering.valid()) t->filtering.wait();
    }
}

void AttributeTables::open(uint64_t layerId)
{
    for (auto& t : m_tables)
        if (t->layerId == layerId) {
            t->focus = true;
            return;
        }
    auto t = std::make_unique<Table>();
    t->layerId = layerId;
    m_tables.push_back(std::move(t));
}

void AttributeTables::sortRows(Table& t, const geo::Layer& layer) const
{
    sortAttributeRows(t.rows, layer, t.sortColumn, t.sortAscending, m_collator);
}

void AttributeTables::draw(Session& session)
{
    for (uint64_t id : session.attributeTableRequests) open(id);
    session.attributeTableRequests.clear();
    std::erase_if(m_tables, [&](const std::unique_ptr<Table>& t) {
        const bool gone = !session.scene.find(t->layerId);
        if (gone) {
            t->cancel->store(true);
            if (t->filtering.valid()) t->filtering.wait();
        }
        return gone;
    });
    for (size_t i = 0; i < m_tables.size();) {
        bool open = true;
        drawTable(*m_tables[i], session, open);
        if (open) {
            ++i;
            continue;
        }
        m_tables[i]->cancel->store(true);
        if (m_tables[i]->filtering.valid()) m_tables[i]->filtering.wait();
        m_tables.erase(m_tables.begin() + static_cast<long>(i));
    }
}

void AttributeTables::drawTable(Table& t, Session& session, bool& open)
{
    SceneLayer& layer = *session.scene.find(t.layerId);
    const geo::Layer& data = *layer.data;
    // A finished filter: FIDs -> feature indices.
    if (t.filtering.valid() && t.filtering.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        try {
            const std::vector<int64_t> fids = t.filtering.get();
            std::unordered_map<int64_t, uint32_t> index;
            for (size_t i = 0; i < data.features.size(); ++i) index.emplace(data.features[i].fid, static_cast<uint32_t>(i));
            t.rows.clear();
            for (int64_t fid : fids)
                if (auto it = index.find(fid); it != index.end()) t.rows.push_back(it->second);
            t.error.clear();
            sortRows(t, data);
            t.rowsValid = true;
        } catch (const std::exception& e) {
            t.error = e.what();
        }
    }
    if (!t.rowsValid && !t.filtering.valid()) {
        t.rows.resize(data.features.size());
        for (size_t i = 0; i < t.rows.size(); ++i) t.rows[i] = static_cast<uint32_t>(i);
        sortRows(t, data);
        t.rowsValid = true;
    }
    ImGui::SetNextWindowSize(ImVec2(620, 360), ImGuiCond_FirstUseEver);
    if (t.focus) {
        ImGui::SetNextWindowFocus();
        t.focus = false;
    }
    const std::string title = "Attributes: " + data.name + "###attributes" + std::to_string(t.layerId);
    if (!ImGui::Begin(title.c_str(), &open)) {
        ImGui::End();
        return;
    }
    ImGui::SetNextItemWidth(360);
    const bool enter = ImGui::InputTextWithHint("##filter", "OGR filter, e.g. people > 100 AND status = 'active'", t.filter,
                                                sizeof t.filter, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    const bool apply = ImGui::Button("Filter") || enter;
    ImGui::SameLine();
    const bool clear = ImGui::Button("Clear");
    if (clear) t.filter[0] = 0;
    if ((apply || clear) && !t.filtering.valid()) {
        t.appliedFilter = t.filter;
        if (t.appliedFilter.empty()) {
            t.rowsValid = false;
            t.error.clear();
        } else {
            const std::string path = data.sourcePath, name = data.name, expr = t.appliedFilter;
            auto cancel = t.cancel;
            t.filtering = std::async(std::launch::async,
                                     [path, name, expr, cancel] { return geo::matchingFids(path, name, expr, cancel.get()); });
        }
    }
    if (t.filtering.valid()) ImGui::TextDisabled("filtering...");
    else if (!t.error.empty()) ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1), "%s", t.error.c_str());
    else ImGui::TextDisabled("%zu of %zu features%s", t.rows.size(), data.features.size(),
                             t.appliedFilter.empty() ? "" : (" where " + t.appliedFilter).c_str());

    const std::optional<FeatureRef>& sel = session.scene.selection();
    const bool selectionMoved = sel != t.lastSelection;
    t.lastSelection = sel;
    const int columns = static_cast<int>(std::min<size_t>(data.fields.size() + 1, 63));
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable;
    if (ImGui::BeginTable("rows", columns, flags)) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn("fid", ImGuiTableColumnFlags_DefaultSort);
        for (int c = 1; c < columns; ++c) ImGui::TableSetupColumn(data.fields[c - 1].name.c_str());
        ImGui::TableHeadersRow();
        if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
            if (specs->SpecsCount > 0) {
                t.sortColumn = specs->Specs[0].ColumnIndex;
                t.sortAscending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
                sortRows(t, data);
            }
            specs->SpecsDirty = false;
        }
        // Selected on the map: scroll the row into view once.
        if (selectionMoved && sel && sel->layerId == t.layerId) {
            const auto it = std::find(t.rows.begin(), t.rows.end(), static_cast<uint32_t>(sel->feature));
            if (it != t.rows.end())
                ImGui::SetScrollY(static_cast<float>(it - t.rows.begin()) * ImGui::GetTextLineHeightWithSpacing());
        }
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(t.rows.size()));
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const uint32_t f = t.rows[r];
                const geo::Feature& feat = data.features[f];
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                const bool selected = sel && sel->layerId == t.layerId && sel->feature == f;
                const std::string label = std::to_string(feat.fid) + "##" + std::to_string(f);
                if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
                    session.scene.select(FeatureRef{t.layerId, f});
                    t.lastSelection = session.scene.selection();
                    if (ImGui::IsMouseDoubleClicked(0)) session.zoomTo(feat.bbox);
                }
                for (int c = 1; c < columns; ++c) {
                    ImGui::TableSetColumnIndex(c);
                    ImGui::TextUnformatted(data.value(feat, c - 1).c_str());
                }
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

} // namespace viewer
