// Frame set-up: binding call arguments to parameters (defaults, *args,
// keyword-only parameters, **kwargs) with CPython 3.11's error messages,
// creating cells and copying the closure.

#include "core/script/value/Dict.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/vm/detail/Interp.h"
#include "core/script/vm/detail/VmSetup.h"

#include <cstring>
#include <string>
#include <vector>

namespace coroscope::pylite {

namespace {

std::string qualnameOf(FunctionObject* func) { return std::string(strView(func->m_qualname)); }

std::string joinNames(const std::vector<std::string_view>& names)
{
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'";
        out += names[i];
        out += "'";
    }
    return out;
}

void missingArguments(ObjectSpace& space, FunctionObject* func, const char* kind,
                      const std::vector<std::string_view>& names)
{
    std::string msg = qualnameOf(func) + "() missing " + std::to_string(names.size()) + " required " + kind +
                      " argument" + (names.size() == 1 ? "" : "s") + ": " + joinNames(names);
    space.raise(space.types().TypeError, msg);
}

void tooManyPositional(ObjectSpace& space, FunctionObject* func, const Code& code, std::size_t given,
                       std::size_t defcount, const Value* slots)
{
    std::size_t kwonlyGiven = 0;
    for (std::uint32_t i = 0; i < code.kwOnlyCount; ++i)
        if (slots[code.argCount + i]) ++kwonlyGiven;
    std::string sig;
    bool plural;
    if (defcount) {
        plural = true;
        sig = "from " + std::to_string(code.argCount - defcount) + " to " + std::to_string(code.argCount);
    } else {
        plural = code.argCount != 1;
        sig = std::to_string(code.argCount);
    }
    std::string kwonlySig;
    if (kwonlyGiven) {
        kwonlySig = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " +
                    std::to_string(kwonlyGiven) + " keyword-only argument" + (kwonlyGiven != 1 ? "s" : "") + ")";
    }
    std::string msg = qualnameOf(func) + "() takes " + sig + " positional argument" + (plural ? "s" : "") + " but " +
                      std::to_string(given) + kwonlySig + " " + (given == 1 && !kwonlyGiven ? "was" : "were") +
                      " given";
    space.raise(space.types().TypeError, msg);
}

bool sameName(Value a, Value b)
{
    if (a == b) return true;
    return strView(a) == strView(b);
}

/// The general binder: everything but the exact-positional fast path.
bool bindArguments(Vm& vm, FunctionObject* func, const Code& code, const Value* args, std::size_t nargs,
                   Value kwnames, Value* slots)
{
    ObjectSpace& space = vm.space();
    const std::size_t nkw = kwnames ? std::size_t(asTuple(kwnames)->m_size) : 0;
    const std::size_t npos = nargs - nkw;
    const std::uint32_t argCount = code.argCount;
    const std::uint32_t total = argCount + code.kwOnlyCount;
    const bool varArgs = code.has(CodeFlag::VarArgs);
    const bool varKw = code.has(CodeFlag::VarKeywords);

    DictObject* kwdict = nullptr;
    if (varKw) {
        Ref d = newDict(space);
        if (!d) return false;
        kwdict = d.as<DictObject>();
        slots[total + (varArgs ? 1 : 0)] = d.release();
    }

    const std::size_t n = npos < argCount ? npos : argCount;
    for (std::size_t i = 0; i < n; ++i) {
        incref(args[i]);
        slots[i] = args[i];
    }
    if (varArgs) {
        Ref rest = npos > argCount ? newTupleFrom(space, args + argCount, std::int64_t(npos - argCount))
                                   : Ref::borrow(space.emptyTuple());
        if (!rest) return false;
        slots[total] = rest.release();
    }

    std::vector<std::string_view> posOnlyAsKw;
    for (std::size_t k = 0; k < nkw; ++k) {
        Value name = asTuple(kwnames)->items()[k];
        Value value = args[npos + k];
        if (!isStr(space, name)) {
            space.raise(space.types().TypeError, qualnameOf(func) + "() keywords must be strings");
            return false;
        }
        std::int64_t found = -1;
        for (std::uint32_t j = code.posOnlyCount; j < total; ++j) {
            if (sameName(code.varnames[j].get(), name)) {
                found = j;
                break;
            }
        }
        if (found < 0) {
            bool posOnly = false;
            for (std::uint32_t j = 0; j < code.posOnlyCount; ++j)
                posOnly = posOnly || sameName(code.varnames[j].get(), name);
            if (kwdict) {
                if (!dictSet(space, kwdict, name, value)) return false;
                continue;
            }
            if (posOnly) {
                posOnlyAsKw.push_back(strView(name));
                continue;
            }
            space.raise(space.types().TypeError, qualnameOf(func) + "() got an unexpected keyword argument '" +
                                                     std::string(strView(name)) + "'");
            return false;
        }
        if (slots[found]) {
            space.raise(space.types().TypeError, qualnameOf(func) + "() got multiple values for argument '" +
                                                     std::string(strView(name)) + "'");
            return false;
        }
        incref(value);
        slots[found] = value;
    }
    if (!posOnlyAsKw.empty()) {
        std::string names;
        for (std::size_t i = 0; i < posOnlyAsKw.size(); ++i) {
            if (i) names += ", ";
            names += posOnlyAsKw[i];
        }
        space.raise(space.types().TypeError,
                    qualnameOf(func) + "() got some positional-only arguments passed as keyword arguments: '" +
                        names + "'");
        return false;
    }

    const std::size_t defcount = func->m_defaults ? std::size_t(asTuple(func->m_defaults)->m_size) : 0;
    if (npos > argCount && !varArgs) {
        tooManyPositional(space, func, code, npos, defcount, slots);
        return false;
    }
    if (npos < argCount) {
        const std::size_t firstDefault = argCount - defcount;
        std::vector<std::string_view> missing;
        for (std::size_t i = npos; i < firstDefault; ++i)
            if (!slots[i]) missing.push_back(strView(code.varnames[i].get()));
        if (!missing.empty()) {
            missingArguments(space, func, "positional", missing);
            return false;
        }
        for (std::size_t i = npos > firstDefault ? npos : firstDefault; i < argCount; ++i) {
            if (slots[i]) continue;
            Value d = asTuple(func->m_defaults)->items()[i - firstDefault];
            incref(d);
            slots[i] = d;
        }
    }
    if (code.kwOnlyCount) {
        std::vector<std::string_view> missing;
        for (std::uint32_t i = argCount; i < total; ++i) {
            if (slots[i]) continue;
            Value d = func->m_kwDefaults ? dictGet(space, asDict(func->m_kwDefaults), code.varnames[i].get()) : Value();
            if (d) {
                incref(d);
                slots[i] = d;
            } else {
                if (space.hasError()) return false;
                missing.push_back(strView(code.varnames[i].get()));
            }
        }
        if (!missing.empty()) {
            missingArguments(space, func, "keyword-only", missing);
            return false;
        }
    }
    return true;
}

} // namespace

