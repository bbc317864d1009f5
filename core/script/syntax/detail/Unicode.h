#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace coroscope::syntax::detail {

/// Decodes one UTF-8 sequence at `s[i]`. Returns its length (1-4) and sets
/// `cp`, or returns 0 for a malformed, overlong or surrogate sequence.
int decodeUtf8(std::string_view s, std::size_t i, std::uint32_t& cp);

/// Appends `cp` to `out` as UTF-8 (surrogates are encoded as is, like
/// Python's "surrogatepass", so "\ud800" literals survive).
void appendUtf8(std::string& out, std::uint32_t cp);

/// Python's str.isidentifier() rules for a single code point >= 0x80.
bool isIdStart(std::uint32_t cp);
bool isIdContinue(std::uint32_t cp);
/// Python's str.isprintable() for one code point.
bool isPrintable(std::uint32_t cp);

/// Looks up a \N{...} character name (case-insensitive). Only a
/// teaching-sized subset of the Unicode database is built in (see
/// gen_unicode_tables.py); other names are reported as unknown.
bool lookupCharacterName(std::string_view name, std::uint32_t& cp);

/// Index of the first malformed UTF-8 byte in `s`, or npos when valid.
std::size_t findInvalidUtf8(std::string_view s);

} // namespace coroscope::syntax::detail
