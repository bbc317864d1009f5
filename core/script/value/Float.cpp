// float.

#include "core/script/value/Args.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Format.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"

#include <cmath>

namespace coroscope::pylite {

Ref newFloat(ObjectSpace& space, double d)
{
    auto* o = space.heap().alloc<FloatObject>(space.types().floatType);
    if (!o) return Ref();
    o->m_value = d;
    return Ref::steal(o);
}

bool toDouble(ObjectSpace& space, Value v, double& out)
{
    if (isFloatValue(space, v)) {
        out = floatValueOf(v);
        return true;
    }
    if (isIntValue(space, v)) {
        out = double(intValueOf(v));
        return true;
    }
    TypeObject* t = space.typeOf(v);
    if (t->m_slots.toFloat) {
        Ref r = t->m_slots.toFloat(space, v);
        if (!r) return false;
        if (!isFloatValue(space, r.get())) {
            std::string msg(t->name());
            msg += ".__float__ returned non-float (type ";
            msg += typeName(space, r.get());
            msg += ")";
            space.raise(space.types().TypeError, msg);
            return false;
        }
        out = floatValueOf(r.get());
        return true;
    }
    if (t->m_slots.index) {
        std::int64_t i;
        if (!indexValue(space, v, i)) return false;
        out = double(i);
        return true;
    }
    std::string msg = "must be real number, not ";
    msg += t->name();
    space.raise(space.types().TypeError, msg);
    return false;
}

Ref floatPowValues(ObjectSpace& space, double x, double y)
{
    auto isOddInteger = [](double v) { return std::fmod(std::fabs(v), 2.0) == 1.0; };
    if (y == 0) return newFloat(space, 1.0);
    if (std::isnan(x)) return newFloat(space, x);
    if (std::isnan(y)) return newFloat(space, x == 1.0 ? 1.0 : y);
    if (std::isinf(y)) {
        const double ax = std::fabs(x);
        if (ax == 1.0) return newFloat(space, 1.0);
        if ((y > 0.0) == (ax > 1.0)) return newFloat(space, std::fabs(y));
        return newFloat(space, 0.0);
    }
    if (std::isinf(x)) {
        const bool odd = isOddInteger(y);
        if (y > 0) return newFloat(space, odd ? x : std::fabs(x));
        return newFloat(space, odd ? std::copysign(0.0, x) : 0.0);
    }
    if (x == 0.0) {
        const bool odd = isOddInteger(y);
        if (y < 0.0) return space.raise(space.types().ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return newFloat(space, odd ? x : 0.0);
    }
    bool negate = false;
    if (x < 0.0) {
        if (y != std::floor(y))
            return space.raise(space.types().ValueError,
                               "negative number cannot be raised to a fractional power (pylite has no complex numbers)");
        x = -x;
        negate = isOddInteger(y);
    }
    if (x == 1.0) return newFloat(space, negate ? -1.0 : 1.0);
    double r = std::pow(x, y);
    if (std::isinf(r)) {
        Ref code = newInt(space, 34);
        Ref text = newStr(space, "Numerical result out of range");
        if (!code || !text) return Ref();
        Ref args = newTupleOf(space, {code.get(), text.get()});
        if (!args) return Ref();
        Ref exc = newException(space, space.types().OverflowError, args.get());
        if (exc) space.raise(std::move(exc));
        return Ref();
    }
    return newFloat(space, negate ? -r : r);
}

namespace {

/// Both operands as doubles when each is a float, int or bool.
bool operands(ObjectSpace& space, Value a, Value b, double& x, double& y)
{
    if (isFloatValue(space, a)) x = floatValueOf(a);
    else if (isIntValue(space, a)) x = double(intValueOf(a));
    else return false;
    if (isFloatValue(space, b)) y = floatValueOf(b);
    else if (isIntValue(space, b)) y = double(intValueOf(b));
    else return false;
    return true;
}

#define PYLITE_FLOAT_OPERANDS                                 \
    double x, y;                                              \
    if (!operands(space, a, b, x, y)) return Ref::notImplemented()

Ref floatAdd(ObjectSpace& space, Value a, Value b)
{
    PYLITE_FLOAT_OPERANDS;
    return newFloat(space, x + y);
}
Ref floatSub(ObjectSpace& space, Value a, Value b)
{
    PYLITE_FLOAT_OPERANDS;
    return newFloat(space, x - y);
}
Ref floatMul(ObjectSpace& space, Value a, Value b)
{
    PYLITE_FLOAT_OPERANDS;
    return newFloat(space, x * y);
}
Ref floatTrueDiv(ObjectSpace& space, Value a, Value b)
{
    PYLITE_FLOAT_OPERANDS;
    if (y == 0.0) return space.raise(space.types().ZeroDivisionError, "float division by zero");
    return newFloat(space, x / y);
}

/// CPython's float_divmod arithmetic (y != 0).
void floatDivMod(double x, double y, double& floordiv, double& mod)
{
    mod = std::fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, y);
    }
    if (div != 0.0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, x / y);
    }
}

