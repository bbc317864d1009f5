// Slow paths of the dispatch loop: names, attributes, building values,
// unpacking, calls, raise/except, with, await, imports. Error messages are
// CPython 3.11's.

#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Format.h"
#include "core/script/value/Functions.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Range.h"
#include "core/script/value/Set.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/vm/detail/Interp.h"
#include "core/script/vm/detail/VmSetup.h"

#include <cstring>

namespace coroscope::pylite {

namespace {

Ref raiseNameErrorWith(ObjectSpace& space, TypeObject* type, const std::string& msg, Value name)
{
    Ref exc = newExceptionWithMessage(space, type, msg);
    if (!exc) return Ref();
    setExceptionField(exc.get(), ExcField::NameErrorName, name);
    space.raise(std::move(exc));
    return Ref();
}

std::string_view slotName(Frame* f, std::uint32_t slot)
{
    const Code& c = *f->m_code;
    if (slot < c.localCount()) return strView(c.varnames[slot].get());
    slot -= c.localCount();
    if (slot < c.cellCount()) return strView(c.cellvars[slot].get());
    slot -= c.cellCount();
    return strView(c.freevars[slot].get());
}

/// Entry index of interned `key` in `d`, or -1.
std::int64_t entryIndex(DictObject* d, Value key)
{
    for (std::int64_t i = 0; i < d->m_entryCount; ++i)
        if (d->m_entries[i].m_key == key) return i;
    return -1;
}

enum CacheKind : std::uint32_t { kCacheEmpty = 0, kCacheGlobal = 1, kCacheBuiltin = 2, kCacheMethod = 3 };

} // namespace

// ---------------------------------------------------------------- names

void Interp::raiseNameError(Vm& vm, StrObject* name)
{
    std::string msg = "name '" + std::string(name->view()) + "' is not defined";
    raiseNameErrorWith(vm.space(), vm.space().types().NameError, msg, Value::fromObject(name));
}

void Interp::raiseUnboundLocal(Vm& vm, Frame* f, std::uint32_t slot)
{
    std::string_view name = slotName(f, slot);
    std::string msg = "cannot access local variable '" + std::string(name) + "' where it is not associated with a value";
    Ref nameStr = newStr(vm.space(), name);
    raiseNameErrorWith(vm.space(), vm.space().types().UnboundLocalError, msg, nameStr.get());
}

void Interp::raiseUnboundDeref(Vm& vm, Frame* f, std::uint32_t slot)
{
    const Code& c = *f->m_code;
    std::string_view name = slotName(f, slot);
    Ref nameStr = newStr(vm.space(), name);
    if (slot < c.localCount() + c.cellCount()) {
        std::string msg =
            "cannot access local variable '" + std::string(name) + "' where it is not associated with a value";
        raiseNameErrorWith(vm.space(), vm.space().types().UnboundLocalError, msg, nameStr.get());
    } else {
        std::string msg = "cannot access free variable '" + std::string(name) +
                          "' where it is not associated with a value in enclosing scope";
        raiseNameErrorWith(vm.space(), vm.space().types().NameError, msg, nameStr.get());
    }
}

Value Interp::loadGlobal(Vm& vm, Frame* f, StrObject* name, InlineCache& cache)
{
    DictObject* globals = f->m_globals;
    const Value key = Value::fromObject(name);
    if (cache.owner == globals) {
        if (cache.kind == kCacheGlobal) {
            const std::int64_t i = cache.index;
            if (i < globals->m_entryCount && globals->m_entries[i].m_key == key) return globals->m_entries[i].m_value;
        } else if (cache.kind == kCacheBuiltin && cache.tag == globals->m_version &&
                   std::uint64_t(cache.index) == vm.builtins()->m_version) {
            return cache.value;
        }
    }
    ObjectSpace& space = vm.space();
    Value v = dictGetWithHash(space, globals, key, strHash(name));
    if (v) {
        const std::int64_t i = entryIndex(globals, key);
        if (i >= 0) {
            cache.owner = globals;
            cache.kind = kCacheGlobal;
            cache.index = i;
        }
        return v;
    }
    if (space.hasError()) return Value();
    DictObject* builtins = vm.builtins();
    v = dictGetWithHash(space, builtins, key, strHash(name));
    if (v) {
        cache.owner = globals;
        cache.kind = kCacheBuiltin;
        cache.tag = globals->m_version;
        cache.index = std::int64_t(builtins->m_version);
        cache.value = v;
        return v;
    }
    if (!space.hasError()) raiseNameError(vm, name);
    return Value();
}

// The LOAD_METHOD cache remembers where `name` sits in the dict of the type
// it was found on, and only for a type that is the first entry of its own
// MRO: then that dict is the first one lookupInMro probes, so the live value
// at the remembered entry (checked by key identity, read anew each time, as
// LOAD_GLOBAL does) is what the lookup would return. Nothing is kept that a
// mutation of the class, of a base or of the instance could make stale, and a
// type freed and reallocated at the same address is read afresh too.
Ref Interp::loadMethod(Vm& vm, Value obj, StrObject* name, InlineCache& cache, bool& unbound)
{
    ObjectSpace& space = vm.space();
    TypeObject* t = space.typeOf(obj);
    if (cache.kind == kCacheMethod && cache.owner == t && t->m_slots.getAttr == genericGetAttr && t->m_dict &&
        t->m_mro && t->m_mro->m_size > 0 && t->m_mro->item(0) == Value::fromObject(t)) {
        DictObject* td = t->m_dict;
        const std::int64_t i = cache.index;
        if (i < td->m_entryCount && td->m_entries[i].m_key == Value::fromObject(name)) {
            const Value descr = td->m_entries[i].m_value;
            if (space.typeOf(descr)->has(TypeFlag::MethodDescriptor)) {
                // Instance attributes shadow non-data descriptors, as in
                // lookupMethod.
                if (t->m_dictOffset && obj.isObject()) {
                    const Value dict =
                        *reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.object()) + t->m_dictOffset);
                    if (dict) {
                        Value v = dictGetWithHash(space, asDict(dict), Value::fromObject(name), strHash(name));
                        if (v) {
                            unbound = false;
                            return Ref::borrow(v);
                        }
                        if (space.hasError()) return Ref();
                    }
                }
                unbound = true;
                return Ref::borrow(descr);
            }
        }
    }
    Ref m = lookupMethod(space, obj, name, unbound);
    if (m && unbound && t->m_dict && t->m_mro && t->m_mro->m_size > 0 && t->m_mro->item(0) == Value::fromObject(t)) {
        const std::int64_t i = entryIndex(t->m_dict, Value::fromObject(name));
        if (i >= 0 && t->m_dict->m_entries[i].m_value == m.get()) {
            cache.owner = t;
            cache.kind = kCacheMethod;
            cache.index = i;
        }
    }
    return m;
}

