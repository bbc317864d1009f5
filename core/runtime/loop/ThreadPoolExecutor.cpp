#include "core/runtime/loop/ThreadPoolExecutor.h"

#include "core/runtime/loop/Handle.h"

#include <cassert>
#include <cstdio>
#include <cstdlib>

namespace coroscope {

/// One simulated thread. Its lifecycle per job: Ready (start queued with
/// call_soon) -> Running on the fiber -> possibly blocked (lane clock ahead,
/// fiber parked, a loop timer pending) -> Running again -> idle (Waiting on
/// WaitKind::Executor) once the job returns.
class ThreadPoolExecutor::Worker final : public EventLoop::BlockingLane {
public:
    Worker(ThreadPoolExecutor& executor, std::size_t index)
        : m_executor(executor)
        , m_name(executor.m_prefix + "_" + std::to_string(index))
    {
        EventLoop& loop = executor.m_loop;
        RunContext& ctx = loop.context();
        m_lane = ctx.nextTaskId++;
        if (ctx.tracing())
            ctx.emit(Event{EventKind::TaskCreated, std::uint8_t(TaskKind::Thread), 0, m_lane, loop.currentTaskId(), 0,
                           ctx.text(m_name)});
    }

    ~Worker()
    {
        if (m_pending)
            m_pending->cancel();
        // Dropping a parked fiber kills it: GreenletExit unwinds the job from
        // its blocking call, on the executor's fiber runtime.
        m_fiber.reset();
    }

    TaskId lane() const { return m_lane; }
    const std::string& name() const { return m_name; }
    bool idle() const { return !m_job; }
    Job* job() const { return m_job.get(); }

    /// Takes a job; it starts in the next pass (as a thread picks up work).
    void assign(std::unique_ptr<Job> job)
    {
        assert(!m_job);
        m_job = std::move(job);
        m_started = false;
        EventLoop& loop = m_executor.m_loop;
        m_pending = HandleRef(loop.scheduleSoon([this] { run(); }, nullptr, m_lane, false));
        loop.context().emit(Event{EventKind::TaskState, std::uint8_t(TaskState::Ready), 0, m_lane, 0, 0, 0});
    }

    /// time.sleep(duration) inside the job, on the worker's fiber: only this
    /// lane's clock moves; the loop takes over until the wake-up timer.
    void block(Nanos duration) override
    {
        EventLoop& loop = m_executor.m_loop;
        RunContext& ctx = loop.context();
        const Nanos until = loop.now() + duration;
        ctx.emit(Event{EventKind::ClockAdvance, std::uint8_t(ClockWhy::Worker), 0, 0, m_lane, 0, std::uint64_t(until)});
        m_pending = HandleRef(loop.scheduleAt(until, [this] { run(); }, m_lane, false));
        m_blocked = true;
        m_executor.m_fibers.currentGreenlet().parent()->switchTo(0);
    }

private:
    /// A loop callback: starts or resumes the job on the fiber until it
    /// blocks or returns.
    void run()
    {
        m_pending.reset();
        EventLoop& loop = m_executor.m_loop;
        RunContext& ctx = loop.context();
        if (!m_started && m_job->future().cancelled()) {
            // Cancelled before it ran: concurrent.futures never runs it.
            m_job.reset();
            becomeIdle(ctx);
            m_executor.dispatch();
            return;
        }
        ctx.emit(Event{EventKind::Switch, std::uint8_t(m_started ? SwitchWhy::Resume : SwitchWhy::Start), 0, m_lane, 0,
                       0, 0});
        if (!m_started) {
            ctx.emit(Event{EventKind::TaskState, std::uint8_t(TaskState::Running), 0, m_lane, 0, 0, 0});
            m_started = true;
            m_fiber = m_executor.m_fibers.create([this](Greenlet::Value) -> Greenlet::Value {
                m_job->run();
                return 0;
            }, {}, m_name);
        }
        m_blocked = false;
        EventLoop::BlockingLane* previous = loop.setBlockingLane(this);
        try {
            m_fiber->switchTo(0);
        } catch (...) {
            rethrowIfForcedUnwind();
            loop.setBlockingLane(previous);
            throw;
        }
        loop.setBlockingLane(previous);

        if (m_blocked) {
            ctx.emit(Event{EventKind::Switch, std::uint8_t(SwitchWhy::Block), 0, 0, m_lane, 0, 0});
            return;
        }
        // The job returned: its fiber is dead and its stack back in the pool.
        m_fiber.reset();
        becomeIdle(ctx);
        ctx.emit(Event{EventKind::Switch, std::uint8_t(SwitchWhy::Return), 0, 0, m_lane, 0, 0});
        loop.scheduleSoon([job = std::move(m_job)] { job->deliver(); }, nullptr, 0, false);
        m_executor.dispatch();
    }