Ref floatFloorDiv(ObjectSpace& space, Value a, Value b)
{
    PYLITE_FLOAT_OPERANDS;
    if (y == 0.0) return space.raise(space.types().ZeroDivisionError, "float floor division by zero");
    double q, r;
    floatDivMod(x, y, q, r);
    return newFloat(space, q);
}

Ref floatMod(ObjectSpace& space, Value a, Value b)
{
    PYLITE_FLOAT_OPERANDS;
    if (y == 0.0) return space.raise(space.types().ZeroDivisionError, "float modulo");
    double q, r;
    floatDivMod(x, y, q, r);
    return newFloat(space, r);
}

Ref floatDivModSlot(ObjectSpace& space, Value a, Value b)
{
    PYLITE_FLOAT_OPERANDS;
    if (y == 0.0) return space.raise(space.types().ZeroDivisionError, "float divmod()");
    double q, r;
    floatDivMod(x, y, q, r);
    Ref qv = newFloat(space, q);
    Ref rv = newFloat(space, r);
    if (!qv || !rv) return Ref();
    return newTupleOf(space, {qv.get(), rv.get()});
}

Ref floatPow(ObjectSpace& space, Value a, Value b)
{
    PYLITE_FLOAT_OPERANDS;
    return floatPowValues(space, x, y);
}

Ref floatNeg(ObjectSpace& space, Value v) { return newFloat(space, -floatValueOf(v)); }
Ref floatPos(ObjectSpace& space, Value v) { return newFloat(space, floatValueOf(v)); }
Ref floatAbs(ObjectSpace& space, Value v) { return newFloat(space, std::fabs(floatValueOf(v))); }
int floatIsTrue(ObjectSpace&, Value v) { return floatValueOf(v) != 0.0; }
std::int64_t floatHash(ObjectSpace& space, Value v) { return hashDouble(space, floatValueOf(v), v); }
Ref floatReprSlot(ObjectSpace& space, Value v) { return newStr(space, floatRepr(floatValueOf(v))); }
Ref floatToFloat(ObjectSpace& space, Value v) { return newFloat(space, floatValueOf(v)); }

Ref floatToInt(ObjectSpace& space, Value v)
{
    std::int64_t i;
    if (!doubleToInt64(space, floatValueOf(v), i)) return Ref();
    return newInt(space, i);
}

