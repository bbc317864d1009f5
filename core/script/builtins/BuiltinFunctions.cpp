// Built-in functions that inspect or convert single values: len, repr,
// abs, hash, id, chr, ord, hex, getattr..., isinstance, iter, next, input,
// globals/locals/vars/dir, __build_class__ and __import__.

#include "core/script/builtins/Builtins.h"
#include "core/script/value/Args.h"
#include "core/script/value/Bytes.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Format.h"
#include "core/script/value/Iterators.h"
#include "core/script/value/Functions.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/vm/Objects.h"
#include "core/script/vm/Vm.h"

#include <cstdio>

namespace coroscope::pylite {

Ref asciiOf(ObjectSpace& space, Value v);

namespace {

Ref fnLen(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkOneArg(space, args, "len")) return Ref();
    const std::int64_t n = length(space, args[0]);
    if (n < 0) return Ref();
    return newInt(space, n);
}

Ref fnRepr(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkOneArg(space, args, "repr")) return Ref();
    return repr(space, args[0]);
}

Ref fnAscii(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkOneArg(space, args, "ascii")) return Ref();
    return asciiOf(space, args[0]);
}

Ref fnAbs(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkOneArg(space, args, "abs")) return Ref();
    return unaryOp(space, UnaryOp::Abs, args[0]);
}

Ref fnDivmod(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"divmod", {"x", "y"}, 2, 2, std::size_t(-1), ArgStyle::Checked}, a)) return Ref();
    return binaryOp(space, NumOp::DivMod, a[0], a[1]);
}

Ref fnPow(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[3];
    if (!parseArgs(space, args, {"pow", {"base", "exp", "mod"}, 2}, a)) return Ref();
    if (a[2] && !a[2].isNone()) return powMod(space, a[0], a[1], a[2]);
    return binaryOp(space, NumOp::Pow, a[0], a[1]);
}

Ref fnRound(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"round", {"number", "ndigits"}, 1}, a)) return Ref();
    return roundNumber(space, a[0], a[1] && !a[1].isNone() ? a[1] : Value());
}

Ref fnHash(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkOneArg(space, args, "hash")) return Ref();
    const std::int64_t h = hashValue(space, args[0]);
    if (h == -1 && space.hasError()) return Ref();
    return newInt(space, h);
}

Ref fnId(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkOneArg(space, args, "id")) return Ref();
    const Value v = args[0];
    std::uint64_t bits = v.isObject() ? space.displayAddress(v.object()) : (v.bits() << 4) | 0xA;
    return newInt(space, std::int64_t(bits & 0x7FFFFFFFFFFFFFFFull));
}

Ref fnCallable(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkOneArg(space, args, "callable")) return Ref();
    return Ref::boolean(isCallable(space, args[0]));
}

Ref fnChr(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkOneArg(space, args, "chr")) return Ref();
    std::int64_t i;
    if (!indexValue(space, args[0], i)) return Ref();
    if (i < 0 || i > 0x10FFFF) return space.raise(space.types().ValueError, "chr() arg not in range(0x110000)");
    return newStrFromCodePoint(space, char32_t(i));
}

Ref fnOrd(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkOneArg(space, args, "ord")) return Ref();
    Value v = args[0];
    if (isStr(space, v)) {
        StrObject* s = asStr(v);
        if (s->m_length != 1) {
            return space.raise(space.types().TypeError, "ord() expected a character, but string of length " +
                                                            std::to_string(s->m_length) + " found");
        }
        return newInt(space, std::int64_t(strCodePointAt(s, 0)));
    }
    if (isBytes(space, v)) {
        BytesObject* b = asBytes(v);
        if (b->m_size == 1) return newInt(space, static_cast<unsigned char>(b->data()[0]));
        return space.raise(space.types().TypeError, "ord() expected a character, but string of length " +
                                                        std::to_string(b->m_size) + " found");
    }
    std::string msg = "ord() expected string of length 1, but ";
    msg += typeName(space, v);
    msg += " found";
    return space.raise(space.types().TypeError, msg);
}

