// The Python 3.7 forms the tutorial still uses, kept working with a
// DeprecationWarning that names the modern form (docs/ARCHITECTURE.md,
// "asyncio module: legacy forms and warnings"), and the trace-only warnings
// of the module.
//
// @asyncio.coroutine: the decorator returns a _LegacyCoroutineFunction (a
// descriptor, so methods bind) whose calls return, per generator, an object
// whose __await__ and __iter__ both give the generator. `yield from` in
// another legacy coroutine therefore delegates to the generator, `await`
// drives it as CPython drives an iterable coroutine, and ensure_future /
// asyncio.wait / asyncio.run / create_task run the generator as a Task.

#include "core/script/modules/asyncio/AsyncioCommon.h"
#include "core/script/value/Args.h"
#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/TypeObject.h"
#include "core/script/vm/Frame.h"
#include "core/script/vm/Objects.h"
#include "core/script/vm/Vm.h"

#include <cstdio>

namespace coroscope::pylite::detail {

namespace {

constexpr const char* kGeneratorKey = "gen";

Ref legacyAwait(ObjectSpace& space, Value self, const CallArgs&)
{
    Value gen = dictGetStr(space, instanceDict(space, self), kGeneratorKey);
    if (!gen) return space.raise(space.types().RuntimeError, "legacy coroutine without a generator");
    return Ref::borrow(gen);
}

/// _LegacyCoroutineFunction.__call__: calls the decorated function and
/// wraps the generator it returns.
Ref legacyCall(ObjectSpace& space, Value self, const CallArgs& args)
{
    AsyncioState* st = stateOfType(space, self);
    Value func = dictGetStr(space, instanceDict(space, self), "__wrapped__");
    if (!st || !func) return space.raise(space.types().RuntimeError, "legacy coroutine function without a function");
    Ref result = call(space, func, args);
    if (!result) return Ref();
    Vm& vm = st->vm;
    if (!result.get().isObject() || result.get().object()->m_type != vm.vmTypes().generator.get()) return result;
    Ref wrapper = callFunction(space, st->legacyCoroType.get(), {});
    if (!wrapper || !dictSetStr(space, instanceDict(space, wrapper.get()), kGeneratorKey, result.get())) return Ref();
    return wrapper;
}

bool isBlank(char c) { return c == ' ' || c == '\t'; }

/// The line CPython names for a call of asyncio.coroutine: pylite runs a
/// decorator on its `def` line, CPython on the decorator's own line. From the
/// running line, the decorators above it are scanned for the closest one
/// naming `coroutine` (0 when the call is not a decoration).
int decoratorLine(Vm& vm)
{
    Frame* f = vm.currentFrame();
    if (!f) return 0;
    int best = 0;
    for (int line = f->currentLine() - 1; line > 0; --line) {
        std::string_view text = vm.sourceLine(line);
        std::size_t a = 0;
        while (a < text.size() && isBlank(text[a])) ++a;
        if (a == text.size() || text[a] != '@') break;
        if (best == 0 && text.find("coroutine") != std::string_view::npos) best = line;
    }
    return best;
}

Ref asyncioCoroutine(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "coroutine")) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    st.vm.warn("DeprecationWarning", kCoroutineDecoratorWarning, WarningKind::Deprecated, false, decoratorLine(st.vm));
    Value func = args[0];
    // An `async def` function is already a coroutine function (CPython
    // returns it unchanged).
    Ref code = getAttrOptional(space, func, space.intern("__code__"));
    space.clearError();
    Ref flags = code ? getAttrOptional(space, code.get(), space.intern("co_flags")) : Ref();
    space.clearError();
    std::int64_t f = 0;
    if (flags && asInt64(space, flags.get(), f) && (f & 0x80)) return Ref::borrow(func);
    space.clearError();
    if (!isCallable(space, func)) return space.raise(space.types().TypeError, "coroutine() expects a callable");
    Ref wrapper = callFunction(space, st.legacyFunctionType.get(), {});
    if (!wrapper) return Ref();
    DictObject* d = instanceDict(space, wrapper.get());
    if (!dictSetStr(space, d, "__wrapped__", func)) return Ref();
    for (const char* attr : {"__name__", "__qualname__", "__doc__"}) {
        Ref value = getAttr(space, func, attr);
        space.clearError();
        if (value && !dictSetStr(space, d, attr, value.get())) return Ref();
    }
    return wrapper;
}

