#include "core/script/value/Class.h"

#include "core/script/value/Args.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/List.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"

#include <cstdio>

namespace coroscope::pylite {

// --- TypeObject -----------------------------------------------------------

std::string_view TypeObject::name() const { return m_name ? m_name->view() : std::string_view("?"); }

bool TypeObject::isSubtypeOf(const TypeObject* other) const
{
    if (this == other) return true;
    if (m_mro) {
        const std::int64_t n = m_mro->m_size;
        const Value* items = m_mro->items();
        for (std::int64_t i = 1; i < n; ++i)
            if (items[i].object() == other) return true;
        return false;
    }
    for (const TypeObject* t = m_base; t; t = t->m_base)
        if (t == other) return true;
    return false;
}

Value lookupInMro(const TypeObject* type, StrObject* name)
{
    ObjectSpace& space = *type->m_space;
    const std::int64_t hash = strHash(name);
    const Value key = Value::fromObject(name);
    if (type->m_mro) {
        const std::int64_t n = type->m_mro->m_size;
        for (std::int64_t i = 0; i < n; ++i) {
            auto* t = static_cast<TypeObject*>(type->m_mro->item(i).object());
            if (!t->m_dict) continue;
            Value v = dictGetWithHash(space, t->m_dict, key, hash);
            if (v) return v;
        }
        return Value();
    }
    for (const TypeObject* t = type; t; t = t->m_base) {
        if (!t->m_dict) continue;
        Value v = dictGetWithHash(space, t->m_dict, key, hash);
        if (v) return v;
    }
    return Value();
}

Value lookupInMro(ObjectSpace& space, const TypeObject* type, std::string_view name)
{
    return lookupInMro(type, space.intern(name));
}

DictObject* instanceDict(ObjectSpace& space, Value self)
{
    if (!self.isObject()) return nullptr;
    const TypeObject* t = self.object()->m_type;
    if (!t->m_dictOffset) return nullptr;
    Value& slot = *reinterpret_cast<Value*>(reinterpret_cast<char*>(self.object()) + t->m_dictOffset);
    if (!slot) {
        Ref d = newDict(space);
        if (!d) return nullptr;
        slot = d.release();
    }
    return asDict(slot);
}

std::string typeModuleName(ObjectSpace& space, TypeObject* type)
{
    if (type->has(TypeFlag::HeapType) && type->m_dict) {
        Value m = dictGetStr(space, type->m_dict, "__module__");
        if (m && isStr(space, m)) return std::string(strView(m));
    }
    return "builtins";
}

std::string typeQualifiedName(ObjectSpace& space, TypeObject* type)
{
    std::string module = typeModuleName(space, type);
    std::string qual(type->m_qualname ? type->m_qualname->view() : type->name());
    if (module == "builtins") return qual;
    return module + "." + qual;
}

Ref defaultRepr(ObjectSpace& space, Value self)
{
    std::string s(1, '<');
    s += typeQualifiedName(space, space.typeOf(self));
    s += " object at ";
    s += space.addressText(self.objectOrNull());
    s += '>';
    return newStr(space, s);
}

namespace detail {

void removeSubclass(ObjectSpace&, TypeObject* base, TypeObject* sub)
{
    for (std::uint32_t i = 0; i < base->m_subclassCount; ++i) {
        if (base->m_subclasses[i] == sub) {
            base->m_subclasses[i] = base->m_subclasses[--base->m_subclassCount];
            return;
        }
    }
}

bool addSubclass(ObjectSpace& space, TypeObject* base, TypeObject* sub)
{
    if (base->m_subclassCount == base->m_subclassCapacity) {
        std::uint32_t cap = base->m_subclassCapacity ? base->m_subclassCapacity * 2 : 4;
        void* p = space.heap().reallocBuffer(base->m_subclasses, sizeof(TypeObject*) * base->m_subclassCapacity,
                                             sizeof(TypeObject*) * cap);
        if (!p) return false;
        base->m_subclasses = static_cast<TypeObject**>(p);
        base->m_subclassCapacity = cap;
    }
    base->m_subclasses[base->m_subclassCount++] = sub;
    return true;
}

} // namespace detail

namespace {

Value& dictSlotOf(Object* o) { return *reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + o->m_type->m_dictOffset); }

// --- heap instances -------------------------------------------------------

/// The nearest built-in type in the MRO: owner of the instance layout.
TypeObject* solidBase(TypeObject* t)
{
    while (t->has(TypeFlag::HeapType)) t = t->m_base;
    return t;
}

bool addsDictSlot(TypeObject* t)
{
    TypeObject* solid = solidBase(t);
    return t->m_dictOffset != 0 && t->m_dictOffset != solid->m_dictOffset;
}

void heapInstanceDestroy(ObjectSpace& space, Object* o)
{
    TypeObject* t = o->m_type;
    if (addsDictSlot(t)) clearField(dictSlotOf(o));
    TypeObject* solid = solidBase(t);
    if (solid->m_slots.destroy) solid->m_slots.destroy(space, o);
}

void heapInstanceTraverse(Object* o, VisitFn visit, void* ctx)
{
    TypeObject* t = o->m_type;
    visit(Value::fromObject(t), ctx);
    if (addsDictSlot(t)) visit(dictSlotOf(o), ctx);
    TypeObject* solid = solidBase(t);
    if (solid->m_slots.traverse) solid->m_slots.traverse(o, visit, ctx);
}

void heapInstanceClear(ObjectSpace& space, Object* o)
{
    TypeObject* t = o->m_type;
    if (addsDictSlot(t)) clearField(dictSlotOf(o));
    TypeObject* solid = solidBase(t);
    if (solid->m_slots.clear) solid->m_slots.clear(space, o);
}


} // namespace