Ref Interp::loadName(Vm& vm, Frame* f, StrObject* name)
{
    ObjectSpace& space = vm.space();
    const Value key = Value::fromObject(name);
    if (f->m_locals) {
        Value v = dictGet(space, asDict(f->m_locals), key);
        if (v) return Ref::borrow(v);
        if (space.hasError()) return Ref();
    }
    Value v = dictGet(space, f->m_globals, key);
    if (v) return Ref::borrow(v);
    if (space.hasError()) return Ref();
    v = dictGet(space, vm.builtins(), key);
    if (v) return Ref::borrow(v);
    if (!space.hasError()) raiseNameError(vm, name);
    return Ref();
}

Ref Interp::loadClassDeref(Vm& vm, Frame* f, std::uint32_t slot)
{
    ObjectSpace& space = vm.space();
    if (f->m_locals) {
        Ref name = newStr(space, slotName(f, slot));
        if (!name) return Ref();
        Value v = dictGet(space, asDict(f->m_locals), name.get());
        if (v) return Ref::borrow(v);
        if (space.hasError()) return Ref();
    }
    Value v = asCell(f->slots()[slot])->m_ref;
    if (!v) {
        raiseUnboundDeref(vm, f, slot);
        return Ref();
    }
    return Ref::borrow(v);
}

bool Interp::storeName(Vm& vm, Frame* f, StrObject* name, Value v)
{
    DictObject* d = f->m_locals ? asDict(f->m_locals) : f->m_globals;
    return dictSet(vm.space(), d, Value::fromObject(name), v);
}

bool Interp::deleteName(Vm& vm, Frame* f, StrObject* name)
{
    DictObject* d = f->m_locals ? asDict(f->m_locals) : f->m_globals;
    const int r = dictDelete(vm.space(), d, Value::fromObject(name));
    if (r < 0) return false;
    if (r == 0) {
        raiseNameError(vm, name);
        return false;
    }
    return true;
}

bool Interp::deleteGlobal(Vm& vm, Frame* f, StrObject* name)
{
    const int r = dictDelete(vm.space(), f->m_globals, Value::fromObject(name));
    if (r < 0) return false;
    if (r == 0) {
        raiseNameError(vm, name);
        return false;
    }
    return true;
}

// ----------------------------------------------------------- attributes

Ref Interp::lookupSpecial(Vm& vm, Value obj, std::string_view name)
{
    ObjectSpace& space = vm.space();
    TypeObject* type = space.typeOf(obj);
    Value d = lookupInMro(space, type, name);
    if (!d) return Ref();
    TypeObject* dt = space.typeOf(d);
    if (dt->m_slots.descrGet) return dt->m_slots.descrGet(space, d, obj, Value::fromObject(type));
    return Ref::borrow(d);
}

