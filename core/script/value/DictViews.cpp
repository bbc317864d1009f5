// dict methods, and the dict_keys / dict_values / dict_items views.

#include "core/script/value/Args.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Iterators.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Set.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"

namespace coroscope::pylite {

namespace detail {
void addDictTypeSlots(TypeObject* t);
}

Ref newDictView(ObjectSpace& space, TypeObject* type, Value dict)
{
    auto* v = space.heap().alloc<DictViewObject>(type);
    if (!v) return Ref();
    incref(dict);
    v->m_dict = dict;
    return Ref::steal(v);
}

namespace {

// --- methods ----------------------------------------------------------------

Ref dictKeys(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "dict.keys")) return Ref();
    return newDictView(space, space.types().dictKeysType, self);
}
Ref dictValues(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "dict.values")) return Ref();
    return newDictView(space, space.types().dictValuesType, self);
}
Ref dictItems(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "dict.items")) return Ref();
    return newDictView(space, space.types().dictItemsType, self);
}

Ref dictGetMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"get", {"key", "default"}, 1, 2, std::size_t(-1), ArgStyle::Checked}, a)) return Ref();
    Value v = dictGet(space, asDict(self), a[0]);
    if (v) return Ref::borrow(v);
    if (space.hasError()) return Ref();
    return Ref::borrow(a[1] ? a[1] : Value::none());
}

Ref dictSetDefault(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"setdefault", {"key", "default"}, 1, 2, std::size_t(-1), ArgStyle::Checked}, a))
        return Ref();
    DictObject* d = asDict(self);
    Value v = dictGet(space, d, a[0]);
    if (v) return Ref::borrow(v);
    if (space.hasError()) return Ref();
    Value def = a[1] ? a[1] : Value::none();
    if (!dictSet(space, d, a[0], def)) return Ref();
    return Ref::borrow(def);
}

Ref dictPop(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"pop", {"key", "default"}, 1, 2, std::size_t(-1), ArgStyle::Checked}, a)) return Ref();
    DictObject* d = asDict(self);
    Value v = dictGet(space, d, a[0]);
    if (!v) {
        if (space.hasError()) return Ref();
        if (a[1]) return Ref::borrow(a[1]);
        return space.raiseWith(space.types().KeyError, a[0]);
    }
    Ref result = Ref::borrow(v);
    if (dictDelete(space, d, a[0]) < 0) return Ref();
    return result;
}

Ref dictPopItem(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "dict.popitem")) return Ref();
    DictObject* d = asDict(self);
    if (d->m_used == 0) {
        Ref msg = newStr(space, "popitem(): dictionary is empty");
        if (!msg) return Ref();
        return space.raiseWith(space.types().KeyError, msg.get());
    }
    std::int64_t pos = d->m_entryCount - 1;
    while (!d->m_entries[pos].m_key) --pos;
    Ref k = Ref::borrow(d->m_entries[pos].m_key);
    Ref v = Ref::borrow(d->m_entries[pos].m_value);
    Ref pair = newTupleOf(space, {k.get(), v.get()});
    if (!pair) return Ref();
    if (dictDelete(space, d, k.get()) < 0) return Ref();
    // LIFO order relies on the popped entry being the last; drop the tail.
    while (d->m_entryCount > 0 && !d->m_entries[d->m_entryCount - 1].m_key) --d->m_entryCount;
    return pair;
}

Ref dictUpdateMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.positional > 1)
        return space.raise(space.types().TypeError, "update expected at most 1 argument, got " + std::to_string(args.positional));
    DictObject* d = asDict(self);
    if (args.positional == 1 && !dictUpdate(space, d, args[0])) return Ref();
    if (!dictAddKeywords(space, d, args)) return Ref();
    return Ref::none();
}

Ref dictCopyMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "dict.copy")) return Ref();
    return dictCopy(space, asDict(self));
}

Ref dictClearMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "dict.clear")) return Ref();
    dictClear(space, asDict(self));
    return Ref::none();
}

Ref dictFromKeys(ObjectSpace& space, Value cls, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"fromkeys", {"iterable", "value"}, 1, 2, std::size_t(-1), ArgStyle::Checked}, a))
        return Ref();
    Ref d = call(space, cls, CallArgs());
    if (!d) return Ref();
    Value value = a[1] ? a[1] : Value::none();
    const bool fast = isExactDict(space, d.get());
    if (!forEach(space, a[0], [&](Value k) {
            return fast ? dictSet(space, asDict(d.get()), k, value) : setItem(space, d.get(), k, value);
        }))
        return Ref();
    return d;
}

