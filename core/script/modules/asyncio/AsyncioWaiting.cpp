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

Ref asyncioWait(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[3];
    if (!parseArgs(space, args, {"wait", {"fs", "timeout", "return_when"}, 1, 0, 1}, a)) return Ref();
    AsyncioState& st = *stateOfModuleFn(space, self);
    EventLoop* loop = loopForCall(st);
    if (!loop) return Ref();
    std::string when = "ALL_COMPLETED";
    if (a[2]) {
        when.clear();
        if (!strString(space, a[2], when)) return Ref();
    }
    if (when != "ALL_COMPLETED" && when != "FIRST_COMPLETED" && when != "FIRST_EXCEPTION")
        return space.raise(space.types().ValueError, "Invalid return_when value: " + when);
    auto children = std::make_shared<std::vector<Ref>>();
    bool warned = false;
    bool ok = forEach(space, a[0], [&](Value v) {
        if (isCoroutine(st.vm, v) && !warned) {
            warned = true;
            st.vm.warn("DeprecationWarning",
                       "The explicit passing of coroutine objects to asyncio.wait() is deprecated since Python "
                       "3.8, and scheduled for removal in Python 3.11.",
                       WarningKind::Deprecated);
        }
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
    if (a[1] && !a[1].isNone()) {
        double timeout;
        if (!toDouble(space, a[1], timeout)) return Ref();
        loop->callLater(Nanos(std::llround(std::max(0.0, timeout) * 1e9)), [finish](FutureBase*) { finish(); });
    }
    return st.objectOf(*outer);
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