Ref floatRichCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    if (!isFloatValue(space, a)) return Ref::notImplemented();
    const double x = floatValueOf(a);
    int c;
    if (isFloatValue(space, b)) {
        const double y = floatValueOf(b);
        if (std::isnan(x) || std::isnan(y)) c = 2;
        else c = x < y ? -1 : x > y ? 1 : 0;
    } else if (isIntValue(space, b)) {
        c = compareIntDouble(intValueOf(b), x);
        if (c != 2) c = -c;
    } else {
        return Ref::notImplemented();
    }
    if (c == 2) return Ref::boolean(op == CompareOp::Ne);
    switch (op) {
    case CompareOp::Lt: return Ref::boolean(c < 0);
    case CompareOp::Le: return Ref::boolean(c <= 0);
    case CompareOp::Eq: return Ref::boolean(c == 0);
    case CompareOp::Ne: return Ref::boolean(c != 0);
    case CompareOp::Gt: return Ref::boolean(c > 0);
    default: return Ref::boolean(c >= 0);
    }
}

Ref floatNew(ObjectSpace& space, TypeObject*, const CallArgs& args)
{
    if (args.hasKeywords()) return space.raise(space.types().TypeError, "float() takes no keyword arguments");
    Value a[1];
    if (!parseArgs(space, args, {"float", {"x"}, 0, 1, std::size_t(-1), ArgStyle::Checked}, a)) return Ref();
    if (!a[0]) return newFloat(space, 0.0);
    Value x = a[0];
    if (isFloatValue(space, x)) return Ref::borrow(x);
    if (isStr(space, x)) return parseFloat(space, strView(x));
    TypeObject* t = space.typeOf(x);
    if (!isIntValue(space, x) && !t->m_slots.toFloat && !t->m_slots.index) {
        std::string msg = "float() argument must be a string or a real number, not '";
        msg += t->name();
        msg += "'";
        return space.raise(space.types().TypeError, msg);
    }
    double d;
    if (!toDouble(space, x, d)) return Ref();
    return newFloat(space, d);
}

// --- methods ----------------------------------------------------------------

Ref floatIsInteger(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "float.is_integer")) return Ref();
    const double x = floatValueOf(self);
    return Ref::boolean(std::isfinite(x) && x == std::floor(x));
}

Ref floatAsIntegerRatio(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "float.as_integer_ratio")) return Ref();
    double x = floatValueOf(self);
    if (std::isinf(x)) return space.raise(space.types().OverflowError, "cannot convert Infinity to integer ratio");
    if (std::isnan(x)) return space.raise(space.types().ValueError, "cannot convert NaN to integer ratio");
    int exponent;
    double mantissa = std::frexp(x, &exponent);
    for (int i = 0; i < 300 && mantissa != std::floor(mantissa); ++i) {
        mantissa *= 2.0;
        --exponent;
    }
    std::int64_t num, den = 1;
    if (!doubleToInt64(space, mantissa, num)) return Ref();
    if (exponent > 0) {
        if (exponent >= 63 || (num != 0 && std::llabs(num) > (INT64_MAX >> exponent)))
            return space.raise(space.types().OverflowError, kIntOverflowMessage);
        num <<= exponent;
    } else if (exponent < 0) {
        if (-exponent >= 63) return space.raise(space.types().OverflowError, kIntOverflowMessage);
        den <<= -exponent;
    }
    Ref n = newInt(space, num);
    Ref d = newInt(space, den);
    if (!n || !d) return Ref();
    return newTupleOf(space, {n.get(), d.get()});
}

Ref floatRound(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"__round__", {"ndigits"}, 0, 1, std::size_t(-1), ArgStyle::Checked}, a)) return Ref();
    return roundNumber(space, self, a[0] && !a[0].isNone() ? a[0] : Value());
}

template <double (*F)(double)> Ref floatToIntVia(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "float.__trunc__")) return Ref();
    std::int64_t i;
    if (!doubleToInt64(space, F(floatValueOf(self)), i)) return Ref();
    return newInt(space, i);
}

double truncD(double x) { return std::trunc(x); }
double floorD(double x) { return std::floor(x); }
double ceilD(double x) { return std::ceil(x); }

Ref floatConjugate(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "float.conjugate")) return Ref();
    return newFloat(space, floatValueOf(self));
}

