// File > Connect to database...: a pg_service name or host/port/database/user, the TLS mode,
// then the database's tables to add as layers and "Use as case store". The state and actions
// are in viewer/app/db_connect (no ImGui there).
#pragma once
#include "viewer/app/db_connect.hpp"
#include "viewer/app/file_actions.hpp"
#include "viewer/app/session.hpp"

#include <string>

namespace viewer {

class ConnectDialog {
public:
    void open() { m_open = true; }
    bool isOpen() const { return m_open; }
    // Once per frame: takes the worker's result and draws the window when open.
    void draw(Session& session, FileActions& files, const std::string& basemapPath);
    DbConnectState& state() { return m_state; }
    const DbConnectState& state() const { return m_state; }

private:
    DbConnectState m_state;
    bool m_open = false;
};

} // namespace viewer
