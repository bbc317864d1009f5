#pragma once
// The format-spec mini-language (format(), str.format, f-strings) for int,
// float and str, with CPython's rules and error messages.

#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Ref.h"

#include <string>
#include <string_view>

namespace coroscope::pylite {

/// [[fill]align][sign][z][#][0][width][grouping][.precision][type]
struct FormatSpec {
    char32_t fill = U' ';
    char align = 0;       ///< '<' '>' '^' '=' or 0 (type default)
    char sign = 0;        ///< '+' '-' ' ' or 0
    bool noNegZero = false; ///< 'z'
    bool alternate = false; ///< '#'
    std::int64_t width = -1;
    char grouping = 0;    ///< ',' '_' or 0
    std::int64_t precision = -1;
    char type = 0;        ///< presentation type or 0
    bool zeroPad = false; ///< '0' flag without explicit alignment: numbers pad after the sign
    std::string invalid;  ///< whole spec when it had trailing garbage (reported per type)
};

/// Parses a spec; ValueError "Invalid format specifier..." on malformed input.
bool parseFormatSpec(ObjectSpace& space, std::string_view spec, FormatSpec& out);

/// format(value, spec): the VM's FORMAT_VALUE. Built-in numbers and str are
/// formatted natively; other values through type(v).__format__(spec).
Ref formatValue(ObjectSpace& space, Value value, std::string_view spec);
Ref formatValue(ObjectSpace& space, Value value, Value spec);

/// Native formatters (spec already parsed); append to `out`.
bool formatIntTo(ObjectSpace& space, std::int64_t v, const FormatSpec& spec, std::string& out);
bool formatFloatTo(ObjectSpace& space, double v, const FormatSpec& spec, std::string& out);
bool formatStrTo(ObjectSpace& space, std::string_view utf8, const FormatSpec& spec, std::string& out);

/// Pads `body` (UTF-8) to the spec's width with its fill and alignment.
void padTo(std::string& out, std::string_view body, const FormatSpec& spec, char defaultAlign);

} // namespace coroscope::pylite