// ------------------------------------------------------ building values

Ref Interp::buildTuple(Vm& vm, Value* items, std::uint32_t n)
{
    Ref t = newTuple(vm.space(), n);
    if (!t) {
        for (std::uint32_t i = 0; i < n; ++i) decref(items[i]);
        return t;
    }
    std::memcpy(static_cast<void*>(t.as<TupleObject>()->items()), items, sizeof(Value) * n);
    return t;
}

Ref Interp::buildList(Vm& vm, Value* items, std::uint32_t n)
{
    Ref l = newList(vm.space(), n);
    if (!l) {
        for (std::uint32_t i = 0; i < n; ++i) decref(items[i]);
        return l;
    }
    ListObject* list = l.as<ListObject>();
    if (n) std::memcpy(static_cast<void*>(list->m_items), items, sizeof(Value) * n);
    list->m_size = n;
    return l;
}

Ref Interp::buildSet(Vm& vm, Value* items, std::uint32_t n)
{
    ObjectSpace& space = vm.space();
    Ref s = newSet(space);
    bool ok = static_cast<bool>(s);
    for (std::uint32_t i = 0; i < n; ++i) {
        if (ok && setAdd(space, s.as<SetObject>(), items[i]) < 0) ok = false;
        decref(items[i]);
    }
    return ok ? s : Ref();
}

Ref Interp::buildMap(Vm& vm, Value* items, std::uint32_t n)
{
    ObjectSpace& space = vm.space();
    Ref d = newDict(space);
    bool ok = static_cast<bool>(d);
    for (std::uint32_t i = 0; i < n; ++i) {
        if (ok && !dictSet(space, d.as<DictObject>(), items[2 * i], items[2 * i + 1])) ok = false;
        decref(items[2 * i]);
        decref(items[2 * i + 1]);
    }
    return ok ? d : Ref();
}

Ref Interp::buildString(Vm& vm, Value* items, std::uint32_t n)
{
    std::size_t bytes = 0;
    std::int64_t length = 0;
    bool ascii = true;
    for (std::uint32_t i = 0; i < n; ++i) {
        StrObject* s = asStr(items[i]);
        bytes += std::size_t(s->m_byteLength);
        length += s->m_length;
        ascii = ascii && s->m_ascii;
    }
    StrObject* out = allocStr(vm.space(), bytes, length, ascii);
    if (out) {
        char* p = out->mutableData();
        for (std::uint32_t i = 0; i < n; ++i) {
            StrObject* s = asStr(items[i]);
            std::memcpy(p, s->data(), std::size_t(s->m_byteLength));
            p += s->m_byteLength;
        }
        *p = '\0';
    }
    for (std::uint32_t i = 0; i < n; ++i) decref(items[i]);
    return out ? Ref::steal(out) : Ref();
}

Ref Interp::buildSlice(Vm& vm, Value* items, std::uint32_t n)
{
    Ref s = newSlice(vm.space(), items[0], items[1], n == 3 ? items[2] : Value::none());
    for (std::uint32_t i = 0; i < n; ++i) decref(items[i]);
    return s;
}

namespace {

std::string escapeNonAscii(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out += char(c);
            ++i;
            continue;
        }
        char32_t cp;
        int len;
        if ((c & 0xE0) == 0xC0) {
            cp = c & 0x1F;
            len = 2;
        } else if ((c & 0xF0) == 0xE0) {
            cp = c & 0x0F;
            len = 3;
        } else {
            cp = c & 0x07;
            len = 4;
        }
        for (int k = 1; k < len && i + std::size_t(k) < text.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + std::size_t(k)]) & 0x3F);
        i += std::size_t(len);
        char buf[16];
        if (cp < 0x100)
            std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(cp));
        else if (cp < 0x10000)
            std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(cp));
        else
            std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(cp));
        out += buf;
    }
    return out;
}

} // namespace

Ref asciiOf(ObjectSpace& space, Value v)
{
    std::string text;
    if (!reprString(space, v, text)) return Ref();
    return newStr(space, escapeNonAscii(text));
}

Ref Interp::formatValue(Vm& vm, Value v, std::uint32_t flags, Value spec)
{
    ObjectSpace& space = vm.space();
    Ref converted;
    switch (flags & 3) {
    case 1:
        converted = str(space, v);
        break;
    case 2:
        converted = repr(space, v);
        break;
    case 3:
        converted = asciiOf(space, v);
        break;
    default:
        converted = Ref::borrow(v);
        break;
    }
    if (!converted) return Ref();
    if (!spec && isStr(space, converted.get())) return converted;
    if (spec) return pylite::formatValue(space, converted.get(), spec);
    return pylite::formatValue(space, converted.get(), std::string_view());
}

