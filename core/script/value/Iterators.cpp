#include "core/script/value/Iterators.h"

#include "core/script/value/Args.h"
#include "core/script/value/Bytes.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Functions.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Set.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"
#include "core/script/value/detail/Utf8.h"

namespace coroscope::pylite {

Ref newSeqIter(ObjectSpace& space, TypeObject* type, Value seq, std::int64_t start)
{
    auto* it = space.heap().alloc<SeqIterObject>(type, type->m_basicSize);
    if (!it) return Ref();
    incref(seq);
    it->m_seq = seq;
    it->m_index = start;
    return Ref::steal(it);
}

Ref newRangeIter(ObjectSpace& space, std::int64_t start, std::int64_t step, std::int64_t count)
{
    auto* it = space.heap().alloc<RangeIterObject>(space.types().rangeIteratorType);
    if (!it) return Ref();
    it->m_next = start;
    it->m_step = step;
    it->m_remaining = count;
    return Ref::steal(it);
}

Ref newDictIter(ObjectSpace& space, TypeObject* type, Value dict)
{
    auto* it = space.heap().alloc<DictIterObject>(type);
    if (!it) return Ref();
    DictObject* d = asDict(dict);
    incref(dict);
    it->m_dict = dict;
    const BuiltinTypes& T = space.types();
    const bool reverse = type == T.dictReverseKeyIteratorType || type == T.dictReverseValueIteratorType ||
                         type == T.dictReverseItemIteratorType;
    it->m_pos = reverse ? d->m_entryCount - 1 : 0;
    it->m_initialUsed = d->m_used;
    it->m_remaining = d->m_used;
    return Ref::steal(it);
}

Ref newSetIter(ObjectSpace& space, Value set)
{
    auto* it = space.heap().alloc<SetIterObject>(space.types().setIteratorType);
    if (!it) return Ref();
    incref(set);
    it->m_set = set;
    it->m_initialUsed = asSet(set)->m_used;
    it->m_remaining = asSet(set)->m_used;
    return Ref::steal(it);
}

Ref newCallIter(ObjectSpace& space, Value callable, Value sentinel)
{
    auto* it = space.heap().alloc<GenericIterObject>(space.types().callIteratorType);
    if (!it) return Ref();
    incref(callable);
    incref(sentinel);
    it->m_a = callable;
    it->m_b = sentinel;
    return Ref::steal(it);
}

namespace {

Ref selfIter(ObjectSpace&, Value self) { return Ref::borrow(self); }

// --- sequence iterators ---------------------------------------------------------

SeqIterObject* seqIt(Value v) { return static_cast<SeqIterObject*>(v.object()); }

void seqIterDestroy(ObjectSpace&, Object* o) { clearField(static_cast<SeqIterObject*>(o)->m_seq); }
void seqIterTraverse(Object* o, VisitFn visit, void* ctx) { visit(static_cast<SeqIterObject*>(o)->m_seq, ctx); }

Ref listIterNext(ObjectSpace&, Value self)
{
    SeqIterObject* it = seqIt(self);
    if (!it->m_seq) return Ref();
    ListObject* l = asList(it->m_seq);
    if (it->m_index < l->m_size) return Ref::borrow(l->m_items[it->m_index++]);
    clearField(it->m_seq);
    return Ref();
}

Ref listReverseIterNext(ObjectSpace&, Value self)
{
    SeqIterObject* it = seqIt(self);
    if (!it->m_seq) return Ref();
    ListObject* l = asList(it->m_seq);
    if (it->m_index >= 0 && it->m_index < l->m_size) return Ref::borrow(l->m_items[it->m_index--]);
    clearField(it->m_seq);
    return Ref();
}

Ref tupleIterNext(ObjectSpace&, Value self)
{
    SeqIterObject* it = seqIt(self);
    if (!it->m_seq) return Ref();
    TupleObject* t = asTuple(it->m_seq);
    if (it->m_index < t->m_size) return Ref::borrow(t->item(it->m_index++));
    clearField(it->m_seq);
    return Ref();
}

Ref strIterNext(ObjectSpace& space, Value self)
{
    SeqIterObject* it = seqIt(self);
    if (!it->m_seq) return Ref();
    StrObject* s = asStr(it->m_seq);
    if (it->m_index >= s->m_length) {
        clearField(it->m_seq);
        return Ref();
    }
    ++it->m_index;
    if (s->m_ascii) return Ref::borrow(space.latin1Char(static_cast<unsigned char>(s->data()[it->m_byteOffset++])));
    std::size_t pos = std::size_t(it->m_byteOffset);
    char32_t c = utf8::next(s->view(), pos);
    it->m_byteOffset = std::int64_t(pos);
    return newStrFromCodePoint(space, c);
}

Ref bytesIterNext(ObjectSpace& space, Value self)
{
    SeqIterObject* it = seqIt(self);
    if (!it->m_seq) return Ref();
    BytesObject* b = asBytes(it->m_seq);
    if (it->m_index < b->m_size) return newInt(space, static_cast<unsigned char>(b->data()[it->m_index++]));
    clearField(it->m_seq);
    return Ref();
}

/// The old __getitem__ protocol: items 0, 1, 2... until IndexError.
Ref seqIterNext(ObjectSpace& space, Value self)
{
    SeqIterObject* it = seqIt(self);
    if (!it->m_seq) return Ref();
    Ref index = newInt(space, it->m_index);
    if (!index) return Ref();
    Ref item = getItem(space, it->m_seq, index.get());
    if (item) {
        ++it->m_index;
        return item;
    }
    if (space.errorMatches(space.types().IndexError) || space.errorMatches(space.types().StopIteration)) {
        space.clearError();
        clearField(it->m_seq);
    }
    return Ref();
}

/// reversed(seq) for sequences without __reversed__.
Ref reversedNext(ObjectSpace& space, Value self)
{
    SeqIterObject* it = seqIt(self);
    if (!it->m_seq || it->m_index < 0) {
        clearField(it->m_seq);
        return Ref();
    }
    Ref index = newInt(space, it->m_index);
    if (!index) return Ref();
    Ref item = getItem(space, it->m_seq, index.get());
    if (item) {
        --it->m_index;
        return item;
    }
    if (space.errorMatches(space.types().IndexError) || space.errorMatches(space.types().StopIteration)) {
        space.clearError();
        clearField(it->m_seq);
    }
    return Ref();
}

// --- range ------------------------------------------------------------------

Ref rangeIterNext(ObjectSpace& space, Value self)
{
    auto* it = static_cast<RangeIterObject*>(self.object());
    if (it->m_remaining <= 0) return Ref();
    const std::int64_t v = it->m_next;
    --it->m_remaining;
    if (it->m_remaining > 0) it->m_next = std::int64_t(__int128(v) + it->m_step);
    return newInt(space, v);
}

// --- dict ---------------------------------------------------------------------

enum class DictPart { Keys, Values, Items };

void dictIterDestroy(ObjectSpace&, Object* o) { clearField(static_cast<DictIterObject*>(o)->m_dict); }
void dictIterTraverse(Object* o, VisitFn visit, void* ctx) { visit(static_cast<DictIterObject*>(o)->m_dict, ctx); }

template <DictPart part, bool reverse> Ref dictIterNext(ObjectSpace& space, Value self)
{
    auto* it = static_cast<DictIterObject*>(self.object());
    if (!it->m_dict) return Ref();
    DictObject* d = asDict(it->m_dict);
    if (it->m_initialUsed != d->m_used) {
        it->m_initialUsed = -1;
        return space.raise(space.types().RuntimeError, "dictionary changed size during iteration");
    }
    std::int64_t i = it->m_pos;
    if (reverse) {
        if (i >= d->m_entryCount) i = d->m_entryCount - 1;
        while (i >= 0 && !d->m_entries[i].m_key) --i;
    } else {
        while (i < d->m_entryCount && !d->m_entries[i].m_key) ++i;
    }
    if (i < 0 || i >= d->m_entryCount) {
        if (it->m_remaining > 0) {
            clearField(it->m_dict);
            return space.raise(space.types().RuntimeError, "dictionary keys changed during iteration");
        }
        clearField(it->m_dict);
        return Ref();
    }
    if (it->m_remaining == 0) {
        clearField(it->m_dict);
        return space.raise(space.types().RuntimeError, "dictionary keys changed during iteration");
    }
    it->m_pos = reverse ? i - 1 : i + 1;
    --it->m_remaining;
    const DictEntry& e = d->m_entries[i];
    if (part == DictPart::Keys) return Ref::borrow(e.m_key);
    if (part == DictPart::Values) return Ref::borrow(e.m_value);
    return newTupleOf(space, {e.m_key, e.m_value});
}

// --- set ------------------------------------------------------------------------

void setIterDestroy(ObjectSpace&, Object* o) { clearField(static_cast<SetIterObject*>(o)->m_set); }
void setIterTraverse(Object* o, VisitFn visit, void* ctx) { visit(static_cast<SetIterObject*>(o)->m_set, ctx); }

Ref setIterNext(ObjectSpace& space, Value self)
{
    auto* it = static_cast<SetIterObject*>(self.object());
    if (!it->m_set) return Ref();
    SetObject* s = asSet(it->m_set);
    if (it->m_initialUsed != s->m_used) {
        it->m_initialUsed = -1;
        return space.raise(space.types().RuntimeError, "Set changed size during iteration");
    }
    Value key;
    if (!setNext(s, it->m_pos, key)) {
        clearField(it->m_set);
        return Ref();
    }
    --it->m_remaining;
    return Ref::borrow(key);
}

// --- enumerate / zip / map / filter / callable_iterator -------------------------

GenericIterObject* gen(Value v) { return static_cast<GenericIterObject*>(v.object()); }

void genericDestroy(ObjectSpace&, Object* o)
{
    auto* g = static_cast<GenericIterObject*>(o);
    clearField(g->m_a);
    clearField(g->m_b);
    clearField(g->m_c);
}

void genericTraverse(Object* o, VisitFn visit, void* ctx)
{
    auto* g = static_cast<GenericIterObject*>(o);
    visit(g->m_a, ctx);
    visit(g->m_b, ctx);
    visit(g->m_c, ctx);
}

Ref allocGeneric(ObjectSpace& space, TypeObject* type, Value a, Value b, std::int64_t count)
{
    auto* g = space.heap().alloc<GenericIterObject>(type, type->m_basicSize);
    if (!g) return Ref();
    incref(a);
    incref(b);
    g->m_a = a;
    g->m_b = b;
    g->m_count = count;
    return Ref::steal(g);
}

Ref enumerateNew(ObjectSpace& space, TypeObject* type, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"enumerate", {"iterable", "start"}, 0}, a)) return Ref();
    if (!a[0]) return space.raise(space.types().TypeError, "enumerate() missing required argument 'iterable'");
    std::int64_t start = 0;
    if (a[1] && !indexValue(space, a[1], start)) return Ref();
    Ref it = getIter(space, a[0]);
    if (!it) return Ref();
    return allocGeneric(space, type, it.get(), Value(), start);
}

