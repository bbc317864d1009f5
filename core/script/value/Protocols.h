#pragma once
// The abstract object protocols (CPython's abstract.c / object.c): what the
// VM calls for every operation on values whose type it does not special-case.
// All take borrowed operands. Ref results are new references; null means an
// exception is pending. int results: -1 = error unless stated.

#include "core/script/value/Args.h"
#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Ref.h"
#include "core/script/value/TypeObject.h"

#include <initializer_list>
#include <string>
#include <string_view>

namespace coroscope::pylite {

/// type(v).__name__ as shown in messages ("int", "MyClass").
std::string_view typeName(ObjectSpace& space, Value v);

Ref repr(ObjectSpace& space, Value v);
Ref str(ObjectSpace& space, Value v);
/// repr/str into a C++ string (false with an exception pending).
bool reprString(ObjectSpace& space, Value v, std::string& out);
bool strString(ObjectSpace& space, Value v, std::string& out);
/// hash(v); -1 on error ("unhashable type: 'list'").
std::int64_t hashValue(ObjectSpace& space, Value v);

/// a <op> b with CPython's reflection rules; TypeError "'<' not supported
/// between instances of 'A' and 'B'" when neither side implements it.
Ref richCompare(ObjectSpace& space, Value a, Value b, CompareOp op);
/// Same, reduced to a truth value; identical objects are equal (as in
/// containers). 1, 0 or -1.
int compareBool(ObjectSpace& space, Value a, Value b, CompareOp op);
/// bool(v): 1, 0 or -1.
int isTrue(ObjectSpace& space, Value v);
/// len(v); -1 on error ("object of type 'int' has no len()").
std::int64_t length(ObjectSpace& space, Value v);

Ref getItem(ObjectSpace& space, Value obj, Value key);
bool setItem(ObjectSpace& space, Value obj, Value key, Value value);
bool delItem(ObjectSpace& space, Value obj, Value key);
/// `item in container`: 1, 0 or -1.
int contains(ObjectSpace& space, Value container, Value item);

/// iter(v); TypeError "'int' object is not iterable".
Ref getIter(ObjectSpace& space, Value v);
/// next(it): null with no pending exception when exhausted.
Ref iterNext(ObjectSpace& space, Value iterator);
/// Calls `fn(item)` for each item of `iterable` (borrowed item); fn returns
/// false to stop with an error. False if iteration or fn failed.
template <class Fn> bool forEach(ObjectSpace& space, Value iterable, Fn&& fn);

Ref call(ObjectSpace& space, Value callable, const CallArgs& args);
Ref callFunction(ObjectSpace& space, Value callable, std::initializer_list<Value> args);
/// Looks `name` up on type(self) (not the instance dict) and calls it with
/// self prepended: how dunders are invoked. Null with AttributeError when
/// missing.
Ref callMethod(ObjectSpace& space, Value self, std::string_view name, std::initializer_list<Value> args);
bool isCallable(ObjectSpace& space, Value v);

Ref getAttr(ObjectSpace& space, Value obj, StrObject* name);
Ref getAttr(ObjectSpace& space, Value obj, std::string_view name);
bool setAttr(ObjectSpace& space, Value obj, StrObject* name, Value value);
bool delAttr(ObjectSpace& space, Value obj, StrObject* name);
/// getattr with AttributeError swallowed: null result and no error when
/// missing; other errors stay pending.
Ref getAttrOptional(ObjectSpace& space, Value obj, StrObject* name);
/// The VM's LOAD_METHOD: if the attribute is a plain method on the type
/// (a MethodDescriptor-flagged callable not shadowed by the instance dict),
/// returns it unbound with `unbound` = true (call it with obj prepended);
/// else the bound attribute with `unbound` = false.
Ref lookupMethod(ObjectSpace& space, Value obj, StrObject* name, bool& unbound);

/// object.__getattribute__ / __setattr__ (descriptors, instance dict).
Ref genericGetAttr(ObjectSpace& space, Value obj, StrObject* name);
int genericSetAttr(ObjectSpace& space, Value obj, StrObject* name, Value value);

Ref binaryOp(ObjectSpace& space, NumOp op, Value a, Value b);
/// a op= b: tries __iop__ first, then the binary operator.
Ref inplaceOp(ObjectSpace& space, NumOp op, Value a, Value b);
Ref unaryOp(ObjectSpace& space, UnaryOp op, Value v);
/// "+", "//", "divmod()"... as in CPython's messages.
std::string_view opSymbol(NumOp op);
std::string_view compareSymbol(CompareOp op);

/// isinstance(obj, classinfo) / issubclass(cls, classinfo), with tuples.
int isInstance(ObjectSpace& space, Value obj, Value classinfo);
int isSubclass(ObjectSpace& space, Value cls, Value classinfo);

} // namespace coroscope::pylite

namespace coroscope::pylite {
template <class Fn> bool forEach(ObjectSpace& space, Value iterable, Fn&& fn)
{
    Ref it = getIter(space, iterable);
    if (!it) return false;
    for (;;) {
        Ref item = iterNext(space, it.get());
        if (!item) return !space.hasError();
        if (!fn(item.get())) return false;
    }
}
} // namespace coroscope::pylite
