// The `types` module: types.coroutine for generator-based coroutines, and
// the types of functions, generators and coroutines.
//
// CPython's types.coroutine marks the generator function's code as an
// iterable coroutine so that `await` accepts its generators. pylite's VM has
// no such flag; the decorator returns a function whose calls wrap the
// generator in an awaitable whose __await__ is the generator itself, which
// `await` then drives exactly as it would drive the marked generator.

#include "core/script/modules/ScriptModules.h"
#include "core/script/modules/asyncio/AsyncioCommon.h"
#include "core/script/value/Args.h"
#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/TypeObject.h"
#include "core/script/vm/Vm.h"

namespace coroscope::pylite {

namespace {

constexpr const char* kAwaitableKey = "__generator_awaitable__";

Ref awaitableAwait(ObjectSpace& space, Value self, const CallArgs&)
{
    Value gen = dictGetStr(space, instanceDict(space, self), "gen");
    if (!gen) return space.raise(space.types().RuntimeError, "generator awaitable without a generator");
    return Ref::borrow(gen);
}

/// The function types.coroutine returns: `self` is (function, awaitable class).
Ref coroutineCall(ObjectSpace& space, Value self, const CallArgs& args)
{
    TupleObject* bound = asTuple(self);
    Ref result = call(space, bound->item(0), args);
    if (!result) return Ref();
    Vm& vm = vmOf(space);
    if (!result.get().isObject() || result.get().object()->m_type != vm.vmTypes().generator.get()) return result;
    Ref wrapper = callFunction(space, bound->item(1), {});
    if (!wrapper || !dictSetStr(space, instanceDict(space, wrapper.get()), "gen", result.get())) return Ref();
    return wrapper;
}

Ref typesCoroutine(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "coroutine")) return Ref();
    if (!isCallable(space, args[0])) return space.raise(space.types().TypeError, "types.coroutine() expects a callable");
    Value awaitable = dictGetStr(space, moduleDict(self), kAwaitableKey);
    Ref bound = newTupleOf(space, {args[0], awaitable});
    if (!bound) return Ref();
    Ref name = getAttr(space, args[0], "__name__");
    space.clearError();
    return newBuiltinFunction(space, "coroutine", coroutineCall, bound.get(), name ? name.get() : Value());
}

} // namespace

Ref createTypesModule(Vm& vm)
{
    ObjectSpace& space = vm.space();
    Ref module = newModule(space, "types");
    if (!module) return Ref();
    DictObject* d = moduleDict(module.get());
    Ref awaitable = detail::makeClass(space, "_GeneratorAwaitable", Value::fromObject(space.types().objectType),
                                      "types", nullptr);
    if (!awaitable) return Ref();
    addMethods(space, awaitable.as<TypeObject>(), {{"__await__", awaitableAwait}, {"__iter__", awaitableAwait}});
    updateSlots(space, awaitable.as<TypeObject>());
    dictSetStr(space, d, kAwaitableKey, awaitable.get());
    Ref name = newStr(space, "types");
    Ref fn = newBuiltinFunction(space, "coroutine", typesCoroutine, module.get(), name.get());
    if (!fn || !dictSetStr(space, d, "coroutine", fn.get())) return Ref();
    VmTypes& t = vm.vmTypes();
    dictSetStr(space, d, "FunctionType", Value::fromObject(t.function.get()));
    dictSetStr(space, d, "GeneratorType", Value::fromObject(t.generator.get()));
    dictSetStr(space, d, "CoroutineType", Value::fromObject(t.coroutine.get()));
    dictSetStr(space, d, "AsyncGeneratorType", Value::fromObject(t.asyncGenerator.get()));
    return module;
}

} // namespace coroscope::pylite