// --- classes created at run time -------------------------------------------

Ref newClass(ObjectSpace& space, std::string_view name, Value bases, Value ns)
{
    return newClassWithMeta(space, space.types().typeType, name, bases, ns);
}

Ref newClassWithMeta(ObjectSpace& space, TypeObject* meta, std::string_view name, Value bases, Value ns)
{
    const BuiltinTypes& T = space.types();
    TypeObject* base = T.objectType;
    if (bases && isTuple(space, bases) && asTuple(bases)->m_size > 0) {
        TupleObject* b = asTuple(bases);
        for (std::int64_t i = 0; i < b->m_size; ++i) {
            if (!space.typeOf(b->item(i))->has(TypeFlag::TypeType)) {
                std::string msg = "bases must be types";
                return space.raise(T.TypeError, msg);
            }
        }
        if (b->m_size > 1)
            return space.raise(T.TypeError, "pylite supports single inheritance only (a class may have one base)");
        base = static_cast<TypeObject*>(b->item(0).object());
    }
    if (!base->has(TypeFlag::BaseType)) {
        std::string msg = "type '" + typeQualifiedName(space, base) + "' is not an acceptable base type";
        return space.raise(T.TypeError, msg);
    }

    auto* type = space.heap().alloc<TypeObject>(meta);
    if (!type) return Ref();
    Ref result = Ref::steal(type);
    type->m_space = &space;
    type->m_flags = TypeFlag::HeapType | TypeFlag::Gc | TypeFlag::BaseType |
                    (base->m_flags & (std::uint32_t(TypeFlag::ExceptionType) | std::uint32_t(TypeFlag::TypeType)));
    increfObject(base);
    type->m_base = base;
    type->m_basicSize = base->m_basicSize;
    type->m_dictOffset = base->m_dictOffset;
    if (!type->m_dictOffset) {
        type->m_dictOffset = type->m_basicSize;
        type->m_basicSize += sizeof(Value);
    }

    Ref nameStr = newStr(space, name);
    if (!nameStr) return Ref();
    type->m_name = nameStr.as<StrObject>();
    increfObject(type->m_name);
    type->m_qualname = type->m_name;
    increfObject(type->m_qualname);

    Ref dict = ns && isDict(space, ns) ? dictCopy(space, asDict(ns)) : newDict(space);
    if (!dict) return Ref();
    type->m_dict = dict.as<DictObject>();
    dict.release();
    DictObject* d = type->m_dict;
    if (Value q = dictGetStr(space, d, "__qualname__")) {
        if (!isStr(space, q)) {
            std::string msg = "type __qualname__ must be a str, not ";
            msg += typeName(space, q);
            return space.raise(T.TypeError, msg);
        }
        StrObject* old = type->m_qualname;
        increfObject(asStr(q));
        type->m_qualname = asStr(q);
        decrefObject(old);
        if (dictDelete(space, d, Value::fromObject(space.intern("__qualname__"))) < 0) return Ref();
    }
    if (!dictGetStr(space, d, "__doc__") && !dictSetStr(space, d, "__doc__", Value::none())) return Ref();
    if (dictGetStr(space, d, "__eq__") && !dictGetStr(space, d, "__hash__") &&
        !dictSetStr(space, d, "__hash__", Value::none()))
        return Ref();
    // Plain functions as __new__ are static; __init_subclass__ is a class method.
    for (const char* special : {"__new__", "__init_subclass__", "__class_getitem__"}) {
        Value f = dictGetStr(space, d, special);
        if (!f || !space.typeOf(f)->has(TypeFlag::MethodDescriptor)) continue;
        TypeObject* wrapper = std::string_view(special) == "__new__" ? T.staticMethodType : T.classMethodType;
        Ref w = callFunction(space, Value::fromObject(wrapper), {f});
        if (!w || !dictSetStr(space, d, special, w.get())) return Ref();
    }

    const std::int64_t depth = base->m_mro->m_size + 1;
    Ref mro = newTuple(space, depth);
    if (!mro) return Ref();
    increfObject(type);
    mro.as<TupleObject>()->items()[0] = Value::fromObject(type);
    for (std::int64_t i = 1; i < depth; ++i) {
        Value t = base->m_mro->item(i - 1);
        incref(t);
        mro.as<TupleObject>()->items()[i] = t;
    }
    type->m_mro = mro.as<TupleObject>();
    mro.release();

    type->m_slots = base->m_slots;
    type->m_slots.destroy = heapInstanceDestroy;
    type->m_slots.traverse = heapInstanceTraverse;
    type->m_slots.clear = heapInstanceClear;
    type->m_slots.sizeOf = nullptr;
    deriveHeapTypeSlots(space, type);
    if (!detail::addSubclass(space, base, type)) return Ref();

    // __set_name__ on the new attributes, then the parent's __init_subclass__.
    std::int64_t pos = 0;
    Value key, value;
    Ref snapshot = dictCopy(space, d);
    if (!snapshot) return Ref();
    while (dictNext(snapshot.as<DictObject>(), pos, key, value)) {
        if (!value.isObject()) continue;
        Value setName = lookupInMro(space, space.typeOf(value), "__set_name__");
        if (!setName) continue;
        Ref r = callMethod(space, value, "__set_name__", {Value::fromObject(type), key});
        if (!r) return Ref();
    }
    Ref init = Ref::borrow(lookupInMro(space, base, "__init_subclass__"));
    if (init && space.typeOf(init.get()) != T.classMethodDescriptorType) {
        DescrGetFn get = space.typeOf(init.get())->m_slots.descrGet;
        Ref bound = get ? get(space, init.get(), Value(), Value::fromObject(type)) : init;
        if (!bound) return Ref();
        Ref r = call(space, bound.get(), CallArgs());
        if (!r) return Ref();
    }
    return result;
}

void updateSlots(ObjectSpace& space, TypeObject* type)
{
    TypeSlots keep = type->m_slots;
    type->m_slots = type->m_base->m_slots;
    type->m_slots.destroy = keep.destroy;
    type->m_slots.traverse = keep.traverse;
    type->m_slots.clear = keep.clear;
    type->m_slots.sizeOf = keep.sizeOf;
    deriveHeapTypeSlots(space, type);
    for (std::uint32_t i = 0; i < type->m_subclassCount; ++i) updateSlots(space, type->m_subclasses[i]);
}

} // namespace coroscope::pylite
