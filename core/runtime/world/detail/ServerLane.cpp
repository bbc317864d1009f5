#include "core/runtime/world/detail/ServerLane.h"

#include "core/runtime/ForcedUnwind.h"

#include <cassert>
#include <utility>

namespace coroscope::detail {

ServerLane::ServerLane(Network& network, std::string host)
    : m_network(network)
    , m_loop(network.loop())
    , m_host(std::move(host))
    , m_id(m_loop.context().nextTaskId++)
{
    RunContext& ctx = m_loop.context();
    if (ctx.tracing()) {
        ctx.emit(Event{EventKind::TaskCreated, std::uint8_t(TaskKind::Server), 0, m_id, 0, 0, ctx.text(m_host)});
        emitState(TaskState::Waiting, WaitKind::Io);
    }
}

ServerLane::~ServerLane()
{
    if (m_coro)
        std::exchange(m_coro, nullptr)->destroy();
}

void ServerLane::emitState(TaskState state, WaitKind wait)
{
    m_loop.context().emit(Event{EventKind::TaskState, std::uint8_t(state), std::uint16_t(wait), m_id, 0, 0, 0});
}

void ServerLane::push(Network::Job job)
{
    m_jobs.push_back(std::move(job));
    if (!m_started) {
        m_started = true;
        m_coro = body().release();
        m_stepScheduled = true;
        std::weak_ptr<ServerLane> weak = weak_from_this();
        m_loop.callSoon([weak] {
            if (auto lane = weak.lock())
                lane->step();
        });
        if (m_loop.context().tracing())
            emitState(TaskState::Ready, WaitKind::None);
        return;
    }
    if (m_wake && !m_wake->done())
        m_wake->setResult();
}

co::Task<void> ServerLane::body()
{
    for (;;) {
        while (m_jobs.empty()) {
            m_wake = Future<void>::create(m_loop);
            m_wake->setWaitTag(WaitKind::Io, 0);
            co_await m_wake;
        }
        Network::Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        std::exception_ptr error = m_network.serve(job);
        if (job.failAfterWait)
            error = job.failAfterWait;
        if (error)
            error = Network::mapped(job.trip, error);
        // The reply (or the client's timeout) lands `wait` after the request left.
        const Nanos when = std::max(m_loop.now(), job.sentAt + job.wait);
        EventLoop* loop = &m_loop;
        const std::string host = job.endpoint.host;
        const TaskId client = job.client;
        const Nanos latency = job.endpoint.latency;
        const std::uint64_t bytes = error ? 0 : job.replyBytes;
        m_loop.callAt(when, [loop, host, client, latency, bytes, error, finish = std::move(job.finish)] {
            RunContext& ctx = loop->context();
            if (ctx.tracing())
                ctx.emit(Event{EventKind::Io, std::uint8_t(IoOp::Receive), 0, client, std::uint32_t(bytes),
                               std::uint32_t(latency / 1000), ctx.text(host)});
            finish(error);
        });
    }
}

void ServerLane::step()
{
    m_stepScheduled = false;
    RunContext& ctx = m_loop.context();
    const bool tracing = ctx.tracing();
    if (tracing) {
        ctx.emit(Event{EventKind::Switch, std::uint8_t(SwitchWhy::Resume), 0, m_id, 0, 0, 0});
        emitState(TaskState::Running, WaitKind::None);
    }
    const CoStep s = m_coro->resume(nullptr);
    // The body loops forever: it only ever stops at its co_await.
    assert(s.status == CoStatus::Await && s.awaited);
    if (tracing) {
        emitState(TaskState::Waiting, WaitKind::Io);
        ctx.emit(Event{EventKind::Switch, std::uint8_t(SwitchWhy::Await), 0, 0, m_id, 0, 0});
    }
    if (s.status != CoStatus::Await || !s.awaited)
        return;
    std::weak_ptr<ServerLane> weak = weak_from_this();
    s.awaited->addDoneCallback(
        [weak](FutureBase*) {
            if (auto lane = weak.lock())
                lane->step();
        },
        m_id);
}

} // namespace coroscope::detail