Ref dictReversed(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "dict.__reversed__")) return Ref();
    return newDictIter(space, space.types().dictReverseKeyIteratorType, self);
}

// --- views ------------------------------------------------------------------

DictObject* viewDict(Value v) { return asDict(static_cast<DictViewObject*>(v.object())->m_dict); }

void viewDestroy(ObjectSpace&, Object* o) { clearField(static_cast<DictViewObject*>(o)->m_dict); }
void viewTraverse(Object* o, VisitFn visit, void* ctx) { visit(static_cast<DictViewObject*>(o)->m_dict, ctx); }
std::int64_t viewLen(ObjectSpace&, Value self) { return viewDict(self)->m_used; }

Ref viewRepr(ObjectSpace& space, Value self)
{
    Object* o = self.object();
    if (space.reprEnter(o)) return newStr(space, "...");
    Ref list = listFromIterable(space, self);
    Ref inner = list ? repr(space, list.get()) : Ref();
    space.reprLeave(o);
    if (!inner) return Ref();
    std::string out(typeName(space, self));
    out += "(";
    out += strView(inner.get());
    out += ")";
    return newStr(space, out);
}

Ref keysIter(ObjectSpace& space, Value self)
{
    return newDictIter(space, space.types().dictKeyIteratorType, static_cast<DictViewObject*>(self.object())->m_dict);
}
Ref valuesIter(ObjectSpace& space, Value self)
{
    return newDictIter(space, space.types().dictValueIteratorType, static_cast<DictViewObject*>(self.object())->m_dict);
}
Ref itemsIter(ObjectSpace& space, Value self)
{
    return newDictIter(space, space.types().dictItemIteratorType, static_cast<DictViewObject*>(self.object())->m_dict);
}

int keysContains(ObjectSpace& space, Value self, Value key) { return dictContains(space, viewDict(self), key); }

int itemsContains(ObjectSpace& space, Value self, Value item)
{
    if (!isTuple(space, item) || asTuple(item)->m_size != 2) return 0;
    Value v = dictGet(space, viewDict(self), asTuple(item)->item(0));
    if (!v) return space.hasError() ? -1 : 0;
    Ref held = Ref::borrow(v);
    return compareBool(space, held.get(), asTuple(item)->item(1), CompareOp::Eq);
}

bool isSetLike(ObjectSpace& space, Value v)
{
    TypeObject* t = space.typeOf(v);
    return isAnySet(space, v) || t == space.types().dictKeysType || t == space.types().dictItemsType;
}

/// Every element of `a` is in `b`.
int allContainedIn(ObjectSpace& space, Value a, Value b)
{
    int result = 1;
    bool ok = forEach(space, a, [&](Value x) {
        int r = contains(space, b, x);
        if (r <= 0) {
            result = r;
            return false;
        }
        return true;
    });
    if (!ok && result == 1) return -1;
    return result;
}

Ref viewRichCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    if (!isSetLike(space, a) || !isSetLike(space, b)) return Ref::notImplemented();
    const std::int64_t la = length(space, a);
    const std::int64_t lb = length(space, b);
    if (la < 0 || lb < 0) return Ref();
    int r = 0;
    switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
        r = la == lb ? allContainedIn(space, a, b) : 0;
        if (r < 0) return Ref();
        return Ref::boolean(op == CompareOp::Eq ? r == 1 : r == 0);
    case CompareOp::Lt: r = la < lb ? allContainedIn(space, a, b) : 0; break;
    case CompareOp::Le: r = la <= lb ? allContainedIn(space, a, b) : 0; break;
    case CompareOp::Gt: r = la > lb ? allContainedIn(space, b, a) : 0; break;
    case CompareOp::Ge: r = la >= lb ? allContainedIn(space, b, a) : 0; break;
    }
    if (r < 0) return Ref();
    return Ref::boolean(r == 1);
}

template <NumOp op> Ref viewSetOp(ObjectSpace& space, Value a, Value b)
{
    Ref result = setFromIterable(space, space.types().setType, a);
    if (!result) return Ref();
    if (!setInPlace(space, result.as<SetObject>(), op, b)) return Ref();
    return result;
}