/// _LegacyCoroutineFunction.__get__: binds like a function (methods work).
Ref legacyGet(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.positional < 1 || args[0].isNone()) return Ref::borrow(self);
    return newBoundMethod(space, self, args[0]);
}

} // namespace

const char* const kCoroutineDecoratorWarning =
    "\"@coroutine\" decorator is deprecated since Python 3.8, use \"async def\" instead";
const char* const kWaitCoroutinesWarning =
    "The explicit passing of coroutine objects to asyncio.wait() is deprecated since Python 3.8, and scheduled for "
    "removal in Python 3.11; wrap them in tasks with asyncio.create_task() first";
const char* const kGetEventLoopWarning =
    "There is no current event loop: asyncio.get_event_loop() outside a coroutine is deprecated since Python 3.10; "
    "use asyncio.run(main()) instead";

Value legacyGenerator(AsyncioState& st, Value v)
{
    if (!st.legacyCoroType || !v.isObject() || v.object()->m_type != st.legacyCoroType.get().object()) return v;
    Value gen = dictGetStr(st.vm.space(), instanceDict(st.vm.space(), v), kGeneratorKey);
    return gen ? gen : v;
}

bool isLegacyCoroutine(AsyncioState& st, Value v)
{
    return st.legacyCoroType && v.isObject() && v.object()->m_type == st.legacyCoroType.get().object();
}

TaskId runningTraceTask(AsyncioState& st)
{
    if (EventLoop* l = st.loop())
        if (TaskBase* t = l->currentTask()) return t->taskId();
    Frame* f = st.vm.currentFrame();
    return f ? f->m_traceTask : st.vm.mainTask();
}

void traceBlockingCall(AsyncioState& st, std::string_view call, Nanos duration, std::string_view modern)
{
    if (!st.context.tracing()) return;
    EventLoop* l = st.loop();
    TaskBase* task = l ? l->currentTask() : nullptr;
    if (!task) return;
    std::string where = "sys:1";
    if (Frame* f = st.vm.currentFrame()) where = st.vm.filename() + ":" + std::to_string(f->currentLine());
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", double(duration) / 1e9);
    std::string text = where + ": " + std::string(call) + " blocks the event loop for " + seconds +
                       " s inside task '" + task->name() + "': no other task runs meanwhile";
    if (!modern.empty()) text += "; use " + std::string(modern);
    st.context.emit(
        Event{EventKind::Warning, std::uint8_t(WarningKind::BlockingCall), 0, task->taskId(), 0, 0, st.context.text(text)});
}

bool addLegacy(AsyncioState& st, DictObject* module, Value stateBox)
{
    ObjectSpace& space = st.vm.space();
    st.legacyCoroType = makeClass(space, "_LegacyCoroutine", Value::fromObject(space.types().objectType), "asyncio",
                                  nullptr);
    if (!st.legacyCoroType) return false;
    addMethods(space, st.legacyCoroType.as<TypeObject>(), {{"__await__", legacyAwait}, {"__iter__", legacyAwait}});
    updateSlots(space, st.legacyCoroType.as<TypeObject>());
    st.legacyFunctionType = makeClass(space, "_LegacyCoroutineFunction", Value::fromObject(space.types().objectType),
                                      "asyncio", &st);
    if (!st.legacyFunctionType) return false;
    addMethods(space, st.legacyFunctionType.as<TypeObject>(), {{"__call__", legacyCall}, {"__get__", legacyGet}});
    updateSlots(space, st.legacyFunctionType.as<TypeObject>());
    Ref moduleName = newStr(space, "asyncio");
    Ref f = newBuiltinFunction(space, "coroutine", asyncioCoroutine, stateBox, moduleName.get());
    return f && dictSetStr(space, module, "coroutine", f.get());
}

} // namespace coroscope::pylite::detail
