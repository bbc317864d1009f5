// Built-in functions that consume iterables: sorted, min, max, sum, any, all.

#include "core/script/builtins/Builtins.h"
#include "core/script/value/Args.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Functions.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/vm/Vm.h"

namespace coroscope::pylite {

namespace {

Ref fnSorted(ObjectSpace& space, Value, const CallArgs& args)
{
    if (args.positional != 1) {
        std::string msg = args.positional == 0 ? "sorted expected 1 argument, got 0"
                                               : "sorted expected 1 argument, got " + std::to_string(args.positional);
        return space.raise(space.types().TypeError, msg);
    }
    Value key;
    bool reverse = false;
    for (std::size_t k = 0; k < args.keywordCount(); ++k) {
        std::string_view name = strView(args.keywordName(k));
        Value v = args.keywordValue(k);
        if (name == "key") {
            key = v.isNone() ? Value() : v;
        } else if (name == "reverse") {
            const int t = isTrue(space, v);
            if (t < 0) return Ref();
            reverse = t != 0;
        } else {
            return space.raise(space.types().TypeError,
                               "sort() got an unexpected keyword argument '" + std::string(name) + "'");
        }
    }
    Ref list = listFromIterable(space, args[0]);
    if (!list || !listSort(space, list.as<ListObject>(), key, reverse)) return Ref();
    return list;
}

/// min() and max(): `op` is the comparison that makes a candidate win.
Ref minMax(ObjectSpace& space, const CallArgs& args, CompareOp op, const char* name)
{
    Value key;
    Value deflt;
    for (std::size_t k = 0; k < args.keywordCount(); ++k) {
        std::string_view kw = strView(args.keywordName(k));
        if (kw == "key")
            key = args.keywordValue(k).isNone() ? Value() : args.keywordValue(k);
        else if (kw == "default")
            deflt = args.keywordValue(k);
        else
            return space.raise(space.types().TypeError,
                               std::string(name) + "() got an unexpected keyword argument '" + std::string(kw) + "'");
    }
    if (args.positional == 0)
        return space.raise(space.types().TypeError, std::string(name) + " expected at least 1 argument, got 0");
    if (args.positional > 1 && deflt) {
        return space.raise(space.types().TypeError, std::string("Cannot specify a default for ") + name +
                                                        "() with multiple positional arguments");
    }
    Ref best;
    Ref bestKey;
    auto consider = [&](Value item) {
        Ref k = key ? callFunction(space, key, {item}) : Ref::borrow(item);
        if (!k) return false;
        if (!best) {
            best = Ref::borrow(item);
            bestKey = std::move(k);
            return true;
        }
        const int wins = compareBool(space, k.get(), bestKey.get(), op);
        if (wins < 0) return false;
        if (wins) {
            best = Ref::borrow(item);
            bestKey = std::move(k);
        }
        return true;
    };
    if (args.positional == 1) {
        if (!forEach(space, args[0], consider)) return Ref();
        if (!best) {
            if (deflt) return Ref::borrow(deflt);
            return space.raise(space.types().ValueError, std::string(name) + "() arg is an empty sequence");
        }
        return best;
    }
    for (std::size_t i = 0; i < args.positional; ++i)
        if (!consider(args[i])) return Ref();
    return best;
}

Ref fnMin(ObjectSpace& space, Value, const CallArgs& args) { return minMax(space, args, CompareOp::Lt, "min"); }
Ref fnMax(ObjectSpace& space, Value, const CallArgs& args) { return minMax(space, args, CompareOp::Gt, "max"); }

Ref fnSum(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"sum", {"iterable", "start"}, 1, 1}, a)) return Ref();
    Ref total = a[1] ? Ref::borrow(a[1]) : Ref::steal(Value::smallInt(0));
    if (a[1] && isStr(space, a[1]))
        return space.raise(space.types().TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (a[1] && space.typeOf(a[1]) == space.types().bytesType)
        return space.raise(space.types().TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    const bool ok = forEach(space, a[0], [&](Value item) {
        Value out;
        if (smallIntAdd(total.get(), item, out)) {
            total = Ref::steal(out);
            return true;
        }
        Ref r = binaryOp(space, NumOp::Add, total.get(), item);
        if (!r) return false;
        total = std::move(r);
        return true;
    });
    if (!ok) return Ref();
    return total;
}

Ref anyAll(ObjectSpace& space, const CallArgs& args, bool isAny)
{
    if (!checkOneArg(space, args, isAny ? "any" : "all")) return Ref();
    bool result = !isAny;
    const bool ok = forEach(space, args[0], [&](Value item) {
        const int t = isTrue(space, item);
        if (t < 0) return false;
        if ((t != 0) == isAny) {
            result = isAny;
            return false;
        }
        return true;
    });
    if (!ok && space.hasError()) return Ref();
    return Ref::boolean(result);
}

Ref fnAny(ObjectSpace& space, Value, const CallArgs& args) { return anyAll(space, args, true); }
Ref fnAll(ObjectSpace& space, Value, const CallArgs& args) { return anyAll(space, args, false); }

} // namespace

void addIterationBuiltins(Vm& vm, Value dict)
{
    ObjectSpace& space = vm.space();
    DictObject* d = asDict(dict);
    Ref moduleName = newStr(space, "builtins");
    auto add = [&](const char* name, NativeFn fn) {
        Ref f = newBuiltinFunction(space, name, fn, Value(), moduleName.get());
        if (f) dictSetStr(space, d, name, f.get());
    };
    add("all", fnAll);
    add("any", fnAny);
    add("max", fnMax);
    add("min", fnMin);
    add("sorted", fnSorted);
    add("sum", fnSum);
}

} // namespace coroscope::pylite
