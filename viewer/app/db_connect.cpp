// Connection strings from the form, and the connection test on a worker thread.
#include "viewer/app/db_connect.hpp"
#include "viewer/app/load_queue.hpp"
#include "viewer/cases/case_view.hpp"
#include "viewer/ui/typed_text.hpp"

#include "geo/error.hpp"
#include "geo/session_file.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace viewer {

namespace {

// One keyword=value pair of a libpq conninfo string.
std::string pair(const char* key, const std::string& value)
{
    const bool plain = !value.empty() && std::none_of(value.begin(), value.end(), [](unsigned char c) {
        return std::isspace(c) || c == '\'' || c == '\\';
    });
    if (plain) return std::string(key) + "=" + value;
    std::string q = std::string(key) + "='";
    for (char c : value) {
        if (c == '\'' || c == '\\') q += '\\';
        q += c;
    }
    return q + "'";
}

} // namespace

const char* sslModeName(SslMode m)
{
    switch (m) {
    case SslMode::Prefer: return "prefer";
    case SslMode::Require: return "require";
    case SslMode::VerifyFull: return "verify-full";
    }
    return "prefer";
}

std::string checkForm(const DbConnectForm& f)
{
    if (f.useService) return trimTyped(f.service).empty() ? "service: enter a pg_service name" : "";
    if (trimTyped(f.dbname).empty()) return "database: enter a database name";
    const std::string port = trimTyped(f.port);
    if (!port.empty()) {
        const bool digits = std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c); });
        if (!digits || port.size() > 5 || std::stoi(port) < 1 || std::stoi(port) > 65535)
            return "port: '" + port + "' is not a port number (1-65535)";
    }
    return "";
}

std::string connectionString(const DbConnectForm& f)
{
    std::string s = "PG:";
    auto add = [&s](const char* key, const std::string& value) {
        const std::string v = trimTyped(value);
        if (v.empty()) return;
        if (s.size() > 3) s += ' ';
        s += pair(key, v);
    };
    if (f.useService) {
        add("service", f.service);
    } else {
        add("host", f.host);
        add("port", f.port);
        add("dbname", f.dbname);
        add("user", f.user);
    }
    add("sslmode", sslModeName(f.sslMode));
    add("connect_timeout", "10"); // a host that never answers must not hang the dialog (or quitting)
    if (!f.password.empty()) s += " " + pair("password", f.password); // not trimmed: it is a secret
    return s;
}

DbContents inspectDatabase(const std::string& connection)
{
    DbContents out;
    out.connection = connection;
    out.shown = geo::redactCredentials(connection);
    geo::DatasetInfo info;
    try {
        info = geo::inspectDataset(connection, true); // the user asked for this connection
    } catch (const std::exception& e) {
        // geo's messages are redacted already; once more, for any path a driver echoed.
        throw geo::Error(geo::redactCredentials(e.what()));
    }
    bool compounds = false, incidents = false;
    for (geo::LayerInfo& l : info.layers) {
        compounds |= l.name == "compounds";
        incidents |= l.name == "incidents";
        if (l.geometryType != "None" && !l.geometryType.empty()) out.tables.push_back(std::move(l));
    }
    out.caseStore = compounds && incidents;
    return out;
}

void DbConnectJob::start(const std::string& connection)
{
    if (running()) return;
    m_contents.reset();
    m_error.clear();
    m_future = std::async(std::launch::async, [connection] { return inspectDatabase(connection); });
}

bool DbConnectJob::poll()
{
    if (!running() || m_future.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    try {
        m_contents = m_future.get();
    } catch (const std::exception& e) {
        m_error = geo::redactCredentials(e.what());
    }
    return true;
}

bool DbConnectState::connect()
{
    if (m_job.running()) return false;
    if (const std::string problem = checkForm(form); !problem.empty()) {
        m_message = problem;
        m_isError = true;
        return false;
    }
    chosen.clear();
    m_job.start(connectionString(form));
    m_message = "Connecting to " + geo::redactCredentials(connectionString(form)) + "...";
    m_isError = false;
    return true;
}

void DbConnectState::update()
{
    if (!m_job.poll()) return;
    if (const auto& c = m_job.contents()) {
        chosen.assign(c->tables.size(), 0);
        m_message = "Connected to " + c->shown + ": " + std::to_string(c->tables.size()) + " table(s) with geometry" +
                    (c->caseStore ? "; it holds a case store" : "");
        m_isError = false;
    } else {
        m_message = m_job.error();
        m_isError = true;
    }
}

bool DbConnectState::choose(const std::string& name, bool on)
{
    const auto& c = contents();
    if (!c) return false;
    for (size_t i = 0; i < c->tables.size(); ++i)
        if (c->tables[i].name == name) {
            chosen.resize(c->tables.size(), 0);
            chosen[i] = on;
            return true;
        }
    return false;
}

size_t DbConnectState::addChosen(LoadQueue& queue)
{
    const auto& c = contents();
    if (!c) return 0;
    std::vector<LoadOrder> orders;
    for (size_t i = 0; i < c->tables.size() && i < chosen.size(); ++i) {
        if (!chosen[i]) continue;
        LoadOrder o;
        o.path = c->connection;
        o.layer = c->tables[i].name;
        o.allowRemote = true; // the user connected to this database in the dialog
        orders.push_back(std::move(o));
    }
    const size_t n = orders.size();
    if (n) {
        m_message = "Loading " + std::to_string(n) + " table(s) from " + c->shown + "...";
        m_isError = false;
        queue.load(std::move(orders));
    }
    return n;
}

bool DbConnectState::useAsCaseStore(CaseView& cases, const std::string& basemapPath)
{
    const auto& c = contents();
    if (!c || !c->caseStore) return false;
    if (!cases.switchStore(c->connection, basemapPath)) {
        m_message = "The case store is still loading; try again in a moment";
        m_isError = true;
        return false;
    }
    m_message = "Opening the case store in " + c->shown + "...";
    m_isError = false;
    m_switching = true;
    return true;
}

std::optional<std::string> DbConnectState::caseStoreOutcome(const CaseView& cases)
{
    if (!m_switching || cases.loading()) return std::nullopt;
    m_switching = false;
    m_isError = !cases.error().empty();
    m_message = m_isError ? cases.error() : "Case store: " + cases.storePath();
    return m_message;
}

} // namespace viewer
