// The Connect to database dialog's logic (viewer/app/db_connect): connection strings as libpq
// reads them, field checks, and a failed connection's one line without the password.
#include "viewer/app/db_connect.hpp"

#include "geo/error.hpp"

#include <doctest/doctest.h>

using namespace viewer;

TEST_CASE("connection strings from the dialog's fields")
{
    DbConnectForm f;
    f.useService = true;
    f.service = " atlas ";
    CHECK(connectionString(f) == "PG:service=atlas sslmode=prefer connect_timeout=10");
    f.useService = false;
    f.host = "db.example.org";
    f.port = "5433";
    f.dbname = "team cases";
    f.user = "o'brien";
    f.sslMode = SslMode::VerifyFull;
    CHECK(connectionString(f) == "PG:host=db.example.org port=5433 dbname='team cases' user='o\\'brien' sslmode=verify-full connect_timeout=10");
    f.password = "se cret\\";
    const std::string withPassword = connectionString(f);
    CHECK(withPassword.find("password='se cret\\\\'") != std::string::npos);
    f.user.clear();
    f.port.clear();
    f.sslMode = SslMode::Require;
    f.password.clear();
    CHECK(connectionString(f) == "PG:host=db.example.org dbname='team cases' sslmode=require connect_timeout=10");
}

TEST_CASE("the dialog's fields are checked before connecting")
{
    DbConnectForm f;
    CHECK(checkForm(f) == "service: enter a pg_service name");
    f.useService = false;
    CHECK(checkForm(f) == "database: enter a database name");
    f.dbname = "atlas";
    CHECK(checkForm(f).empty());
    f.port = "54x";
    CHECK(checkForm(f) == "port: '54x' is not a port number (1-65535)");
    f.port = "70000";
    CHECK_FALSE(checkForm(f).empty());
    f.port = "5432";
    CHECK(checkForm(f).empty());
}

TEST_CASE("a failed connection is one line without the password")
{
    DbConnectForm f;
    f.useService = false;
    f.host = "/nonexistent-atlas-socket-dir";
    f.port = "1";
    f.dbname = "nope";
    f.password = "hunter2";
    DbConnectState st;
    st.form = f;
    REQUIRE(st.connect());
    CHECK(st.message().find("hunter2") == std::string::npos);
    while (st.connecting()) st.update();
    st.update();
    CHECK(st.isError());
    CHECK_FALSE(st.contents().has_value());
    CHECK_FALSE(st.message().empty());
    CHECK(st.message().find('\n') == std::string::npos);
    CHECK_MESSAGE(st.message().find("hunter2") == std::string::npos, st.message());
    MESSAGE(st.message());
}
