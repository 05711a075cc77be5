// One problem found in case data, by validation before a write or by `cases check`.
#pragma once
#include <string>
#include <vector>

namespace geo {

enum class Severity { Error, Warning, Info };
const char* nameOf(Severity s); // "error", "warning", "info"

struct CaseFinding {
    Severity severity = Severity::Error;
    std::string code;       // stable, kebab-case: "breakdown-exceeds-total", "missing-compound", ...
    std::string incidentId; // the rows concerned; empty when not applicable
    std::string compoundId;
    std::string sourceId;
    std::string message;    // one line for a person
};

bool hasErrors(const std::vector<CaseFinding>& findings);

// "duplicate compound id 'a7-park'" or, for several, the first and "(and N more problems)".
std::string summarizeFindings(const std::vector<CaseFinding>& findings);

} // namespace geo
