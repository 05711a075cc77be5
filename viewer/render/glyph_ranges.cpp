// Glyph ranges and font lookup.
#include "viewer/render/glyph_ranges.hpp"

#include <cstdlib>
#include <filesystem>

namespace viewer {

namespace {
constexpr ImWchar kRanges[] = {
    0x0020, 0x00FF, // Basic Latin + Latin-1 Supplement
    0x0100, 0x024F, // Latin Extended-A and -B (œ, ơ, ư, đ ...)
    0x0300, 0x036F, // combining diacritical marks
    0x1E00, 0x1EFF, // Latin Extended Additional (Vietnamese: ạ ả ấ ầ ẩ ẫ ậ ...)
    0x2000, 0x206F, // general punctuation (– — ‘ ’ “ ” …)
    0x2190, 0x21FF, // arrows
    0,
};

std::string firstExisting(std::initializer_list<const char*> paths)
{
    for (const char* p : paths)
        if (std::filesystem::exists(p)) return p;
    return "";
}
} // namespace

const ImWchar* labelGlyphRanges() { return kRanges; }

std::string defaultFontPath()
{
    if (const char* env = std::getenv("ATLAS_FONT"); env && *env) return env;
    return firstExisting({"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                          "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"});
}

std::string defaultBoldFontPath()
{
    return firstExisting({"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                          "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"});
}

} // namespace viewer
