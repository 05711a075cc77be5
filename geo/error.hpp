// The one exception type geo/ throws: its message is a complete, user-facing sentence.
#pragma once
#include <stdexcept>
#include <string>

namespace geo {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace geo