Ref viewIsDisjoint(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "isdisjoint")) return Ref();
    int disjoint = 1;
    bool ok = forEach(space, args[0], [&](Value x) {
        int r = contains(space, self, x);
        if (r != 0) {
            disjoint = r < 0 ? -1 : 0;
            return false;
        }
        return true;
    });
    if (!ok && disjoint == 1) return Ref();
    if (disjoint < 0) return Ref();
    return Ref::boolean(disjoint == 1);
}

Ref viewReversed(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "__reversed__")) return Ref();
    TypeObject* t = space.typeOf(self);
    const BuiltinTypes& T = space.types();
    TypeObject* it = t == T.dictKeysType ? T.dictReverseKeyIteratorType
                     : t == T.dictValuesType ? T.dictReverseValueIteratorType
                                             : T.dictReverseItemIteratorType;
    return newDictIter(space, it, static_cast<DictViewObject*>(self.object())->m_dict);
}

Ref viewMapping(ObjectSpace& space, Value self)
{
    return newMappingProxy(space, static_cast<DictViewObject*>(self.object())->m_dict);
}

void setViewSlots(TypeObject* t, UnaryFn iter, ContainsFn contains, bool setLike)
{
    TypeSlots& s = t->m_slots;
    s.destroy = viewDestroy;
    s.traverse = viewTraverse;
    s.clear = viewDestroy;
    s.len = viewLen;
    s.repr = viewRepr;
    s.iter = iter;
    s.contains = contains;
    s.newInstance = nullptr;
    if (setLike) {
        s.richCompare = viewRichCompare;
        s.hash = nullptr;
        s.numeric[std::size_t(NumOp::And)] = viewSetOp<NumOp::And>;
        s.numeric[std::size_t(NumOp::Or)] = viewSetOp<NumOp::Or>;
        s.numeric[std::size_t(NumOp::Sub)] = viewSetOp<NumOp::Sub>;
        s.numeric[std::size_t(NumOp::Xor)] = viewSetOp<NumOp::Xor>;
    }
}

} // namespace

namespace detail {

void createDictTypes(ObjectSpace& space)
{
    const BuiltinTypes& T = space.types();
    TypeObject* d = space.createBuiltinType(&BuiltinTypes::dictType, "dict", T.objectType, sizeof(DictObject),
                                            TypeFlag::Gc | TypeFlag::BaseType);
    addDictTypeSlots(d);
    setViewSlots(space.createBuiltinType(&BuiltinTypes::dictKeysType, "dict_keys", T.objectType, sizeof(DictViewObject),
                                         std::uint32_t(TypeFlag::Gc)),
                 keysIter, keysContains, true);
    setViewSlots(space.createBuiltinType(&BuiltinTypes::dictValuesType, "dict_values", T.objectType,
                                         sizeof(DictViewObject), std::uint32_t(TypeFlag::Gc)),
                 valuesIter, nullptr, false);
    setViewSlots(space.createBuiltinType(&BuiltinTypes::dictItemsType, "dict_items", T.objectType,
                                         sizeof(DictViewObject), std::uint32_t(TypeFlag::Gc)),
                 itemsIter, itemsContains, true);
}

void addDictMethods(ObjectSpace& space)
{
    const BuiltinTypes& T = space.types();
    addMethods(space, T.dictType, {{"keys", dictKeys},
                                    {"values", dictValues},
                                    {"items", dictItems},
                                    {"get", dictGetMethod},
                                    {"setdefault", dictSetDefault},
                                    {"pop", dictPop},
                                    {"popitem", dictPopItem},
                                    {"update", dictUpdateMethod},
                                    {"copy", dictCopyMethod},
                                    {"clear", dictClearMethod},
                                    {"fromkeys", dictFromKeys, MethodKind::ClassMethod},
                                    {"__reversed__", dictReversed}});
    for (TypeObject* v : {T.dictKeysType, T.dictValuesType, T.dictItemsType}) {
        addMethods(space, v, {{"__reversed__", viewReversed}});
        addGetSets(space, v, {{"mapping", viewMapping}});
    }
    addMethods(space, T.dictKeysType, {{"isdisjoint", viewIsDisjoint}});
    addMethods(space, T.dictItemsType, {{"isdisjoint", viewIsDisjoint}});
}

} // namespace detail

} // namespace coroscope::pylite
