#pragma once
// TypeObject: a Python type. Names the type, links its base and MRO, holds
// its attribute dict, and carries the slots: C++ function pointers for the
// fast protocols. Built-in types fill slots natively; classes created at run
// time (heap types, ObjectSpace::newClass) get dispatcher slots that look up
// the Python-level dunder (`__eq__`, `__len__`...) and call it through call()
// (which reaches the VM through Interpreter for Python functions).
//
// Slot conventions (CPython's):
//   - every slot takes the ObjectSpace and borrowed operands;
//   - Ref-returning slots return a new reference, or null with a pending
//     exception; binary numeric slots and rich comparison may return
//     NotImplemented;
//   - int-returning slots return -1 with a pending exception on failure;
//   - `next` returns null with NO pending exception when exhausted;
//   - binary numeric slots are called for the left operand's type AND the
//     right operand's type with (a, b) in source order: a slot must check
//     both operand types.

#include "core/script/value/Ref.h"

#include <cstdint>
#include <string_view>

namespace coroscope::pylite {

struct StrObject;
struct TupleObject;
struct DictObject;
struct CallArgs;

enum class CompareOp : std::uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

/// Binary numeric operators, in the order of their dunder table (Slots.cpp).
enum class NumOp : std::uint8_t {
    Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, DivMod, Pow, LShift, RShift, And, Xor, Or, Count_
};
enum class UnaryOp : std::uint8_t { Neg, Pos, Invert, Abs, Count_ };

constexpr std::size_t kNumOpCount = std::size_t(NumOp::Count_);
constexpr std::size_t kUnaryOpCount = std::size_t(UnaryOp::Count_);

/// Bits of TypeObject::m_flags.
enum class TypeFlag : std::uint32_t {
    HeapType = 1u << 0,         ///< created at run time; instances own a reference to it
    Gc = 1u << 1,               ///< instances are tracked by the cycle collector
    BaseType = 1u << 2,         ///< may be subclassed
    MethodDescriptor = 1u << 3, ///< descr(self, *args) equals binding then calling (functions)
    ExceptionType = 1u << 4,    ///< BaseException or a subclass
    TypeType = 1u << 5,         ///< `type` or a subclass (instances are TypeObjects)
    Abstract = 1u << 6,         ///< cannot be instantiated from Python
};
constexpr std::uint32_t operator|(TypeFlag a, TypeFlag b) { return std::uint32_t(a) | std::uint32_t(b); }
constexpr std::uint32_t operator|(std::uint32_t a, TypeFlag b) { return a | std::uint32_t(b); }

using UnaryFn = Ref (*)(ObjectSpace&, Value self);
using BinaryFn = Ref (*)(ObjectSpace&, Value a, Value b);
using HashFn = std::int64_t (*)(ObjectSpace&, Value self);            ///< -1 = error
using RichCompareFn = Ref (*)(ObjectSpace&, Value a, Value b, CompareOp op);
using InquiryFn = int (*)(ObjectSpace&, Value self);                  ///< 1, 0, or -1 = error
using LenFn = std::int64_t (*)(ObjectSpace&, Value self);             ///< -1 = error
using SetItemFn = int (*)(ObjectSpace&, Value self, Value key, Value value); ///< null value = delete
using ContainsFn = int (*)(ObjectSpace&, Value self, Value item);
using GetAttrFn = Ref (*)(ObjectSpace&, Value self, StrObject* name);
using SetAttrFn = int (*)(ObjectSpace&, Value self, StrObject* name, Value value); ///< null value = delete
using CallFn = Ref (*)(ObjectSpace&, Value self, const CallArgs& args);
/// `obj` is null for access through the class; `type` is the class.
using DescrGetFn = Ref (*)(ObjectSpace&, Value descr, Value obj, Value type);
using DescrSetFn = int (*)(ObjectSpace&, Value descr, Value obj, Value value); ///< null value = delete
using NewFn = Ref (*)(ObjectSpace&, TypeObject* type, const CallArgs& args);
using InitFn = int (*)(ObjectSpace&, Value self, const CallArgs& args);
/// Releases everything the object owns (references, buffers) but not the
/// object's own memory. Runs once, right before the memory is freed.
using DestroyFn = void (*)(ObjectSpace&, Object* self);
/// Reports each owned reference to `visit` (cycle collector).
using TraverseFn = void (*)(Object* self, VisitFn visit, void* context);
/// Drops owned references that may form cycles (cycle collector).
using ClearFn = void (*)(ObjectSpace&, Object* self);
/// PEP 442 finalizer (generator close, `__del__`): runs at most once, may
/// resurrect the object. Must not leave an exception pending.
using FinalizeFn = void (*)(ObjectSpace&, Object* self);
/// Allocation size of a variable-size instance (null: m_basicSize).
using SizeFn = std::size_t (*)(const Object* self);

struct TypeSlots {
    UnaryFn repr = nullptr;
    UnaryFn str = nullptr;
    HashFn hash = nullptr; ///< null: unhashable
    RichCompareFn richCompare = nullptr;
    InquiryFn isTrue = nullptr;
    GetAttrFn getAttr = nullptr;
    SetAttrFn setAttr = nullptr;
    CallFn call = nullptr;
    DescrGetFn descrGet = nullptr;
    DescrSetFn descrSet = nullptr;