Ref enumerateNext(ObjectSpace& space, Value self)
{
    GenericIterObject* g = gen(self);
    Ref item = iterNext(space, g->m_a);
    if (!item) return Ref();
    Ref index = newInt(space, g->m_count);
    if (!index) return Ref();
    if (g->m_count == INT64_MAX) return space.raise(space.types().OverflowError, kIntOverflowMessage);
    ++g->m_count;
    return newTupleOf(space, {index.get(), item.get()});
}

Ref zipNew(ObjectSpace& space, TypeObject* type, const CallArgs& args)
{
    bool strict = false;
    for (std::size_t k = 0; k < args.keywordCount(); ++k) {
        if (strView(args.keywordName(k)) != "strict") {
            std::string msg(1, '\'');
            msg += strView(args.keywordName(k));
            msg += "' is an invalid keyword argument for zip()";
            return space.raise(space.types().TypeError, msg);
        }
        const int t = isTrue(space, args.keywordValue(k));
        if (t < 0) return Ref();
        strict = t == 1;
    }
    Ref iters = newTuple(space, std::int64_t(args.positional));
    if (!iters) return Ref();
    for (std::size_t i = 0; i < args.positional; ++i) {
        Ref it = getIter(space, args[i]);
        if (!it) return Ref();
        iters.as<TupleObject>()->items()[i] = it.release();
    }
    return allocGeneric(space, type, iters.get(), Value(), strict ? 1 : 0);
}