namespace {

/// Collects the items of `seq` for unpacking (at most `limit` + 1 when
/// `limit` >= 0). Raises CPython's "cannot unpack" TypeError.
bool collectItems(ObjectSpace& space, Value seq, std::int64_t limit, std::vector<Ref>& items)
{
    if (isExactList(space, seq) || isTuple(space, seq)) {
        const bool list = isExactList(space, seq);
        const std::int64_t n = list ? asList(seq)->m_size : asTuple(seq)->m_size;
        const Value* src = list ? asList(seq)->m_items : asTuple(seq)->items();
        const std::int64_t take = limit >= 0 && n > limit + 1 ? limit + 1 : n;
        items.reserve(std::size_t(take));
        for (std::int64_t i = 0; i < take; ++i) items.push_back(Ref::borrow(src[i]));
        return true;
    }
    Ref it = getIter(space, seq);
    if (!it) {
        if (space.errorMatches(space.types().TypeError)) {
            space.clearError();
            std::string msg = "cannot unpack non-iterable ";
            msg += typeName(space, seq);
            msg += " object";
            space.raise(space.types().TypeError, msg);
        }
        return false;
    }
    for (;;) {
        if (limit >= 0 && std::int64_t(items.size()) > limit) return true;
        Ref item = iterNext(space, it.get());
        if (!item) return !space.hasError();
        items.push_back(std::move(item));
    }
}

} // namespace

bool Interp::unpackSequence(Vm& vm, Value seq, std::uint32_t n, Value* out)
{
    ObjectSpace& space = vm.space();
    std::vector<Ref> items;
    if (!collectItems(space, seq, n, items)) return false;
    if (items.size() < n) {
        space.raise(space.types().ValueError, "not enough values to unpack (expected " + std::to_string(n) +
                                                  ", got " + std::to_string(items.size()) + ")");
        return false;
    }
    if (items.size() > n) {
        space.raise(space.types().ValueError, "too many values to unpack (expected " + std::to_string(n) + ")");
        return false;
    }
    for (std::uint32_t i = 0; i < n; ++i) out[n - 1 - i] = items[i].release();
    return true;
}

bool Interp::unpackEx(Vm& vm, Value seq, std::uint32_t before, std::uint32_t after, Value* out)
{
    ObjectSpace& space = vm.space();
    std::vector<Ref> items;
    if (!collectItems(space, seq, -1, items)) return false;
    if (items.size() < before + after) {
        space.raise(space.types().ValueError, "not enough values to unpack (expected at least " +
                                                  std::to_string(before + after) + ", got " +
                                                  std::to_string(items.size()) + ")");
        return false;
    }
    const std::size_t middle = items.size() - before - after;
    Ref list = newList(space, std::int64_t(middle));
    if (!list) return false;
    for (std::size_t i = 0; i < middle; ++i) {
        if (!listAppend(space, list.as<ListObject>(), items[before + i].get())) return false;
    }
    // Bottom to top: the `after` items last-first, the list, the `before` items last-first.
    std::size_t k = 0;
    for (std::size_t i = 0; i < after; ++i) out[k++] = items[items.size() - 1 - i].release();
    out[k++] = list.release();
    for (std::size_t i = 0; i < before; ++i) out[k++] = items[before - 1 - i].release();
    return true;
}

namespace {

/// CPython's _PyObject_FunctionStr: "module.qualname()" ("qualname()" for
/// builtins), or str(callable).
std::string functionStr(ObjectSpace& space, Value callable)
{
    Ref qn = getAttrOptional(space, callable, space.intern("__qualname__"));
    if (qn && isStr(space, qn.get())) {
        std::string text(strView(qn.get()));
        Ref module = getAttrOptional(space, callable, space.intern("__module__"));
        if (module && isStr(space, module.get()) && strView(module.get()) != "builtins")
            text = std::string(strView(module.get())) + "." + text;
        space.clearError();
        return text + "()";
    }
    space.clearError();
    std::string text;
    if (strString(space, callable, text)) return text;
    space.clearError();
    return "function";
}

} // namespace