    LenFn len = nullptr;
    BinaryFn getItem = nullptr;
    SetItemFn setItem = nullptr;
    ContainsFn contains = nullptr;
    UnaryFn iter = nullptr;
    UnaryFn next = nullptr;

    BinaryFn concat = nullptr; ///< sequence `+` fallback: (self, other); raises its own TypeError
    BinaryFn repeat = nullptr; ///< sequence `*` fallback: (self, count) with count any value
    BinaryFn numeric[kNumOpCount] = {};
    BinaryFn inplace[kNumOpCount] = {};
    UnaryFn unary[kUnaryOpCount] = {};
    UnaryFn index = nullptr;   ///< __index__: must return an int
    UnaryFn toInt = nullptr;   ///< __int__
    UnaryFn toFloat = nullptr; ///< __float__

    NewFn newInstance = nullptr;
    InitFn init = nullptr;
    FinalizeFn finalize = nullptr;
    TraverseFn traverse = nullptr;
    ClearFn clear = nullptr;
    DestroyFn destroy = nullptr;
    SizeFn sizeOf = nullptr;
};

struct TypeObject : Object {
    ObjectSpace* m_space;    ///< the space this type belongs to
    StrObject* m_name;       ///< __name__ (owned)
    StrObject* m_qualname;   ///< __qualname__ (owned)
    TypeObject* m_base;      ///< __base__ (owned); null only for `object`
    TupleObject* m_mro;      ///< __mro__: this type first, `object` last (owned)
    DictObject* m_dict;      ///< attributes and methods (owned)
    std::uint32_t m_flags;
    std::uint32_t m_basicSize;  ///< instance size for fixed-size types
    std::uint32_t m_dictOffset; ///< offset of the instances' __dict__ Value; 0 = none
    std::uint32_t m_versionTag; ///< changes whenever m_dict or the MRO changes
    TypeObject** m_subclasses;  ///< direct heap subclasses (not owned)
    std::uint32_t m_subclassCount;
    std::uint32_t m_subclassCapacity;
    TypeSlots m_slots;

    bool has(TypeFlag f) const { return (m_flags & std::uint32_t(f)) != 0; }
    std::string_view name() const;
    /// True if this type is `other` or derives from it (MRO walk).
    bool isSubtypeOf(const TypeObject* other) const;
};

/// Looks `name` up along the MRO of `type` (no descriptor binding); borrowed
/// result or null. Never raises: attribute names are str, compared natively.
Value lookupInMro(const TypeObject* type, StrObject* name);
Value lookupInMro(ObjectSpace& space, const TypeObject* type, std::string_view name);

/// The dict of instance `self` (creating it when the type has a dict slot),
/// borrowed; null when the type's instances have no __dict__.
DictObject* instanceDict(ObjectSpace& space, Value self);

} // namespace coroscope::pylite
