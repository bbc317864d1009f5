#include "core/script/value/ObjectSpace.h"

#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Interpreter.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"
#include "core/script/value/detail/Check.h"

#include <cstdio>
#include <cstring>
#include <limits>

namespace coroscope::pylite {

ObjectSpace::ObjectSpace() : m_heap(*this) { bootstrap(); }

ObjectSpace::~ObjectSpace() { teardown(); }

std::uint64_t ObjectSpace::displayAddress(const void* p) const
{
    constexpr std::uint64_t kShownBase = 0x7f3c00000000ull;
    // Small blocks live in the heap's slab reservation, shown 4 GiB above at
    // twice their offset: 8-byte aligned blocks then print 16-byte aligned,
    // as CPython's objects do.
    constexpr std::uint64_t kShownSlab = 0x100000000ull;
    if (std::uint64_t at; m_heap.slabOffset(p, at)) return kShownBase + kShownSlab + 2 * at;
    const auto base = reinterpret_cast<std::uintptr_t>(m_types.typeType);
    return kShownBase + (std::uint64_t(reinterpret_cast<std::uintptr_t>(p)) - std::uint64_t(base));
}

std::string ObjectSpace::addressText(const void* p) const
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(displayAddress(p)));
    return buf;
}

TypeObject* ObjectSpace::allocType(std::string_view name, TypeObject* base, std::uint32_t basicSize, std::uint32_t flags)
{
    // The very first type (`type` itself) is allocated through a stand-in
    // metatype that has the same layout flags.
    TypeObject standIn{};
    standIn.m_flags = std::uint32_t(TypeFlag::Gc);
    standIn.m_basicSize = sizeof(TypeObject);
    standIn.m_space = this;
    TypeObject* meta = m_types.typeType ? m_types.typeType : &standIn;
    const std::size_t budget = m_heap.budget();
    m_heap.setBudget(std::numeric_limits<std::size_t>::max());
    auto* t = m_heap.alloc<TypeObject>(meta);
    m_heap.setBudget(budget);
    PYLITE_CHECK(t != nullptr, name, "type allocation");
    if (!m_types.typeType) t->m_type = t;
    m_heap.untrack(t);
    Heap::makeImmortal(t);
    t->m_space = this;
    t->m_base = base;
    if (base) {
        t->m_slots = base->m_slots;
        t->m_dictOffset = base->m_dictOffset;
        flags |= base->m_flags & (std::uint32_t(TypeFlag::ExceptionType) | std::uint32_t(TypeFlag::TypeType));
    }
    t->m_flags = flags;
    t->m_basicSize = basicSize;
    m_builtinTypeList.push_back(t);
    return t;
}

TypeObject* ObjectSpace::createBuiltinType(TypeObject* BuiltinTypes::*member, std::string_view name, TypeObject* base,
                                           std::uint32_t basicSize, std::uint32_t flags)
{
    TypeObject* t = allocType(name, base, basicSize, flags);
    m_types.*member = t;
    m_pendingNames.emplace_back(t, std::string(name));
    return t;
}

TypeObject* ObjectSpace::addNativeType(std::string_view name, TypeObject* base, std::uint32_t basicSize, std::uint32_t flags)
{
    if (!base) base = m_types.objectType;
    TypeObject* t = allocType(name, base, basicSize, flags);
    t->m_name = intern(name);
    increfObject(t->m_name);
    t->m_qualname = t->m_name;
    increfObject(t->m_qualname);
    Ref dict = newDict(*this);
    PYLITE_CHECK(dict, name, "type dict");
    t->m_dict = dict.as<DictObject>();
    dict.release();
    const std::int64_t depth = base->m_mro->m_size + 1;
    Ref mro = newTuple(*this, depth);
    PYLITE_CHECK(mro, name, "type mro");
    mro.as<TupleObject>()->items()[0] = Value::fromObject(t);
    increfObject(t);
    for (std::int64_t i = 1; i < depth; ++i) {
        Value b = base->m_mro->item(i - 1);
        incref(b);
        mro.as<TupleObject>()->items()[i] = b;
    }
    t->m_mro = mro.as<TupleObject>();
    mro.release();
    return t;
}

