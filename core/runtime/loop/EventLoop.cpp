#include "core/runtime/loop/EventLoop.h"

#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/FutureBase.h"
#include "core/runtime/loop/TaskBase.h"
#include "core/runtime/loop/detail/HandlePool.h"
#include "core/runtime/ForcedUnwind.h"

#include <algorithm>
#include <cassert>

namespace coroscope {

namespace {

// CPython's _MIN_SCHEDULED_TIMER_HANDLES and _MIN_CANCELLED_TIMER_HANDLES_FRACTION.
constexpr std::size_t kMinScheduledTimers = 100;

} // namespace

bool EventLoop::firesLater(const Handle* a, const Handle* b)
{
    return a->m_when != b->m_when ? a->m_when > b->m_when : a->m_seq > b->m_seq;
}

// ---- Handle ----------------------------------------------------------------

void Handle::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    if (EventLoop* loop = m_pool->loop())
        loop->onHandleCancelled(*this);
    // As CPython drops _callback and _args: release what the callable holds now,
    // unless it is the callable that is running.
    if (!m_running)
        releaseCallable();
}

void Handle::releaseCallable()
{
    m_fn.reset();
    if (FutureBase* arg = std::exchange(m_arg, nullptr))
        arg->unref();
}

void Handle::recycle()
{
    releaseCallable();
    m_pool->release(this);
}

// ---- EventLoop ---------------------------------------------------------------

EventLoop::EventLoop(RunContext& ctx)
    : m_ctx(ctx)
    , m_pool(new detail::HandlePool(this))
{
}

EventLoop::~EventLoop()
{
    // A pending task and the future it awaits reference each other (the
    // future's callbacks hold the task, the task's frame holds the future).
    // CPython's garbage collector breaks such cycles ("Task was destroyed but
    // it is pending!"); here the loop does, by unwinding pending coroutines.
    // Callbacks of pending futures can never run now; dropping them breaks
    // the cycles through gather() and wait() helpers as well.
    std::vector<Ref<FutureBase>> pending;
    for (FutureBase* f = m_firstFuture; f; f = f->m_nextFuture)
        if (!f->done())
            pending.emplace_back(f);
    for (Ref<FutureBase>& f : pending) {
        if (TaskBase* t = f->asTask())
            t->abandon();
        f->dropCallbacks();
    }
    pending.clear();
    releaseAll();
    // Futures still referenced from outside outlive us; they must not touch the loop again.
    for (FutureBase* f = m_firstFuture; f;) {
        FutureBase* next = f->m_nextFuture;
        f->m_loop = nullptr;
        f->m_prevFuture = f->m_nextFuture = nullptr;
        f = next;
    }
    m_firstFuture = m_lastFuture = nullptr;
    m_pool->detachLoop();
}

void EventLoop::releaseAll()
{
    // Releasing a handle may destroy tasks and coroutine frames whose
    // destructors cancel or schedule other handles: drain until stable.
    while (!m_ready.empty() || !m_timers.empty()) {
        detail::RingQueue<std::uintptr_t> ready;
        ready.swap(m_ready);
        std::vector<Handle*> timers;
        std::swap(timers, m_timers);
        m_timerCancelledCount = 0;
        // A dropped handle can never run: release its callable now, since
        // whoever still holds the handle may be held by that callable.
        while (!ready.empty())
            dropReady(ready.pop());
        for (Handle* h : timers) {
            h->m_inHeap = false;
            drop(h);
        }
    }
}

void EventLoop::drop(Handle* h)
{
    if (!h->m_running)
        h->releaseCallable();
    h->unref();
}

void EventLoop::dropReady(std::uintptr_t entry)
{
    switch (entry & kReadyTagMask) {
    case kReadyStep: {
        TaskBase* task = reinterpret_cast<TaskBase*>(entry & ~std::uintptr_t(kReadyTagMask));
        task->m_stepQueued = false;
        task->unref();
        break;
    }
    case kReadyCallback: {
        FutureBase* future = reinterpret_cast<FutureBase*>(entry & ~std::uintptr_t(kReadyTagMask));
        future->m_callbacks.popFront();
        future->unref();
        break;
    }
    default:
        drop(reinterpret_cast<Handle*>(entry));
    }
}

void EventLoop::checkClosed() const
{
    if (m_closed)
        throw RuntimeError("Event loop is closed");
}

std::size_t EventLoop::handlesInUse() const
{
    return m_pool->live();
}

