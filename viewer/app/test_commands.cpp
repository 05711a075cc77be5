// The --test-commands interpreter: one line, one UI action.
#include "viewer/app/test_commands.hpp"
#include "viewer/app/colour_by.hpp"
#include "viewer/cases/case_edit_actions.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace viewer {

namespace {

DbConnectForm formFrom(std::istringstream& in)
{
    DbConnectForm f;
    f.useService = false;
    for (std::string kv; in >> kv;) {
        const size_t eq = kv.find('=');
        const std::string k = kv.substr(0, eq), v = eq == std::string::npos ? "" : kv.substr(eq + 1);
        if (k == "service") {
            f.service = v;
            f.useService = true;
        } else if (k == "host") f.host = v;
        else if (k == "port") f.port = v;
        else if (k == "dbname") f.dbname = v;
        else if (k == "user") f.user = v;
        else if (k == "password") f.password = v;
        else if (k == "sslmode") f.sslMode = v == "require" ? SslMode::Require : v == "verify-full" ? SslMode::VerifyFull : SslMode::Prefer;
    }
    return f;
}

} // namespace

void TestCommands::poll(Session& s, ConnectDialog& connect, FileActions& files, const std::string& basemapPath,
                        const std::function<nlohmann::json()>& state)
{
    std::ifstream in(m_path);
    if (!in) return;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::istringstream lines(text);
    size_t n = 0;
    for (std::string line; std::getline(lines, line); ++n) {
        if (lines.eof()) break; // an unfinished last line: next time
        if (n < m_done) continue;
        const auto t0 = std::chrono::steady_clock::now();
        const std::string problem = run(line, s, connect, files, basemapPath, state);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        // Never echo the line: a connect line may hold a password.
        char took[48];
        std::snprintf(took, sizeof took, " (%.1f ms)", ms);
        std::cerr << "compound-atlas: test command " << n + 1 << ": " << (problem.empty() ? "done" : "failed: " + problem)
                  << took << std::endl;
        m_done = n + 1;
    }
}

