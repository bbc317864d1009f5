// int and bool.

#include "core/script/value/Args.h"
#include "core/script/value/Bytes.h"
#include "core/script/value/Format.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"

#include <charconv>
#include <climits>
#include <cmath>

namespace coroscope::pylite {

Ref newInt(ObjectSpace& space, std::int64_t i)
{
    if (Value::fitsSmallInt(i)) return Ref::steal(Value::smallInt(i));
    auto* o = space.heap().alloc<IntObject>(space.types().intType);
    if (!o) return Ref();
    o->m_value = i;
    return Ref::steal(o);
}

std::int64_t hashInt(std::int64_t i)
{
    constexpr std::uint64_t kModulus = (std::uint64_t(1) << 61) - 1;
    const bool negative = i < 0;
    const std::uint64_t magnitude = negative ? std::uint64_t(0) - std::uint64_t(i) : std::uint64_t(i);
    auto h = std::int64_t(magnitude % kModulus);
    if (negative) h = -h;
    return h == -1 ? -2 : h;
}

bool indexValue(ObjectSpace& space, Value v, std::int64_t& out)
{
    if (isIntValue(space, v)) {
        out = intValueOf(v);
        return true;
    }
    UnaryFn index = space.typeOf(v)->m_slots.index;
    if (!index) {
        std::string msg = "'";
        msg += typeName(space, v);
        msg += "' object cannot be interpreted as an integer";
        space.raise(space.types().TypeError, msg);
        return false;
    }
    Ref r = index(space, v);
    if (!r) return false;
    if (!isIntValue(space, r.get())) {
        std::string msg = "__index__ returned non-int (type ";
        msg += typeName(space, r.get());
        msg += ")";
        space.raise(space.types().TypeError, msg);
        return false;
    }
    out = intValueOf(r.get());
    return true;
}

namespace {

Ref overflow(ObjectSpace& space) { return space.raise(space.types().OverflowError, kIntOverflowMessage); }

bool operands(ObjectSpace& space, Value a, Value b, std::int64_t& x, std::int64_t& y)
{
    if (!isIntValue(space, a) || !isIntValue(space, b)) return false;
    x = intValueOf(a);
    y = intValueOf(b);
    return true;
}

#define PYLITE_INT_OPERANDS                                   \
    std::int64_t x, y;                                        \
    if (!operands(space, a, b, x, y)) return Ref::notImplemented()

Ref intAdd(ObjectSpace& space, Value a, Value b)
{
    PYLITE_INT_OPERANDS;
    std::int64_t r;
    if (__builtin_add_overflow(x, y, &r)) return overflow(space);
    return newInt(space, r);
}

Ref intSub(ObjectSpace& space, Value a, Value b)
{
    PYLITE_INT_OPERANDS;
    std::int64_t r;
    if (__builtin_sub_overflow(x, y, &r)) return overflow(space);
    return newInt(space, r);
}

Ref intMul(ObjectSpace& space, Value a, Value b)
{
    PYLITE_INT_OPERANDS;
    std::int64_t r;
    if (__builtin_mul_overflow(x, y, &r)) return overflow(space);
    return newInt(space, r);
}

/// Correctly rounded x / y for |x|, |y| <= 2**53; long double otherwise.
double trueDivide(std::int64_t x, std::int64_t y)
{
    constexpr std::int64_t kExact = std::int64_t(1) << 53;
    if (x >= -kExact && x <= kExact && y >= -kExact && y <= kExact) return double(x) / double(y);
    return double(static_cast<long double>(x) / static_cast<long double>(y));
}

Ref intTrueDiv(ObjectSpace& space, Value a, Value b)
{
    PYLITE_INT_OPERANDS;
    if (y == 0) return space.raise(space.types().ZeroDivisionError, "division by zero");
    return newFloat(space, trueDivide(x, y));
}

bool floorDivMod(ObjectSpace& space, std::int64_t x, std::int64_t y, std::int64_t& q, std::int64_t& r)
{
    if (x == INT64_MIN && y == -1) {
        overflow(space);
        return false;
    }
    q = x / y;
    r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) {
        --q;
        r += y;
    }
    return true;
}

Ref intFloorDiv(ObjectSpace& space, Value a, Value b)
{
    PYLITE_INT_OPERANDS;
    if (y == 0) return space.raise(space.types().ZeroDivisionError, "integer division or modulo by zero");
    std::int64_t q, r;
    if (!floorDivMod(space, x, y, q, r)) return Ref();
    return newInt(space, q);
}

Ref intMod(ObjectSpace& space, Value a, Value b)
{
    PYLITE_INT_OPERANDS;
    if (y == 0) return space.raise(space.types().ZeroDivisionError, "integer modulo by zero");
    if (y == -1) return newInt(space, 0);
    std::int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return newInt(space, r);
}

Ref intDivMod(ObjectSpace& space, Value a, Value b)
{
    PYLITE_INT_OPERANDS;
    if (y == 0) return space.raise(space.types().ZeroDivisionError, "integer division or modulo by zero");
    std::int64_t q, r;
    if (!floorDivMod(space, x, y, q, r)) return Ref();
    Ref qv = newInt(space, q);
    Ref rv = newInt(space, r);
    if (!qv || !rv) return Ref();
    return newTupleOf(space, {qv.get(), rv.get()});
}

Ref intPow(ObjectSpace& space, Value a, Value b)
{
    PYLITE_INT_OPERANDS;
    if (y < 0) return floatPowValues(space, double(x), double(y));
    std::int64_t result = 1;
    std::int64_t base = x;
    std::int64_t e = y;
    while (e > 0) {
        if (e & 1) {
            if (__builtin_mul_overflow(result, base, &result)) return overflow(space);
        }
        e >>= 1;
        if (e > 0 && __builtin_mul_overflow(base, base, &base)) {
            // base**2 overflowing only matters if a later bit uses it; with
            // |base| >= 2 every later bit multiplies an even larger factor.
            return overflow(space);
        }
    }
    return newInt(space, result);
}

Ref intLShift(ObjectSpace& space, Value a, Value b)
{
    PYLITE_INT_OPERANDS;
    if (y < 0) return space.raise(space.types().ValueError, "negative shift count");
    if (x == 0) return newInt(space, 0);
    if (y >= 63) return overflow(space);
    const std::int64_t r = std::int64_t(std::uint64_t(x) << y);
    if ((r >> y) != x) return overflow(space);
    return newInt(space, r);
}

Ref intRShift(ObjectSpace& space, Value a, Value b)
{
    PYLITE_INT_OPERANDS;
    if (y < 0) return space.raise(space.types().ValueError, "negative shift count");
    if (y >= 63) return newInt(space, x < 0 ? -1 : 0);
    return newInt(space, x >> y);
}

Ref intAnd(ObjectSpace& space, Value a, Value b)
{
    PYLITE_INT_OPERANDS;
    return newInt(space, x & y);
}
Ref intXor(ObjectSpace& space, Value a, Value b)
{
    PYLITE_INT_OPERANDS;
    return newInt(space, x ^ y);
}
Ref intOr(ObjectSpace& space, Value a, Value b)
{
    PYLITE_INT_OPERANDS;
    return newInt(space, x | y);
}

Ref boolAnd(ObjectSpace& space, Value a, Value b)
{
    if (a.isBool() && b.isBool()) return Ref::boolean(a.isTrue() && b.isTrue());
    return intAnd(space, a, b);
}
Ref boolXor(ObjectSpace& space, Value a, Value b)
{
    if (a.isBool() && b.isBool()) return Ref::boolean(a.isTrue() != b.isTrue());
    return intXor(space, a, b);
}
Ref boolOr(ObjectSpace& space, Value a, Value b)
{
    if (a.isBool() && b.isBool()) return Ref::boolean(a.isTrue() || b.isTrue());
    return intOr(space, a, b);
}

Ref intNeg(ObjectSpace& space, Value v)
{
    const std::int64_t x = intValueOf(v);
    if (x == INT64_MIN) return overflow(space);
    return newInt(space, -x);
}
Ref intPos(ObjectSpace& space, Value v) { return newInt(space, intValueOf(v)); }
Ref intInvert(ObjectSpace& space, Value v) { return newInt(space, ~intValueOf(v)); }
Ref intAbs(ObjectSpace& space, Value v)
{
    const std::int64_t x = intValueOf(v);
    if (x == INT64_MIN) return overflow(space);
    return newInt(space, x < 0 ? -x : x);
}
Ref intIndex(ObjectSpace& space, Value v) { return newInt(space, intValueOf(v)); }
Ref intToFloat(ObjectSpace& space, Value v) { return newFloat(space, double(intValueOf(v))); }
int intIsTrue(ObjectSpace&, Value v) { return intValueOf(v) != 0; }
std::int64_t intHash(ObjectSpace&, Value v) { return hashInt(intValueOf(v)); }

Ref intRichCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    PYLITE_INT_OPERANDS;
    switch (op) {
    case CompareOp::Lt: return Ref::boolean(x < y);
    case CompareOp::Le: return Ref::boolean(x <= y);
    case CompareOp::Eq: return Ref::boolean(x == y);
    case CompareOp::Ne: return Ref::boolean(x != y);
    case CompareOp::Gt: return Ref::boolean(x > y);
    default: return Ref::boolean(x >= y);
    }
}