TaskId EventLoop::currentTaskId() const
{
    return m_currentTask ? m_currentTask->taskId() : 0;
}

TaskId EventLoop::createCallbackTask(std::string_view name)
{
    const TaskId id = m_ctx.nextTaskId++;
    if (m_ctx.tracing())
        m_ctx.emit(Event{EventKind::TaskCreated, std::uint8_t(TaskKind::Callback), 0, id, currentTaskId(), 0,
                         m_ctx.text(name)});
    return id;
}

Handle* EventLoop::scheduleSoon(Callback fn, FutureBase* arg, TaskId task, bool ownsTask)
{
    checkClosed();
    Handle* h = m_pool->acquire();
    h->m_fn = std::move(fn);
    if (arg) {
        arg->ref();
        h->m_arg = arg;
    }
    h->m_id = m_ctx.nextHandleId++;
    h->m_task = task;
    h->m_ownsTask = ownsTask;
    h->m_refs = 1; // the ready queue's
    pushReady(h);
    return h;
}

Handle* EventLoop::scheduleAt(Nanos when, Callback fn, TaskId task, bool ownsTask)
{
    checkClosed();
    Handle* h = m_pool->acquire();
    h->m_fn = std::move(fn);
    h->m_id = m_ctx.nextHandleId++;
    h->m_timer = m_ctx.nextTimerId++;
    h->m_task = task ? task : currentTaskId();
    h->m_ownsTask = ownsTask;
    h->m_when = when;
    h->m_seq = m_timerSeq++;
    h->m_inHeap = true;
    h->m_refs = 1; // the heap's
    m_timers.push_back(h);
    std::push_heap(m_timers.begin(), m_timers.end(), firesLater);
    m_ctx.emit(Event{EventKind::TimerScheduled, 0, 0, h->m_timer, h->m_task, h->m_id, std::uint64_t(when)});
    return h;
}

void EventLoop::pushReady(Handle* h)
{
    m_ready.push(reinterpret_cast<std::uintptr_t>(h));
    m_ctx.emit(Event{EventKind::ReadyPush, 0, 0, h->m_id, h->m_task, 0, 0});
}

void EventLoop::pushReadyStep(TaskBase& task)
{
    checkClosed();
    task.m_stepId = m_ctx.nextHandleId++;
    task.m_stepQueued = true;
    task.ref(); // the ready queue's
    m_ready.push(reinterpret_cast<std::uintptr_t>(&task) | kReadyStep);
    m_ctx.emit(Event{EventKind::ReadyPush, 0, 0, task.m_stepId, task.m_id, 0, 0});
}

HandleId EventLoop::pushReadyCallback(FutureBase& future, TaskId waiter)
{
    const HandleId id = m_ctx.nextHandleId++;
    future.ref(); // the ready queue's
    m_ready.push(reinterpret_cast<std::uintptr_t>(&future) | kReadyCallback);
    m_ctx.emit(Event{EventKind::ReadyPush, 0, 0, id, waiter, 0, 0});
    return id;
}

void EventLoop::onHandleCancelled(Handle& h)
{
    // Only a timer still in the heap is a pending timer. One that already
    // fired waits in the ready queue (it is skipped when popped) or has run
    // (asyncio.sleep's `finally` cancels it as a formality).
    if (!h.m_timer || !h.m_inHeap)
        return;
    ++m_timerCancelledCount;
    m_ctx.emit(Event{EventKind::TimerCancelled, 0, 0, h.m_timer, h.m_task, 0, 0});
}

void EventLoop::dropCancelledTimers()
{
    const std::size_t scheduled = m_timers.size();
    if (scheduled > kMinScheduledTimers && m_timerCancelledCount * 2 > scheduled) {
        // Too many cancelled timers: rebuild the heap without them.
        std::vector<Handle*> kept;
        kept.reserve(scheduled - m_timerCancelledCount);
        std::vector<Handle*> dropped;
        for (Handle* h : m_timers)
            (h->m_cancelled ? dropped : kept).push_back(h);
        std::make_heap(kept.begin(), kept.end(), firesLater);
        m_timers = std::move(kept);
        m_timerCancelledCount = 0;
        for (Handle* h : dropped) {
            h->m_inHeap = false;
            h->unref();
        }
        return;
    }
    while (!m_timers.empty() && m_timers.front()->m_cancelled) {
        std::pop_heap(m_timers.begin(), m_timers.end(), firesLater);
        Handle* h = m_timers.back();
        m_timers.pop_back();
        --m_timerCancelledCount;
        h->m_inHeap = false;
        h->unref();
    }
}

