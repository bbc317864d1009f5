#pragma once
// Unicode character properties and case mappings, exactly as CPython 3.11's
// str methods see them (tables generated from CPython by
// gen_unicode_tables.py).

#include <string>

namespace coroscope::pylite::unicode {

bool isPrintable(char32_t c);
bool isAlpha(char32_t c);
bool isDecimal(char32_t c);
bool isDigit(char32_t c);
bool isNumeric(char32_t c);
bool isSpace(char32_t c);
bool isLower(char32_t c);
bool isUpper(char32_t c);
/// Titlecase letters (category Lt).
bool isTitle(char32_t c);
bool isCased(char32_t c);
bool isCaseIgnorable(char32_t c);
inline bool isAlnum(char32_t c) { return isAlpha(c) || isDecimal(c) || isDigit(c) || isNumeric(c); }
/// Line boundaries of str.splitlines.
bool isLineBreak(char32_t c);

/// Value 0-9 of a decimal digit (any script), or -1.
int decimalValue(char32_t c);

/// Full case mappings (may produce up to three code points), appended as
/// UTF-8 to `out`.
void appendLower(std::string& out, char32_t c);
void appendUpper(std::string& out, char32_t c);
void appendTitle(std::string& out, char32_t c);
void appendCaseFold(std::string& out, char32_t c);

} // namespace coroscope::pylite::unicode
