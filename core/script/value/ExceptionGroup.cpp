// BaseExceptionGroup / ExceptionGroup: construction rules (the
// BaseExceptionGroup -> ExceptionGroup promotion, nesting checks), str,
// derive, split and subgroup as used by except*.

#include "core/script/value/Args.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/List.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"
#include "core/script/value/detail/ExceptionInternals.h"

namespace coroscope::pylite {

namespace {

ExceptionObject* exc(Value v) { return asException(v); }
Ref excNew(ObjectSpace& space, TypeObject* type, const CallArgs& args) { return detail::newExceptionInstance(space, type, args); }
void setArgs(ObjectSpace& space, Value self, const CallArgs& args) { detail::setExceptionArgs(space, self, args); }

} // namespace

Ref detail::groupNew(ObjectSpace& space, TypeObject* type, const CallArgs& args)
{
    const BuiltinTypes& T = space.types();
    if (args.hasKeywords()) return space.raise(T.TypeError, std::string(type->name()) + "() takes no keyword arguments");
    if (args.positional != 2)
        return space.raise(T.TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (" +
                                             std::to_string(args.positional) + " given)");
    if (!isStr(space, args[0])) {
        std::string msg = "BaseExceptionGroup.__new__() argument 1 must be str, not ";
        msg += typeName(space, args[0]);
        return space.raise(T.TypeError, msg);
    }
    Value seq = args[1];
    TypeObject* st = space.typeOf(seq);
    if (!st->m_slots.getItem || !st->m_slots.len || space.isInstance(seq, T.dictType) || space.isInstance(seq, T.setType))
        return space.raise(T.TypeError, "second argument (exceptions) must be a sequence");
    Ref items = tupleFromIterable(space, seq);
    if (!items) return Ref();
    TupleObject* t = items.as<TupleObject>();
    if (t->m_size == 0) return space.raise(T.ValueError, "second argument (exceptions) must be a non-empty sequence");
    bool allExceptions = true;
    for (std::int64_t i = 0; i < t->m_size; ++i) {
        if (!isException(space, t->item(i)))
            return space.raise(T.ValueError, "Item " + std::to_string(i) + " of second argument (exceptions) is not an exception");
        allExceptions = allExceptions && space.isInstance(t->item(i), T.Exception);
    }
    if (type == T.BaseExceptionGroup) {
        if (allExceptions) type = T.ExceptionGroup;
    } else if (type == T.ExceptionGroup) {
        if (!allExceptions) return space.raise(T.TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (!allExceptions && type->isSubtypeOf(T.Exception)) {
        return space.raise(T.TypeError, "Cannot nest BaseExceptions in '" + std::string(type->name()) + "'");
    }
    Ref self = excNew(space, type, args);
    if (!self) return Ref();
    setExceptionField(self.get(), ExcField::GroupMessage, args[0]);
    setExceptionField(self.get(), ExcField::GroupExceptions, items.get());
    return self;
}

int detail::groupInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    setArgs(space, self, args);
    return 0;
}

Ref detail::groupStr(ObjectSpace& space, Value self)
{
    Value message = exceptionField(self, ExcField::GroupMessage);
    Value excs = exceptionField(self, ExcField::GroupExceptions);
    std::string out;
    if (!strString(space, message, out)) return Ref();
    const std::int64_t n = isTuple(space, excs) ? asTuple(excs)->m_size : 0;
    out += " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")";
    return newStr(space, out);
}

namespace {

Ref groupDerive(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "derive")) return Ref();
    Value msg = exceptionField(self, ExcField::GroupMessage);
    return callFunction(space, Value::fromObject(space.types().BaseExceptionGroup), {msg, args[0]});
}

/// Does `e` satisfy an except*-style condition (type, tuple of types, or
/// predicate)? 1, 0, -1.
int matchCondition(ObjectSpace& space, Value condition, Value e)
{
    if (isExceptionType(space, condition) || isTuple(space, condition)) return isInstance(space, e, condition);
    Ref r = callFunction(space, condition, {e});
    if (!r) return -1;
    return isTrue(space, r.get());
}

/// Copies __cause__, __context__, __traceback__ and __notes__ to a derived group.
bool copyGroupMetadata(ObjectSpace& space, Value from, Value to)
{
    assignField(exc(to)->m_cause, exc(from)->m_cause);
    assignField(exc(to)->m_context, exc(from)->m_context);
    assignField(exc(to)->m_traceback, exc(from)->m_traceback);
    exc(to)->m_suppressContext = exc(from)->m_suppressContext;
    Ref notes = getAttrOptional(space, from, space.intern("__notes__"));
    if (notes && !setAttr(space, to, space.intern("__notes__"), notes.get())) return false;
    return !space.hasError();
}

/// Splits `group` by `condition` into (match, rest); either may be null (None).
bool splitGroup(ObjectSpace& space, Value group, Value condition, Ref& match, Ref& rest)
{
    const int whole = matchCondition(space, condition, group);
    if (whole < 0) return false;
    if (whole) {
        match = Ref::borrow(group);
        return true;
    }
    if (!space.isInstance(group, space.types().BaseExceptionGroup)) {
        rest = Ref::borrow(group);
        return true;
    }
    TupleObject* excs = asTuple(exceptionField(group, ExcField::GroupExceptions));
    Ref matched = newList(space), others = newList(space);
    if (!matched || !others) return false;
    for (std::int64_t i = 0; i < excs->m_size; ++i) {
        Ref m, r;
        if (!splitGroup(space, excs->item(i), condition, m, r)) return false;
        if (m && !listAppend(space, matched.as<ListObject>(), m.get())) return false;
        if (r && !listAppend(space, others.as<ListObject>(), r.get())) return false;
    }
    auto derive = [&](Ref& out, Ref& list) {
        if (list.as<ListObject>()->m_size == 0) return true;
        out = callMethod(space, group, "derive", {list.get()});
        return out && copyGroupMetadata(space, group, out.get());
    };
    return derive(match, matched) && derive(rest, others);
}

Ref groupSplit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "split")) return Ref();
    Ref match, rest;
    if (!splitGroup(space, self, args[0], match, rest)) return Ref();
    return newTupleOf(space, {match ? match.get() : Value::none(), rest ? rest.get() : Value::none()});
}

Ref groupSubgroup(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "subgroup")) return Ref();
    Ref match, rest;
    if (!splitGroup(space, self, args[0], match, rest)) return Ref();
    return match ? match : Ref::none();
}

} // namespace

void detail::addExceptionGroupMethods(ObjectSpace& space)
{
    addMethods(space, space.types().BaseExceptionGroup,
               {{"derive", groupDerive}, {"split", groupSplit}, {"subgroup", groupSubgroup}});
}

} // namespace coroscope::pylite
