#include "core/script/modules/world/WorldNetwork.h"

#include "core/script/modules/asyncio/AsyncioCommon.h"
#include "core/runtime/loop/ThreadPoolExecutor.h"
#include "core/script/vm/Vm.h"

namespace coroscope::pylite::detail {

namespace {

/// The loop object whose core loop is `loop` (borrowed; null if unknown).
Value loopObjectOf(AsyncioState& st, const EventLoop* loop)
{
    if (st.runningLoop && st.loopOfObject(st.runningLoop.get()) == loop) return st.runningLoop.get();
    if (st.syncLoop && st.loopOfObject(st.syncLoop.get()) == loop) return st.syncLoop.get();
    auto it = st.executorLoops.find(loop);
    return it != st.executorLoops.end() ? it->second : Value();
}

TaskId workerLane(const WorkerContext& ctx)
{
    const ThreadPoolExecutor& ex = *ctx.executor;
    for (std::size_t i = 0; i < ex.workerCount(); ++i)
        if (ex.workerName(i) == ctx.name) return ex.workerTask(i);
    return 0;
}

} // namespace

Network* networkOf(AsyncioState& st, Value loopObject)
{
    LoopPayload* p = st.loopPayloadOf(loopObject);
    if (!p) return nullptr;
    if (!p->network) p->network = std::make_shared<Network>(*p->loop, st.vm.options().world);
    return p->network.get();
}

NetworkSite currentNetworkSite(AsyncioState& st)
{
    NetworkSite site;
    ObjectSpace& space = st.vm.space();
    if (WorkerContext* w = st.activeWorker) {
        site.kind = NetworkSite::Kind::Worker;
        site.network = networkOf(st, loopObjectOf(st, &w->executor->loop()));
        site.client = workerLane(*w);
    } else if (st.runningLoop) {
        site.kind = NetworkSite::Kind::Loop;
        site.network = networkOf(st, st.runningLoop.get());
        site.client = runningTraceTask(st);
    } else {
        site.kind = NetworkSite::Kind::Plain;
        Value loop = syncLoop(st);
        site.network = loop ? networkOf(st, loop) : nullptr;
        site.client = runningTraceTask(st);
    }
    if (!site.network && !space.hasError())
        space.raise(space.types().RuntimeError, "the simulated network has no event loop here");
    return site;
}

Network::Blocker blockerFor(AsyncioState& st, const NetworkSite& site, std::string call, std::string modern)
{
    AsyncioState* stp = &st;
    switch (site.kind) {
    case NetworkSite::Kind::Worker:
        return [stp](Nanos d) { blockWorker(*stp, d); };
    case NetworkSite::Kind::Loop:
        return [stp, call = std::move(call), modern = std::move(modern)](Nanos d) {
            EventLoop* loop = stp->loop();
            traceBlockingCall(*stp, call, d, modern);
            stp->syncClock(*loop);
            loop->block(d);
            stp->syncClock(*loop);
        };
    case NetworkSite::Kind::Plain:
        break;
    }
    return [stp](Nanos d) {
        if (!sleepWithExecutors(*stp, d)) stp->vm.advanceClock(d);
    };
}

Ref raiseNetworkFailure(AsyncioState& st, const std::exception_ptr& e)
{
    try {
        std::rethrow_exception(e);
    } catch (const PyAsyncError& err) {
        st.vm.space().restoreError(err.exception);
        return Ref();
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        return st.raiseCore(std::current_exception());
    }
}

} // namespace coroscope::pylite::detail