void ObjectSpace::bootstrap()
{
    using namespace detail;
    createTypeAndObjectTypes(*this);
    createNumberTypes(*this);
    createStrType(*this);
    createBytesType(*this);
    createTupleType(*this);
    createListType(*this);
    createDictTypes(*this);
    createSetTypes(*this);
    createRangeTypes(*this);
    createIteratorTypes(*this);
    createFunctionTypes(*this);
    createExceptionTypes(*this);

    m_constantTypes[std::size_t(Value::Constant::None)] = m_types.noneType;
    m_constantTypes[std::size_t(Value::Constant::False)] = m_types.boolType;
    m_constantTypes[std::size_t(Value::Constant::True)] = m_types.boolType;
    m_constantTypes[std::size_t(Value::Constant::NotImplemented)] = m_types.notImplementedType;
    m_constantTypes[std::size_t(Value::Constant::Unbound)] = m_types.objectType;

    // Phase 2: names, dicts and MROs.
    {
        const char* texts[] = {
#define PYLITE_NAME_TEXT(id, text) text,
            PYLITE_NAMES(PYLITE_NAME_TEXT)
#undef PYLITE_NAME_TEXT
        };
        for (std::size_t i = 0; i < std::size_t(Name::Count_); ++i) m_names[i] = intern(texts[i]);
    }
    for (auto& [type, name] : m_pendingNames) {
        type->m_name = intern(name);
        increfObject(type->m_name);
        type->m_qualname = type->m_name;
        increfObject(type->m_qualname);
        Ref dict = newDict(*this);
        PYLITE_CHECK(dict, name, "type dict");
        type->m_dict = dict.as<DictObject>();
        dict.release();
    }
    m_pendingNames.clear();
    Ref empty = newTuple(*this, 0);
    m_emptyTuple = empty.release();
    for (TypeObject* type : m_builtinTypeList) {
        if (type->m_mro) continue; // set by the type's module (ExceptionGroup)
        std::int64_t depth = 0;
        for (TypeObject* t = type; t; t = t->m_base) ++depth;
        Ref mro = newTuple(*this, depth);
        std::int64_t i = 0;
        for (TypeObject* t = type; t; t = t->m_base) {
            increfObject(t);
            mro.as<TupleObject>()->items()[i++] = Value::fromObject(t);
        }
        type->m_mro = mro.as<TupleObject>();
        mro.release();
    }

    // Phase 3: methods.
    addTypeAndObjectMethods(*this);
    addNumberMethods(*this);
    addStrMethods(*this);
    addBytesMethods(*this);
    addTupleMethods(*this);
    addListMethods(*this);
    addDictMethods(*this);
    addSetMethods(*this);
    addRangeMethods(*this);
    addFunctionMethods(*this);
    addExceptionMethods(*this);
    for (TypeObject* type : m_builtinTypeList) addSlotWrappers(*this, type);

    m_emptyStr = newStr(*this, "").release();
    for (unsigned c = 0; c < 256; ++c) m_latin1[c] = newStrFromCodePoint(*this, char32_t(c)).release();
    Object* ellipsis = m_heap.allocObject(m_types.ellipsisType, sizeof(Object));
    Heap::makeImmortal(ellipsis);
    m_ellipsis = Value::fromObject(ellipsis);
}

void ObjectSpace::teardown()
{
    clearError();
    for (Value& v : m_latin1) clearField(v);
    clearField(m_emptyStr);
    clearField(m_emptyTuple);
    for (InternCacheEntry& e : m_internCache) e = InternCacheEntry();
    for (auto& [text, s] : m_interned) decrefObject(s);
    m_interned.clear();
    m_interpreter = nullptr;
    m_heap.collect();
    clearError();
    m_heap.clearAllTracked();
    clearError();
    for (TypeObject* t : m_builtinTypeList) {
        Object* dict = t->m_dict;
        Object* mro = t->m_mro;
        Object* name = t->m_name;
        Object* qualname = t->m_qualname;
        t->m_dict = nullptr;
        t->m_mro = nullptr;
        t->m_name = t->m_qualname = nullptr;
        xdecrefObject(dict);
        xdecrefObject(mro);
        xdecrefObject(name);
        xdecrefObject(qualname);
    }
    clearError();
    m_heap.freeImmortal(m_ellipsis.object());
    for (auto it = m_builtinTypeList.rbegin(); it != m_builtinTypeList.rend(); ++it) {
        TypeObject* t = *it;
        m_heap.freeBuffer(t->m_subclasses, sizeof(TypeObject*) * t->m_subclassCapacity);
        t->m_subclasses = nullptr;
        m_heap.freeImmortal(t);
    }
    m_builtinTypeList.clear();
}

// --- errors ---------------------------------------------------------------

Ref ObjectSpace::takeError()
{
    Value e = m_error;
    m_error = Value();
    return Ref::steal(e);
}

void ObjectSpace::clearError() { clearField(m_error); }

