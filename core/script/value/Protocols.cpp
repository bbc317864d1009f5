#include "core/script/value/Protocols.h"

#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Iterators.h"
#include "core/script/value/Number.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"

#include <vector>

namespace coroscope::pylite {

std::string_view typeName(ObjectSpace& space, Value v) { return space.typeOf(v)->name(); }

namespace {

Ref raiseTypeError(ObjectSpace& space, std::string_view a, std::string_view b, std::string_view c = {},
                   std::string_view d = {}, std::string_view e = {})
{
    std::string msg;
    msg.append(a).append(b).append(c).append(d).append(e);
    return space.raise(space.types().TypeError, msg);
}

CompareOp swapped(CompareOp op)
{
    switch (op) {
    case CompareOp::Lt: return CompareOp::Gt;
    case CompareOp::Le: return CompareOp::Ge;
    case CompareOp::Gt: return CompareOp::Lt;
    case CompareOp::Ge: return CompareOp::Le;
    default: return op;
    }
}

Value& instanceDictSlot(Value obj)
{
    Object* o = obj.object();
    return *reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + o->m_type->m_dictOffset);
}

} // namespace

// --- repr / str / hash ------------------------------------------------------

Ref repr(ObjectSpace& space, Value v)
{
    TypeObject* t = space.typeOf(v);
    if (!t->m_slots.repr) return defaultRepr(space, v);
    if (!space.enterRecursion(" while getting the repr of an object")) return Ref();
    Ref r = t->m_slots.repr(space, v);
    space.leaveRecursion();
    if (r && !isStr(space, r.get())) return raiseTypeError(space, "__repr__ returned non-string (type ", typeName(space, r.get()), ")");
    return r;
}

Ref str(ObjectSpace& space, Value v)
{
    if (isStr(space, v)) return Ref::borrow(v);
    TypeObject* t = space.typeOf(v);
    if (!t->m_slots.str) return repr(space, v);
    if (!space.enterRecursion(" while getting the str of an object")) return Ref();
    Ref r = t->m_slots.str(space, v);
    space.leaveRecursion();
    if (r && !isStr(space, r.get())) return raiseTypeError(space, "__str__ returned non-string (type ", typeName(space, r.get()), ")");
    return r;
}

bool reprString(ObjectSpace& space, Value v, std::string& out)
{
    Ref r = repr(space, v);
    if (!r) return false;
    out.append(strView(r.get()));
    return true;
}

bool strString(ObjectSpace& space, Value v, std::string& out)
{
    Ref r = str(space, v);
    if (!r) return false;
    out.append(strView(r.get()));
    return true;
}

std::int64_t hashValue(ObjectSpace& space, Value v)
{
    if (v.isSmallInt()) return hashInt(v.smallIntValue());
    TypeObject* t = space.typeOf(v);
    if (t == space.types().strType) return strHash(asStr(v));
    if (!t->m_slots.hash) {
        raiseTypeError(space, "unhashable type: '", t->name(), "'");
        return -1;
    }
    return t->m_slots.hash(space, v);
}

// --- comparison and truth ---------------------------------------------------

std::string_view compareSymbol(CompareOp op)
{
    switch (op) {
    case CompareOp::Lt: return "<";
    case CompareOp::Le: return "<=";
    case CompareOp::Eq: return "==";
    case CompareOp::Ne: return "!=";
    case CompareOp::Gt: return ">";
    default: return ">=";
    }
}

Ref richCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    if (a.isSmallInt() && b.isSmallInt()) {
        const std::int64_t x = std::int64_t(a.bits());
        const std::int64_t y = std::int64_t(b.bits());
        switch (op) {
        case CompareOp::Lt: return Ref::boolean(x < y);
        case CompareOp::Le: return Ref::boolean(x <= y);
        case CompareOp::Eq: return Ref::boolean(x == y);
        case CompareOp::Ne: return Ref::boolean(x != y);
        case CompareOp::Gt: return Ref::boolean(x > y);
        default: return Ref::boolean(x >= y);
        }
    }
    if (!space.enterRecursion(" in comparison")) return Ref();
    TypeObject* ta = space.typeOf(a);
    TypeObject* tb = space.typeOf(b);
    Ref r;
    bool checkedReverse = false;
    if (ta != tb && tb->m_slots.richCompare && tb->isSubtypeOf(ta)) {
        checkedReverse = true;
        r = tb->m_slots.richCompare(space, b, a, swapped(op));
        if (!r || !r.get().isNotImplemented()) {
            space.leaveRecursion();
            return r;
        }
    }
    if (ta->m_slots.richCompare) {
        r = ta->m_slots.richCompare(space, a, b, op);
        if (!r || !r.get().isNotImplemented()) {
            space.leaveRecursion();
            return r;
        }
    }
    if (!checkedReverse && tb->m_slots.richCompare) {
        r = tb->m_slots.richCompare(space, b, a, swapped(op));
        if (!r || !r.get().isNotImplemented()) {
            space.leaveRecursion();
            return r;
        }
    }
    space.leaveRecursion();
    if (op == CompareOp::Eq) return Ref::boolean(a == b);
    if (op == CompareOp::Ne) return Ref::boolean(a != b);
    return raiseTypeError(space, "'", compareSymbol(op), "' not supported between instances of '",
                          std::string(ta->name()) + "' and '" + std::string(tb->name()), "'");
}

