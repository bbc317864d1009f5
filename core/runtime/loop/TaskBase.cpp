#include "core/runtime/loop/TaskBase.h"

#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/ForcedUnwind.h"

#include <cstdio>
#include <cstdlib>

namespace coroscope {

CoStep CoStep::raised(std::exception_ptr e)
{
    const bool cancel = isCancelledError(e);
    return {cancel ? CoStatus::Cancel : CoStatus::Raise, nullptr, std::move(e)};
}

TaskBase::TaskBase(FutureBase& self, Coroutine* coro, TaskId id, std::string name, std::uint32_t number)
    : m_coro(coro)
    , m_id(id)
    , m_selfOffset(std::uint16_t(reinterpret_cast<char*>(this) - reinterpret_cast<char*>(&self)))
{
    if (reinterpret_cast<char*>(this) - reinterpret_cast<char*>(&self) != std::ptrdiff_t(m_selfOffset)) {
        std::fprintf(stderr, "TaskBase layout invariant failed: the future is %td bytes before the task, at most %u allowed\n",
                     reinterpret_cast<char*>(this) - reinterpret_cast<char*>(&self), 65535u);
        std::abort();
    }
    EventLoop& loop = self.loop();
    if (name.empty())
        m_number = number ? number : loop.nextTaskNumber();
    else
        self.texts().taskName = std::move(name);
    self.setWaitTag(WaitKind::Task, id);
    RunContext& ctx = loop.context();
    if (ctx.tracing())
        ctx.emit(Event{EventKind::TaskCreated, std::uint8_t(TaskKind::CoroutineTask), 0, id,
                       loop.currentTaskId(), 0, ctx.text(this->name())});
    self.announce(id);
    scheduleStep(nullptr);
}

TaskBase::~TaskBase()
{
    releaseCoroutine();
}

void TaskBase::releaseCoroutine()
{
    if (Coroutine* c = std::exchange(m_coro, nullptr))
        c->destroy();
}

void TaskBase::abandon()
{
    releaseCoroutine();
    m_futWaiter.reset();
}

std::string TaskBase::name() const
{
    const FutureBase& self = future();
    if (self.m_texts && self.m_texts->taskName)
        return *self.m_texts->taskName;
    return "Task-" + std::to_string(m_number);
}

void TaskBase::setName(std::string name)
{
    future().texts().taskName = std::move(name);
}

std::string TaskBase::describe() const
{
    return "<Task " + name() + ">";
}

bool TaskBase::cancel(const std::string& msg)
{
    FutureBase& self = future();
    self.setLogTraceback(false);
    if (self.done())
        return false;
    ++m_numCancelsRequested;
    // A waiter that accepts the cancellation stays recorded: it may be a task
    // that catches the CancelledError, and then we must cancel it again later.
    if (m_futWaiter && m_futWaiter->cancel(msg))
        return true;
    // The step is already scheduled: it throws CancelledError in.
    m_mustCancel = true;
    self.setCancelMessage(msg);
    return true;
}

int TaskBase::uncancel()
{
    if (m_numCancelsRequested > 0)
        --m_numCancelsRequested;
    return m_numCancelsRequested;
}

void TaskBase::scheduleStep(std::exception_ptr exc)
{
    EventLoop& loop = future().loop();
    if (!exc && !m_stepQueued) {
        // The usual step: the task itself waits in the ready queue.
        loop.pushReadyStep(*this);
    } else {
        // A step that throws an exception in carries it in a handle.
        loop.scheduleSoon(Callback([task = Ref<TaskBase>(this), e = std::move(exc)]() mutable {
                              task->step(std::move(e));
                          }),
                          nullptr, m_id, false);
    }
    loop.context().emit(Event{EventKind::TaskState, std::uint8_t(TaskState::Ready), 0, m_id, 0, 0, 0});
}

void TaskBase::wakeup(FutureBase& awaited)
{
    future().loop().context().emit(Event{EventKind::FutureWaiter, 0, 0, awaited.id(), m_id, 0, 0});
    // Future.result() in CPython's __wakeup: the value itself is not passed,
    // the coroutine reads it from the future it awaited.
    step(awaited.resultError());
}

void TaskBase::step(std::exception_ptr exc)
{
    FutureBase& self = future();
    if (self.done())
        throw InvalidStateError("_step(): already done: " + describe());
    if (m_mustCancel) {
        if (!exc || !isCancelledError(exc))
            exc = self.makeCancelledError();
        m_mustCancel = false;
    }
    m_futWaiter.reset();

    EventLoop& loop = self.loop();
    RunContext& ctx = loop.context();
    loop.enterTask(this);
    ctx.emit(Event{EventKind::Switch, std::uint8_t(m_started ? SwitchWhy::Resume : SwitchWhy::Start), 0, m_id, 0, 0, 0});
    ctx.emit(Event{EventKind::TaskState, std::uint8_t(TaskState::Running), 0, m_id, 0, 0, 0});
    m_started = true;

    CoStep r;
    try {
        r = m_coro->resume(std::move(exc));
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        r = CoStep::raised(std::current_exception());
    }

    SwitchWhy why = SwitchWhy::Return;
    switch (r.status) {
    case CoStatus::Return:
        if (m_mustCancel) {
            // Cancelled right before the coroutine returned.
            m_mustCancel = false;
            self.cancelFuture(self.cancelMessage());
        } else {
            self.finishFromCoroutine();
        }
        break;
    case CoStatus::Cancel:
        self.cancelFuture({}, std::move(r.error));
        why = SwitchWhy::Throw;
        break;
    case CoStatus::Raise:
        self.finishWithException(std::move(r.error));
        why = SwitchWhy::Throw;
        break;
    case CoStatus::Yield:
        why = SwitchWhy::Yield;
        scheduleStep(nullptr);
        break;
    case CoStatus::Await: {
        FutureBase* f = r.awaited;
        why = SwitchWhy::Await;
        if (&f->loop() != &loop) {
            scheduleStep(std::make_exception_ptr(RuntimeError(
                "Task " + describe() + " got Future <Future " + std::to_string(f->id()) + "> attached to a different loop")));
        } else if (f == &self) {
            scheduleStep(std::make_exception_ptr(RuntimeError("Task cannot await on itself: " + describe())));
        } else {
            m_futWaiter = Ref<FutureBase>(f);
            f->addDoneCallback(Callback([task = Ref<TaskBase>(this)](FutureBase& fut) { task->wakeup(fut); }), m_id);
            ctx.emit(Event{EventKind::TaskState, std::uint8_t(TaskState::Waiting), std::uint16_t(f->waitKind()), m_id,
                           f->waitTarget(), 0, 0});
            if (m_mustCancel && f->cancel(self.cancelMessage()))
                m_mustCancel = false;
        }
        break;
    }
    }

    if (self.done()) {
        const TaskState end = self.cancelled() ? TaskState::Cancelled
            : self.peekException()             ? TaskState::Failed
                                               : TaskState::Done;
        ctx.emit(Event{EventKind::TaskState, std::uint8_t(end), 0, m_id, 0, 0, 0});
        releaseCoroutine();
    }
    ctx.emit(Event{EventKind::Switch, std::uint8_t(why), 0, 0, m_id, 0, 0});
    loop.leaveTask(this);
}

} // namespace coroscope
