// Ordering text the way people read it, through ICU's collation: accents and case weigh less
// than the letters ("Kâmpóng" before "Krâchéh", where byte order puts it after), and digits
// compare as numbers ("Site 2" before "Site 10"). For sorting tables and lists.
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace geo {

class TextCollator {
public:
    // `locale` as ICU names it ("km", "th", "vi", "en_GB"); "" = the user's (LC_ALL /
    // LC_COLLATE / LANG), where C and POSIX mean the root collation (every script in Unicode's
    // order, accents after letters) rather than byte order.
    explicit TextCollator(const std::string& locale = "");
    ~TextCollator();
    TextCollator(TextCollator&&) noexcept;
    TextCollator& operator=(TextCollator&&) noexcept;

    // A key for `utf8` whose byte order is the collation order: compute once per row, then sort
    // the keys (std::string's operator< compares them as unsigned bytes).
    std::string sortKey(std::string_view utf8) const;
    // a before b.
    bool less(std::string_view a, std::string_view b) const;
    // The locale actually used ("root" when none fits).
    const std::string& localeName() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace geo