int compareBool(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    if (a == b) {
        if (op == CompareOp::Eq) return 1;
        if (op == CompareOp::Ne) return 0;
    }
    Ref r = richCompare(space, a, b, op);
    if (!r) return -1;
    if (r.get().isBool()) return r.get().isTrue();
    return isTrue(space, r.get());
}

int isTrue(ObjectSpace& space, Value v)
{
    if (v.isTrue()) return 1;
    if (v.isFalse() || v.isNone()) return 0;
    if (v.isSmallInt()) return v.smallIntValue() != 0;
    TypeObject* t = space.typeOf(v);
    if (t->m_slots.isTrue) return t->m_slots.isTrue(space, v);
    if (t->m_slots.len) {
        std::int64_t n = t->m_slots.len(space, v);
        return n < 0 ? -1 : n != 0;
    }
    return 1;
}

std::int64_t length(ObjectSpace& space, Value v)
{
    TypeObject* t = space.typeOf(v);
    if (!t->m_slots.len) {
        raiseTypeError(space, "object of type '", t->name(), "' has no len()");
        return -1;
    }
    return t->m_slots.len(space, v);
}

// --- containers -------------------------------------------------------------

Ref getItem(ObjectSpace& space, Value obj, Value key)
{
    TypeObject* t = space.typeOf(obj);
    if (t->m_slots.getItem) return t->m_slots.getItem(space, obj, key);
    if (t->has(TypeFlag::TypeType)) {
        auto* cls = static_cast<TypeObject*>(obj.object());
        Ref hook = Ref::borrow(lookupInMro(cls, space.name(Name::ClassGetItem)));
        if (hook) {
            DescrGetFn get = space.typeOf(hook.get())->m_slots.descrGet;
            Ref bound = get ? get(space, hook.get(), Value(), obj) : hook;
            if (!bound) return Ref();
            return callFunction(space, bound.get(), {key});
        }
        return raiseTypeError(space, "type '", cls->name(), "' is not subscriptable");
    }
    return raiseTypeError(space, "'", t->name(), "' object is not subscriptable");
}

bool setItem(ObjectSpace& space, Value obj, Value key, Value value)
{
    TypeObject* t = space.typeOf(obj);
    if (!t->m_slots.setItem) {
        raiseTypeError(space, "'", t->name(), "' object does not support item assignment");
        return false;
    }
    return t->m_slots.setItem(space, obj, key, value) == 0;
}

bool delItem(ObjectSpace& space, Value obj, Value key)
{
    TypeObject* t = space.typeOf(obj);
    if (!t->m_slots.setItem) {
        raiseTypeError(space, "'", t->name(), "' object doesn't support item deletion");
        return false;
    }
    return t->m_slots.setItem(space, obj, key, Value()) == 0;
}

int contains(ObjectSpace& space, Value container, Value item)
{
    TypeObject* t = space.typeOf(container);
    if (t->m_slots.contains) return t->m_slots.contains(space, container, item);
    if (!t->m_slots.iter && !t->m_slots.getItem) {
        raiseTypeError(space, "argument of type '", t->name(), "' is not iterable");
        return -1;
    }
    Ref it = getIter(space, container);
    if (!it) return -1;
    for (;;) {
        Ref x = iterNext(space, it.get());
        if (!x) return space.hasError() ? -1 : 0;
        int eq = compareBool(space, x.get(), item, CompareOp::Eq);
        if (eq != 0) return eq;
    }
}

