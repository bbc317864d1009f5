// asyncio.wait, asyncio.wait_for and asyncio.shield for pylite, built from
// core futures, done-callbacks and loop timers.

#include "core/script/modules/ScriptModules.h"
#include "core/script/modules/asyncio/AsyncioCommon.h"
#include "core/script/value/Args.h"
#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/TypeObject.h"
#include "core/script/vm/Frame.h"
#include "core/script/vm/Objects.h"
#include "core/script/vm/Vm.h"

#include <cmath>
#include <vector>

namespace coroscope::pylite::detail {

namespace {

/// The body of the coroutine asyncio.wait returns, run when it is first
/// stepped (on the loop running it): `self` is (state box, list of
/// awaitables, timeout, return_when). Returns the future of (done, pending).
Ref waitStart(ObjectSpace& space, Value self, const CallArgs&)
{
    TupleObject* bound = asTuple(self);
    AsyncioState& st = *stateOfModuleFn(space, bound->item(0));
    const Value fs = bound->item(1);
    const Value timeoutValue = bound->item(2);
    const Value whenValue = bound->item(3);
    EventLoop* loop = st.requireLoop();
    if (!loop) return Ref();
    std::string when = "ALL_COMPLETED";
    if (!whenValue.isNone()) {
        when.clear();
        if (!strString(space, whenValue, when)) return Ref();
    }
    if (when != "ALL_COMPLETED" && when != "FIRST_COMPLETED" && when != "FIRST_EXCEPTION")
        return space.raise(space.types().ValueError, "Invalid return_when value: " + when);
    auto children = std::make_shared<std::vector<Ref>>();
    bool ok = forEach(space, fs, [&](Value v) {
        Ref f = ensureFutureIn(st, *loop, v);
        if (!f) return false;
        for (const Ref& c : *children)
            if (c.get() == f.get()) return true;
        children->push_back(std::move(f));
        return true;
    });
    if (!ok) return Ref();
    if (children->empty()) return space.raise(space.types().ValueError, "Set of Tasks/Futures is empty.");
    coroscope::Ref<PyFuture> outer = PyFuture::create(*loop);
    AsyncioState* stp = &st;
    auto finish = [stp, children, outer]() {
        if (outer->done()) return;
        ObjectSpace& sp = stp->vm.space();
        Ref done = callFunction(sp, Value::fromObject(sp.types().setType), {});
        Ref pending = callFunction(sp, Value::fromObject(sp.types().setType), {});
        for (const Ref& c : *children) {
            FuturePayload* p = stp->payloadOf(c.get());
            callMethod(sp, (p->future->done() ? done : pending).get(), "add", {c.get()});
        }
        Ref pair = newTupleOf(sp, {done.get(), pending.get()});
        outer->setResult(std::move(pair));
    };
    auto check = [stp, children, when]() {
        std::size_t doneCount = 0;
        for (const Ref& c : *children) {
            FuturePayload* p = stp->payloadOf(c.get());
            if (!p->future->done()) continue;
            ++doneCount;
            if (when == "FIRST_COMPLETED") return true;
            if (when == "FIRST_EXCEPTION" && !p->future->cancelled() && p->future->exception()) return true;
        }
        return doneCount == children->size();
    };
    if (check()) {
        finish();
        return st.objectOf(*outer);
    }
    for (const Ref& c : *children)
        st.payloadOf(c.get())->future->addDoneCallback([check, finish](FutureBase*) {
            if (check()) finish();
        });
    if (!timeoutValue.isNone()) {
        double timeout;
        if (!toDouble(space, timeoutValue, timeout)) return Ref();
        loop->callLater(Nanos(std::llround(std::max(0.0, timeout) * 1e9)), [finish](FutureBase*) { finish(); });
    }
    return st.objectOf(*outer);
}

/// asyncio.wait(fs, *, timeout=None, return_when=ALL_COMPLETED): a coroutine
/// (asyncio.run and create_task accept it) whose body runs on the loop that
/// steps it. Coroutine objects in `fs` (a TypeError in 3.11) are wrapped in
/// tasks as Python 3.7 did, with a DeprecationWarning at the call.
Ref asyncioWait(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[3];
    if (!parseArgs(space, args, {"wait", {"fs", "timeout", "return_when"}, 1, 0, 1}, a)) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    Ref list = newList(space);
    if (!list) return Ref();
    bool warned = false;
    bool ok = forEach(space, a[0], [&](Value v) {
        if (!warned && (isCoroutine(st.vm, v) || isLegacyCoroutine(st, v))) {
            warned = true;
            st.vm.warn("DeprecationWarning", kWaitCoroutinesWarning, WarningKind::Deprecated);
        }
        return listAppend(space, list.as<ListObject>(), v);
    });
    if (!ok) return Ref();
    Ref bound = newTupleOf(space, {self, list.get(), a[1] ? a[1] : Value::none(), a[2] ? a[2] : Value::none()});
    Ref moduleName = newStr(space, "asyncio");
    Ref start = bound && moduleName ? newBuiltinFunction(space, "wait", waitStart, bound.get(), moduleName.get()) : Ref();
    Ref it = start ? callFunction(space, st.iterType.get(), {}) : Ref();
    if (!it) return Ref();
    DictObject* d = instanceDict(space, it.get());
    Ref name = newStr(space, "wait");
    if (!name || !dictSetStr(space, d, "start", start.get()) || !dictSetStr(space, d, "name", name.get())) return Ref();
    return it;
}

Ref asyncioWaitFor(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"wait_for", {"fut", "timeout"}, 2}, a)) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    EventLoop* loop = loopForCall(st);
    if (!loop) return Ref();
    Ref inner = ensureFutureIn(st, *loop, a[0]);
    if (!inner) return Ref();
    if (a[1].isNone()) return inner;
    double timeout;
    if (!toDouble(space, a[1], timeout)) return Ref();
    coroscope::Ref<FutureBase> in(st.payloadOf(inner.get())->future);
    coroscope::Ref<PyFuture> outer = PyFuture::create(*loop);
    auto timedOut = std::make_shared<bool>(false);
    in->addDoneCallback([outer, timedOut](FutureBase* f) {
        if (outer->done()) return;
        if (*timedOut && f->cancelled()) {
            outer->setException(std::make_exception_ptr(coroscope::TimeoutError()));
            return;
        }
        copyOutcome(*f, *outer);
    });
    loop->callLater(Nanos(std::llround(std::max(0.0, timeout) * 1e9)), [in, outer, timedOut](FutureBase*) {
        if (in->done() || outer->done()) return;
        *timedOut = true;
        in->cancel();
    });
    return st.objectOf(*outer);
}

