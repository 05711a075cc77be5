// ISO 3166-1 countries compiled into the program: the nationality codes a case store accepts.
#pragma once
#include <optional>
#include <string_view>

namespace geo {

struct CountryCode {
    const char* alpha2; // "KH"
    const char* alpha3; // "KHM"
    const char* name;   // "Cambodia" (ISO short name; "Taiwan" for TW, as the sample writes it)
};

// Looks up an upper-case alpha-2 or alpha-3 code; nullopt when it is not an ISO 3166-1 code.
std::optional<CountryCode> findCountry(std::string_view code);

// True for an assigned ISO 3166-1 alpha-2 code ("CN", "TW") or the word "other".
bool isNationalityCode(std::string_view code);

} // namespace geo
