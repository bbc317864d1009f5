// Slot dispatchers for classes defined in Python, and slot wrappers
// (`int.__add__`, `object.__repr__`...) for the built-in types.

#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/SlotNames.h"

#include <array>
#include <utility>
#include <vector>

namespace coroscope::pylite {

namespace {

using detail::binaryName;
using detail::compareName;
using detail::unaryName;

constexpr std::size_t kMaxDunderArgs = 4;


/// Calls dunder `f` (found on type(self)) as a method of `self`.
Ref callDunder(ObjectSpace& space, Value self, Value f, std::initializer_list<Value> args)
{
    Value buf[kMaxDunderArgs + 1];
    TypeObject* ft = space.typeOf(f);
    if (ft->has(TypeFlag::MethodDescriptor)) {
        buf[0] = self;
        std::size_t n = 1;
        for (Value a : args) buf[n++] = a;
        return call(space, f, CallArgs(buf, n));
    }
    std::size_t n = 0;
    for (Value a : args) buf[n++] = a;
    if (ft->m_slots.descrGet) {
        Ref bound = ft->m_slots.descrGet(space, f, self, Value::fromObject(space.typeOf(self)));
        if (!bound) return Ref();
        return call(space, bound.get(), CallArgs(buf, n));
    }
    return call(space, f, CallArgs(buf, n));
}

/// Looks `name` up on type(self) and calls it; `missing` reports absence
/// (then the result is null with no error).
Ref callSpecial(ObjectSpace& space, Value self, Name name, std::initializer_list<Value> args, bool* missing = nullptr)
{
    Ref f = Ref::borrow(lookupInMro(space.typeOf(self), space.name(name)));
    if (!f) {
        if (missing) {
            *missing = true;
            return Ref();
        }
        std::string msg = "'";
        msg += typeName(space, self);
        msg += "' object has no attribute '";
        msg += space.name(name)->view();
        msg += "'";
        return space.raise(space.types().AttributeError, msg);
    }
    if (missing) *missing = false;
    return callDunder(space, self, f.get(), args);
}

Ref raiseNonString(ObjectSpace& space, const char* what, Value result)
{
    std::string msg = what;
    msg += " returned non-string (type ";
    msg += typeName(space, result);
    msg += ")";
    return space.raise(space.types().TypeError, msg);
}

// --- dispatchers ----------------------------------------------------------

Ref dispatchRepr(ObjectSpace& space, Value self)
{
    if (!space.enterRecursion(" while getting the repr of an object")) return Ref();
    Ref r = callSpecial(space, self, Name::Repr, {});
    space.leaveRecursion();
    if (r && !isStr(space, r.get())) return raiseNonString(space, "__repr__", r.get());
    return r;
}

Ref dispatchStr(ObjectSpace& space, Value self)
{
    Ref r = callSpecial(space, self, Name::Str, {});
    if (r && !isStr(space, r.get())) return raiseNonString(space, "__str__", r.get());
    return r;
}

std::int64_t dispatchHash(ObjectSpace& space, Value self)
{
    Ref r = callSpecial(space, self, Name::Hash, {});
    if (!r) return -1;
    if (!isIntValue(space, r.get())) {
        space.raise(space.types().TypeError, "__hash__ method should return an integer");
        return -1;
    }
    std::int64_t h = intValueOf(r.get());
    return h == -1 ? -2 : h;
}

std::int64_t hashNotImplemented(ObjectSpace& space, Value self)
{
    std::string msg = "unhashable type: '";
    msg += typeName(space, self);
    msg += "'";
    space.raise(space.types().TypeError, msg);
    return -1;
}

std::int64_t lenResult(ObjectSpace& space, Ref r)
{
    if (!r) return -1;
    std::int64_t n;
    if (!indexValue(space, r.get(), n)) return -1;
    if (n < 0) {
        space.raise(space.types().ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

std::int64_t dispatchLen(ObjectSpace& space, Value self) { return lenResult(space, callSpecial(space, self, Name::Len, {})); }

int dispatchBool(ObjectSpace& space, Value self)
{
    bool missing = false;
    Ref r = callSpecial(space, self, Name::Bool, {}, &missing);
    if (missing) {
        r = callSpecial(space, self, Name::Len, {}, &missing);
        if (missing) return 1;
        std::int64_t n = lenResult(space, std::move(r));
        return n < 0 ? -1 : n != 0;
    }
    if (!r) return -1;
    if (!r.get().isBool()) {
        std::string msg = "__bool__ should return bool, returned ";
        msg += typeName(space, r.get());
        space.raise(space.types().TypeError, msg);
        return -1;
    }
    return r.get().isTrue();
}

Ref dispatchGetItem(ObjectSpace& space, Value self, Value key) { return callSpecial(space, self, Name::GetItem, {key}); }

int dispatchSetItem(ObjectSpace& space, Value self, Value key, Value value)
{
    Ref r = value ? callSpecial(space, self, Name::SetItem, {key, value}) : callSpecial(space, self, Name::DelItem, {key});
    return r ? 0 : -1;
}

int dispatchContains(ObjectSpace& space, Value self, Value item)
{
    Ref r = callSpecial(space, self, Name::Contains, {item});
    if (!r) return -1;
    return isTrue(space, r.get());
}

Ref dispatchIter(ObjectSpace& space, Value self)
{
    Value f = lookupInMro(space.typeOf(self), space.name(Name::Iter));
    if (f && f.isNone()) {
        std::string msg = "'";
        msg += typeName(space, self);
        msg += "' object is not iterable";
        return space.raise(space.types().TypeError, msg);
    }
    return callSpecial(space, self, Name::Iter, {});
}

Ref dispatchNext(ObjectSpace& space, Value self)
{
    Ref r = callSpecial(space, self, Name::Next, {});
    if (!r && space.errorMatches(space.types().StopIteration)) space.clearError();
    return r;
}

/// Calls `f` (found on type(self)) as a method of self with a full CallArgs.
Ref callWithSelf(ObjectSpace& space, Value f, Value self, const CallArgs& args)
{
    TypeObject* ft = space.typeOf(f);
    if (ft->has(TypeFlag::MethodDescriptor)) {
        const std::size_t total = args.positional + args.keywordCount();
        std::vector<Value> buf(total + 1);
        buf[0] = self;
        for (std::size_t i = 0; i < total; ++i) buf[i + 1] = args.values[i];
        return call(space, f, CallArgs(buf.data(), args.positional + 1, args.kwnames));
    }
    if (!ft->m_slots.descrGet) return call(space, f, args);
    Ref bound = ft->m_slots.descrGet(space, f, self, Value::fromObject(space.typeOf(self)));
    if (!bound) return Ref();
    return call(space, bound.get(), args);
}

Ref dispatchCall(ObjectSpace& space, Value self, const CallArgs& args)
{
    Ref f = Ref::borrow(lookupInMro(space.typeOf(self), space.name(Name::Call)));
    if (!f) {
        std::string msg = "'";
        msg += typeName(space, self);
        msg += "' object is not callable";
        return space.raise(space.types().TypeError, msg);
    }
    return callWithSelf(space, f.get(), self, args);
}

Ref dispatchGetAttr(ObjectSpace& space, Value self, StrObject* name)
{
    TypeObject* type = space.typeOf(self);
    Ref getattribute = Ref::borrow(lookupInMro(type, space.name(Name::GetAttribute)));
    Ref r;
    if (getattribute && space.typeOf(getattribute.get()) == space.types().slotWrapperType &&
        static_cast<MethodDescriptorObject*>(getattribute.object())->m_owner == space.types().objectType) {
        r = genericGetAttr(space, self, name);
    } else if (getattribute) {
        r = callDunder(space, self, getattribute.get(), {Value::fromObject(name)});
    } else {
        r = genericGetAttr(space, self, name);
    }
    if (r || !space.errorMatches(space.types().AttributeError)) return r;
    Ref getattr = Ref::borrow(lookupInMro(type, space.name(Name::GetAttr)));
    if (!getattr) return r;
    space.clearError();
    return callDunder(space, self, getattr.get(), {Value::fromObject(name)});
}

int dispatchSetAttr(ObjectSpace& space, Value self, StrObject* name, Value value)
{
    Ref r = value ? callSpecial(space, self, Name::SetAttr, {Value::fromObject(name), value})
                  : callSpecial(space, self, Name::DelAttr, {Value::fromObject(name)});
    return r ? 0 : -1;
}

Ref dispatchDescrGet(ObjectSpace& space, Value descr, Value obj, Value type)
{
    return callSpecial(space, descr, Name::Get, {obj ? obj : Value::none(), type ? type : Value::none()});
}

int dispatchDescrSet(ObjectSpace& space, Value descr, Value obj, Value value)
{
    Ref r = value ? callSpecial(space, descr, Name::Set, {obj, value}) : callSpecial(space, descr, Name::Delete, {obj});
    return r ? 0 : -1;
}

int dispatchInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    Ref f = Ref::borrow(lookupInMro(space.typeOf(self), space.name(Name::Init)));
    if (!f) return 0;
    Ref r = callWithSelf(space, f.get(), self, args);
    if (!r) return -1;
    if (!r.get().isNone()) {
        std::string msg = "__init__() should return None, not '";
        msg += typeName(space, r.get());
        msg += "'";
        space.raise(space.types().TypeError, msg);
        return -1;
    }
    return 0;
}

Ref dispatchNew(ObjectSpace& space, TypeObject* type, const CallArgs& args)
{
    Ref f = Ref::borrow(lookupInMro(type, space.name(Name::New)));
    if (!f) return space.raise(space.types().TypeError, "no __new__");
    DescrGetFn get = space.typeOf(f.get())->m_slots.descrGet;
    if (get) {
        f = get(space, f.get(), Value(), Value::fromObject(type));
        if (!f) return Ref();
    }
    const std::size_t total = args.positional + args.keywordCount();
    std::vector<Value> buf(total + 1);
    buf[0] = Value::fromObject(type);
    for (std::size_t i = 0; i < total; ++i) buf[i + 1] = args.values[i];
    return call(space, f.get(), CallArgs(buf.data(), args.positional + 1, args.kwnames));
}

void dispatchFinalize(ObjectSpace& space, Object* self)
{
    Ref saved = space.takeError();
    Value v = Value::fromObject(self);
    Ref del = Ref::borrow(lookupInMro(space.typeOf(v), space.name(Name::Del)));
    if (del) {
        Ref r = callDunder(space, v, del.get(), {});
        if (!r) space.writeUnraisable(space.takeError(), del.get());
    }
    if (saved) space.restoreError(std::move(saved));
}

Ref dispatchRichCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    Ref f = Ref::borrow(lookupInMro(space.typeOf(a), space.name(compareName(op))));
    if (!f || f.get().isNone()) return Ref::notImplemented();
    return callDunder(space, a, f.get(), {b});
}

template <UnaryOp op> Ref dispatchUnary(ObjectSpace& space, Value self) { return callSpecial(space, self, unaryName(op), {}); }

Ref dispatchIndex(ObjectSpace& space, Value self) { return callSpecial(space, self, Name::Index, {}); }
Ref dispatchInt(ObjectSpace& space, Value self) { return callSpecial(space, self, Name::Int, {}); }
Ref dispatchFloat(ObjectSpace& space, Value self) { return callSpecial(space, self, Name::Float, {}); }

/// Calls the dunder if the type has it; NotImplemented when it does not.
Ref callBinaryDunder(ObjectSpace& space, Value self, Name name, Value other)
{
    bool missing = false;
    Ref r = callSpecial(space, self, name, {other}, &missing);
    if (missing) return Ref::notImplemented();
    return r;
}

template <NumOp op> Ref dispatchBinary(ObjectSpace& space, Value a, Value b);

/// CPython's SLOT1BINFULL: the dispatcher is called for the left and/or
/// right operand's type; it tries __op__ on the left, __rop__ on the right
/// (right first when the right type is a subclass that overrides __rop__).
template <NumOp op> Ref dispatchBinary(ObjectSpace& space, Value a, Value b)
{
    constexpr std::size_t k = std::size_t(op);
    TypeObject* ta = space.typeOf(a);
    TypeObject* tb = space.typeOf(b);
    const Name name = binaryName(op, 0);
    const Name rname = binaryName(op, 1);
    bool doOther = ta != tb && tb->m_slots.numeric[k] == &dispatchBinary<op>;
    if (ta->m_slots.numeric[k] == &dispatchBinary<op>) {
        if (doOther && tb->isSubtypeOf(ta) &&
            lookupInMro(tb, space.name(rname)) != lookupInMro(ta, space.name(rname))) {
            Ref r = callBinaryDunder(space, b, rname, a);
            if (!r || !r.get().isNotImplemented()) return r;
            doOther = false;
        }
        Ref r = callBinaryDunder(space, a, name, b);
        if (!r || !r.get().isNotImplemented() || ta == tb) return r;
    }
    if (doOther) return callBinaryDunder(space, b, rname, a);
    return Ref::notImplemented();
}

template <NumOp op> Ref dispatchInplace(ObjectSpace& space, Value a, Value b)
{
    return callBinaryDunder(space, a, binaryName(op, 2), b);
}

template <std::size_t... I> constexpr auto makeBinaryTable(std::index_sequence<I...>)
{
    return std::array<BinaryFn, sizeof...(I)>{&dispatchBinary<NumOp(I)>...};
}
template <std::size_t... I> constexpr auto makeInplaceTable(std::index_sequence<I...>)
{
    return std::array<BinaryFn, sizeof...(I)>{&dispatchInplace<NumOp(I)>...};
}
constexpr auto kBinaryDispatchers = makeBinaryTable(std::make_index_sequence<kNumOpCount>());
constexpr auto kInplaceDispatchers = makeInplaceTable(std::make_index_sequence<kNumOpCount>());
constexpr UnaryFn kUnaryDispatchers[kUnaryOpCount] = {dispatchUnary<UnaryOp::Neg>, dispatchUnary<UnaryOp::Pos>,
                                                       dispatchUnary<UnaryOp::Invert>, dispatchUnary<UnaryOp::Abs>};

/// Result of looking a dunder up along a heap type's MRO.
enum class Found { No, Builtin, Python, None };

Found findDunder(ObjectSpace& space, TypeObject* type, Name name)
{
    StrObject* key = space.name(name);
    for (std::int64_t i = 0; i < type->m_mro->m_size; ++i) {
        auto* t = static_cast<TypeObject*>(type->m_mro->item(i).object());
        if (!t->m_dict) continue;
        Value v = dictGetWithHash(space, t->m_dict, Value::fromObject(key), strHash(key));
        if (!v) continue;
        if (v.isNone()) return Found::None;
        return t->has(TypeFlag::HeapType) ? Found::Python : Found::Builtin;
    }
    return Found::No;
}

bool inPython(ObjectSpace& space, TypeObject* type, Name name) { return findDunder(space, type, name) == Found::Python; }

} // namespace

void deriveHeapTypeSlots(ObjectSpace& space, TypeObject* type)
{
    TypeSlots& s = type->m_slots;
    if (inPython(space, type, Name::Repr)) s.repr = dispatchRepr;
    if (inPython(space, type, Name::Str)) s.str = dispatchStr;
    switch (findDunder(space, type, Name::Hash)) {
    case Found::Python: s.hash = dispatchHash; break;
    case Found::None: s.hash = hashNotImplemented; break;
    default: break;
    }
    if (inPython(space, type, Name::Bool) || (inPython(space, type, Name::Len) && s.isTrue)) s.isTrue = dispatchBool;
    if (inPython(space, type, Name::Len)) s.len = dispatchLen;
    if (inPython(space, type, Name::GetItem)) s.getItem = dispatchGetItem;
    if (inPython(space, type, Name::SetItem) || inPython(space, type, Name::DelItem)) s.setItem = dispatchSetItem;
    if (inPython(space, type, Name::Contains)) s.contains = dispatchContains;
    if (findDunder(space, type, Name::Iter) >= Found::Python) s.iter = dispatchIter;
    if (inPython(space, type, Name::Next)) s.next = dispatchNext;
    if (inPython(space, type, Name::Call)) s.call = dispatchCall;
    if (inPython(space, type, Name::GetAttribute) || inPython(space, type, Name::GetAttr)) s.getAttr = dispatchGetAttr;
    if (inPython(space, type, Name::SetAttr) || inPython(space, type, Name::DelAttr)) s.setAttr = dispatchSetAttr;
    if (inPython(space, type, Name::Get)) s.descrGet = dispatchDescrGet;
    if (inPython(space, type, Name::Set) || inPython(space, type, Name::Delete)) s.descrSet = dispatchDescrSet;
    if (inPython(space, type, Name::Init)) s.init = dispatchInit;
    if (inPython(space, type, Name::New)) s.newInstance = dispatchNew;
    if (inPython(space, type, Name::Del)) s.finalize = dispatchFinalize;
    for (Name n : {Name::Lt, Name::Le, Name::Eq, Name::Ne, Name::Gt, Name::Ge}) {
        if (inPython(space, type, n)) {
            s.richCompare = dispatchRichCompare;
            break;
        }
    }
    for (std::size_t k = 0; k < kNumOpCount; ++k) {
        if (inPython(space, type, binaryName(NumOp(k), 0)) || inPython(space, type, binaryName(NumOp(k), 1)))
            s.numeric[k] = kBinaryDispatchers[k];
        if (inPython(space, type, binaryName(NumOp(k), 2))) s.inplace[k] = kInplaceDispatchers[k];
    }
    for (std::size_t k = 0; k < kUnaryOpCount; ++k)
        if (inPython(space, type, unaryName(UnaryOp(k)))) s.unary[k] = kUnaryDispatchers[k];
    if (inPython(space, type, Name::Index)) s.index = dispatchIndex;
    if (inPython(space, type, Name::Int)) s.toInt = dispatchInt;
    if (inPython(space, type, Name::Float)) s.toFloat = dispatchFloat;
}

} // namespace coroscope::pylite
