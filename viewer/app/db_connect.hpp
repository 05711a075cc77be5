// "Connect to database" without the ImGui: the form's fields turned into a libpq connection
// string, and the connection tried on a worker (the database's vector tables listed, and
// whether it holds a case store). A password typed in the form lives only in memory: every
// text meant for people (messages, the shown string) has it removed.
#pragma once
#include "geo/vector_source.hpp"

#include <future>
#include <optional>
#include <string>
#include <vector>

namespace viewer {

enum class SslMode { Prefer, Require, VerifyFull };
const char* sslModeName(SslMode m); // libpq's: "prefer", "require", "verify-full"

struct DbConnectForm {
    bool useService = true;
    std::string service;        // a pg_service.conf entry
    std::string host, port, dbname, user;
    SslMode sslMode = SslMode::Prefer;
    std::string password;       // optional, this connection only; never saved
};

// The problem with the fields as one line ("port: '54x' is not a number"), or "" when none.
std::string checkForm(const DbConnectForm& f);
// "PG:service=atlas sslmode=prefer" / "PG:host=db.example port=5432 dbname=cases user=ana
// sslmode=require"; values quoted as libpq wants ('...' with \' and \\) when needed.
std::string connectionString(const DbConnectForm& f);

// What a connection found.
struct DbContents {
    std::string connection;              // with the password, if one was typed (memory only)
    std::string shown;                   // the same without it
    std::vector<geo::LayerInfo> tables;  // tables with a geometry column
    bool caseStore = false;              // the case tables are there
};

// Connects and lists (blocking). Throws geo::Error with one line, credentials removed.
DbContents inspectDatabase(const std::string& connection);

// The dialog's worker: one connection attempt at a time.
class DbConnectJob {
public:
    void start(const std::string& connection);
    bool running() const { return m_future.valid(); }
    // Once finished: the contents, or the error line (then `contents` is empty).
    bool poll();
    const std::optional<DbContents>& contents() const { return m_contents; }
    const std::string& error() const { return m_error; }

private:
    std::future<DbContents> m_future;
    std::optional<DbContents> m_contents;
    std::string m_error;
};

class CaseView;
class LoadQueue;

// The dialog's state and actions: the fields, the connection attempt, which tables are ticked,
// and what the last action said. The ImGui window (viewer/ui/connect_dialog) and the test
// command hook both act through it.
class DbConnectState {
public:
    DbConnectForm form;
    std::vector<char> chosen; // one per contents()->tables

    // "Connect": checks the fields, then connects on a worker. False when the fields are wrong
    // (message() says why) or a connection attempt is running.
    bool connect();
    // Per frame: takes the worker's result.
    void update();
    bool connecting() const { return m_job.running(); }
    const std::optional<DbContents>& contents() const { return m_job.contents(); }
    // The last error or outcome, one line, credentials removed; `isError` for its colour.
    const std::string& message() const { return m_message; }
    bool isError() const { return m_isError; }

    // "Add as layers": the ticked tables load through the same background path as files.
    // Returns how many were queued.
    size_t addChosen(LoadQueue& queue);
    // Ticks the table named `name`; false when there is none.
    bool choose(const std::string& name, bool on = true);
    // "Use as case store": the viewer's case store switches to this database (on a worker).
    bool useAsCaseStore(CaseView& cases, const std::string& basemapPath);
    // Per frame: once that switch has finished, its outcome as one line (else nullopt).
    std::optional<std::string> caseStoreOutcome(const CaseView& cases);

private:
    DbConnectJob m_job;
    std::string m_message;
    bool m_isError = false;
    bool m_switching = false; // a "Use as case store" is loading
};

} // namespace viewer