bool Interp::dictMerge(Vm& vm, Value dict, Value other, Value callable)
{
    ObjectSpace& space = vm.space();
    DictObject* d = asDict(dict);
    Ref keys;
    if (isDict(space, other)) {
        std::int64_t pos = 0;
        Value k, v;
        DictObject* o = asDict(other);
        while (dictNext(o, pos, k, v)) {
            if (!isStr(space, k)) {
                space.raise(space.types().TypeError, functionStr(space, callable) + " keywords must be strings");
                return false;
            }
            const int has = dictContains(space, d, k);
            if (has < 0) return false;
            if (has) {
                space.raise(space.types().TypeError, functionStr(space, callable) +
                                                         " got multiple values for keyword argument '" +
                                                         std::string(strView(k)) + "'");
                return false;
            }
            if (!dictSet(space, d, k, v)) return false;
        }
        return true;
    }
    Ref keysMethod = getAttrOptional(space, other, space.intern("keys"));
    if (!keysMethod) {
        if (!space.hasError())
            space.raise(space.types().TypeError, functionStr(space, callable) +
                                                     " argument after ** must be a mapping, not " +
                                                     std::string(typeName(space, other)));
        return false;
    }
    Ref ks = callFunction(space, keysMethod.get(), {});
    if (!ks) return false;
    return forEach(space, ks.get(), [&](Value k) {
        if (!isStr(space, k)) {
            space.raise(space.types().TypeError, functionStr(space, callable) + " keywords must be strings");
            return false;
        }
        const int has = dictContains(space, d, k);
        if (has < 0) return false;
        if (has) {
            space.raise(space.types().TypeError, functionStr(space, callable) +
                                                     " got multiple values for keyword argument '" +
                                                     std::string(strView(k)) + "'");
            return false;
        }
        Ref v = getItem(space, other, k);
        return v && dictSet(space, d, k, v.get());
    });
}

bool Interp::dictUpdate(Vm& vm, Value dict, Value other)
{
    ObjectSpace& space = vm.space();
    if (!isDict(space, other)) {
        Ref keysMethod = getAttrOptional(space, other, space.intern("keys"));
        if (!keysMethod) {
            if (!space.hasError()) {
                std::string msg = "'";
                msg += typeName(space, other);
                msg += "' object is not a mapping";
                space.raise(space.types().TypeError, msg);
            }
            return false;
        }
    }
    return pylite::dictUpdate(space, asDict(dict), other);
}

bool Interp::listExtend(Vm& vm, Value list, Value iterable)
{
    ObjectSpace& space = vm.space();
    if (pylite::listExtend(space, asList(list), iterable)) return true;
    if (space.errorMatches(space.types().TypeError)) {
        TypeObject* t = space.typeOf(iterable);
        if (!t->m_slots.iter && !t->m_slots.getItem) {
            space.clearError();
            std::string msg = "Value after * must be an iterable, not ";
            msg += typeName(space, iterable);
            space.raise(space.types().TypeError, msg);
        }
    }
    return false;
}

Ref Interp::makeFunction(Vm& vm, Frame* f, std::uint32_t flags, Value* operands, Value code)
{
    Ref fn = newFunctionObject(vm, code, Value::fromObject(f->m_globals), Value());
    if (!fn) return fn;
    FunctionObject* func = asFunction(fn.get());
    int i = 0;
    if (flags & std::uint32_t(MakeFunctionFlag::Defaults)) assignField(func->m_defaults, operands[i++]);
    if (flags & std::uint32_t(MakeFunctionFlag::KwDefaults)) assignField(func->m_kwDefaults, operands[i++]);
    if (flags & std::uint32_t(MakeFunctionFlag::Closure)) assignField(func->m_closure, operands[i++]);
    return fn;
}

// ------------------------------------------------------------- operators

Ref Interp::binaryOp(Vm& vm, std::uint32_t arg, Value a, Value b)
{
    const NumOp op = NumOp(arg & ~kInplaceFlag);
    if (arg & kInplaceFlag) return inplaceOp(vm.space(), op, a, b);
    return pylite::binaryOp(vm.space(), op, a, b);
}

Ref Interp::compareOp(Vm& vm, std::uint32_t arg, Value a, Value b)
{
    return richCompare(vm.space(), a, b, CompareOp(arg));
}

// ----------------------------------------------------------------- calls

Ref Interp::callGeneric(Vm& vm, Value callable, Value* args, std::size_t n, Value kwnames)
{
    ObjectSpace& space = vm.space();
    if (callable.isObject() && callable.object()->m_type == vm.vmTypes().function.get())
        return vm.callFunction(asFunction(callable), args, n, kwnames);
    if (n > 0 && !kwnames && callable.isObject() && callable.object()->m_type == space.types().methodDescriptorType) {
        // obj.method(...) after LOAD_METHOD, for a built-in method of obj's
        // exact type: what mdCall does once its self check has passed.
        auto* md = static_cast<MethodDescriptorObject*>(callable.object());
        if (md->m_kind == MethodKind::Method && space.typeOf(args[0]) == md->m_owner)
            return md->m_fn(space, args[0], CallArgs(args + 1, n - 1));
    }
    if (n == 0 && callable == Value::fromObject(space.types().superType)) {
        Value type, obj;
        if (!vm.superArguments(type, obj)) return Ref();
        Value pair[2] = {type, obj};
        return call(space, callable, CallArgs(pair, 2));
    }
    const std::size_t nkw = kwnames ? std::size_t(asTuple(kwnames)->m_size) : 0;
    return call(space, callable,
                CallArgs(args, n - nkw, kwnames ? static_cast<TupleObject*>(kwnames.object()) : nullptr));
}

