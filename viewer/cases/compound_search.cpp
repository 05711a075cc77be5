// Word-wise substring search over folded text; fine for thousands of compounds per keystroke.
#include "viewer/cases/compound_search.hpp"

#include <algorithm>
#include <cctype>
#include <utility>
#include <sstream>

namespace viewer {

namespace {

// The ASCII base letter of a two-byte UTF-8 Latin-1 Supplement / Latin Extended-A character.
char baseLetter(unsigned char lead, unsigned char cont)
{
    const unsigned cp = ((lead & 0x1Fu) << 6) | (cont & 0x3Fu);
    static const char* latin1 = "aaaaaaaceeeeiiiidnooooo ouuuuyts"; // U+00E0..U+00FF (lower) / U+00C0..
    if (cp >= 0xC0 && cp <= 0xFF) return latin1[(cp - 0xC0) % 32];
    if (cp >= 0x100 && cp <= 0x17F) { // Latin Extended-A, as runs of one base letter
        static const std::pair<char, int> runs[] = {{'a', 6}, {'c', 8}, {'d', 4}, {'e', 10}, {'g', 8}, {'h', 4},
                                                    {'i', 12}, {'j', 2}, {'k', 3}, {'l', 10}, {'n', 9}, {'o', 8},
                                                    {'r', 6}, {'s', 8}, {'t', 6}, {'u', 12}, {'w', 2}, {'y', 3},
                                                    {'z', 6}, {'s', 1}};
        unsigned at = 0x100;
        for (const auto& [letter, count] : runs) {
            at += static_cast<unsigned>(count);
            if (cp < at) return letter;
        }
    }
    return ' ';
}

std::vector<std::string> words(const std::string& folded)
{
    std::vector<std::string> out;
    std::istringstream in(folded);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

bool containsAll(const std::string& hay, const std::vector<std::string>& needles)
{
    return std::all_of(needles.begin(), needles.end(), [&](const std::string& w) { return hay.find(w) != std::string::npos; });
}

} // namespace

std::string foldForSearch(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += std::isalnum(c) ? static_cast<char>(std::tolower(c)) : ' ';
        } else if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
            out += baseLetter(c, static_cast<unsigned char>(s[i + 1]));
            ++i;
        } else {
            // Other scripts (Khmer, Thai, Chinese): keep the bytes, so a pasted name still matches.
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::vector<SearchHit> searchCompounds(const geo::CaseData& data, std::string_view query)
{
    const std::string q = foldForSearch(query);
    const std::vector<std::string> needles = words(q);
    struct Ranked {
        int rank;
        SearchHit hit;
    };
    std::vector<Ranked> ranked;
    for (size_t i = 0; i < data.compounds.size(); ++i) {
        const geo::Compound& c = data.compounds[i];
        const std::string name = foldForSearch(c.name);
        std::string trimmed = q;
        trimmed.erase(0, trimmed.find_first_not_of(' '));
        if (needles.empty() || (!trimmed.empty() && name.rfind(trimmed, 0) == 0)) {
            ranked.push_back({0, {i, {}}});
        } else if (containsAll(name, needles)) {
            ranked.push_back({1, {i, {}}});
        } else {
            bool hit = false;
            for (const std::string& a : c.aliases)
                if (containsAll(foldForSearch(a), needles)) {
                    ranked.push_back({2, {i, a}});
                    hit = true;
                    break;
                }
            if (!hit && containsAll(foldForSearch(c.id), needles)) ranked.push_back({3, {i, {}}});
        }
    }
    std::stable_sort(ranked.begin(), ranked.end(), [&](const Ranked& a, const Ranked& b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        return data.compounds[a.hit.compound].name < data.compounds[b.hit.compound].name;
    });
    std::vector<SearchHit> out;
    for (Ranked& r : ranked) out.push_back(std::move(r.hit));
    return out;
}

} // namespace viewer
