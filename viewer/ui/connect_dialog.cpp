// The Connect to database window. Nothing typed here is saved: the password field is for this
// connection only (kept in memory), and messages show the connection without it.
#include "viewer/ui/connect_dialog.hpp"
#include "viewer/ui/panel_window.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace viewer {

namespace {
const ImVec4 kErrorColor(0.85f, 0.2f, 0.1f, 1);
constexpr SslMode kSslModes[] = {SslMode::Prefer, SslMode::Require, SslMode::VerifyFull};

void drawFields(DbConnectForm& f)
{
    int mode = f.useService ? 0 : 1;
    ImGui::RadioButton("pg_service name", &mode, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Host and database", &mode, 1);
    f.useService = mode == 0;
    ImGui::SetNextItemWidth(260);
    if (f.useService) {
        ImGui::InputTextWithHint("Service", "an entry of ~/.pg_service.conf or PGSERVICEFILE", &f.service);
    } else {
        ImGui::SetNextItemWidth(260);
        ImGui::InputTextWithHint("Host", "localhost, a name or a socket folder", &f.host);
        ImGui::SetNextItemWidth(90);
        ImGui::InputTextWithHint("Port", "5432", &f.port, ImGuiInputTextFlags_CharsDecimal);
        ImGui::SetNextItemWidth(260);
        ImGui::InputText("Database", &f.dbname);
        ImGui::SetNextItemWidth(260);
        ImGui::InputTextWithHint("User", "default: your login name", &f.user);
    }
    ImGui::SetNextItemWidth(140);
    if (ImGui::BeginCombo("TLS (sslmode)", sslModeName(f.sslMode))) {
        for (SslMode m : kSslModes)
            if (ImGui::Selectable(sslModeName(m), m == f.sslMode)) f.sslMode = m;
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("prefer: TLS when the server offers it; require: TLS or nothing;\n"
                          "verify-full: TLS with the server's certificate and name checked");
    ImGui::SetNextItemWidth(200);
    ImGui::InputTextWithHint("Password", "optional", &f.password, ImGuiInputTextFlags_Password);
    ImGui::TextDisabled("Passwords come from the pg_service file, PGPASSFILE (~/.pgpass) or\n"
                        "PGPASSWORD. One typed here is used for this connection only, never saved.");
}

void drawTables(DbConnectState& st, const DbContents& c)
{
    if (c.tables.empty()) {
        ImGui::TextUnformatted("No tables with geometry in this database.");
        return;
    }
    ImGui::TextUnformatted("Tables to add as map layers:");
    st.chosen.resize(c.tables.size(), 0);
    const float rows = std::min(8.0f, static_cast<float>(c.tables.size()));
    const float height = rows * ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2;
    if (ImGui::BeginChild("##tables", ImVec2(460, height), true)) {
        for (size_t i = 0; i < c.tables.size(); ++i) {
            const geo::LayerInfo& t = c.tables[i];
            bool on = st.chosen[i];
            const std::string label = t.name + "##" + std::to_string(i);
            if (ImGui::Checkbox(label.c_str(), &on)) st.chosen[i] = on;
            ImGui::SameLine();
            ImGui::TextDisabled("%s, %lld features", t.geometryType.c_str(), static_cast<long long>(t.featureCount));
        }
    }
    ImGui::EndChild();
}

} // namespace

void ConnectDialog::draw(Session& s, FileActions& files, const std::string& basemapPath)
{
    m_state.update();
    // A "Use as case store" that finished: say so once (the panel shows the store itself).
    if (const std::optional<std::string> outcome = m_state.caseStoreOutcome(s.cases))
        s.toast(*outcome, m_state.isError() ? 12 : 6);
    if (!m_open) return;
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x * 0.5f, 80), ImGuiCond_FirstUseEver, ImVec2(0.5f, 0));
    PanelWindow window("Connect to database", &m_open, ImGuiWindowFlags_AlwaysAutoResize);
    if (!window) return;
    ImGui::BeginDisabled(m_state.connecting());
    drawFields(m_state.form);
    if (ImGui::Button("Connect")) m_state.connect();
    ImGui::EndDisabled();
    if (!m_state.message().empty()) {
        if (m_state.isError()) ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
        ImGui::TextWrapped("%s", m_state.message().c_str());
        if (m_state.isError()) ImGui::PopStyleColor();
    }
    const auto& contents = m_state.contents();
    if (!contents || m_state.connecting()) return;
    ImGui::Separator();
    drawTables(m_state, *contents);
    const bool any = std::find(m_state.chosen.begin(), m_state.chosen.end(), 1) != m_state.chosen.end();
    ImGui::BeginDisabled(!any);
    if (ImGui::Button("Add as layers")) {
        const size_t n = m_state.addChosen(files.queue());
        if (n) s.toast("Loading " + std::to_string(n) + " table(s) from " + contents->shown + "...", 4);
    }
    ImGui::EndDisabled();
    if (contents->caseStore) {
        ImGui::SameLine();
        ImGui::BeginDisabled(s.cases.loading());
        if (ImGui::Button("Use as case store")) m_state.useAsCaseStore(s.cases, basemapPath);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("Compounds and incidents come from this database, with others' saves shown live");
    }
}

} // namespace viewer