Ref intRepr(ObjectSpace& space, Value v)
{
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, intValueOf(v));
    return newStr(space, std::string_view(buf, std::size_t(res.ptr - buf)));
}

Ref boolRepr(ObjectSpace& space, Value v) { return newStr(space, v.isTrue() ? "True" : "False"); }

Ref intFromValue(ObjectSpace& space, Value x)
{
    if (isIntValue(space, x)) return newInt(space, intValueOf(x));
    if (isFloatValue(space, x)) {
        std::int64_t i;
        if (!doubleToInt64(space, floatValueOf(x), i)) return Ref();
        return newInt(space, i);
    }
    if (isStr(space, x)) return parseInt(space, strView(x), 10);
    if (isBytes(space, x)) return parseInt(space, asBytes(x)->view(), 10);
    TypeObject* t = space.typeOf(x);
    if (t->m_slots.toInt || t->m_slots.index) {
        Ref r = t->m_slots.toInt ? t->m_slots.toInt(space, x) : t->m_slots.index(space, x);
        if (!r) return Ref();
        if (!isIntValue(space, r.get())) {
            std::string msg = t->m_slots.toInt ? "__int__" : "__index__";
            msg += " returned non-int (type ";
            msg += typeName(space, r.get());
            msg += ")";
            return space.raise(space.types().TypeError, msg);
        }
        return newInt(space, intValueOf(r.get()));
    }
    if (lookupInMro(space, t, "__trunc__")) {
        Ref r = callMethod(space, x, "__trunc__", {});
        if (!r) return Ref();
        if (!isIntValue(space, r.get())) {
            std::string msg = "__trunc__ returned non-Integral (type ";
            msg += typeName(space, r.get());
            msg += ")";
            return space.raise(space.types().TypeError, msg);
        }
        return r;
    }
    std::string msg = "int() argument must be a string, a bytes-like object or a real number, not '";
    msg += t->name();
    msg += "'";
    return space.raise(space.types().TypeError, msg);
}