Ref asyncioShield(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "shield")) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    EventLoop* loop = loopForCall(st);
    if (!loop) return Ref();
    Ref inner = ensureFutureIn(st, *loop, args[0]);
    if (!inner) return Ref();
    FutureBase& in = *st.payloadOf(inner.get())->future;
    if (in.done()) return inner;
    coroscope::Ref<PyFuture> outer = PyFuture::create(*loop);
    Ref keep = inner;
    in.addDoneCallback([outer, keep](FutureBase* f) {
        if (outer->cancelled()) {
            if (!f->cancelled()) (void)f->exception();
            return;
        }
        copyOutcome(*f, *outer);
    });
    return st.objectOf(*outer);
}

} // namespace

bool addWaiting(AsyncioState& st, DictObject* module, Value stateBox)
{
    ObjectSpace& space = st.vm.space();
    Ref moduleName = newStr(space, "asyncio");
    const std::pair<const char*, NativeFn> fns[] = {
        {"wait", asyncioWait},
        {"wait_for", asyncioWaitFor},
        {"shield", asyncioShield},
    };
    for (const auto& [name, fn] : fns) {
        Ref f = newBuiltinFunction(space, name, fn, stateBox, moduleName.get());
        if (!f || !dictSetStr(space, module, name, f.get())) return false;
    }
    for (const char* when : {"ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION"}) {
        Ref text = newStr(space, when);
        if (!text || !dictSetStr(space, module, when, text.get())) return false;
    }
    return true;
}

} // namespace coroscope::pylite::detail
