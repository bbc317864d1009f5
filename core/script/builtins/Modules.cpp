// The builtins namespace and the built-in modules (sys, time, builtins).

#include "core/script/builtins/Builtins.h"
#include "core/script/modules/ScriptModules.h"
#include "core/script/modules/ScriptModules.h"
#include "core/script/value/Args.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/vm/Vm.h"

namespace coroscope::pylite {

namespace {

void setStr(ObjectSpace& space, DictObject* d, const char* key, std::string_view text)
{
    Ref s = newStr(space, text);
    if (s) dictSetStr(space, d, key, s.get());
}

void setFn(ObjectSpace& space, DictObject* d, const char* name, NativeFn fn, Value module)
{
    Ref f = newBuiltinFunction(space, name, fn, Value(), module);
    if (f) dictSetStr(space, d, name, f.get());
}

// ---------------------------------------------------------------- sys

Ref sysGetRecursionLimit(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "getrecursionlimit")) return Ref();
    return newInt(space, space.recursionLimit());
}

Ref sysSetRecursionLimit(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkOneArg(space, args, "setrecursionlimit")) return Ref();
    std::int64_t n;
    if (!asInt64(space, args[0], n))
        return space.raise(space.types().TypeError, "'" + std::string(typeName(space, args[0])) +
                                                        "' object cannot be interpreted as an integer");
    if (n < 1) return space.raise(space.types().ValueError, "recursion limit must be greater or equal than 1");
    // The machine-stack check still protects C++ re-entry beyond this.
    space.setRecursionLimit(int(std::min<std::int64_t>(n, 100000)));
    return Ref::none();
}

Ref sysExit(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"exit", {"status"}, 0, 1}, a)) return Ref();
    if (!a[0]) return space.raiseEmpty(space.types().SystemExit);
    return space.raiseWith(space.types().SystemExit, a[0]);
}

Ref sysExcInfo(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "exc_info")) return Ref();
    Value exc = vmOf(space).handledException();
    if (!exc) return newTupleOf(space, {Value::none(), Value::none(), Value::none()});
    Value tb = asException(exc)->m_traceback;
    return newTupleOf(space, {Value::fromObject(space.typeOf(exc)), exc, tb ? tb : Value::none()});
}

Ref sysException(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "exception")) return Ref();
    Value exc = vmOf(space).handledException();
    return exc ? Ref::borrow(exc) : Ref::none();
}

// --------------------------------------------------------------- time

Ref timeTime(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "time")) return Ref();
    return newFloat(space, 1700000000.0 + double(vmOf(space).virtualNanos()) / 1e9);
}

Ref timeMonotonic(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "monotonic")) return Ref();
    return newFloat(space, double(vmOf(space).virtualNanos()) / 1e9);
}

Ref timeSleep(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkOneArg(space, args, "sleep")) return Ref();
    double seconds;
    if (!toDouble(space, args[0], seconds)) return Ref();
    if (seconds < 0) return space.raise(space.types().ValueError, "sleep length must be non-negative");
    vmOf(space).advanceClock(std::int64_t(seconds * 1e9));
    return Ref::none();
}

} // namespace

Ref createSysModule(Vm& vm)
{
    ObjectSpace& space = vm.space();
    Ref module = newModule(space, "sys");
    if (!module) return Ref();
    DictObject* d = moduleDict(module.get());
    Ref argv = newList(space);
    if (!argv) return Ref();
    for (const std::string& a : vm.argv()) {
        Ref s = newStr(space, a);
        if (!s || !listAppend(space, argv.as<ListObject>(), s.get())) return Ref();
    }
    dictSetStr(space, d, "argv", argv.get());
    Ref out = newTextStream(vm, 1);
    Ref err = newTextStream(vm, 2);
    if (!out || !err) return Ref();
    dictSetStr(space, d, "stdout", out.get());
    dictSetStr(space, d, "stderr", err.get());
    dictSetStr(space, d, "__stdout__", out.get());
    dictSetStr(space, d, "__stderr__", err.get());
    setStr(space, d, "version", "3.11.2 (main, coroscope pylite) [GCC 12.2.0]");
    Ref info = newTupleOf(space, {Value::smallInt(3), Value::smallInt(11), Value::smallInt(2)});
    if (info) dictSetStr(space, d, "version_info", info.get());
    setStr(space, d, "platform", "linux");
    setStr(space, d, "byteorder", "little");
    setStr(space, d, "executable", "coroscope");
    Ref maxsize = newInt(space, INT64_MAX);
    if (maxsize) dictSetStr(space, d, "maxsize", maxsize.get());
    Ref path = newList(space);
    if (path) dictSetStr(space, d, "path", path.get());
    Ref name = newStr(space, "sys");
    setFn(space, d, "getrecursionlimit", sysGetRecursionLimit, name.get());
    setFn(space, d, "setrecursionlimit", sysSetRecursionLimit, name.get());
    setFn(space, d, "exit", sysExit, name.get());
    setFn(space, d, "exc_info", sysExcInfo, name.get());
    setFn(space, d, "exception", sysException, name.get());
    return module;
}

