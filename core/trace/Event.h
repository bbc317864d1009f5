#pragma once
// The trace's vocabulary: every decision the runtime makes is one Event.
// An Event is 24 bytes and owns no heap memory; text lives in the Trace's
// string pool and is referenced by a StrRef packed into `v`.

#include <cstdint>
#include <string_view>

namespace coroscope {

/// Identifiers. Each kind has its own namespace; 0 means "none".
using TaskId = std::uint32_t;
using FutureId = std::uint32_t;
using TimerId = std::uint32_t;
using HandleId = std::uint32_t;

/// Virtual time in nanoseconds since the run started.
using Nanos = std::int64_t;

enum class EventKind : std::uint8_t {
    TaskCreated,    ///< subject=task, a=TaskKind, x=parent task, y=line, v=name
    TaskState,      ///< subject=task, a=TaskState, b=WaitKind, x=wait target id (0 if none), y=line
    Switch,         ///< subject=to task (0 = the loop/scheduler), x=from task, a=SwitchWhy
    Line,           ///< subject=task, x=line
    FramePush,      ///< subject=task, x=line, y=depth after push, v=function name
    FramePop,       ///< subject=task, y=depth after pop
    FrameLocals,    ///< subject=task, y=depth, v=locals summary ("a=1, b='x'")
    Output,         ///< subject=task, a=Stream, v=text
    TimerScheduled, ///< subject=timer, x=owner task, y=handle, v=deadline (Nanos)
    TimerFired,     ///< subject=timer, x=owner task
    TimerCancelled, ///< subject=timer, x=owner task
    FutureCreated,  ///< subject=future, a=FutureKind, x=owner task (the Task itself for task futures)
    FutureResolved, ///< subject=future, a=FutureOutcome, v=summary text (repr of result / exception)
    FutureWaiter,   ///< subject=future, x=waiting task, a=1 added / 0 removed
    ReadyPush,      ///< subject=handle, x=task the callback steps (0 = plain callback), v=label
    ReadyPop,       ///< subject=handle, x=task
    ClockAdvance,   ///< a=ClockWhy, x=lane task (worker lanes; 0 = loop clock), v=new time (Nanos)
    Io,             ///< subject=task, a=IoOp, x=bytes, y=latency in microseconds, v=host
    Exception,      ///< subject=task, v=text ("Type: message" plus traceback lines)
    Warning,        ///< subject=task, a=WarningKind, v=message
    RunEnd,         ///< a=RunStatus, v=message
    Memory,         ///< subject=task, a=MemoryKind (Stack = machine stack in use, Frames = heap frames of a suspended generator/coroutine), v=bytes;
                    ///< Stack: x=machine stack bytes, y=interpreter frame bytes; Frames: x=frame bytes, y=generator object bytes (v = x + y)
    Count_
};

/// What a task is; chosen when it is created and never changed.
enum class TaskKind : std::uint8_t {
    Main,          ///< the program's main flow (implicit main greenlet)
    Greenlet,      ///< a stackful greenlet with its own machine stack
    Generator,     ///< a stackless generator frame
    CoroutineTask, ///< an asyncio Task driving a coroutine
    Thread,        ///< a simulated executor worker lane
    Callback,      ///< a plain loop callback (call_soon/call_later)
    Server,        ///< a simulated server written as a native C++20 Task
};

/// Lifecycle of a task. Transitions are validated by Model.
enum class TaskState : std::uint8_t {
    Created,   ///< exists, never ran
    Ready,     ///< in the ready queue
    Running,   ///< owns the thread right now
    Suspended, ///< stopped voluntarily (greenlet switched away, generator at yield)
    Waiting,   ///< blocked on something named by WaitKind
    Done,      ///< finished with a result
    Cancelled, ///< finished by cancellation
    Failed,    ///< finished by an exception
};

/// What a waiting task waits on.
enum class WaitKind : std::uint8_t {
    None, Timer, Future, Task, Io, Lock, Queue, Event, Executor, Greenlet,
    Semaphore, Condition,
};

/// Why control moved between tasks.
enum class SwitchWhy : std::uint8_t { Start, Await, Yield, Switch, Return, Throw, Block, Resume };

enum class Stream : std::uint8_t { Stdout, Stderr };

enum class FutureKind : std::uint8_t { Plain, Task, Executor, Gather, Shield };

enum class FutureOutcome : std::uint8_t { Result, Exception, Cancelled };

enum class ClockWhy : std::uint8_t { Idle, Blocking, Worker };

enum class IoOp : std::uint8_t { Connect, Send, Receive, Close, Request };

enum class WarningKind : std::uint8_t {
    NeverAwaited, ExceptionNeverRetrieved, BlockingCall, Deadlock, LimitReached, Deprecated,
};

enum class RunStatus : std::uint8_t { Ok, Exception, SyntaxError, Limit, Deadlock };

/// What a Memory event measured.
enum class MemoryKind : std::uint8_t {
    Stack,  ///< machine stack a stackful task is using when it switches away
    Frames, ///< heap frames (and generator object) a suspended stackless task keeps
};

/// A reference into the Trace's string pool, packed into Event::v.
struct StrRef {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    std::uint64_t packed() const { return (std::uint64_t(offset) << 32) | length; }
    static StrRef unpack(std::uint64_t v) { return {std::uint32_t(v >> 32), std::uint32_t(v)}; }
    bool operator==(const StrRef&) const = default;
};

struct Event {
    EventKind kind = EventKind::RunEnd;
    std::uint8_t a = 0;      ///< small enum payload (state, why, stream, outcome...)
    std::uint16_t b = 0;     ///< second small enum payload (wait kind)
    std::uint32_t subject = 0; ///< the id the event is about
    std::uint32_t x = 0;     ///< a second id (parent, from, owner, waiter) or a line
    std::uint32_t y = 0;     ///< line, depth or handle
    std::uint64_t v = 0;     ///< wide payload: Nanos or a packed StrRef
};
static_assert(sizeof(Event) == 24, "Event must stay compact");

std::string_view toString(EventKind);
std::string_view toString(TaskKind);
std::string_view toString(TaskState);
std::string_view toString(WaitKind);
std::string_view toString(SwitchWhy);
std::string_view toString(FutureOutcome);
std::string_view toString(WarningKind);
std::string_view toString(Stream);
std::string_view toString(FutureKind);
std::string_view toString(ClockWhy);
std::string_view toString(IoOp);
std::string_view toString(RunStatus);
std::string_view toString(MemoryKind);

} // namespace coroscope
