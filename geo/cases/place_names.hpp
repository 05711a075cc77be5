// Loose comparison of place names and codes: "Kândal" = "Kandal", "Kayin State" = "Kayin",
// "Preah Sihanouk" = "Krong Preah Sihanouk", and ISO 3166-2 (KH-20) against HASC (KH.SR).
#pragma once
#include "geo/locator.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

// Lower-case ASCII without diacritics, punctuation as spaces, generic words dropped
// ("state", "province", "region", "division", "krong", "khett", "city", "municipality").
std::string foldPlaceName(std::string_view name);
bool samePlaceName(std::string_view a, std::string_view b);

// The names of each basemap province: its name plus the `name_alt` variants ("Svaay Rieng").
class AreaNames {
public:
    AreaNames() = default;
    // Reads the attributes (no geometry) of the basemap's `provinces` layer.
    static AreaNames fromBasemap(const std::string& basemapPath);
    // Every name known for an area of the Locator (matched by code, else by name).
    std::vector<std::string> namesOf(const AreaRef& area) const;

private:
    std::map<std::string, std::vector<std::string>> m_byCode;
    std::map<std::string, std::vector<std::string>> m_byName;
};

// Does the stated province (its name, and its ISO 3166-2 code if known) name `area`?
// Codes decide when both are in the same scheme (KH-20 vs KH-18); across schemes
// (KH-20 vs KH.SR) only the country part is compared and the names decide.
bool statedProvinceMatches(const std::string& statedName, const std::string& statedCode, const AreaRef& area,
                           const AreaNames& names);

// Does a stated country name (or the country of a stated ISO 3166-2 code) name `area` (alpha-3 code)?
bool statedCountryMatches(const std::string& statedName, const std::string& statedCode, const AreaRef& area);

} // namespace geo
