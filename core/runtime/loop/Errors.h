#pragma once
// The errors of the asyncio layer. Each stands for the Python exception its
// pythonType() names, with CPython 3.11's messages, so that the VM can turn
// them into Python exceptions and native code can catch them by type.
// (One header for the whole family: they are only ever used together.)

#include "core/trace/Event.h"

#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

namespace coroscope {

/// Base of every error raised by the loop, futures, tasks and primitives.
class AsyncError : public std::exception {
public:
    explicit AsyncError(std::string message = {})
        : m_message(std::move(message))
    {
    }
    const char* what() const noexcept override { return m_message.c_str(); }
    const std::string& message() const { return m_message; }
    /// The Python exception class this error stands for.
    virtual const char* pythonType() const noexcept = 0;

private:
    std::string m_message;
};

#define COROSCOPE_ASYNC_ERROR(Name, PyName)                                                   \
    class Name : public AsyncError {                                                          \
    public:                                                                                   \
        using AsyncError::AsyncError;                                                         \
        const char* pythonType() const noexcept override { return PyName; }                   \
    }

/// asyncio.CancelledError: thrown into a task at its suspension point when it is cancelled.
COROSCOPE_ASYNC_ERROR(CancelledError, "CancelledError");
/// asyncio.InvalidStateError: a future was used in the wrong state ("invalid state", "Result is not set.").
COROSCOPE_ASYNC_ERROR(InvalidStateError, "InvalidStateError");
/// TimeoutError (asyncio.TimeoutError is the builtin since 3.11).
COROSCOPE_ASYNC_ERROR(TimeoutError, "TimeoutError");
/// asyncio.QueueEmpty from get_nowait() on an empty queue.
COROSCOPE_ASYNC_ERROR(QueueEmpty, "QueueEmpty");
/// asyncio.QueueFull from put_nowait() on a full queue.
COROSCOPE_ASYNC_ERROR(QueueFull, "QueueFull");
/// RuntimeError ("Lock is not acquired.", "Event loop is closed", ...).
COROSCOPE_ASYNC_ERROR(RuntimeError, "RuntimeError");
/// ValueError ("BoundedSemaphore released too many times", ...).
COROSCOPE_ASYNC_ERROR(ValueError, "ValueError");

#undef COROSCOPE_ASYNC_ERROR

/// Thrown by EventLoop::runOnce() (and so by runForever/runUntilComplete) when
/// nothing can ever happen again: nothing is ready, no timer is pending, and
/// the loop was not asked to stop. CPython would block forever in select();
/// we stop and say why. `waiting` lists the tasks that were still pending.
class Deadlock : public std::runtime_error {
public:
    Deadlock(std::string message, std::vector<TaskId> waiting)
        : std::runtime_error(std::move(message))
        , m_waiting(std::move(waiting))
    {
    }
    const std::vector<TaskId>& waiting() const { return m_waiting; }

private:
    std::vector<TaskId> m_waiting;
};

/// True when `e` holds a CancelledError.
bool isCancelledError(const std::exception_ptr& e);

/// "Type: message" (or just "Type") for the trace and for diagnostics.
std::string describeException(const std::exception_ptr& e);

} // namespace coroscope