Ref radix(ObjectSpace& space, const CallArgs& args, const char* name, int base, const char* prefix)
{
    if (!checkOneArg(space, args, name)) return Ref();
    std::int64_t i;
    if (!indexValue(space, args[0], i)) return Ref();
    const bool negative = i < 0;
    std::uint64_t u = negative ? std::uint64_t(0) - std::uint64_t(i) : std::uint64_t(i);
    std::string digits;
    do {
        const unsigned d = unsigned(u % unsigned(base));
        digits.insert(digits.begin(), char(d < 10 ? '0' + d : 'a' + d - 10));
        u /= unsigned(base);
    } while (u);
    return newStr(space, std::string(negative ? "-" : "") + prefix + digits);
}

Ref fnHex(ObjectSpace& space, Value, const CallArgs& args) { return radix(space, args, "hex", 16, "0x"); }
Ref fnOct(ObjectSpace& space, Value, const CallArgs& args) { return radix(space, args, "oct", 8, "0o"); }
Ref fnBin(ObjectSpace& space, Value, const CallArgs& args) { return radix(space, args, "bin", 2, "0b"); }

Ref fnFormat(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"format", {"value", "format_spec"}, 1, 2}, a)) return Ref();
    if (a[1] && !isStr(space, a[1])) {
        std::string msg = "format() argument 2 must be str, not ";
        msg += typeName(space, a[1]);
        return space.raise(space.types().TypeError, msg);
    }
    return formatValue(space, a[0], a[1] ? strView(a[1]) : std::string_view());
}

Ref fnIsinstance(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"isinstance", {"obj", "class_or_tuple"}, 2, 2, std::size_t(-1), ArgStyle::Checked}, a))
        return Ref();
    const int r = isInstance(space, a[0], a[1]);
    if (r < 0) return Ref();
    return Ref::boolean(r != 0);
}

Ref fnIssubclass(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"issubclass", {"cls", "class_or_tuple"}, 2, 2, std::size_t(-1), ArgStyle::Checked}, a))
        return Ref();
    const int r = isSubclass(space, a[0], a[1]);
    if (r < 0) return Ref();
    return Ref::boolean(r != 0);
}

bool attrName(ObjectSpace& space, const char* fn, Value v)
{
    if (isStr(space, v)) return true;
    std::string msg = std::string(fn) + "(): attribute name must be string, not '";
    msg += typeName(space, v);
    msg += "'";
    space.raise(space.types().TypeError, msg);
    return false;
}

StrObject* internName(ObjectSpace& space, Value v) { return space.intern(strView(v)); }

Ref fnGetattr(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkNoKeywords(space, args, "getattr")) return Ref();
    if (args.positional < 2 || args.positional > 3) {
        std::string msg = args.positional < 2 ? "getattr expected at least 2 arguments, got "
                                              : "getattr expected at most 3 arguments, got ";
        return space.raise(space.types().TypeError, msg + std::to_string(args.positional));
    }
    if (!attrName(space, "getattr", args[1])) return Ref();
    if (args.positional == 3) {
        Ref r = getAttrOptional(space, args[0], internName(space, args[1]));
        if (r || space.hasError()) return r;
        return Ref::borrow(args[2]);
    }
    return getAttr(space, args[0], internName(space, args[1]));
}

Ref fnHasattr(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"hasattr", {"obj", "name"}, 2, 2, std::size_t(-1), ArgStyle::Checked}, a))
        return Ref();
    if (!attrName(space, "hasattr", a[1])) return Ref();
    Ref r = getAttrOptional(space, a[0], internName(space, a[1]));
    if (!r && space.hasError()) return Ref();
    return Ref::boolean(static_cast<bool>(r));
}

Ref fnSetattr(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[3];
    if (!parseArgs(space, args, {"setattr", {"obj", "name", "value"}, 3, 3, std::size_t(-1), ArgStyle::Checked}, a))
        return Ref();
    if (!attrName(space, "setattr", a[1])) return Ref();
    if (!setAttr(space, a[0], internName(space, a[1]), a[2])) return Ref();
    return Ref::none();
}

Ref fnDelattr(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"delattr", {"obj", "name"}, 2, 2, std::size_t(-1), ArgStyle::Checked}, a))
        return Ref();
    if (!attrName(space, "delattr", a[1])) return Ref();
    if (!delAttr(space, a[0], internName(space, a[1]))) return Ref();
    return Ref::none();
}