bool Interp::initFrame(Vm& vm, Frame* f, FunctionObject* func, const Value* args, std::size_t nargs,
                       Value kwnames)
{
    Code& code = *func->m_codePtr;
    f->m_back = nullptr;
    f->m_code = &code;
    incref(Value::fromObject(func));
    f->m_func = Value::fromObject(func);
    f->m_globals = asDict(func->m_globals);
    f->m_locals = Value();
    f->m_ip = code.words.data();
    f->m_excInfo = Value();
    f->m_mode = ResumeMode::Call;
    f->m_onStack = false;
    f->m_started = false;
    f->m_countsRecursion = false;
    f->m_lastLine = -1;
    f->m_traceTask = 0;
    f->m_lastOffset = 0;
    Value* slots = f->slots();
    const std::uint32_t nslots = code.slotCount();
    f->m_sp = slots + nslots;
    std::memset(static_cast<void*>(slots), 0, sizeof(Value) * nslots);

    if (!kwnames && nargs == code.argCount && !(code.flags & (std::uint32_t(CodeFlag::VarArgs) |
                                                              std::uint32_t(CodeFlag::VarKeywords))) &&
        code.kwOnlyCount == 0) {
        for (std::size_t i = 0; i < nargs; ++i) {
            incref(args[i]);
            slots[i] = args[i];
        }
    } else if (!bindArguments(vm, func, code, args, nargs, kwnames, slots)) {
        return false;
    }

    const std::uint32_t nlocals = code.localCount();
    for (std::uint32_t i = 0; i < code.cellCount(); ++i) {
        Value contents;
        const std::int32_t param = code.cellParam[i];
        if (param >= 0) contents = slots[param];
        Ref cell = newCell(vm, contents);
        if (!cell) return false;
        if (param >= 0) clearField(slots[param]);
        slots[nlocals + i] = cell.release();
    }
    if (code.freeCount()) {
        TupleObject* closure = func->m_closure ? asTuple(func->m_closure) : nullptr;
        for (std::uint32_t i = 0; i < code.freeCount(); ++i) {
            Value cell = closure && i < std::uint32_t(closure->m_size) ? closure->items()[i] : Value();
            incref(cell);
            slots[nlocals + code.cellCount() + i] = cell;
        }
    }
    return true;
}

void Interp::clearFrame(Frame* f, Value* sp)
{
    Value* slots = f->slots();
    const std::uint32_t n = f->m_code->slotCount();
    for (std::uint32_t i = 0; i < n; ++i) {
        Value v = slots[i];
        slots[i] = Value();
        decref(v);
    }
    for (Value* p = f->stackBase(); p < sp; ++p) {
        Value v = *p;
        *p = Value();
        decref(v);
    }
    f->m_sp = f->stackBase();
    clearField(f->m_excInfo);
    clearField(f->m_locals);
    Value func = f->m_func;
    f->m_func = Value();
    decref(func);
}

} // namespace coroscope::pylite