Ref createTimeModule(Vm& vm)
{
    ObjectSpace& space = vm.space();
    Ref module = newModule(space, "time");
    if (!module) return Ref();
    DictObject* d = moduleDict(module.get());
    Ref name = newStr(space, "time");
    setFn(space, d, "time", timeTime, name.get());
    setFn(space, d, "monotonic", timeMonotonic, name.get());
    setFn(space, d, "perf_counter", timeMonotonic, name.get());
    setFn(space, d, "sleep", timeSleep, name.get());
    return module;
}

Ref createBuiltinModule(Vm& vm, std::string_view name)
{
    if (name == "sys") return createSysModule(vm);
    if (name == "time") return createTimeModule(vm);
    if (name == "builtins") {
        Ref module = newModule(vm.space(), "builtins");
        if (!module) return module;
        DictObject* d = moduleDict(module.get());
        std::int64_t pos = 0;
        Value k, v;
        while (dictNext(vm.builtins(), pos, k, v))
            if (!dictSet(vm.space(), d, k, v)) return Ref();
        return module;
    }
    return createScriptModule(vm, name);
}

Ref installBuiltins(Vm& vm)
{
    ObjectSpace& space = vm.space();
    initStreamTypes(vm);
    Ref dict = newDict(space);
    if (!dict) return Ref();
    DictObject* d = asDict(dict.get());
    setStr(space, d, "__name__", "builtins");
    dictSetStr(space, d, "__doc__", Value::none());
    setStr(space, d, "__package__", "");
    // Functions, then constants and types, then exceptions: CPython's order.
    addBuiltinFunctions(vm, dict.get());
    addIterationBuiltins(vm, dict.get());
    dictSetStr(space, d, "None", Value::none());
    dictSetStr(space, d, "Ellipsis", space.ellipsis());
    dictSetStr(space, d, "NotImplemented", Value::notImplemented());
    dictSetStr(space, d, "False", Value::falseValue());
    dictSetStr(space, d, "True", Value::trueValue());
    const BuiltinTypes& T = space.types();
    const std::pair<const char*, TypeObject*> types[] = {
        {"bool", T.boolType},           {"bytes", T.bytesType},         {"classmethod", T.classMethodType},
        {"dict", T.dictType},           {"enumerate", T.enumerateType}, {"filter", T.filterType},
        {"float", T.floatType},         {"frozenset", T.frozensetType}, {"property", T.propertyType},
        {"int", T.intType},             {"list", T.listType},           {"map", T.mapType},
        {"object", T.objectType},       {"range", T.rangeType},         {"reversed", T.reversedType},
        {"set", T.setType},             {"slice", T.sliceType},         {"staticmethod", T.staticMethodType},
        {"str", T.strType},             {"super", T.superType},         {"tuple", T.tupleType},
        {"type", T.typeType},           {"zip", T.zipType},
    };
    for (const auto& [name, type] : types)
        if (type) dictSetStr(space, d, name, Value::fromObject(type));
    dictSetStr(space, d, "__debug__", Value::trueValue());
#define PYLITE_ADD_EXCEPTION(name, base) dictSetStr(space, d, #name, Value::fromObject(T.name));
    PYLITE_EXCEPTION_TYPES(PYLITE_ADD_EXCEPTION)
#undef PYLITE_ADD_EXCEPTION
    dictSetStr(space, d, "EnvironmentError", Value::fromObject(T.OSError));
    dictSetStr(space, d, "IOError", Value::fromObject(T.OSError));
    Ref moduleName = newStr(space, "builtins");
    setFn(space, d, "open", builtinOpen, moduleName.get());
    return dict;
}

} // namespace coroscope::pylite
