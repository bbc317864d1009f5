// uvloop: the loop variant without per-step instrumentation (DESIGN.md
// section 5). `uvloop.install()` or
// `asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())` makes every loop
// created afterwards (asyncio.run, new_event_loop) record no loop events:
// its core EventLoop runs on an untraced RunContext (see makeLoopObject in
// AsyncioModule.cpp, which checks the policy's class for
// kUninstrumentedKey). The program's own lines, frames and output are still
// traced, so a run prints the same and records far fewer events, which is
// the throughput difference lesson 15 measures.

#include "core/script/modules/ScriptModules.h"
#include "core/script/modules/asyncio/AsyncioCommon.h"
#include "core/script/modules/world/WorldCommon.h"
#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/TypeObject.h"
#include "core/script/vm/Vm.h"

namespace coroscope::pylite::detail {

namespace {

Ref newPolicy(WorldState& st)
{
    return callFunction(st.vm.space(), st.type("EventLoopPolicy"), {});
}

Ref uvloopInstall(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "install")) return Ref();
    WorldState& st = *worldOfFunction(space, self);
    Ref policy = newPolicy(st);
    if (!policy) return Ref();
    st.asyncio.policy = policy;
    return Ref::none();
}

/// uvloop.new_event_loop(): an uninstrumented loop whatever the policy.
Ref uvloopNewEventLoop(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "new_event_loop")) return Ref();
    WorldState& st = *worldOfFunction(space, self);
    Ref policy = newPolicy(st);
    if (!policy) return Ref();
    Ref previous = std::exchange(st.asyncio.policy, policy);
    Ref loop = st.asyncio.makeLoop();
    st.asyncio.policy = std::move(previous);
    return loop;
}

/// EventLoopPolicy.new_event_loop() / get_event_loop(): asyncio's own, on this policy.
Ref policyNewEventLoop(ObjectSpace& space, Value self, const CallArgs&)
{
    WorldState* st = worldOfInstance(space, self);
    if (!st) return Ref();
    Ref previous = std::exchange(st->asyncio.policy, Ref::borrow(self));
    Ref loop = st->asyncio.makeLoop();
    st->asyncio.policy = std::move(previous);
    return loop;
}

} // namespace

Ref createUvloopModule(Vm& vm)
{
    ObjectSpace& space = vm.space();
    WorldState* st = nullptr;
    Ref box;
    Ref module = newWorldModule(vm, "uvloop", st, box);
    if (!module) return Ref();
    DictObject* d = moduleDict(module.get());
    Ref policy = makeWorldClass(*st, "EventLoopPolicy", Value::fromObject(space.types().objectType), "uvloop");
    if (!policy) return Ref();
    dictSetStr(space, policy.as<TypeObject>()->m_dict, kUninstrumentedKey, Value::trueValue());
    addMethods(space, policy.as<TypeObject>(), {{"new_event_loop", policyNewEventLoop}});
    updateSlots(space, policy.as<TypeObject>());
    if (!dictSetStr(space, d, "EventLoopPolicy", policy.get())) return Ref();
    if (!addWorldFunctions(*st, d, box.get(), "uvloop",
                           {{"install", uvloopInstall}, {"new_event_loop", uvloopNewEventLoop}}))
        return Ref();
    return module;
}

} // namespace coroscope::pylite::detail

namespace coroscope::pylite {

bool isUninstrumentedPolicy(Vm& vm, Value policy)
{
    if (vm.options().world && vm.options().world->uvloop) return true;
    ObjectSpace& space = vm.space();
    return policy && !policy.isNone() && bool(lookupInMro(space, space.typeOf(policy), detail::kUninstrumentedKey));
}

std::unique_ptr<RunContext> uninstrumentedContext()
{
    auto ctx = std::make_unique<RunContext>();
    constexpr std::uint32_t kFirstId = 1u << 30;
    ctx->nextTaskId = kFirstId;
    ctx->nextFutureId = kFirstId;
    ctx->nextTimerId = kFirstId;
    ctx->nextHandleId = kFirstId;
    return ctx;
}

} // namespace coroscope::pylite
