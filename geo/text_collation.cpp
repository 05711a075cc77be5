// TextCollator over icu::Collator (Debian's libicu). Sort keys are ICU's own, so sorting by
// key and by Collator::compare agree.
#include "geo/text_collation.hpp"
#include "geo/error.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <vector>

namespace geo {

struct TextCollator::Impl {
    std::unique_ptr<icu::Collator> collator;
    std::string locale;
};

namespace {

// ICU reads the user's locale from the environment; it calls C and POSIX "en_US_POSIX",
// whose tailoring is ASCII byte order: use the root collation for those.
icu::Locale chosenLocale(const std::string& asked)
{
    if (!asked.empty()) return icu::Locale::createCanonical(asked.c_str());
    const icu::Locale& user = icu::Locale::getDefault();
    const std::string variant = user.getVariant();
    if (variant == "POSIX" || std::string(user.getLanguage()).empty()) return icu::Locale::getRoot();
    return user;
}

} // namespace

TextCollator::TextCollator(const std::string& locale) : m_impl(std::make_unique<Impl>())
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale loc = chosenLocale(locale);
    m_impl->collator.reset(icu::Collator::createInstance(loc, status));
    if (U_FAILURE(status) || !m_impl->collator) {
        status = U_ZERO_ERROR;
        m_impl->collator.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
    }
    if (U_FAILURE(status) || !m_impl->collator)
        throw Error(std::string("cannot create a text collator (ICU: ") + u_errorName(status) + ")");
    status = U_ZERO_ERROR;
    m_impl->collator->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
    const std::string name = loc.getName();
    m_impl->locale = name.empty() ? "root" : name;
}

TextCollator::~TextCollator() = default;
TextCollator::TextCollator(TextCollator&&) noexcept = default;
TextCollator& TextCollator::operator=(TextCollator&&) noexcept = default;

std::string TextCollator::sortKey(std::string_view utf8) const
{
    const icu::UnicodeString s =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::vector<uint8_t> key(64);
    int32_t n = m_impl->collator->getSortKey(s, key.data(), static_cast<int32_t>(key.size()));
    if (n > static_cast<int32_t>(key.size())) {
        key.resize(static_cast<size_t>(n));
        n = m_impl->collator->getSortKey(s, key.data(), static_cast<int32_t>(key.size()));
    }
    // The key ends with a zero byte, which adds nothing to the order.
    if (n > 0 && key[static_cast<size_t>(n) - 1] == 0) --n;
    return std::string(reinterpret_cast<const char*>(key.data()), static_cast<size_t>(n > 0 ? n : 0));
}

bool TextCollator::less(std::string_view a, std::string_view b) const
{
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult r = m_impl->collator->compareUTF8(
        icu::StringPiece(a.data(), static_cast<int32_t>(a.size())), icu::StringPiece(b.data(), static_cast<int32_t>(b.size())),
        status);
    return U_SUCCESS(status) ? r == UCOL_LESS : a < b;
}

const std::string& TextCollator::localeName() const { return m_impl->locale; }

} // namespace geo
