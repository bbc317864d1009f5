// Slot wrappers: the dunder attributes (`int.__add__`, `list.__len__`,
// `object.__repr__`...) of the built-in types, calling the owner's C++ slot.

#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/detail/SlotNames.h"

namespace coroscope::pylite {

using detail::binaryName;
using detail::compareName;
using detail::unaryName;

namespace {

bool wrapperArity(ObjectSpace& space, const CallArgs& args, std::size_t n)
{
    if (args.hasKeywords()) {
        space.raise(space.types().TypeError, "wrapper takes no keyword arguments");
        return false;
    }
    if (args.positional != n) {
        std::string msg = "expected " + std::to_string(n) + " argument" + (n == 1 ? "" : "s") + ", got " +
                          std::to_string(args.positional);
        space.raise(space.types().TypeError, msg);
        return false;
    }
    return true;
}

Ref wrapRepr(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    return wrapperArity(space, args, 0) ? owner->m_slots.repr(space, self) : Ref();
}
Ref wrapStr(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    return wrapperArity(space, args, 0) ? owner->m_slots.str(space, self) : Ref();
}
Ref wrapHash(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    if (!wrapperArity(space, args, 0)) return Ref();
    std::int64_t h = owner->m_slots.hash(space, self);
    return h == -1 ? Ref() : newInt(space, h);
}
Ref wrapBool(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    if (!wrapperArity(space, args, 0)) return Ref();
    int r = owner->m_slots.isTrue(space, self);
    return r < 0 ? Ref() : Ref::boolean(r);
}
Ref wrapLen(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    if (!wrapperArity(space, args, 0)) return Ref();
    std::int64_t n = owner->m_slots.len(space, self);
    return n < 0 ? Ref() : newInt(space, n);
}
Ref wrapGetItem(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    return wrapperArity(space, args, 1) ? owner->m_slots.getItem(space, self, args[0]) : Ref();
}
Ref wrapSetItem(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    if (!wrapperArity(space, args, 2)) return Ref();
    return owner->m_slots.setItem(space, self, args[0], args[1]) < 0 ? Ref() : Ref::none();
}
Ref wrapDelItem(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    if (!wrapperArity(space, args, 1)) return Ref();
    return owner->m_slots.setItem(space, self, args[0], Value()) < 0 ? Ref() : Ref::none();
}
Ref wrapContains(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    if (!wrapperArity(space, args, 1)) return Ref();
    int r = owner->m_slots.contains(space, self, args[0]);
    return r < 0 ? Ref() : Ref::boolean(r);
}
Ref wrapIter(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    return wrapperArity(space, args, 0) ? owner->m_slots.iter(space, self) : Ref();
}
Ref wrapNext(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    if (!wrapperArity(space, args, 0)) return Ref();
    Ref r = owner->m_slots.next(space, self);
    if (!r && !space.hasError()) return space.raiseEmpty(space.types().StopIteration);
    return r;
}
Ref wrapCall(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    return owner->m_slots.call(space, self, args);
}
Ref wrapGetAttribute(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    if (!wrapperArity(space, args, 1)) return Ref();
    if (!isStr(space, args[0])) {
        std::string msg = "attribute name must be string, not '";
        msg += typeName(space, args[0]);
        msg += "'";
        return space.raise(space.types().TypeError, msg);
    }
    return owner->m_slots.getAttr(space, self, asStr(args[0]));
}
Ref wrapSetAttr(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    if (!wrapperArity(space, args, 2)) return Ref();
    if (!isStr(space, args[0])) {
        std::string msg = "attribute name must be string, not '";
        msg += typeName(space, args[0]);
        msg += "'";
        return space.raise(space.types().TypeError, msg);
    }
    return owner->m_slots.setAttr(space, self, asStr(args[0]), args[1]) < 0 ? Ref() : Ref::none();
}
Ref wrapDelAttr(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    if (!wrapperArity(space, args, 1)) return Ref();
    if (!isStr(space, args[0])) {
        std::string msg = "attribute name must be string, not '";
        msg += typeName(space, args[0]);
        msg += "'";
        return space.raise(space.types().TypeError, msg);
    }
    return owner->m_slots.setAttr(space, self, asStr(args[0]), Value()) < 0 ? Ref() : Ref::none();
}
Ref wrapGet(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    if (args.positional < 1 || args.positional > 2) return wrapperArity(space, args, 2) ? Ref() : Ref();
    Value obj = args[0].isNone() ? Value() : args[0];
    Value type = args.positional > 1 && !args[1].isNone() ? args[1] : Value();
    if (!obj && !type) return space.raise(space.types().TypeError, "__get__(None, None) is invalid");
    return owner->m_slots.descrGet(space, self, obj, type ? type : Value::fromObject(space.typeOf(obj)));
}
Ref wrapSet(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    if (!wrapperArity(space, args, 2)) return Ref();
    return owner->m_slots.descrSet(space, self, args[0], args[1]) < 0 ? Ref() : Ref::none();
}
Ref wrapDelete(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    if (!wrapperArity(space, args, 1)) return Ref();
    return owner->m_slots.descrSet(space, self, args[0], Value()) < 0 ? Ref() : Ref::none();
}
Ref wrapInit(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    return owner->m_slots.init(space, self, args) < 0 ? Ref() : Ref::none();
}
template <CompareOp op> Ref wrapCompare(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    return wrapperArity(space, args, 1) ? owner->m_slots.richCompare(space, self, args[0], op) : Ref();
}
template <NumOp op> Ref wrapBinary(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    return wrapperArity(space, args, 1) ? owner->m_slots.numeric[std::size_t(op)](space, self, args[0]) : Ref();
}
template <NumOp op> Ref wrapBinaryReflected(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    return wrapperArity(space, args, 1) ? owner->m_slots.numeric[std::size_t(op)](space, args[0], self) : Ref();
}
template <NumOp op> Ref wrapInplace(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    return wrapperArity(space, args, 1) ? owner->m_slots.inplace[std::size_t(op)](space, self, args[0]) : Ref();
}
template <UnaryOp op> Ref wrapUnary(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    return wrapperArity(space, args, 0) ? owner->m_slots.unary[std::size_t(op)](space, self) : Ref();
}
Ref wrapIndex(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    return wrapperArity(space, args, 0) ? owner->m_slots.index(space, self) : Ref();
}
Ref wrapInt(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    return wrapperArity(space, args, 0) ? owner->m_slots.toInt(space, self) : Ref();
}
Ref wrapFloat(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    return wrapperArity(space, args, 0) ? owner->m_slots.toFloat(space, self) : Ref();
}

Ref wrapConcat(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    return wrapperArity(space, args, 1) ? owner->m_slots.concat(space, self, args[0]) : Ref();
}
Ref wrapRepeat(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args)
{
    if (!wrapperArity(space, args, 1)) return Ref();
    std::int64_t n;
    if (!indexValue(space, args[0], n)) return Ref();
    Ref count = newInt(space, n);
    return count ? owner->m_slots.repeat(space, self, count.get()) : Ref();
}

/// type.__new__ wrapper: `object.__new__(cls, ...)` (bound to the owner).
Ref newWrapper(ObjectSpace& space, Value self, const CallArgs& args)
{
    auto* owner = static_cast<TypeObject*>(self.object());
    std::string ownerName(owner->name());
    if (args.positional < 1) {
        std::string msg = ownerName + ".__new__(): not enough arguments";
        return space.raise(space.types().TypeError, msg);
    }
    Value sub = args[0];
    if (!space.typeOf(sub)->has(TypeFlag::TypeType)) {
        std::string msg = ownerName + ".__new__(X): X is not a type object (" + std::string(typeName(space, sub)) + ")";
        return space.raise(space.types().TypeError, msg);
    }
    auto* subtype = static_cast<TypeObject*>(sub.object());
    if (!subtype->isSubtypeOf(owner)) {
        std::string msg = ownerName + ".__new__(" + std::string(subtype->name()) + "): " +
                          std::string(subtype->name()) + " is not a subtype of " + ownerName;
        return space.raise(space.types().TypeError, msg);
    }
    return owner->m_slots.newInstance(space, subtype, args.dropFirst());
}

template <class F> bool ownSlot(const TypeObject* t, F TypeSlots::*slot)
{
    const F mine = t->m_slots.*slot;
    if (!mine) return false;
    return !t->m_base || t->m_base->m_slots.*slot != mine;
}

} // namespace

void addSlotWrappers(ObjectSpace& space, TypeObject* t)
{
    auto add = [&](const char* name, WrapperFn fn) {
        if (!dictGetStr(space, t->m_dict, name)) addSlotWrapper(space, t, name, fn);
    };
    if (ownSlot(t, &TypeSlots::repr)) add("__repr__", wrapRepr);
    if (ownSlot(t, &TypeSlots::str)) add("__str__", wrapStr);
    if (ownSlot(t, &TypeSlots::hash)) add("__hash__", wrapHash);
    if (!t->m_slots.hash && t->m_base && t->m_base->m_slots.hash && !dictGetStr(space, t->m_dict, "__hash__"))
        dictSetStr(space, t->m_dict, "__hash__", Value::none());
    if (ownSlot(t, &TypeSlots::isTrue)) add("__bool__", wrapBool);
    if (ownSlot(t, &TypeSlots::len)) add("__len__", wrapLen);
    if (ownSlot(t, &TypeSlots::getItem)) add("__getitem__", wrapGetItem);
    if (ownSlot(t, &TypeSlots::setItem)) {
        add("__setitem__", wrapSetItem);
        add("__delitem__", wrapDelItem);
    }
    if (ownSlot(t, &TypeSlots::contains)) add("__contains__", wrapContains);
    if (ownSlot(t, &TypeSlots::iter)) add("__iter__", wrapIter);
    if (ownSlot(t, &TypeSlots::next)) add("__next__", wrapNext);
    if (ownSlot(t, &TypeSlots::call)) add("__call__", wrapCall);
    if (ownSlot(t, &TypeSlots::getAttr)) add("__getattribute__", wrapGetAttribute);
    if (ownSlot(t, &TypeSlots::setAttr)) {
        add("__setattr__", wrapSetAttr);
        add("__delattr__", wrapDelAttr);
    }
    if (ownSlot(t, &TypeSlots::descrGet)) add("__get__", wrapGet);
    if (ownSlot(t, &TypeSlots::descrSet)) {
        add("__set__", wrapSet);
        add("__delete__", wrapDelete);
    }
    if (ownSlot(t, &TypeSlots::init)) add("__init__", wrapInit);
    if (ownSlot(t, &TypeSlots::newInstance) && !dictGetStr(space, t->m_dict, "__new__")) {
        Ref fn = newBuiltinFunction(space, "__new__", newWrapper, Value::fromObject(t));
        if (fn) dictSetStr(space, t->m_dict, "__new__", fn.get());
    }
    if (ownSlot(t, &TypeSlots::richCompare)) {
        add("__lt__", wrapCompare<CompareOp::Lt>);
        add("__le__", wrapCompare<CompareOp::Le>);
        add("__eq__", wrapCompare<CompareOp::Eq>);
        add("__ne__", wrapCompare<CompareOp::Ne>);
        add("__gt__", wrapCompare<CompareOp::Gt>);
        add("__ge__", wrapCompare<CompareOp::Ge>);
    }
    static const WrapperFn binary[kNumOpCount][3] = {
#define PYLITE_WRAP(op) {wrapBinary<NumOp::op>, wrapBinaryReflected<NumOp::op>, wrapInplace<NumOp::op>}
        PYLITE_WRAP(Add), PYLITE_WRAP(Sub), PYLITE_WRAP(Mul), PYLITE_WRAP(MatMul), PYLITE_WRAP(TrueDiv),
        PYLITE_WRAP(FloorDiv), PYLITE_WRAP(Mod), PYLITE_WRAP(DivMod), PYLITE_WRAP(Pow), PYLITE_WRAP(LShift),
        PYLITE_WRAP(RShift), PYLITE_WRAP(And), PYLITE_WRAP(Xor), PYLITE_WRAP(Or),
#undef PYLITE_WRAP
    };
    for (std::size_t k = 0; k < kNumOpCount; ++k) {
        const BinaryFn mine = t->m_slots.numeric[k];
        if (mine && (!t->m_base || t->m_base->m_slots.numeric[k] != mine)) {
            add(space.name(binaryName(NumOp(k), 0))->data(), binary[k][0]);
            add(space.name(binaryName(NumOp(k), 1))->data(), binary[k][1]);
        }
        const BinaryFn inplace = t->m_slots.inplace[k];
        if (inplace && (!t->m_base || t->m_base->m_slots.inplace[k] != inplace))
            add(space.name(binaryName(NumOp(k), 2))->data(), binary[k][2]);
    }
    static const WrapperFn unary[kUnaryOpCount] = {wrapUnary<UnaryOp::Neg>, wrapUnary<UnaryOp::Pos>,
                                                   wrapUnary<UnaryOp::Invert>, wrapUnary<UnaryOp::Abs>};
    for (std::size_t k = 0; k < kUnaryOpCount; ++k) {
        const UnaryFn mine = t->m_slots.unary[k];
        if (mine && (!t->m_base || t->m_base->m_slots.unary[k] != mine)) add(space.name(unaryName(UnaryOp(k)))->data(), unary[k]);
    }
    if (ownSlot(t, &TypeSlots::concat)) add("__add__", wrapConcat);
    if (ownSlot(t, &TypeSlots::repeat)) {
        add("__mul__", wrapRepeat);
        add("__rmul__", wrapRepeat);
    }
    if (ownSlot(t, &TypeSlots::index)) add("__index__", wrapIndex);
    if (ownSlot(t, &TypeSlots::toInt)) add("__int__", wrapInt);
    if (ownSlot(t, &TypeSlots::toFloat)) add("__float__", wrapFloat);
}

} // namespace coroscope::pylite