std::string TestCommands::run(const std::string& line, Session& s, ConnectDialog& connect, FileActions& files,
                              const std::string& basemapPath, const std::function<nlohmann::json()>& state)
{
    std::istringstream in(line);
    std::string cmd;
    in >> cmd;
    std::string arg;
    std::getline(in >> std::ws, arg);
    CaseEditing& ed = s.cases.editing;
    if (cmd.empty() || cmd[0] == '#') return "";
    if (cmd == "select") {
        if (!s.cases.hasData() || !s.cases.data().findCompound(arg)) return "no compound '" + arg + "'";
        s.cases.select(arg);
        return "";
    }
    if (cmd == "edit-compound") return openCompoundEditor(s, arg) ? "" : "no compound '" + arg + "'";
    if (cmd == "set") {
        if (!ed.compound) return "no compound editor open";
        std::istringstream a(arg);
        std::string field, value;
        a >> field;
        std::getline(a >> std::ws, value);
        if (field == "name") ed.compound->name = value;
        else if (field == "notes") ed.compound->notes = value;
        else if (field == "status") {
            const auto st = geo::parseCompoundStatus(value);
            if (!st) return "no status '" + value + "'";
            ed.compound->status = *st;
        } else return "cannot set '" + field + "'";
        return "";
    }
    if (cmd == "save") {
        if (!ed.compound) return "no compound editor open";
        saveCompoundForm(s);
        return ""; // saved or not: the editor's status (in the dump) says
    }
    if (cmd == "reload" || cmd == "keep-mine") {
        if (ed.compoundStatus.conflicts.empty()) return "no conflict shown";
        if (cmd == "reload") reloadTheirs(s, ed.compoundStatus, ed.compoundBase);
        else keepMine(s, ed.compoundStatus, ed.compoundBase);
        return "";
    }
    if (cmd == "close-editor") {
        closeCompoundEditor(s);
        return "";
    }
    if (cmd == "dump") {
        const std::string tmp = arg + ".tmp";
        {
            nlohmann::json j = state();
            const DbConnectState& c = connect.state();
            nlohmann::json tables = nlohmann::json::array();
            if (c.contents())
                for (const geo::LayerInfo& t : c.contents()->tables) tables.push_back(t.name);
            j["connect_dialog"] = {{"open", connect.isOpen()},
                                   {"connecting", c.connecting()},
                                   {"message", c.message()},
                                   {"is_error", c.isError()},
                                   {"tables", tables},
                                   {"case_store", c.contents() && c.contents()->caseStore}};
            std::ofstream out(tmp);
            out << j.dump(2) << "\n";
            if (!out) return "cannot write " + tmp;
        }
        std::error_code ec;
        std::filesystem::rename(tmp, arg, ec);
        return ec ? "cannot write " + arg : "";
    }
    if (cmd == "connect") {
        connect.open();
        std::istringstream fields(arg);
        connect.state().form = formFrom(fields);
        return connect.state().connect() ? "" : connect.state().message();
    }
    if (cmd == "choose") return connect.state().choose(arg) ? "" : "no table '" + arg + "'";
    if (cmd == "add-layers") return connect.state().addChosen(files.queue()) ? "" : "nothing chosen";
    if (cmd == "use-as-case-store")
        return connect.state().useAsCaseStore(s.cases, basemapPath) ? "" : connect.state().message();
    if (cmd == "colour-by") {
        // The style editor's "Colour by" combo: colour-by LAYER single|categorized|graduated|case-figures
        std::istringstream a(arg);
        std::string layerName, choice;
        a >> layerName >> choice;
        SceneLayer* layer = nullptr;
        for (SceneLayer& l : s.scene.layers())
            if (l.data->name == layerName) layer = &l;
        if (!layer) return "no layer '" + layerName + "'";
        for (ColourBy c : colourByChoices(*layer->data, s.cases.hasData())) {
            std::string name = colourByLabel(c);
            for (char& ch : name) ch = ch == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (name.rfind(choice, 0) != 0) continue; // "single" for "Single symbol"
            chooseColourBy(layer->style.thematic, *layer->data, c);
            return "";
        }
        return "'" + choice + "' is not offered for " + layerName;
    }
    if (cmd == "time-filter") {
        // The panel's date range: time-filter FROM TO (ISO days) | off
        std::istringstream a(arg);
        std::string from, to;
        a >> from >> to;
        TimeFilter f;
        if (from != "off") {
            const std::optional<geo::CaseDate> d0 = geo::parseCaseDate(from), d1 = geo::parseCaseDate(to);
            if (!d0 || !d1 || !d0->valid() || !d1->valid()) return "time-filter wants FROM TO as YYYY-MM-DD, or off";
            f.enabled = true;
            f.range = {dayNumber(*d0), dayNumber(*d1)};
        }
        s.cases.setFilter(f);
        return "";
    }
    if (cmd == "show") {
        // A layer's or marker layer's visibility box in the Layers panel: show NAME on|off
        // (names may hold spaces: "cases: compounds")
        const size_t space = arg.rfind(' ');
        if (space == std::string::npos) return "show wants NAME on|off";
        const std::string name = arg.substr(0, space), on = arg.substr(space + 1);
        bool found = false;
        for (SceneLayer& l : s.scene.layers())
            if (l.data->name == name) found = true, l.style.visible = on == "on";
        for (MarkerLayer& m : s.scene.markerLayers())
            if (m.name() == name) found = true, m.visible = on == "on";
        return found ? "" : "no layer '" + name + "'";
    }
    if (cmd == "save-session") return files.saveSession(arg, s) ? "" : "cannot save " + arg; // File > Save session
    if (cmd == "quit") {
        s.quitRequested = true;
        return "";
    }
    return "unknown command '" + cmd + "'";
}

} // namespace viewer
