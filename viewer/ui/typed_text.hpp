// Text typed into a form field, as the app uses it: without surrounding blanks (a pasted
// name or host name often carries a trailing space or newline).
#pragma once
#include <string>

namespace viewer {

inline std::string trimTyped(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

} // namespace viewer