Ref getIter(ObjectSpace& space, Value v)
{
    TypeObject* t = space.typeOf(v);
    if (t->m_slots.iter) {
        Ref it = t->m_slots.iter(space, v);
        if (it && !space.typeOf(it.get())->m_slots.next)
            return raiseTypeError(space, "iter() returned non-iterator of type '", typeName(space, it.get()), "'");
        return it;
    }
    if (t->m_slots.getItem && !space.isInstance(v, space.types().dictType))
        return newSeqIter(space, space.types().seqIteratorType, v, 0);
    return raiseTypeError(space, "'", t->name(), "' object is not iterable");
}

Ref iterNext(ObjectSpace& space, Value iterator)
{
    TypeObject* t = space.typeOf(iterator);
    if (!t->m_slots.next) return raiseTypeError(space, "'", t->name(), "' object is not an iterator");
    return t->m_slots.next(space, iterator);
}

// --- calls ------------------------------------------------------------------

Ref call(ObjectSpace& space, Value callable, const CallArgs& args)
{
    TypeObject* t = space.typeOf(callable);
    if (!t->m_slots.call) return raiseTypeError(space, "'", t->name(), "' object is not callable");
    return t->m_slots.call(space, callable, args);
}

Ref callFunction(ObjectSpace& space, Value callable, std::initializer_list<Value> args)
{
    return call(space, callable, CallArgs(args.begin(), args.size()));
}

Ref callMethod(ObjectSpace& space, Value self, std::string_view name, std::initializer_list<Value> args)
{
    Ref f = Ref::borrow(lookupInMro(space, space.typeOf(self), name));
    if (!f) return raiseTypeError(space, "'", typeName(space, self), "' object has no attribute '", name, "'");
    std::vector<Value> buf;
    buf.reserve(args.size() + 1);
    TypeObject* ft = space.typeOf(f.get());
    if (ft->has(TypeFlag::MethodDescriptor)) {
        buf.push_back(self);
        buf.insert(buf.end(), args.begin(), args.end());
        return call(space, f.get(), CallArgs(buf.data(), buf.size()));
    }
    buf.insert(buf.end(), args.begin(), args.end());
    if (ft->m_slots.descrGet) {
        Ref bound = ft->m_slots.descrGet(space, f.get(), self, Value::fromObject(space.typeOf(self)));
        if (!bound) return Ref();
        return call(space, bound.get(), CallArgs(buf.data(), buf.size()));
    }
    return call(space, f.get(), CallArgs(buf.data(), buf.size()));
}

bool isCallable(ObjectSpace& space, Value v) { return space.typeOf(v)->m_slots.call != nullptr; }

// --- attributes -------------------------------------------------------------

namespace {

Ref raiseNoAttribute(ObjectSpace& space, Value obj, StrObject* name)
{
    std::string msg = "'";
    msg += typeName(space, obj);
    msg += "' object has no attribute '";
    msg += name->view();
    msg += "'";
    Ref exc = newExceptionWithMessage(space, space.types().AttributeError, msg);
    if (exc) {
        setExceptionField(exc.get(), ExcField::AttributeErrorName, Value::fromObject(name));
        setExceptionField(exc.get(), ExcField::AttributeErrorObj, obj);
        space.raise(std::move(exc));
    }
    return Ref();
}

} // namespace

Ref genericGetAttr(ObjectSpace& space, Value obj, StrObject* name)
{
    TypeObject* t = space.typeOf(obj);
    Ref descr = Ref::borrow(lookupInMro(t, name));
    DescrGetFn get = nullptr;
    if (descr) {
        TypeObject* dt = space.typeOf(descr.get());
        get = dt->m_slots.descrGet;
        if (get && dt->m_slots.descrSet) return get(space, descr.get(), obj, Value::fromObject(t));
    }
    if (t->m_dictOffset && obj.isObject()) {
        Value dict = instanceDictSlot(obj);
        if (dict) {
            Value v = dictGetWithHash(space, asDict(dict), Value::fromObject(name), strHash(name));
            if (v) return Ref::borrow(v);
            if (space.hasError()) return Ref();
        }
    }
    if (descr) {
        if (get) return get(space, descr.get(), obj, Value::fromObject(t));
        return descr;
    }
    return raiseNoAttribute(space, obj, name);
}

