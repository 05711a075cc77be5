// Name folding with a compiled Latin table (no ICU), and the stated-vs-derived comparisons.
#include "geo/cases/place_names.hpp"
#include "geo/cases/country_codes.hpp"
#include "geo/error.hpp"
#include "geo/vector_source.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <set>
#include <sstream>

namespace geo {

namespace {

// ASCII folding of U+00C0..U+024F and U+1E00..U+1EFF (Vietnamese), from Unicode NFKD plus
// the letters NFKD keeps (œ, đ, ø, ł, ß, þ).
const char* const kLatin[] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    "i", "i", "ij", "ij", "j", "j", "k", "k", "", "l", "l", "l", "l", "l", "l", "l",
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "", "", "o", "o", "o", "o",
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
    "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
    "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
    "o", "o", "", "", "", "", "", "", "", "", "", "", "", "", "", "u",
    "u", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
    "", "", "", "", "dz", "dz", "dz", "lj", "lj", "lj", "nj", "nj", "nj", "a", "a", "i",
    "i", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "", "a", "a",
    "a", "a", "", "", "", "", "g", "g", "k", "k", "o", "o", "o", "o", "", "",
    "j", "dz", "dz", "dz", "g", "g", "", "", "n", "n", "a", "a", "", "", "", "",
    "a", "a", "a", "a", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o",
    "r", "r", "r", "r", "u", "u", "u", "u", "s", "s", "t", "t", "", "", "h", "h",
    "", "", "", "", "", "", "a", "a", "e", "e", "o", "o", "o", "o", "o", "o",
    "o", "o", "y", "y", "", "", "", "", "", "", "", "", "", "", "", "",
    "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
};

const char* const kLatinExtra[] = {
    "a", "a", "b", "b", "b", "b", "b", "b", "c", "c", "d", "d", "d", "d", "d", "d",
    "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "f", "f",
    "g", "g", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "i", "i", "i", "i",
    "k", "k", "k", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "m", "m",
    "m", "m", "m", "m", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    "o", "o", "o", "o", "p", "p", "p", "p", "r", "r", "r", "r", "r", "r", "r", "r",
    "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t",
    "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "v", "v", "v", "v",
    "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "x", "x", "x", "x", "y", "y",
    "z", "z", "z", "z", "z", "z", "h", "t", "w", "y", "a", "s", "", "", "", "",
    "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a",
    "a", "a", "a", "a", "a", "a", "a", "a", "e", "e", "e", "e", "e", "e", "e", "e",
    "e", "e", "e", "e", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o",
    "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o",
    "o", "o", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u",
    "u", "u", "y", "y", "y", "y", "y", "y", "y", "y", "", "", "", "", "", "",
};

// Decodes one UTF-8 code point at s[i], advancing i; malformed bytes come back as 0xFFFD.
char32_t nextCodePoint(std::string_view s, size_t& i)
{
    const unsigned char c = s[i++];
    if (c < 0x80) return c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    if (extra < 0) return 0xFFFD;
    char32_t cp = c & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return cp;
}

const std::set<std::string>& genericWords()
{
    static const std::set<std::string> words = {"state", "province", "region", "division", "krong", "khett",
                                                "city", "municipality", "prefecture", "the"};
    return words;
}

std::string countryPart(const std::string& code)
{
    const size_t sep = code.find_first_of("-.");
    return sep == std::string::npos ? "" : code.substr(0, sep);
}

bool isIsoScheme(const std::string& code) { return code.find('-') != std::string::npos; }

} // namespace