Ref fnIter(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkNoKeywords(space, args, "iter")) return Ref();
    if (args.positional == 1) return getIter(space, args[0]);
    if (args.positional == 2) {
        if (!isCallable(space, args[0])) return space.raise(space.types().TypeError, "iter(v, w): v must be callable");
        return newCallIter(space, args[0], args[1]);
    }
    std::string msg = args.positional == 0 ? "iter expected at least 1 argument, got 0"
                                           : "iter expected at most 2 arguments, got " + std::to_string(args.positional);
    return space.raise(space.types().TypeError, msg);
}

Ref fnNext(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkNoKeywords(space, args, "next")) return Ref();
    if (args.positional < 1 || args.positional > 2) {
        std::string msg = args.positional == 0 ? "next expected at least 1 argument, got 0"
                                               : "next expected at most 2 arguments, got " + std::to_string(args.positional);
        return space.raise(space.types().TypeError, msg);
    }
    TypeObject* t = space.typeOf(args[0]);
    if (t == vmOf(space).vmTypes().generator.get()) {
        // Keeps the generator's return value in StopIteration.value.
        Ref r = vmOf(space).genSend(args[0], Value::none());
        if (!r && args.positional == 2 && space.errorMatches(space.types().StopIteration)) {
            space.clearError();
            return Ref::borrow(args[1]);
        }
        return r;
    }
    if (!t->m_slots.next) {
        std::string msg = "'";
        msg += typeName(space, args[0]);
        msg += "' object is not an iterator";
        return space.raise(space.types().TypeError, msg);
    }
    Ref r = t->m_slots.next(space, args[0]);
    if (r) return r;
    if (space.hasError()) {
        if (args.positional == 2 && space.errorMatches(space.types().StopIteration)) {
            space.clearError();
            return Ref::borrow(args[1]);
        }
        return Ref();
    }
    if (args.positional == 2) return Ref::borrow(args[1]);
    return space.raiseEmpty(space.types().StopIteration);
}

Ref fnAiter(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkOneArg(space, args, "aiter")) return Ref();
    return callMethod(space, args[0], "__aiter__", {});
}

Ref fnAnext(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkOneArg(space, args, "anext")) return Ref();
    return callMethod(space, args[0], "__anext__", {});
}

Ref fnInput(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"input", {"prompt"}, 0, 1}, a)) return Ref();
    Vm& vm = vmOf(space);
    if (a[0]) {
        std::string prompt;
        if (!strString(space, a[0], prompt)) return Ref();
        vm.write(Stream::Stdout, prompt);
    }
    std::string line;
    if (!vm.nextInputLine(line)) return space.raise(space.types().EOFError, "EOF when reading a line");
    return newStr(space, line);
}

Ref fnGlobals(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "globals")) return Ref();
    DictObject* g = vmOf(space).currentGlobals();
    return g ? Ref::borrow(Value::fromObject(g)) : newDict(space);
}

/// locals(): the namespace dict of a class body or the module, or a
/// snapshot of a function's bound locals.
Ref currentLocals(ObjectSpace& space)
{
    Vm& vm = vmOf(space);
    Frame* f = vm.currentFrame();
    if (!f) return newDict(space);
    if (f->m_locals) return Ref::borrow(f->m_locals);
    if (f->m_code->has(CodeFlag::ModuleBody)) return Ref::borrow(Value::fromObject(f->m_globals));
    Ref d = newDict(space);
    if (!d) return d;
    const Code& c = *f->m_code;
    for (std::uint32_t i = 0; i < c.localCount(); ++i) {
        Value v = f->slots()[i];
        if (v && !dictSet(space, d.as<DictObject>(), c.varnames[i].get(), v)) return Ref();
    }
    for (std::uint32_t i = 0; i < c.cellCount() + c.freeCount(); ++i) {
        Value cell = f->slots()[c.localCount() + i];
        Value v = cell ? asCell(cell)->m_ref : Value();
        Value name = i < c.cellCount() ? c.cellvars[i].get() : c.freevars[i - c.cellCount()].get();
        if (v && !dictSet(space, d.as<DictObject>(), name, v)) return Ref();
    }
    return d;
}

Ref fnLocals(ObjectSpace& space, Value, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "locals")) return Ref();
    return currentLocals(space);
}