Ref intNew(ObjectSpace& space, TypeObject*, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"int", {"x", "base"}, 0, 1}, a)) return Ref();
    if (!a[0]) {
        if (a[1]) return space.raise(space.types().TypeError, "int() missing string argument");
        return newInt(space, 0);
    }
    if (!a[1]) return intFromValue(space, a[0]);
    std::int64_t base;
    if (!indexValue(space, a[1], base)) return Ref();
    if (base != 0 && (base < 2 || base > 36))
        return space.raise(space.types().ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (isStr(space, a[0])) return parseInt(space, strView(a[0]), int(base));
    if (isBytes(space, a[0])) return parseInt(space, asBytes(a[0])->view(), int(base));
    return space.raise(space.types().TypeError, "int() can't convert non-string with explicit base");
}

Ref boolNew(ObjectSpace& space, TypeObject*, const CallArgs& args)
{
    if (args.hasKeywords()) return space.raise(space.types().TypeError, "bool() takes no keyword arguments");
    Value a[1];
    if (!parseArgs(space, args, {"bool", {"x"}, 0, 1, std::size_t(-1), ArgStyle::Checked}, a)) return Ref();
    if (!a[0]) return Ref::boolean(false);
    int t = isTrue(space, a[0]);
    return t < 0 ? Ref() : Ref::boolean(t);
}

// --- methods ----------------------------------------------------------------

Ref intBitLength(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "int.bit_length")) return Ref();
    const std::int64_t x = intValueOf(self);
    const std::uint64_t m = x < 0 ? std::uint64_t(0) - std::uint64_t(x) : std::uint64_t(x);
    return newInt(space, m == 0 ? 0 : 64 - __builtin_clzll(m));
}