bool Interp::flattenCallEx(Vm& vm, Value callable, Value args, Value kwargs, std::vector<Value>& flat,
                           Ref& kwnames, Ref& argsTuple)
{
    ObjectSpace& space = vm.space();
    if (!isTuple(space, args)) {
        // `f(*x)`: the one starred argument arrives as is.
        argsTuple = tupleFromIterable(space, args);
        if (!argsTuple) {
            TypeObject* t = space.typeOf(args);
            if (space.errorMatches(space.types().TypeError) && !t->m_slots.iter && !t->m_slots.getItem) {
                space.clearError();
                std::string msg = functionStr(space, callable) + " argument after * must be an iterable, not ";
                msg += typeName(space, args);
                space.raise(space.types().TypeError, msg);
            }
            return false;
        }
        args = argsTuple.get();
    }
    TupleObject* t = asTuple(args);
    flat.assign(t->items(), t->items() + t->m_size);
    if (!kwargs) return true;
    DictObject* d = asDict(kwargs);
    if (d->m_used == 0) return true;
    Ref names = newTuple(space, d->m_used);
    if (!names) return false;
    std::int64_t pos = 0;
    std::int64_t i = 0;
    Value k, v;
    while (dictNext(d, pos, k, v)) {
        if (!isStr(space, k)) {
            space.raise(space.types().TypeError, functionStr(space, callable) + " keywords must be strings");
            return false;
        }
        incref(k);
        names.as<TupleObject>()->items()[i++] = k;
        flat.push_back(v);
    }
    kwnames = std::move(names);
    return true;
}

// ------------------------------------------------------------ exceptions

void Interp::doRaise(Vm& vm, Value exc, Value cause)
{
    ObjectSpace& space = vm.space();
    Ref inst;
    if (isExceptionType(space, exc)) {
        inst = call(space, exc, CallArgs());
        if (!inst) return;
        if (!isException(space, inst.get())) {
            std::string msg = "calling ";
            std::string r;
            if (reprString(space, exc, r)) msg += r;
            msg += " should have returned an instance of BaseException, not ";
            msg += typeName(space, inst.get());
            space.raise(space.types().TypeError, msg);
            return;
        }
    } else if (isException(space, exc)) {
        inst = Ref::borrow(exc);
    } else {
        space.raise(space.types().TypeError, "exceptions must derive from BaseException");
        return;
    }
    if (cause) {
        Ref c;
        if (isExceptionType(space, cause)) {
            c = call(space, cause, CallArgs());
            if (!c) return;
        } else if (isException(space, cause)) {
            c = Ref::borrow(cause);
        } else if (cause.isNone()) {
            c = Ref::none();
        } else {
            space.raise(space.types().TypeError, "exception causes must derive from BaseException");
            return;
        }
        setExceptionCause(inst.get(), c.get());
    }
    space.raise(std::move(inst));
}

bool Interp::reraiseHandled(Vm& vm)
{
    Value exc = vm.handledException();
    if (!exc) {
        vm.space().raise(vm.space().types().RuntimeError, "No active exception to reraise");
        return false;
    }
    vm.space().restoreError(Ref::borrow(exc));
    return true;
}