int genericSetAttr(ObjectSpace& space, Value obj, StrObject* name, Value value)
{
    TypeObject* t = space.typeOf(obj);
    Ref descr = Ref::borrow(lookupInMro(t, name));
    if (descr) {
        DescrSetFn set = space.typeOf(descr.get())->m_slots.descrSet;
        if (set) return set(space, descr.get(), obj, value);
    }
    if (t->m_dictOffset && obj.isObject()) {
        DictObject* dict = value ? instanceDict(space, obj) : nullptr;
        if (value) {
            if (!dict) return -1;
            return dictSet(space, dict, Value::fromObject(name), value) ? 0 : -1;
        }
        Value d = instanceDictSlot(obj);
        int r = d ? dictDelete(space, asDict(d), Value::fromObject(name)) : 0;
        if (r < 0) return -1;
        if (r == 0) {
            raiseNoAttribute(space, obj, name);
            return -1;
        }
        return 0;
    }
    if (descr) {
        std::string msg = "'";
        msg += t->name();
        msg += "' object attribute '";
        msg += name->view();
        msg += "' is read-only";
        space.raise(space.types().AttributeError, msg);
        return -1;
    }
    raiseNoAttribute(space, obj, name);
    return -1;
}

Ref getAttr(ObjectSpace& space, Value obj, StrObject* name)
{
    GetAttrFn f = space.typeOf(obj)->m_slots.getAttr;
    return f ? f(space, obj, name) : genericGetAttr(space, obj, name);
}

Ref getAttr(ObjectSpace& space, Value obj, std::string_view name) { return getAttr(space, obj, space.intern(name)); }

bool setAttr(ObjectSpace& space, Value obj, StrObject* name, Value value)
{
    SetAttrFn f = space.typeOf(obj)->m_slots.setAttr;
    if (!f) {
        raiseNoAttribute(space, obj, name);
        return false;
    }
    return f(space, obj, name, value) == 0;
}

bool delAttr(ObjectSpace& space, Value obj, StrObject* name) { return setAttr(space, obj, name, Value()); }

Ref getAttrOptional(ObjectSpace& space, Value obj, StrObject* name)
{
    Ref r = getAttr(space, obj, name);
    if (!r && space.errorMatches(space.types().AttributeError)) space.clearError();
    return r;
}

Ref lookupMethod(ObjectSpace& space, Value obj, StrObject* name, bool& unbound)
{
    unbound = false;
    TypeObject* t = space.typeOf(obj);
    if (t->m_slots.getAttr != genericGetAttr) return getAttr(space, obj, name);
    Value descr = lookupInMro(t, name);
    if (descr && space.typeOf(descr)->has(TypeFlag::MethodDescriptor)) {
        if (t->m_dictOffset && obj.isObject()) {
            Value dict = instanceDictSlot(obj);
            if (dict) {
                Value v = dictGetWithHash(space, asDict(dict), Value::fromObject(name), strHash(name));
                if (v) return Ref::borrow(v);
                if (space.hasError()) return Ref();
            }
        }
        unbound = true;
        return Ref::borrow(descr);
    }
    return genericGetAttr(space, obj, name);
}

// --- operators --------------------------------------------------------------

std::string_view opSymbol(NumOp op)
{
    static const char* symbols[kNumOpCount] = {"+", "-", "*", "@", "/", "//", "%", "divmod()", "** or pow()",
                                               "<<", ">>", "&", "^", "|"};
    return symbols[std::size_t(op)];
}

namespace {

std::string_view inplaceSymbol(NumOp op)
{
    static const char* symbols[kNumOpCount] = {"+=", "-=", "*=", "@=", "/=", "//=", "%=", "divmod()", "**=",
                                               "<<=", ">>=", "&=", "^=", "|="};
    return symbols[std::size_t(op)];
}

/// CPython's binary_op1: NotImplemented when neither operand handles it.
Ref binaryOp1(ObjectSpace& space, NumOp op, Value a, Value b)
{
    const std::size_t k = std::size_t(op);
    TypeObject* ta = space.typeOf(a);
    TypeObject* tb = space.typeOf(b);
    BinaryFn slotv = ta->m_slots.numeric[k];
    BinaryFn slotw = nullptr;
    if (tb != ta) {
        slotw = tb->m_slots.numeric[k];
        if (slotw == slotv) slotw = nullptr;
    }
    if (slotv) {
        if (slotw && tb->isSubtypeOf(ta)) {
            Ref r = slotw(space, a, b);
            if (!r || !r.get().isNotImplemented()) return r;
            slotw = nullptr;
        }
        Ref r = slotv(space, a, b);
        if (!r || !r.get().isNotImplemented()) return r;
    }
    if (slotw) return slotw(space, a, b);
    return Ref::notImplemented();
}

Ref sequenceRepeat(ObjectSpace& space, BinaryFn repeat, Value seq, Value count)
{
    TypeObject* tc = space.typeOf(count);
    if (!isIntValue(space, count) && !tc->m_slots.index)
        return raiseTypeError(space, "can't multiply sequence by non-int of type '", tc->name(), "'");
    std::int64_t n;
    if (!indexValue(space, count, n)) return Ref();
    Ref c = newInt(space, n);
    if (!c) return Ref();
    return repeat(space, seq, c.get());
}

Ref binaryFallback(ObjectSpace& space, NumOp op, Value a, Value b, std::string_view symbol)
{
    TypeObject* ta = space.typeOf(a);
    TypeObject* tb = space.typeOf(b);
    if (op == NumOp::Add && ta->m_slots.concat) return ta->m_slots.concat(space, a, b);
    if (op == NumOp::Mul) {
        if (ta->m_slots.repeat) return sequenceRepeat(space, ta->m_slots.repeat, a, b);
        if (tb->m_slots.repeat) return sequenceRepeat(space, tb->m_slots.repeat, b, a);
    }
    return raiseTypeError(space, "unsupported operand type(s) for ", symbol, ": '",
                          std::string(ta->name()) + "' and '" + std::string(tb->name()), "'");
}

} // namespace