std::string foldPlaceName(std::string_view name)
{
    std::string ascii;
    for (size_t i = 0; i < name.size();) {
        const char32_t cp = nextCodePoint(name, i);
        if (cp < 0x80) {
            const char c = static_cast<char>(cp);
            ascii += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a')
                     : ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ? c
                     : c == '\'' ? '\0' : ' ';
            if (ascii.back() == '\0') ascii.pop_back(); // "Kaôh" and "Ka'oh" alike
        } else if (cp >= 0xC0 && cp <= 0x24F) {
            ascii += kLatin[cp - 0xC0];
        } else if (cp >= 0x1E00 && cp <= 0x1EFF) {
            ascii += kLatinExtra[cp - 0x1E00];
        } else {
            ascii += ' ';
        }
    }
    std::istringstream words(ascii);
    std::string word, out;
    while (words >> word)
        if (!genericWords().count(word)) out += (out.empty() ? "" : " ") + word;
    return out;
}

bool samePlaceName(std::string_view a, std::string_view b)
{
    const std::string fa = foldPlaceName(a), fb = foldPlaceName(b);
    return !fa.empty() && fa == fb;
}

AreaNames AreaNames::fromBasemap(const std::string& basemapPath)
{
    initGdal();
    struct Closer {
        void operator()(GDALDataset* d) const { GDALClose(d); }
    };
    std::unique_ptr<GDALDataset, Closer> ds(static_cast<GDALDataset*>(
        GDALOpenEx(basemapPath.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds) throw Error(basemapPath + ": cannot open the basemap");
    OGRLayer* layer = ds->GetLayerByName("provinces");
    if (!layer) throw Error(basemapPath + ": the basemap has no 'provinces' layer");
    OGRFeatureDefn* def = layer->GetLayerDefn();
    const int name = def->GetFieldIndex("name"), alt = def->GetFieldIndex("name_alt");
    const int iso = def->GetFieldIndex("iso_3166_2"), hasc = def->GetFieldIndex("code_hasc");
    layer->SetIgnoredFields(std::vector<const char*>{"OGR_GEOMETRY", nullptr}.data());
    AreaNames out;
    for (auto& f : *layer) {
        std::vector<std::string> names;
        if (name >= 0 && f->IsFieldSetAndNotNull(name)) names.push_back(f->GetFieldAsString(name));
        if (alt >= 0 && f->IsFieldSetAndNotNull(alt)) {
            std::stringstream ss(f->GetFieldAsString(alt));
            std::string part;
            while (std::getline(ss, part, '|'))
                if (!part.empty()) names.push_back(part);
        }
        if (names.empty()) continue;
        for (int field : {iso, hasc})
            if (field >= 0 && f->IsFieldSetAndNotNull(field)) {
                const std::string code = f->GetFieldAsString(field);
                if (!code.empty() && code.back() != '-' && code != "-99") out.m_byCode[code] = names;
            }
        out.m_byName[names.front()] = names;
    }
    return out;
}

std::vector<std::string> AreaNames::namesOf(const AreaRef& area) const
{
    if (auto it = m_byCode.find(area.code); !area.code.empty() && it != m_byCode.end()) return it->second;
    if (auto it = m_byName.find(area.name); it != m_byName.end()) return it->second;
    return {area.name};
}

bool statedProvinceMatches(const std::string& statedName, const std::string& statedCode, const AreaRef& area,
                           const AreaNames& names)
{
    if (!statedCode.empty() && !area.code.empty()) {
        const std::string a = countryPart(statedCode), b = countryPart(area.code);
        if (!a.empty() && !b.empty() && a != b) return false;
        if (isIsoScheme(statedCode) && isIsoScheme(area.code) && statedCode == area.code) return true;
    }
    for (const std::string& n : names.namesOf(area))
        if (samePlaceName(statedName, n)) return true;
    return samePlaceName(statedName, area.name);
}

bool statedCountryMatches(const std::string& statedName, const std::string& statedCode, const AreaRef& area)
{
    if (samePlaceName(statedName, area.name)) return true;
    if (auto c = findCountry(area.code); c && samePlaceName(statedName, c->name)) return true;
    const std::string prefix = countryPart(statedCode);
    if (auto c = findCountry(prefix); c && !area.code.empty()) return area.code == c->alpha3;
    return false;
}

} // namespace geo