Ref fnVars(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"vars", {"object"}, 0, 1}, a)) return Ref();
    if (!a[0]) return currentLocals(space);
    Ref d = getAttrOptional(space, a[0], space.intern("__dict__"));
    if (!d && !space.hasError())
        return space.raise(space.types().TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

Ref fnDir(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"dir", {"object"}, 0, 1}, a)) return Ref();
    Ref names;
    if (!a[0]) {
        Ref locals = currentLocals(space);
        if (!locals) return Ref();
        names = listFromIterable(space, locals.get());
    } else {
        Ref d = callMethod(space, a[0], "__dir__", {});
        if (!d) return Ref();
        names = listFromIterable(space, d.get());
    }
    if (!names || !listSort(space, names.as<ListObject>(), Value(), false)) return Ref();
    return names;
}

Ref fnBuildClass(ObjectSpace& space, Value, const CallArgs& args)
{
    Vm& vm = vmOf(space);
    if (args.positional < 2) return space.raise(space.types().TypeError, "__build_class__: not enough arguments");
    Value func = args[0];
    if (space.typeOf(func) != vm.vmTypes().function.get())
        return space.raise(space.types().TypeError, "__build_class__: func must be a function");
    Value name = args[1];
    if (!isStr(space, name)) return space.raise(space.types().TypeError, "__build_class__: name is not a string");
    Ref bases = newTupleFrom(space, args.values + 2, std::int64_t(args.positional - 2));
    if (!bases) return Ref();
    Value meta;
    for (std::size_t k = 0; k < args.keywordCount(); ++k) {
        if (strView(args.keywordName(k)) == "metaclass")
            meta = args.keywordValue(k);
        else
            return space.raise(space.types().TypeError, "keyword arguments in a class header are not supported in pylite");
    }
    if (!meta) {
        meta = args.positional > 2 ? Value::fromObject(space.typeOf(args[2])) : Value::fromObject(space.types().typeType);
    }
    Ref ns = newDict(space);
    if (!ns) return Ref();
    Ref cell = vm.runClassBody(func, ns.get());
    if (!cell) return Ref();
    Ref cls = callFunction(space, meta, {name, bases.get(), ns.get()});
    if (!cls) return Ref();
    if (cell.get().isObject() && space.typeOf(cell.get()) == vm.vmTypes().cell.get())
        assignField(asCell(cell.get())->m_ref, cls.get());
    return cls;
}

Ref fnImport(ObjectSpace& space, Value, const CallArgs& args)
{
    if (args.positional < 1 || !isStr(space, args[0]))
        return space.raise(space.types().TypeError, "__import__() argument 1 must be str");
    return vmOf(space).importModule(strView(args[0]));
}

Ref fnExit(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"exit", {"code"}, 0, 1}, a)) return Ref();
    if (!a[0]) return space.raiseEmpty(space.types().SystemExit);
    return space.raiseWith(space.types().SystemExit, a[0]);
}

} // namespace

void addBuiltinFunctions(Vm& vm, Value dict)
{
    ObjectSpace& space = vm.space();
    DictObject* d = asDict(dict);
    Ref moduleName = newStr(space, "builtins");
    auto add = [&](const char* name, NativeFn fn) {
        Ref f = newBuiltinFunction(space, name, fn, Value(), moduleName.get());
        if (f) dictSetStr(space, d, name, f.get());
    };
    add("__build_class__", fnBuildClass);
    add("__import__", fnImport);
    add("abs", fnAbs);
    add("ascii", fnAscii);
    add("bin", fnBin);
    add("callable", fnCallable);
    add("chr", fnChr);
    add("delattr", fnDelattr);
    add("dir", fnDir);
    add("divmod", fnDivmod);
    add("format", fnFormat);
    add("getattr", fnGetattr);
    add("globals", fnGlobals);
    add("hasattr", fnHasattr);
    add("hash", fnHash);
    add("hex", fnHex);
    add("id", fnId);
    add("input", fnInput);
    add("isinstance", fnIsinstance);
    add("issubclass", fnIssubclass);
    add("iter", fnIter);
    add("aiter", fnAiter);
    add("len", fnLen);
    add("locals", fnLocals);
    add("next", fnNext);
    add("anext", fnAnext);
    add("oct", fnOct);
    add("ord", fnOrd);
    add("pow", fnPow);
    add("print", builtinPrint);
    add("repr", fnRepr);
    add("round", fnRound);
    add("setattr", fnSetattr);
    add("vars", fnVars);
    add("exit", fnExit);
    add("quit", fnExit);
}

} // namespace coroscope::pylite
