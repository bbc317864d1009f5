#pragma once
// Value: the 8-byte tagged word every pylite operand is. Small ints, None,
// True, False, NotImplemented and the unbound-local sentinel live in the word
// itself; everything else is a pointer to a heap Object.
//
// Layout of the low three bits:
//   ..xx1  small int: the upper 63 bits hold a signed integer (value << 1 | 1)
//   ..000  pointer to an Object (8-aligned); the all-zero word is "null"
//   ..010  an immediate constant, numbered by bits >> 3
//
// A Value is a plain word: copying it never touches a reference count. The
// owning handle is Ref (Ref.h); see docs/ARCHITECTURE.md "pylite values and
// memory" for who owns what.

#include <cstdint>

namespace coroscope::pylite {

struct Object;

class Value {
public:
    /// Smallest and largest int stored inline; other int64 values are boxed.
    static constexpr std::int64_t kSmallIntMin = -(std::int64_t(1) << 62);
    static constexpr std::int64_t kSmallIntMax = (std::int64_t(1) << 62) - 1;

    /// Immediate constants. The numbering is part of the encoding.
    enum class Constant : std::uint8_t { None = 0, False = 1, True = 2, NotImplemented = 3, Unbound = 4, Count_ };

    /// The null word: "no value". Operations return it on failure (with a
    /// pending exception set on the ObjectSpace); never visible to Python.
    constexpr Value() = default;

    static constexpr Value fromBits(std::uint64_t bits) { Value v; v.m_bits = bits; return v; }
    static Value fromObject(const Object* o) { return fromBits(reinterpret_cast<std::uintptr_t>(o)); }
    static constexpr bool fitsSmallInt(std::int64_t i) { return i >= kSmallIntMin && i <= kSmallIntMax; }
    /// Precondition: fitsSmallInt(i).
    static constexpr Value smallInt(std::int64_t i) { return fromBits((std::uint64_t(i) << 1) | 1u); }
    static constexpr Value constant(Constant c) { return fromBits((std::uint64_t(c) << 3) | 2u); }
    static constexpr Value none() { return constant(Constant::None); }
    static constexpr Value falseValue() { return constant(Constant::False); }
    static constexpr Value trueValue() { return constant(Constant::True); }
    static constexpr Value boolean(bool b) { return b ? trueValue() : falseValue(); }
    static constexpr Value notImplemented() { return constant(Constant::NotImplemented); }
    /// Marks an unbound local or an empty cell in the VM; never a Python value.
    static constexpr Value unbound() { return constant(Constant::Unbound); }

    constexpr std::uint64_t bits() const { return m_bits; }
    constexpr bool isNull() const { return m_bits == 0; }
    constexpr explicit operator bool() const { return m_bits != 0; }
    constexpr bool isSmallInt() const { return (m_bits & 1u) != 0; }
    /// True for a heap pointer (never for null).
    constexpr bool isObject() const { return (m_bits & 7u) == 0 && m_bits != 0; }
    constexpr bool isConstant() const { return (m_bits & 7u) == 2u; }
    constexpr Constant constantKind() const { return Constant(m_bits >> 3); }
    constexpr bool isNone() const { return m_bits == none().m_bits; }
    constexpr bool isBool() const { return m_bits == trueValue().m_bits || m_bits == falseValue().m_bits; }
    constexpr bool isTrue() const { return m_bits == trueValue().m_bits; }
    constexpr bool isFalse() const { return m_bits == falseValue().m_bits; }
    constexpr bool isNotImplemented() const { return m_bits == notImplemented().m_bits; }
    constexpr bool isUnbound() const { return m_bits == unbound().m_bits; }

    /// Precondition: isSmallInt().
    constexpr std::int64_t smallIntValue() const { return std::int64_t(m_bits) >> 1; }
    /// Precondition: isObject().
    Object* object() const { return reinterpret_cast<Object*>(static_cast<std::uintptr_t>(m_bits)); }
    /// The object pointer, or nullptr for immediates and null.
    Object* objectOrNull() const { return isObject() ? object() : nullptr; }

    /// Identity (Python's `is`).
    constexpr bool operator==(const Value& o) const { return m_bits == o.m_bits; }
    constexpr bool operator!=(const Value& o) const { return m_bits != o.m_bits; }

private:
    std::uint64_t m_bits = 0;
};

static_assert(sizeof(Value) == 8);

/// Small-int fast paths for the VM. Each returns false (leaving `out` alone)
/// when an operand is not a small int or the result does not fit inline; the
/// caller then takes the general path (Number.h), which boxes or raises.
inline bool smallIntAdd(Value a, Value b, Value& out)
{
    std::int64_t r;
    if ((a.bits() & b.bits() & 1u) == 0) return false;
    // (2x+1) + (2y+1) - 1 = 2(x+y)+1: overflow of the word is overflow of x+y.
    if (__builtin_add_overflow(std::int64_t(a.bits()), std::int64_t(b.bits() - 1), &r)) return false;
    out = Value::fromBits(std::uint64_t(r));
    return true;
}

inline bool smallIntSub(Value a, Value b, Value& out)
{
    std::int64_t r;
    if ((a.bits() & b.bits() & 1u) == 0) return false;
    if (__builtin_sub_overflow(std::int64_t(a.bits()), std::int64_t(b.bits() - 1), &r)) return false;
    out = Value::fromBits(std::uint64_t(r));
    return true;
}

/// Compares two small ints; returns false when either is not a small int.
/// Tagged words order like the integers they hold.
inline bool smallIntLess(Value a, Value b, bool& out)
{
    if ((a.bits() & b.bits() & 1u) == 0) return false;
    out = std::int64_t(a.bits()) < std::int64_t(b.bits());
    return true;
}

} // namespace coroscope::pylite