Ref floatHex(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "float.hex")) return Ref();
    const double x = floatValueOf(self);
    if (std::isnan(x)) return newStr(space, "nan");
    if (std::isinf(x)) return newStr(space, x > 0 ? "inf" : "-inf");
    if (x == 0.0) return newStr(space, std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = std::frexp(std::fabs(x), &e);
    // CPython normalizes to 1.xxxxp+e with 13 hex digits.
    m *= 2.0;
    --e;
    if (e < -1022) {
        m = std::ldexp(m, e + 1022);
        e = -1022;
    }
    std::string out = std::signbit(x) ? "-0x" : "0x";
    int lead = int(m);
    out += char('0' + lead);
    out += '.';
    m -= lead;
    static const char* hex = "0123456789abcdef";
    for (int i = 0; i < 13; ++i) {
        m *= 16.0;
        int d = int(m);
        out += hex[d];
        m -= d;
    }
    out += 'p';
    out += e >= 0 ? '+' : '-';
    out += std::to_string(e >= 0 ? e : -e);
    return newStr(space, out);
}

Ref floatFormat(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "__format__")) return Ref();
    if (!isStr(space, args[0])) {
        std::string msg = "__format__() argument must be str, not ";
        msg += typeName(space, args[0]);
        return space.raise(space.types().TypeError, msg);
    }
    return formatValue(space, self, args[0]);
}

Ref floatGetReal(ObjectSpace& space, Value self) { return newFloat(space, floatValueOf(self)); }
Ref floatGetImag(ObjectSpace& space, Value) { return newFloat(space, 0.0); }

} // namespace

namespace detail {

void createFloatType(ObjectSpace& space)
{
    TypeObject* f = space.createBuiltinType(&BuiltinTypes::floatType, "float", space.types().objectType,
                                            sizeof(FloatObject), 0);
    TypeSlots& s = f->m_slots;
    s.repr = floatReprSlot;
    s.str = floatReprSlot;
    s.hash = floatHash;
    s.richCompare = floatRichCompare;
    s.isTrue = floatIsTrue;
    s.numeric[std::size_t(NumOp::Add)] = floatAdd;
    s.numeric[std::size_t(NumOp::Sub)] = floatSub;
    s.numeric[std::size_t(NumOp::Mul)] = floatMul;
    s.numeric[std::size_t(NumOp::TrueDiv)] = floatTrueDiv;
    s.numeric[std::size_t(NumOp::FloorDiv)] = floatFloorDiv;
    s.numeric[std::size_t(NumOp::Mod)] = floatMod;
    s.numeric[std::size_t(NumOp::DivMod)] = floatDivModSlot;
    s.numeric[std::size_t(NumOp::Pow)] = floatPow;
    s.unary[std::size_t(UnaryOp::Neg)] = floatNeg;
    s.unary[std::size_t(UnaryOp::Pos)] = floatPos;
    s.unary[std::size_t(UnaryOp::Abs)] = floatAbs;
    s.toInt = floatToInt;
    s.toFloat = floatToFloat;
    s.newInstance = floatNew;
    s.init = nullptr;
}

void addFloatMethods(ObjectSpace& space)
{
    TypeObject* f = space.types().floatType;
    addMethods(space, f, {{"is_integer", floatIsInteger},
                          {"as_integer_ratio", floatAsIntegerRatio},
                          {"conjugate", floatConjugate},
                          {"hex", floatHex},
                          {"__round__", floatRound},
                          {"__trunc__", floatToIntVia<truncD>},
                          {"__floor__", floatToIntVia<floorD>},
                          {"__ceil__", floatToIntVia<ceilD>},
                          {"__format__", floatFormat}});
    addGetSets(space, f, {{"real", floatGetReal}, {"imag", floatGetImag}});
}

} // namespace detail

} // namespace coroscope::pylite
