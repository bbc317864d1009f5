#include "core/runtime/loop/FutureBase.h"

#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"

#include <algorithm>

namespace coroscope {

FutureBase::FutureBase(EventLoop& loop, FutureKind kind, FutureId id)
    : m_loop(&loop)
    , m_id(id ? id : loop.context().nextFutureId++)
    , m_waitTarget(m_id)
    , m_kind(kind)
{
    loop.registerFuture(this);
    if (kind != FutureKind::Task)
        announce(loop.currentTaskId());
}

FutureBase::~FutureBase()
{
    if (m_loop)
        m_loop->unregisterFuture(this);
}

void FutureBase::dropCallbacks()
{
    std::vector<Entry> callbacks = std::move(m_callbacks);
    m_callbacks.clear();
    // `callbacks` dies here; what it captured may release this very future.
}

void FutureBase::announce(TaskId owner)
{
    m_loop->context().emit(Event{EventKind::FutureCreated, std::uint8_t(m_kind), 0, m_id, owner, 0, 0});
}

bool FutureBase::cancel(const std::string& msg)
{
    return cancelFuture(msg);
}

bool FutureBase::cancelFuture(const std::string& msg, std::exception_ptr saved)
{
    m_logTraceback = false;
    if (m_status != FutureStatus::Pending)
        return false;
    m_status = FutureStatus::Cancelled;
    setCancelMessage(msg);
    m_exception = std::move(saved);
    traceResolved(FutureOutcome::Cancelled, nullptr);
    scheduleCallbacks();
    return true;
}

void FutureBase::setCancelMessage(const std::string& msg)
{
    if (msg.empty())
        m_cancelMessage.reset();
    else
        m_cancelMessage = std::make_unique<std::string>(msg);
}

std::exception_ptr FutureBase::makeCancelledError()
{
    if (m_status == FutureStatus::Cancelled && m_exception)
        return std::exchange(m_exception, nullptr);
    return std::make_exception_ptr(CancelledError(cancelMessage()));
}

std::exception_ptr FutureBase::exception()
{
    if (m_status == FutureStatus::Cancelled)
        std::rethrow_exception(makeCancelledError());
    if (m_status == FutureStatus::Pending)
        throw InvalidStateError("Exception is not set.");
    m_logTraceback = false;
    return m_exception;
}

void FutureBase::checkResult()
{
    if (std::exception_ptr e = resultError())
        std::rethrow_exception(e);
}

std::exception_ptr FutureBase::resultError()
{
    if (m_status == FutureStatus::Cancelled)
        return makeCancelledError();
    if (m_status == FutureStatus::Pending)
        return std::make_exception_ptr(InvalidStateError("Result is not set."));
    m_logTraceback = false;
    return m_exception;
}

void FutureBase::setException(std::exception_ptr e)
{
    checkSettable(true);
    finishWithException(std::move(e));
}

void FutureBase::checkSettable(bool exceptionOperation) const
{
    if (isTask())
        throw RuntimeError(exceptionOperation ? "Task does not support set_exception operation"
                                              : "Task does not support set_result operation");
    if (m_status != FutureStatus::Pending)
        throw InvalidStateError("invalid state");
}

void FutureBase::finishWithResult()
{
    m_status = FutureStatus::Finished;
    traceResolved(FutureOutcome::Result, nullptr);
    scheduleCallbacks();
}

void FutureBase::finishWithException(std::exception_ptr e)
{
    m_exception = std::move(e);
    m_status = FutureStatus::Finished;
    traceResolved(FutureOutcome::Exception, m_exception);
    scheduleCallbacks();
    m_logTraceback = true;
}

FutureBase::CallbackId FutureBase::addDoneCallback(Callback fn, TaskId waiter)
{
    const CallbackId id = m_loop->nextCallbackId();
    if (m_status != FutureStatus::Pending) {
        m_loop->scheduleSoon(std::move(fn), this, waiter, false);
        traceWoken(waiter);
        return id;
    }
    m_callbacks.push_back(Entry{std::move(fn), std::uint32_t(id), waiter});
    if (waiter)
        m_loop->context().emit(Event{EventKind::FutureWaiter, 1, 0, m_id, waiter, 0, 0});
    return id;
}

std::size_t FutureBase::removeDoneCallback(CallbackId id)
{
    auto it = std::find_if(m_callbacks.begin(), m_callbacks.end(), [id](const Entry& e) { return e.id == std::uint32_t(id); });
    if (it == m_callbacks.end())
        return 0;
    const TaskId waiter = it->waiter;
    // Move the callable out first: destroying it may drop references that
    // re-enter this future.
    Callback fn = std::move(it->fn);
    m_callbacks.erase(it);
    if (waiter)
        m_loop->context().emit(Event{EventKind::FutureWaiter, 0, 0, m_id, waiter, 0, 0});
    return 1;
}

void FutureBase::scheduleCallbacks()
{
    if (m_callbacks.empty())
        return;
    std::vector<Entry> callbacks = std::move(m_callbacks);
    m_callbacks.clear();
    for (Entry& e : callbacks) {
        m_loop->scheduleSoon(std::move(e.fn), this, e.waiter, false);
        traceWoken(e.waiter);
    }
}

void FutureBase::traceWoken(TaskId waiter)
{
    // The waiting task's wakeup is now in the ready queue: the task is ready.
    if (waiter)
        m_loop->context().emit(Event{EventKind::TaskState, std::uint8_t(TaskState::Ready), 0, waiter, 0, 0, 0});
}

void FutureBase::traceResolved(FutureOutcome outcome, const std::exception_ptr& e)
{
    RunContext& ctx = m_loop->context();
    if (!ctx.tracing())
        return;
    std::string text;
    switch (outcome) {
    case FutureOutcome::Result: text = describeResult(); break;
    case FutureOutcome::Exception: text = describeException(e); break;
    case FutureOutcome::Cancelled:
        text = m_cancelMessage ? "CancelledError: " + *m_cancelMessage : std::string("CancelledError");
        break;
    }
    ctx.emit(Event{EventKind::FutureResolved, std::uint8_t(outcome), 0, m_id, 0, 0, ctx.text(text)});
}

} // namespace coroscope