void ObjectSpace::restoreError(Ref exc)
{
    Value old = m_error;
    m_error = exc.release();
    decref(old);
}

void ObjectSpace::raise(Ref exc)
{
    Value value = exc.get();
    Value handled = m_handled;
    if (handled && !handled.isNone() && handled != value && isException(*this, value)) {
        // Break a cycle the new context would create (CPython does the same,
        // with Floyd's algorithm for pre-existing cycles).
        Value o = handled;
        Value slow = o;
        bool toggle = false;
        for (;;) {
            Value context = asException(o)->m_context;
            if (!context) break;
            if (context == value) {
                setExceptionContext(o, Value());
                break;
            }
            o = context;
            if (o == slow) break;
            if (toggle) slow = asException(slow)->m_context;
            toggle = !toggle;
        }
        setExceptionContext(value, handled);
    }
    restoreError(std::move(exc));
}

Ref ObjectSpace::raise(TypeObject* type, std::string_view message)
{
    Ref exc = newExceptionWithMessage(*this, type, message);
    if (exc) raise(std::move(exc));
    return Ref();
}

Ref ObjectSpace::raiseWith(TypeObject* type, Value arg)
{
    Ref args = newTupleOf(*this, {arg});
    if (!args) return Ref();
    Ref exc = newException(*this, type, args.get());
    if (exc) raise(std::move(exc));
    return Ref();
}

Ref ObjectSpace::raiseEmpty(TypeObject* type)
{
    Ref exc = newException(*this, type, m_emptyTuple);
    if (exc) raise(std::move(exc));
    return Ref();
}

Ref ObjectSpace::raiseMemoryError()
{
    if (m_raisingMemoryError) return Ref();
    m_raisingMemoryError = true;
    const std::size_t budget = m_heap.budget();
    m_heap.setBudget(std::numeric_limits<std::size_t>::max());
    Ref exc = newException(*this, m_types.MemoryError, m_emptyTuple);
    m_heap.setBudget(budget);
    m_raisingMemoryError = false;
    if (exc) raise(std::move(exc));
    return Ref();
}

bool ObjectSpace::errorMatches(const TypeObject* type) const
{
    return m_error && typeOf(m_error)->isSubtypeOf(type);
}

bool ObjectSpace::enterRecursion(std::string_view where)
{
    if (m_recursionDepth >= m_recursionLimit) {
        std::string msg = "maximum recursion depth exceeded";
        msg += where;
        raise(m_types.RecursionError, msg);
        return false;
    }
    ++m_recursionDepth;
    return true;
}

bool ObjectSpace::reprEnter(Object* o)
{
    for (Object* p : m_reprStack)
        if (p == o) return true;
    m_reprStack.push_back(o);
    return false;
}

void ObjectSpace::reprLeave(Object* o)
{
    for (auto it = m_reprStack.rbegin(); it != m_reprStack.rend(); ++it) {
        if (*it == o) {
            m_reprStack.erase(std::next(it).base());
            return;
        }
    }
}

StrObject* ObjectSpace::intern(std::string_view s)
{
    InternCacheEntry& slot =
        m_internCache[((std::uintptr_t(s.data()) >> 3) ^ (s.size() * 0x9e37u)) & (kInternCacheSize - 1)];
    if (slot.text == s.data() && slot.size == s.size() && std::memcmp(slot.str->data(), s.data(), s.size()) == 0)
        return slot.str;
    auto it = m_interned.find(s);
    if (it != m_interned.end()) {
        slot = {s.data(), s.size(), it->second};
        return it->second;
    }
    const std::size_t budget = m_heap.budget();
    m_heap.setBudget(std::numeric_limits<std::size_t>::max());
    Ref str = newStr(*this, s);
    m_heap.setBudget(budget);
    PYLITE_CHECK(str, s, "intern allocation");
    auto* obj = str.as<StrObject>();
    m_interned.emplace(std::string(s), obj);
    str.release();
    slot = {s.data(), s.size(), obj};
    return obj;
}

void ObjectSpace::writeUnraisable(Ref exc, Value where)
{
    if (m_interpreter) {
        m_interpreter->writeUnraisable(exc.get(), where);
        return;
    }
    m_unraisableLog += "Exception ignored in: ";
    std::string text;
    if (where && reprString(*this, where, text)) m_unraisableLog += text;
    clearError();
    m_unraisableLog += "\n";
    m_unraisableLog += formatExceptionOnly(*this, exc.get());
    m_unraisableLog += "\n";
}

} // namespace coroscope::pylite