Ref zipNext(ObjectSpace& space, Value self)
{
    GenericIterObject* g = gen(self);
    TupleObject* iters = asTuple(g->m_a);
    if (iters->m_size == 0) return Ref();
    Ref result = newTuple(space, iters->m_size);
    if (!result) return Ref();
    for (std::int64_t i = 0; i < iters->m_size; ++i) {
        Ref item = iterNext(space, iters->item(i));
        if (!item) {
            if (space.hasError() || !g->m_count) return Ref();
            // strict=True: every other iterator must be exhausted too.
            if (i > 0) {
                std::string msg = "zip() argument " + std::to_string(i + 1) + " is shorter than argument";
                msg += i == 1 ? " 1" : "s 1-" + std::to_string(i);
                return space.raise(space.types().ValueError, msg);
            }
            for (std::int64_t j = 1; j < iters->m_size; ++j) {
                Ref extra = iterNext(space, iters->item(j));
                if (extra) {
                    std::string msg = "zip() argument " + std::to_string(j + 1) + " is longer than argument";
                    msg += j == 1 ? " 1" : "s 1-" + std::to_string(j);
                    return space.raise(space.types().ValueError, msg);
                }
                if (space.hasError()) return Ref();
            }
            return Ref();
        }
        result.as<TupleObject>()->items()[i] = item.release();
    }
    return result;
}