    void becomeIdle(RunContext& ctx)
    {
        ctx.emit(Event{EventKind::TaskState, std::uint8_t(TaskState::Waiting), std::uint16_t(WaitKind::Executor),
                       m_lane, 0, 0, 0});
    }

    ThreadPoolExecutor& m_executor;
    std::string m_name;
    std::unique_ptr<Job> m_job;          ///< the job assigned, until it returns
    std::shared_ptr<Greenlet> m_fiber;   ///< the job's fiber while it runs or is parked
    HandleRef m_pending;                 ///< the start callback or the wake-up timer
    TaskId m_lane = 0;
    bool m_started = false;              ///< the current job has entered its fiber
    bool m_blocked = false;              ///< the fiber switched back from block()
};

ThreadPoolExecutor::ThreadPoolExecutor(EventLoop& loop, StackPool& stacks, std::size_t maxWorkers, std::string prefix)
    : m_loop(loop)
    , m_fibers(m_fiberContext, stacks)
    , m_prefix(prefix.empty() ? "ThreadPoolExecutor-" + std::to_string(loop.nextExecutorNumber()) : std::move(prefix))
    , m_maxWorkers(maxWorkers)
{
    if (maxWorkers == 0) {
        std::fprintf(stderr, "ThreadPoolExecutor: maxWorkers is 0 (expected at least 1)\n");
        std::abort();
    }
}

ThreadPoolExecutor::~ThreadPoolExecutor()
{
    std::vector<Ref<FutureBase>> unfinished;
    for (auto& job : m_queue)
        unfinished.emplace_back(&job->future());
    for (auto& w : m_workers)
        if (Job* job = w->job())
            unfinished.emplace_back(&job->future());
    m_queue.clear();
    m_workers.clear();
    for (auto& f : unfinished)
        f->cancel();
}

TaskId ThreadPoolExecutor::workerTask(std::size_t index) const
{
    return m_workers.at(index)->lane();
}

std::string ThreadPoolExecutor::workerName(std::size_t index) const
{
    return m_workers.at(index)->name();
}

void ThreadPoolExecutor::enqueue(std::unique_ptr<Job> job)
{
    m_loop.checkClosed();
    m_queue.push_back(std::move(job));
    // _adjust_thread_count: a new thread only when none is idle.
    bool anyIdle = false;
    for (auto& w : m_workers)
        anyIdle = anyIdle || w->idle();
    if (!anyIdle && m_workers.size() < m_maxWorkers)
        addWorker();
    dispatch();
}

void ThreadPoolExecutor::addWorker()
{
    m_workers.push_back(std::make_unique<Worker>(*this, m_workers.size()));
}

void ThreadPoolExecutor::dispatch()
{
    for (auto& w : m_workers) {
        if (m_queue.empty())
            return;
        if (!w->idle())
            continue;
        std::unique_ptr<Job> job = std::move(m_queue.front());
        m_queue.pop_front();
        w->assign(std::move(job));
    }
}

} // namespace coroscope
