#pragma once
// int, bool and float. Python ints are 64-bit in pylite: values that fit in
// 63 bits are inline Values, the rest of int64 is boxed in an IntObject, and
// any result outside int64 raises OverflowError (never wraps). bool values
// are the immediates True/False (bool subclasses int). Floats are boxed.

#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Ref.h"

#include <cstdint>
#include <string>

namespace coroscope::pylite {

struct IntObject : Object {
    std::int64_t m_value; ///< always outside the small-int range
};

struct FloatObject : Object {
    double m_value;
};

/// Message of the OverflowError raised when an int result leaves int64.
inline constexpr const char* kIntOverflowMessage = "integer overflow: result does not fit in 64 bits";

/// An int value: inline when it fits, boxed otherwise. Fails only on MemoryError.
Ref newInt(ObjectSpace& space, std::int64_t i);
Ref newFloat(ObjectSpace& space, double d);

/// True for int and bool values.
inline bool isIntValue(ObjectSpace& space, Value v)
{
    return v.isSmallInt() || v.isBool() || (v.isObject() && v.object()->m_type == space.types().intType);
}
inline bool isFloatValue(ObjectSpace& space, Value v)
{
    return v.isObject() && v.object()->m_type == space.types().floatType;
}
/// The int64 of an int or bool value (precondition: isIntValue).
inline std::int64_t intValueOf(Value v)
{
    if (v.isSmallInt()) return v.smallIntValue();
    if (v.isBool()) return v.isTrue() ? 1 : 0;
    return static_cast<IntObject*>(v.object())->m_value;
}
inline double floatValueOf(Value v) { return static_cast<FloatObject*>(v.object())->m_value; }

/// Reads an int/bool as int64; false (no error set) for other types.
inline bool asInt64(ObjectSpace& space, Value v, std::int64_t& out)
{
    if (!isIntValue(space, v)) return false;
    out = intValueOf(v);
    return true;
}

/// operator.index(v): int/bool directly, else __index__. False with
/// TypeError "'X' object cannot be interpreted as an integer" pending.
bool indexValue(ObjectSpace& space, Value v, std::int64_t& out);
/// float(v) for numbers (int, bool, float, __float__, __index__); false with
/// TypeError "must be real number, not X" pending.
bool toDouble(ObjectSpace& space, Value v, double& out);

/// Hashes as CPython (modulus 2**61 - 1), so equal numbers hash equal.
std::int64_t hashInt(std::int64_t i);
std::int64_t hashDouble(ObjectSpace& space, double d, Value identity);

/// Exact comparison of an int64 with a double (no rounding), like CPython.
/// Returns -1, 0, 1, or 2 when d is NaN (unordered).
int compareIntDouble(std::int64_t i, double d);

/// Converts a double to int64 (truncating): OverflowError for inf/out of
/// range ("cannot convert float infinity to integer"), ValueError for NaN.
bool doubleToInt64(ObjectSpace& space, double d, std::int64_t& out);
/// int(text, base) as CPython parses it (underscores, prefixes, spaces,
/// sign). Raises ValueError "invalid literal for int() with base B: 'x'";
/// OverflowError beyond int64.
Ref parseInt(ObjectSpace& space, std::string_view text, int base);
/// float(text): decimal, inf/nan, underscores. ValueError "could not
/// convert string to float: 'x'".
Ref parseFloat(ObjectSpace& space, std::string_view text);

/// Built-in round(): ints and floats (with banker's rounding and ndigits);
/// other types through __round__. `ndigits` null when not given.
Ref roundNumber(ObjectSpace& space, Value number, Value ndigits);
/// x ** y for doubles with CPython's special cases (0.0 ** -1 raises
/// ZeroDivisionError, overflow raises OverflowError(34, ...)).
Ref floatPowValues(ObjectSpace& space, double x, double y);
/// pow(base, exp, mod) for ints.
Ref powMod(ObjectSpace& space, Value base, Value exp, Value mod);

// --- float text (FloatFormat.cpp) ---------------------------------------
/// repr(float): shortest round-trip digits, CPython's layout ("0.1",
/// "1e+16", "1.5e-07", "inf", "nan", "-0.0").
std::string floatRepr(double d);

/// PyOS_double_to_string: `code` is one of e E f F g G r, `precision` as in
/// printf (ignored for r). Flags control sign, '#', ".0" and 'z'.
struct FloatFormatFlags {
    bool alwaysSign = false;      ///< '+'
    bool spaceSign = false;       ///< ' '
    bool alternate = false;       ///< '#'
    bool addDot0 = false;         ///< integers print as "1.0" (repr / format with no type)
    bool noNegativeZero = false;  ///< 'z'
};
std::string formatDouble(double d, char code, int precision, const FloatFormatFlags& flags);


} // namespace coroscope::pylite