Ref mapNew(ObjectSpace& space, TypeObject* type, const CallArgs& args)
{
    if (type == space.types().mapType && args.hasKeywords())
        return space.raise(space.types().TypeError, "map() takes no keyword arguments");
    if (args.positional < 2) return space.raise(space.types().TypeError, "map() must have at least two arguments.");
    Ref iters = newTuple(space, std::int64_t(args.positional - 1));
    if (!iters) return Ref();
    for (std::size_t i = 1; i < args.positional; ++i) {
        Ref it = getIter(space, args[i]);
        if (!it) return Ref();
        iters.as<TupleObject>()->items()[i - 1] = it.release();
    }
    return allocGeneric(space, type, args[0], iters.get(), 0);
}

Ref mapNext(ObjectSpace& space, Value self)
{
    GenericIterObject* g = gen(self);
    TupleObject* iters = asTuple(g->m_b);
    std::vector<Ref> items;
    std::vector<Value> raw;
    for (std::int64_t i = 0; i < iters->m_size; ++i) {
        Ref item = iterNext(space, iters->item(i));
        if (!item) return Ref();
        raw.push_back(item.get());
        items.push_back(std::move(item));
    }
    return call(space, g->m_a, CallArgs(raw.data(), raw.size()));
}

Ref filterNew(ObjectSpace& space, TypeObject* type, const CallArgs& args)
{
    if (type == space.types().filterType && args.hasKeywords())
        return space.raise(space.types().TypeError, "filter() takes no keyword arguments");
    if (args.positional != 2)
        return space.raise(space.types().TypeError, "filter expected 2 arguments, got " + std::to_string(args.positional));
    Ref it = getIter(space, args[1]);
    if (!it) return Ref();
    return allocGeneric(space, type, args[0], it.get(), 0);
}

Ref filterNext(ObjectSpace& space, Value self)
{
    GenericIterObject* g = gen(self);
    for (;;) {
        Ref item = iterNext(space, g->m_b);
        if (!item) return Ref();
        int ok;
        if (g->m_a.isNone() || g->m_a == Value::fromObject(space.types().boolType)) {
            ok = isTrue(space, item.get());
        } else {
            Ref r = callFunction(space, g->m_a, {item.get()});
            if (!r) return Ref();
            ok = isTrue(space, r.get());
        }
        if (ok < 0) return Ref();
        if (ok) return item;
    }
}

Ref callIterNext(ObjectSpace& space, Value self)
{
    GenericIterObject* g = gen(self);
    if (!g->m_a) return Ref();
    Ref r = call(space, g->m_a, CallArgs());
    if (!r) {
        if (space.errorMatches(space.types().StopIteration)) {
            space.clearError();
            clearField(g->m_a);
        }
        return Ref();
    }
    const int eq = compareBool(space, r.get(), g->m_b, CompareOp::Eq);
    if (eq < 0) return Ref();
    if (eq) {
        clearField(g->m_a);
        return Ref();
    }
    return r;
}

Ref reversedNew(ObjectSpace& space, TypeObject* type, const CallArgs& args)
{
    if (args.hasKeywords()) return space.raise(space.types().TypeError, "reversed() takes no keyword arguments");
    if (args.positional != 1)
        return space.raise(space.types().TypeError, "reversed expected 1 argument, got " + std::to_string(args.positional));
    Value seq = args[0];
    TypeObject* t = space.typeOf(seq);
    Ref method = Ref::borrow(lookupInMro(t, space.name(Name::Reversed)));
    if (method && !method.get().isNone()) return callMethod(space, seq, "__reversed__", {});
    if (!method && t->m_slots.len && t->m_slots.getItem && !space.isInstance(seq, space.types().dictType)) {
        const std::int64_t n = length(space, seq);
        if (n < 0) return Ref();
        return newSeqIter(space, type, seq, n - 1);
    }
    std::string msg = "'";
    msg += t->name();
    msg += "' object is not reversible";
    return space.raise(space.types().TypeError, msg);
}