Ref intBitCount(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "int.bit_count")) return Ref();
    const std::int64_t x = intValueOf(self);
    const std::uint64_t m = x < 0 ? std::uint64_t(0) - std::uint64_t(x) : std::uint64_t(x);
    return newInt(space, __builtin_popcountll(m));
}

Ref intConjugate(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "int.conjugate")) return Ref();
    return newInt(space, intValueOf(self));
}

Ref intAsIntegerRatio(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "int.as_integer_ratio")) return Ref();
    Ref n = newInt(space, intValueOf(self));
    if (!n) return Ref();
    return newTupleOf(space, {n.get(), Value::smallInt(1)});
}

Ref intRound(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"__round__", {"ndigits"}, 0, 1, std::size_t(-1), ArgStyle::Checked}, a)) return Ref();
    return roundNumber(space, self, a[0] && !a[0].isNone() ? a[0] : Value());
}

Ref intTrunc(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "int.__trunc__")) return Ref();
    return newInt(space, intValueOf(self));
}

Ref intFormat(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "__format__")) return Ref();
    if (!isStr(space, args[0])) {
        std::string msg = "__format__() argument must be str, not ";
        msg += typeName(space, args[0]);
        return space.raise(space.types().TypeError, msg);
    }
    return formatValue(space, self, args[0]);
}

bool byteOrder(ObjectSpace& space, Value v, bool& little)
{
    if (!v) {
        little = false;
        return true;
    }
    if (!isStr(space, v)) {
        std::string msg = "to_bytes() argument 'byteorder' must be str, not ";
        msg += typeName(space, v);
        space.raise(space.types().TypeError, msg);
        return false;
    }
    if (strView(v) == "little") little = true;
    else if (strView(v) == "big") little = false;
    else {
        space.raise(space.types().ValueError, "byteorder must be either 'little' or 'big'");
        return false;
    }
    return true;
}

Ref intToBytes(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[3];
    if (!parseArgs(space, args, {"to_bytes", {"length", "byteorder", "signed"}, 0, 0, 2}, a)) return Ref();
    std::int64_t length = 1;
    if (a[0] && !indexValue(space, a[0], length)) return Ref();
    if (length < 0) return space.raise(space.types().ValueError, "length argument must be non-negative");
    bool little;
    if (!byteOrder(space, a[1], little)) return Ref();
    const bool isSigned = a[2] && isTrue(space, a[2]) == 1;
    const std::int64_t x = intValueOf(self);
    if (x < 0 && !isSigned) return space.raise(space.types().OverflowError, "can't convert negative int to unsigned");
    std::string out(std::size_t(length), '\0');
    std::uint64_t u = std::uint64_t(x);
    for (std::int64_t i = 0; i < length; ++i) {
        out[std::size_t(little ? i : length - 1 - i)] = char(i < 8 ? (u >> (8 * i)) & 0xff : (x < 0 ? 0xff : 0));
    }
    // Check the value fits in `length` bytes (as signed or unsigned).
    const int bits = int(std::min<std::int64_t>(length, 8) * 8);
    bool fits;
    if (length >= 8) fits = isSigned || x >= 0;
    else if (isSigned) fits = x >= -(std::int64_t(1) << (bits - 1)) && x < (std::int64_t(1) << (bits - 1));
    else fits = std::uint64_t(x) < (std::uint64_t(1) << bits);
    if (!fits) return space.raise(space.types().OverflowError, "int too big to convert");
    return newBytes(space, out);
}

Ref intFromBytes(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[3];
    if (!parseArgs(space, args, {"from_bytes", {"bytes", "byteorder", "signed"}, 1, 0, 2}, a)) return Ref();
    if (!isBytes(space, a[0])) {
        std::string msg = "cannot convert '";
        msg += typeName(space, a[0]);
        msg += "' object to bytes";
        return space.raise(space.types().TypeError, msg);
    }
    bool little;
    if (!byteOrder(space, a[1], little)) return Ref();
    const bool isSigned = a[2] && isTrue(space, a[2]) == 1;
    std::string_view data = asBytes(a[0])->view();
    const std::size_t n = data.size();
    unsigned __int128 acc = 0;
    if (n > 16) {
        for (std::size_t i = 16; i < n; ++i) {
            unsigned char b = static_cast<unsigned char>(data[little ? i : n - 1 - i]);
            if (b != 0 && (b != 0xff || !isSigned)) return space.raise(space.types().OverflowError, kIntOverflowMessage);
        }
    }
    for (std::size_t k = 0; k < std::min<std::size_t>(n, 16); ++k) {
        unsigned char b = static_cast<unsigned char>(data[little ? k : n - 1 - k]);
        acc |= static_cast<unsigned __int128>(b) << (8 * k);
    }
    __int128 value = static_cast<__int128>(acc);
    if (isSigned && n > 0 && n < 16 && (acc >> (8 * n - 1)) & 1) value -= static_cast<__int128>(1) << (8 * n);
    if (value > INT64_MAX || value < INT64_MIN) return space.raise(space.types().OverflowError, kIntOverflowMessage);
    return newInt(space, std::int64_t(value));
}