int Interp::checkExcMatch(Vm& vm, Value exc, Value type)
{
    ObjectSpace& space = vm.space();
    auto valid = [&](Value t) { return isExceptionType(space, t); };
    if (isTuple(space, type)) {
        TupleObject* t = asTuple(type);
        for (std::int64_t i = 0; i < t->m_size; ++i) {
            if (!valid(t->items()[i])) {
                space.raise(space.types().TypeError,
                            "catching classes that do not inherit from BaseException is not allowed");
                return -1;
            }
        }
    } else if (!valid(type)) {
        space.raise(space.types().TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return isInstance(space, exc, type);
}

void Interp::setHandled(Vm& vm, Value exc) { vm.space().setHandledException(exc); }

void Interp::refreshHandled(Vm& vm) { vm.space().setHandledException(vm.handledException()); }

// ------------------------------------------------------------ with/async

bool Interp::beforeWith(Vm& vm, Value mgr, bool isAsync, Ref& exit, Ref& result)
{
    ObjectSpace& space = vm.space();
    Ref enter = lookupSpecial(vm, mgr, isAsync ? "__aenter__" : "__enter__");
    if (!enter) {
        if (!space.hasError()) {
            std::string msg = "'";
            msg += typeName(space, mgr);
            msg += isAsync ? "' object does not support the asynchronous context manager protocol"
                           : "' object does not support the context manager protocol";
            space.raise(space.types().TypeError, msg);
        }
        return false;
    }
    exit = lookupSpecial(vm, mgr, isAsync ? "__aexit__" : "__exit__");
    if (!exit) {
        if (!space.hasError()) {
            std::string msg = "'";
            msg += typeName(space, mgr);
            msg += isAsync ? "' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
                           : "' object does not support the context manager protocol (missed __exit__ method)";
            space.raise(space.types().TypeError, msg);
        }
        return false;
    }
    result = callFunction(space, enter.get(), {});
    return static_cast<bool>(result);
}

Ref Interp::withExit(Vm& vm, Value exit)
{
    return callFunction(vm.space(), exit, {Value::none(), Value::none(), Value::none()});
}

Ref Interp::withExceptStart(Vm& vm, Value exit, Value exc)
{
    ObjectSpace& space = vm.space();
    Value tb = asException(exc)->m_traceback;
    return callFunction(space, exit, {Value::fromObject(space.typeOf(exc)), exc, tb ? tb : Value::none()});
}

Ref Interp::getIter(Vm& vm, Value obj) { return pylite::getIter(vm.space(), obj); }

Ref Interp::getYieldFromIter(Vm& vm, Frame* f, Value obj)
{
    ObjectSpace& space = vm.space();
    TypeObject* t = space.typeOf(obj);
    if (t == vm.vmTypes().coroutine.get()) {
        if (!f->m_code->has(CodeFlag::Coroutine))
            return space.raise(space.types().TypeError,
                               "cannot 'yield from' a coroutine object in a non-coroutine generator");
        return Ref::borrow(obj);
    }
    if (t == vm.vmTypes().generator.get()) return Ref::borrow(obj);
    return pylite::getIter(space, obj);
}

Ref Interp::getAwaitable(Vm& vm, Value obj, std::uint32_t where)
{
    ObjectSpace& space = vm.space();
    TypeObject* t = space.typeOf(obj);
    VmTypes& types = vm.vmTypes();
    if (t == types.coroutine.get()) {
        GeneratorObject* gen = asGenerator(obj);
        if (gen->m_state == GenState::Suspended) {
            const Frame* f = gen->frame();
            const CodeWord w = f->m_ip[-1];
            if (opcodeOf(w) == Opcode::YIELD_VALUE && (argOf(w) & kYieldFromFlag))
                return space.raise(space.types().RuntimeError, "coroutine is being awaited already");
        }
        return Ref::borrow(obj);
    }
    Ref res;
    Value descr = lookupInMro(space, t, "__await__");
    if (descr && space.typeOf(descr) == space.types().methodDescriptorType) {
        auto* md = static_cast<MethodDescriptorObject*>(descr.object());
        // A built-in __await__ (asyncio's futures and sleeps): called
        // directly, as binding then calling it would.
        if (md->m_kind == MethodKind::Method && space.isInstance(obj, md->m_owner)) {
            res = md->m_fn(space, obj, CallArgs());
            if (!res) return Ref();
        }
    }
    if (!res) {
        Ref getter = lookupSpecial(vm, obj, "__await__");
        if (!getter) {
            if (space.hasError()) return Ref();
            std::string type(typeName(space, obj));
            std::string msg =
                where == 1   ? "'async with' received an object from __aenter__ that does not implement __await__: " + type
                : where == 2 ? "'async with' received an object from __aexit__ that does not implement __await__: " + type
                             : "object " + type + " can't be used in 'await' expression";
            return space.raise(space.types().TypeError, msg);
        }
        res = callFunction(space, getter.get(), {});
        if (!res) return Ref();
    }
    TypeObject* rt = space.typeOf(res.get());
    if (rt == types.coroutine.get()) return space.raise(space.types().TypeError, "__await__() returned a coroutine");
    if (!rt->m_slots.next) {
        std::string msg = "__await__() returned non-iterator of type '";
        msg += typeName(space, res.get());
        msg += "'";
        return space.raise(space.types().TypeError, msg);
    }
    return res;
}

Ref Interp::getAIter(Vm& vm, Value obj)
{
    ObjectSpace& space = vm.space();
    Ref m = lookupSpecial(vm, obj, "__aiter__");
    if (!m) {
        if (space.hasError()) return Ref();
        std::string msg = "'async for' requires an object with __aiter__ method, got ";
        msg += typeName(space, obj);
        return space.raise(space.types().TypeError, msg);
    }
    Ref it = callFunction(space, m.get(), {});
    if (!it) return Ref();
    if (!lookupInMro(space, space.typeOf(it.get()), "__anext__")) {
        std::string msg = "'async for' received an object from __aiter__ that does not implement __anext__: ";
        msg += typeName(space, it.get());
        return space.raise(space.types().TypeError, msg);
    }
    return it;
}

Ref Interp::getANext(Vm& vm, Value aiter)
{
    ObjectSpace& space = vm.space();
    Ref m = lookupSpecial(vm, aiter, "__anext__");
    if (!m) {
        if (space.hasError()) return Ref();
        std::string msg = "'async for' requires an iterator with __anext__ method, got ";
        msg += typeName(space, aiter);
        return space.raise(space.types().TypeError, msg);
    }
    Ref next = callFunction(space, m.get(), {});
    if (!next) return Ref();
    TypeObject* t = space.typeOf(next.get());
    if (t == vm.vmTypes().coroutine.get() || t->m_slots.next) return next;
    Ref aw = getAwaitable(vm, next.get(), 0);
    if (!aw) {
        if (space.errorMatches(space.types().TypeError)) {
            space.clearError();
            std::string msg = "'async for' received an invalid object from __anext__: ";
            msg += typeName(space, next.get());
            space.raise(space.types().TypeError, msg);
        }
        return Ref();
    }
    return aw;
}

Ref Interp::sendGeneric(Vm& vm, Value receiver, Value value, bool& done)
{
    ObjectSpace& space = vm.space();
    done = false;
    TypeObject* t = space.typeOf(receiver);
    Ref r;
    if (value.isNone() && t->m_slots.next) {
        r = t->m_slots.next(space, receiver);
        if (r) return r;
        if (!space.hasError()) {
            done = true;
            return Ref::none();
        }
    } else if (t == vm.vmTypes().generator.get() || t == vm.vmTypes().coroutine.get()) {
        r = vm.genSend(receiver, value);
        if (r) return r;
    } else {
        Ref send = getAttr(space, receiver, space.intern("send"));
        if (!send) return Ref();
        r = callFunction(space, send.get(), {value});
        if (r) return r;
    }
    if (space.errorMatches(space.types().StopIteration)) {
        Ref exc = space.takeError();
        done = true;
        return Ref::borrow(exceptionField(exc.get(), ExcField::StopIterationValue));
    }
    return Ref();
}

// --------------------------------------------------------------- imports

Ref Interp::importName(Vm& vm, Frame*, StrObject* name, bool topLevel)
{
    ObjectSpace& space = vm.space();
    std::string_view n = name->view();
    if (!n.empty() && n[0] == '.')
        return space.raise(space.types().ImportError, "attempted relative import with no known parent package");
    Ref m = vm.importModule(n);
    if (!m) return m;
    if (topLevel) {
        const std::size_t dot = n.find('.');
        if (dot != std::string_view::npos) return vm.importModule(n.substr(0, dot));
    }
    return m;
}

Ref Interp::importFrom(Vm& vm, Value module, StrObject* name)
{
    ObjectSpace& space = vm.space();
    Ref v = getAttrOptional(space, module, name);
    if (v || space.hasError()) return v;
    std::string moduleName = "?";
    Ref mn = getAttrOptional(space, module, space.intern("__name__"));
    if (mn && isStr(space, mn.get())) moduleName = std::string(strView(mn.get()));
    space.clearError();
    std::string msg = "cannot import name '" + std::string(name->view()) + "' from '" + moduleName +
                      "' (unknown location)";
    return space.raise(space.types().ImportError, msg);
}

bool Interp::importStar(Vm& vm, Frame* f, Value module)
{
    ObjectSpace& space = vm.space();
    DictObject* from = moduleDict(module);
    DictObject* to = f->m_locals ? asDict(f->m_locals) : f->m_globals;
    std::int64_t pos = 0;
    Value k, v;
    while (dictNext(from, pos, k, v)) {
        if (!isStr(space, k) || strView(k).substr(0, 1) == "_") continue;
        if (!dictSet(space, to, k, v)) return false;
    }
    return true;
}

bool Interp::setupAnnotations(Vm& vm, Frame* f)
{
    ObjectSpace& space = vm.space();
    DictObject* d = f->m_locals ? asDict(f->m_locals) : f->m_globals;
    Value existing = dictGetStr(space, d, "__annotations__");
    if (existing) return true;
    Ref ann = newDict(space);
    return ann && dictSetStr(space, d, "__annotations__", ann.get());
}

bool Interp::storeAnnotation(Vm& vm, Frame* f, StrObject* name, Value v)
{
    ObjectSpace& space = vm.space();
    DictObject* d = f->m_locals ? asDict(f->m_locals) : f->m_globals;
    Value ann = dictGetStr(space, d, "__annotations__");
    if (!ann) {
        space.raise(space.types().NameError, "__annotations__ not found");
        return false;
    }
    return setItem(space, ann, Value::fromObject(name), v);
}

} // namespace coroscope::pylite
