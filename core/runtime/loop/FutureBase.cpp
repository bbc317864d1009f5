#include "core/runtime/loop/FutureBase.h"

#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"


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
    detail::CallbackList callbacks = std::move(m_callbacks);
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
    storeException(std::move(saved));
    traceResolved(FutureOutcome::Cancelled, nullptr);
    scheduleCallbacks();
    return true;
}

FutureBase::Texts& FutureBase::texts()
{
    if (!m_texts)
        m_texts = std::make_unique<Texts>();
    return *m_texts;
}

const std::exception_ptr& FutureBase::storedException() const
{
    static const std::exception_ptr none;
    return m_texts ? m_texts->exception : none;
}

void FutureBase::storeException(std::exception_ptr e)
{
    if (e || m_texts)
        texts().exception = std::move(e);
}

void FutureBase::setCancelMessage(const std::string& msg)
{
    if (!msg.empty())
        texts().cancelMessage = msg;
    else if (m_texts)
        m_texts->cancelMessage.clear();
}

std::exception_ptr FutureBase::makeCancelledError()
{
    if (m_status == FutureStatus::Cancelled && storedException())
        return std::exchange(m_texts->exception, nullptr);
    return std::make_exception_ptr(CancelledError(cancelMessage()));
}

std::exception_ptr FutureBase::exception()
{
    if (m_status == FutureStatus::Cancelled)
        std::rethrow_exception(makeCancelledError());
    if (m_status == FutureStatus::Pending)
        throw InvalidStateError("Exception is not set.");
    m_logTraceback = false;
    return storedException();
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
    return storedException();
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
    storeException(std::move(e));
    m_status = FutureStatus::Finished;
    traceResolved(FutureOutcome::Exception, storedException());
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
    m_callbacks.push(std::move(fn), std::uint32_t(id), waiter);
    if (waiter)
        m_loop->context().emit(Event{EventKind::FutureWaiter, 1, 0, m_id, waiter, 0, 0});
    return id;
}

std::size_t FutureBase::removeDoneCallback(CallbackId id)
{
    // Once done, the list holds scheduled callbacks, which cannot be removed.
    if (done())
        return 0;
    // The callable comes out first: destroying it may drop references that
    // re-enter this future.
    Callback fn;
    TaskId waiter = 0;
    if (!m_callbacks.remove(std::uint32_t(id), fn, waiter))
        return 0;
    if (waiter)
        m_loop->context().emit(Event{EventKind::FutureWaiter, 0, 0, m_id, waiter, 0, 0});
    return 1;
}

void FutureBase::scheduleCallbacks()
{
    if (m_callbacks.empty())
        return;
    if (m_loop->isClosed()) {
        // Nothing can run them: they go now, and the caller learns why.
        detail::CallbackList callbacks = std::move(m_callbacks);
        m_loop->checkClosed();
    }
    // call_soon for each, in order; the entries stay here (no handle each)
    // and the ready queue refers to this future once per entry.
    m_callbacks.forEach([this](detail::CallbackEntry& e) {
        e.id = m_loop->pushReadyCallback(*this, e.waiter);
        traceWoken(e.waiter);
    });
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
        text = m_texts && !m_texts->cancelMessage.empty() ? "CancelledError: " + m_texts->cancelMessage
                                                           : std::string("CancelledError");
        break;
    }
    ctx.emit(Event{EventKind::FutureResolved, std::uint8_t(outcome), 0, m_id, 0, 0, ctx.text(text)});
}

} // namespace coroscope