Ref intGetReal(ObjectSpace& space, Value self) { return newInt(space, intValueOf(self)); }
Ref intGetImag(ObjectSpace& space, Value) { return newInt(space, 0); }
Ref intGetDenominator(ObjectSpace& space, Value) { return newInt(space, 1); }

} // namespace

namespace detail {

void createNumberTypes(ObjectSpace& space)
{
    const BuiltinTypes& T = space.types();
    TypeObject* i = space.createBuiltinType(&BuiltinTypes::intType, "int", T.objectType, sizeof(IntObject), 0);
    TypeSlots& s = i->m_slots;
    s.repr = intRepr;
    s.str = intRepr;
    s.hash = intHash;
    s.richCompare = intRichCompare;
    s.isTrue = intIsTrue;
    s.numeric[std::size_t(NumOp::Add)] = intAdd;
    s.numeric[std::size_t(NumOp::Sub)] = intSub;
    s.numeric[std::size_t(NumOp::Mul)] = intMul;
    s.numeric[std::size_t(NumOp::TrueDiv)] = intTrueDiv;
    s.numeric[std::size_t(NumOp::FloorDiv)] = intFloorDiv;
    s.numeric[std::size_t(NumOp::Mod)] = intMod;
    s.numeric[std::size_t(NumOp::DivMod)] = intDivMod;
    s.numeric[std::size_t(NumOp::Pow)] = intPow;
    s.numeric[std::size_t(NumOp::LShift)] = intLShift;
    s.numeric[std::size_t(NumOp::RShift)] = intRShift;
    s.numeric[std::size_t(NumOp::And)] = intAnd;
    s.numeric[std::size_t(NumOp::Xor)] = intXor;
    s.numeric[std::size_t(NumOp::Or)] = intOr;
    s.unary[std::size_t(UnaryOp::Neg)] = intNeg;
    s.unary[std::size_t(UnaryOp::Pos)] = intPos;
    s.unary[std::size_t(UnaryOp::Invert)] = intInvert;
    s.unary[std::size_t(UnaryOp::Abs)] = intAbs;
    s.index = intIndex;
    s.toInt = intIndex;
    s.toFloat = intToFloat;
    s.newInstance = intNew;
    s.init = nullptr;

    TypeObject* b = space.createBuiltinType(&BuiltinTypes::boolType, "bool", i, sizeof(IntObject), 0);
    b->m_slots.repr = boolRepr;
    b->m_slots.str = boolRepr;
    b->m_slots.numeric[std::size_t(NumOp::And)] = boolAnd;
    b->m_slots.numeric[std::size_t(NumOp::Xor)] = boolXor;
    b->m_slots.numeric[std::size_t(NumOp::Or)] = boolOr;
    b->m_slots.newInstance = boolNew;

    createFloatType(space);
}

void addNumberMethods(ObjectSpace& space)
{
    const BuiltinTypes& T = space.types();
    addMethods(space, T.intType, {{"bit_length", intBitLength},
                                   {"bit_count", intBitCount},
                                   {"conjugate", intConjugate},
                                   {"as_integer_ratio", intAsIntegerRatio},
                                   {"to_bytes", intToBytes},
                                   {"from_bytes", intFromBytes, MethodKind::ClassMethod},
                                   {"__round__", intRound},
                                   {"__trunc__", intTrunc},
                                   {"__floor__", intTrunc},
                                   {"__ceil__", intTrunc},
                                   {"__format__", intFormat}});
    addGetSets(space, T.intType, {{"real", intGetReal},
                                   {"imag", intGetImag},
                                   {"numerator", intGetReal},
                                   {"denominator", intGetDenominator}});
    addFloatMethods(space);
}

} // namespace detail

} // namespace coroscope::pylite