void EventLoop::runOnce()
{
    dropCancelledTimers();

    // Where CPython would block in select(): the virtual clock jumps instead.
    if (m_ready.empty() && !m_stopping) {
        if (m_timers.empty())
            reportDeadlock();
        const Nanos when = m_timers.front()->m_when;
        if (when > m_now) {
            m_now = when;
            m_ctx.emit(Event{EventKind::ClockAdvance, std::uint8_t(ClockWhy::Idle), 0, 0, 0, 0, std::uint64_t(m_now)});
        }
    }

    // Due timers join the ready queue in (deadline, sequence) order.
    while (!m_timers.empty() && m_timers.front()->m_when <= m_now) {
        std::pop_heap(m_timers.begin(), m_timers.end(), firesLater);
        Handle* h = m_timers.back();
        m_timers.pop_back();
        h->m_inHeap = false;
        if (h->m_cancelled) {
            --m_timerCancelledCount;
            h->unref();
            continue;
        }
        m_ctx.emit(Event{EventKind::TimerFired, 0, 0, h->m_timer, h->m_task, 0, 0});
        pushReady(h);
    }

    // The only place callbacks run; those scheduled now wait for the next pass.
    const std::size_t ntodo = m_ready.size();
    for (std::size_t i = 0; i < ntodo; ++i) {
        const std::uintptr_t entry = m_ready.pop();
        switch (entry & kReadyTagMask) {
        case kReadyStep: runStep(reinterpret_cast<TaskBase*>(entry & ~std::uintptr_t(kReadyTagMask))); continue;
        case kReadyCallback: runCallback(reinterpret_cast<FutureBase*>(entry & ~std::uintptr_t(kReadyTagMask))); continue;
        default: break;
        }
        Handle* h = reinterpret_cast<Handle*>(entry);
        m_ctx.emit(Event{EventKind::ReadyPop, 0, 0, h->m_id, h->m_task, 0, 0});
        if (!h->m_cancelled)
            runHandle(h);
        // A handle runs once: its callable goes now, not when the last
        // reference does (a callable may hold whoever holds the handle).
        h->releaseCallable();
        h->unref();
    }
}

void EventLoop::runStep(TaskBase* task)
{
    m_ctx.emit(Event{EventKind::ReadyPop, 0, 0, task->m_stepId, task->m_id, 0, 0});
    task->m_stepQueued = false;
    try {
        task->step(nullptr);
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        callExceptionHandler(std::current_exception());
    }
    task->unref();
}

void EventLoop::runCallback(FutureBase* future)
{
    detail::CallbackEntry& e = future->m_callbacks.front();
    m_ctx.emit(Event{EventKind::ReadyPop, 0, 0, e.id, e.waiter, 0, 0});
    // Out of the list before it runs: it may add callbacks or drop references.
    Callback fn = std::move(e.fn);
    future->m_callbacks.popFront();
    try {
        fn(future);
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        callExceptionHandler(std::current_exception());
    }
    // As for a handle: the callable goes now, then the queue's reference.
    fn.reset();
    future->unref();
}

void EventLoop::runHandle(Handle* h)
{
    const TaskId lane = h->m_ownsTask ? h->m_task : 0;
    if (lane) {
        m_ctx.emit(Event{EventKind::Switch, std::uint8_t(SwitchWhy::Start), 0, lane, 0, 0, 0});
        m_ctx.emit(Event{EventKind::TaskState, std::uint8_t(TaskState::Running), 0, lane, 0, 0, 0});
    }
    h->m_running = true;
    try {
        h->m_fn(h->m_arg);
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        callExceptionHandler(std::current_exception());
    }
    h->m_running = false;
    if (lane) {
        m_ctx.emit(Event{EventKind::TaskState, std::uint8_t(TaskState::Done), 0, lane, 0, 0, 0});
        m_ctx.emit(Event{EventKind::Switch, std::uint8_t(SwitchWhy::Return), 0, 0, lane, 0, 0});
    }
}

void EventLoop::callExceptionHandler(const std::exception_ptr& e)
{
    if (m_ctx.tracing())
        m_ctx.emit(Event{EventKind::Exception, 0, 0, currentTaskId(), 0, 0, m_ctx.text(describeException(e))});
    if (m_exceptionHandler)
        m_exceptionHandler(e);
    else
        m_unhandledErrors.push_back(describeException(e));
}

