// The one exception type geo/ throws: its message is a complete, user-facing sentence.
#pragma once
#include <stdexcept>
#include <string>

namespace geo {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The user cancelled a long operation; not a failure to report as an error.
struct Cancelled : Error {
    Cancelled() : Error("cancelled") {}
};

} // namespace geo
