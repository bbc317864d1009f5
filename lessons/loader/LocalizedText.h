#pragma once
// LocalizedText: every text a student reads exists in Chinese and in English.

#include <QString>

#include <cstdint>

namespace coroscope::lessons {

/// The two languages every lesson text is written in.
enum class Language : std::uint8_t { Chinese, English };

/// One text in both languages. A loaded lesson never has an empty side.
struct LocalizedText {
    QString zh; ///< Simplified Chinese
    QString en; ///< English

    const QString& in(Language language) const { return language == Language::Chinese ? zh : en; }
    bool operator==(const LocalizedText&) const = default;
};

} // namespace coroscope::lessons