void EventLoop::reportDeadlock()
{
    std::vector<TaskId> waiting;
    std::string names;
    for (FutureBase* f = m_firstFuture; f; f = f->m_nextFuture) {
        TaskBase* t = f->asTask();
        if (!t || t->done())
            continue;
        waiting.push_back(t->taskId());
        if (!names.empty())
            names += ", ";
        names += t->name();
        if (FutureBase* f = t->waitingOn()) {
            names.append(" waits on ").append(toString(f->waitKind())).append(" ");
            names += std::to_string(f->waitTarget());
        }
    }
    std::string message = "deadlock: every task is waiting and no timer is pending";
    if (!names.empty())
        message += " (" + names + ")";
    if (m_ctx.tracing())
        m_ctx.emit(Event{EventKind::Warning, std::uint8_t(WarningKind::Deadlock), 0, 0, 0, 0, m_ctx.text(message)});
    throw Deadlock(std::move(message), std::move(waiting));
}

void EventLoop::runForever()
{
    checkClosed();
    if (m_running)
        throw RuntimeError("This event loop is already running");
    m_running = true;
    struct Reset {
        EventLoop& loop;
        ~Reset()
        {
            loop.m_stopping = false;
            loop.m_running = false;
        }
    } reset{*this};
    for (;;) {
        runOnce();
        if (m_stopping)
            break;
    }
}

void EventLoop::runUntilComplete(FutureBase& future)
{
    checkClosed();
    if (m_running)
        throw RuntimeError("This event loop is already running");
    // _run_until_complete_cb: retrieve the exception (so it is not reported
    // as never retrieved) and stop after the pass in which it ran.
    const FutureBase::CallbackId cb = future.addDoneCallback([](FutureBase& f) {
        if (!f.cancelled())
            (void)f.exception();
        f.loop().stop();
    });
    try {
        runForever();
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        future.removeDoneCallback(cb);
        throw;
    }
    future.removeDoneCallback(cb);
    if (!future.done())
        throw RuntimeError("Event loop stopped before Future completed.");
}

void EventLoop::close()
{
    if (m_running)
        throw RuntimeError("Cannot close a running event loop");
    if (m_closed)
        return;
    m_closed = true;
    releaseAll();
}

void EventLoop::block(Nanos duration)
{
    assert(duration >= 0);
    if (m_lane) {
        m_lane->block(duration);
        return;
    }
    // x = 0: it is the loop's clock that moves; the trace charges the time
    // to whichever task is running (the one that blocked).
    m_now += duration;
    m_ctx.emit(Event{EventKind::ClockAdvance, std::uint8_t(ClockWhy::Blocking), 0, 0, 0, 0, std::uint64_t(m_now)});
}

// ---- tasks -----------------------------------------------------------------

void EventLoop::registerFuture(FutureBase* f)
{
    f->m_prevFuture = m_lastFuture;
    f->m_nextFuture = nullptr;
    (m_lastFuture ? m_lastFuture->m_nextFuture : m_firstFuture) = f;
    m_lastFuture = f;
}

void EventLoop::unregisterFuture(FutureBase* f)
{
    (f->m_prevFuture ? f->m_prevFuture->m_nextFuture : m_firstFuture) = f->m_nextFuture;
    (f->m_nextFuture ? f->m_nextFuture->m_prevFuture : m_lastFuture) = f->m_prevFuture;
    f->m_prevFuture = f->m_nextFuture = nullptr;
}

std::vector<TaskBase*> EventLoop::allTasks() const
{
    std::vector<TaskBase*> out;
    for (FutureBase* f = m_firstFuture; f; f = f->m_nextFuture)
        if (TaskBase* t = f->asTask(); t && !t->done())
            out.push_back(t);
    return out;
}

void EventLoop::enterTask(TaskBase* task)
{
    if (m_currentTask)
        throw RuntimeError("Cannot enter into task " + task->name() + " while another task "
                           + m_currentTask->name() + " is being executed.");
    m_currentTask = task;
}

void EventLoop::leaveTask(TaskBase* task)
{
    if (m_currentTask != task)
        throw RuntimeError("Leaving task " + task->name() + " does not match the current task");
    m_currentTask = nullptr;
}

} // namespace coroscope