Ref binaryOp(ObjectSpace& space, NumOp op, Value a, Value b)
{
    Value fast;
    if (op == NumOp::Add && smallIntAdd(a, b, fast)) return Ref::steal(fast);
    if (op == NumOp::Sub && smallIntSub(a, b, fast)) return Ref::steal(fast);
    Ref r = binaryOp1(space, op, a, b);
    if (!r || !r.get().isNotImplemented()) return r;
    return binaryFallback(space, op, a, b, opSymbol(op));
}

Ref inplaceOp(ObjectSpace& space, NumOp op, Value a, Value b)
{
    BinaryFn slot = space.typeOf(a)->m_slots.inplace[std::size_t(op)];
    if (slot) {
        Ref r = slot(space, a, b);
        if (!r || !r.get().isNotImplemented()) return r;
    }
    Ref r = binaryOp1(space, op, a, b);
    if (!r || !r.get().isNotImplemented()) return r;
    return binaryFallback(space, op, a, b, inplaceSymbol(op));
}

Ref unaryOp(ObjectSpace& space, UnaryOp op, Value v)
{
    TypeObject* t = space.typeOf(v);
    UnaryFn f = t->m_slots.unary[std::size_t(op)];
    if (f) return f(space, v);
    switch (op) {
    case UnaryOp::Neg: return raiseTypeError(space, "bad operand type for unary -: '", t->name(), "'");
    case UnaryOp::Pos: return raiseTypeError(space, "bad operand type for unary +: '", t->name(), "'");
    case UnaryOp::Invert: return raiseTypeError(space, "bad operand type for unary ~: '", t->name(), "'");
    default: return raiseTypeError(space, "bad operand type for abs(): '", t->name(), "'");
    }
}

// --- isinstance / issubclass ------------------------------------------------

int isInstance(ObjectSpace& space, Value obj, Value classinfo)
{
    TypeObject* ct = space.typeOf(classinfo);
    if (ct->has(TypeFlag::TypeType)) return space.typeOf(obj)->isSubtypeOf(static_cast<TypeObject*>(classinfo.object()));
    if (isTuple(space, classinfo)) {
        TupleObject* t = asTuple(classinfo);
        for (std::int64_t i = 0; i < t->m_size; ++i) {
            if (!space.enterRecursion(" in __instancecheck__")) return -1;
            int r = isInstance(space, obj, t->item(i));
            space.leaveRecursion();
            if (r != 0) return r;
        }
        return 0;
    }
    space.raise(space.types().TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

int isSubclass(ObjectSpace& space, Value cls, Value classinfo)
{
    if (!space.typeOf(cls)->has(TypeFlag::TypeType)) {
        space.raise(space.types().TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    TypeObject* ct = space.typeOf(classinfo);
    if (ct->has(TypeFlag::TypeType))
        return static_cast<TypeObject*>(cls.object())->isSubtypeOf(static_cast<TypeObject*>(classinfo.object()));
    if (isTuple(space, classinfo)) {
        TupleObject* t = asTuple(classinfo);
        for (std::int64_t i = 0; i < t->m_size; ++i) {
            int r = isSubclass(space, cls, t->item(i));
            if (r != 0) return r;
        }
        return 0;
    }
    space.raise(space.types().TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
}

} // namespace coroscope::pylite