void setIteratorSlots(TypeObject* t, UnaryFn next, DestroyFn destroy, TraverseFn traverse)
{
    t->m_slots.iter = selfIter;
    t->m_slots.next = next;
    t->m_slots.destroy = destroy;
    t->m_slots.traverse = traverse;
    t->m_slots.clear = destroy;
    t->m_slots.newInstance = nullptr;
}

} // namespace

namespace detail {

void createIteratorTypes(ObjectSpace& space)
{
    TypeObject* object = space.types().objectType;
    const std::uint32_t gc = std::uint32_t(TypeFlag::Gc);
    auto seq = [&](TypeObject* BuiltinTypes::*member, const char* name, UnaryFn next) {
        setIteratorSlots(space.createBuiltinType(member, name, object, sizeof(SeqIterObject), gc), next, seqIterDestroy,
                         seqIterTraverse);
    };
    seq(&BuiltinTypes::listIteratorType, "list_iterator", listIterNext);
    seq(&BuiltinTypes::listReverseIteratorType, "list_reverseiterator", listReverseIterNext);
    seq(&BuiltinTypes::tupleIteratorType, "tuple_iterator", tupleIterNext);
    seq(&BuiltinTypes::strIteratorType, "str_iterator", strIterNext);
    seq(&BuiltinTypes::strAsciiIteratorType, "str_ascii_iterator", strIterNext);
    seq(&BuiltinTypes::bytesIteratorType, "bytes_iterator", bytesIterNext);
    seq(&BuiltinTypes::seqIteratorType, "iterator", seqIterNext);
    setIteratorSlots(space.createBuiltinType(&BuiltinTypes::rangeIteratorType, "range_iterator", object,
                                             sizeof(RangeIterObject), 0),
                     rangeIterNext, nullptr, nullptr);
    setIteratorSlots(space.createBuiltinType(&BuiltinTypes::setIteratorType, "set_iterator", object, sizeof(SetIterObject), gc),
                     setIterNext, setIterDestroy, setIterTraverse);
    auto dict = [&](TypeObject* BuiltinTypes::*member, const char* name, UnaryFn next) {
        setIteratorSlots(space.createBuiltinType(member, name, object, sizeof(DictIterObject), gc), next, dictIterDestroy,
                         dictIterTraverse);
    };
    dict(&BuiltinTypes::dictKeyIteratorType, "dict_keyiterator", dictIterNext<DictPart::Keys, false>);
    dict(&BuiltinTypes::dictValueIteratorType, "dict_valueiterator", dictIterNext<DictPart::Values, false>);
    dict(&BuiltinTypes::dictItemIteratorType, "dict_itemiterator", dictIterNext<DictPart::Items, false>);
    dict(&BuiltinTypes::dictReverseKeyIteratorType, "dict_reversekeyiterator", dictIterNext<DictPart::Keys, true>);
    dict(&BuiltinTypes::dictReverseValueIteratorType, "dict_reversevalueiterator", dictIterNext<DictPart::Values, true>);
    dict(&BuiltinTypes::dictReverseItemIteratorType, "dict_reverseitemiterator", dictIterNext<DictPart::Items, true>);

    auto generic = [&](TypeObject* BuiltinTypes::*member, const char* name, UnaryFn next, NewFn make) {
        TypeObject* t = space.createBuiltinType(member, name, object, sizeof(GenericIterObject), gc | TypeFlag::BaseType);
        setIteratorSlots(t, next, genericDestroy, genericTraverse);
        t->m_slots.newInstance = make;
        t->m_slots.init = nullptr;
    };
    generic(&BuiltinTypes::callIteratorType, "callable_iterator", callIterNext, nullptr);
    space.types().callIteratorType->m_flags &= ~std::uint32_t(TypeFlag::BaseType);
    generic(&BuiltinTypes::enumerateType, "enumerate", enumerateNext, enumerateNew);
    generic(&BuiltinTypes::zipType, "zip", zipNext, zipNew);
    generic(&BuiltinTypes::mapType, "map", mapNext, mapNew);
    generic(&BuiltinTypes::filterType, "filter", filterNext, filterNew);
    TypeObject* rev = space.createBuiltinType(&BuiltinTypes::reversedType, "reversed", object, sizeof(SeqIterObject),
                                              gc | TypeFlag::BaseType);
    setIteratorSlots(rev, reversedNext, seqIterDestroy, seqIterTraverse);
    rev->m_slots.newInstance = reversedNew;
    rev->m_slots.init = nullptr;
}

} // namespace detail

} // namespace coroscope::pylite
