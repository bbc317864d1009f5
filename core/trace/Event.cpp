#include "core/trace/Event.h"

namespace coroscope {

std::string_view toString(EventKind k)
{
    switch (k) {
    case EventKind::TaskCreated: return "task-created";
    case EventKind::TaskState: return "task-state";
    case EventKind::Switch: return "switch";
    case EventKind::Line: return "line";
    case EventKind::FramePush: return "frame-push";
    case EventKind::FramePop: return "frame-pop";
    case EventKind::FrameLocals: return "frame-locals";
    case EventKind::Output: return "output";
    case EventKind::TimerScheduled: return "timer-scheduled";
    case EventKind::TimerFired: return "timer-fired";
    case EventKind::TimerCancelled: return "timer-cancelled";
    case EventKind::FutureCreated: return "future-created";
    case EventKind::FutureResolved: return "future-resolved";
    case EventKind::FutureWaiter: return "future-waiter";
    case EventKind::ReadyPush: return "ready-push";
    case EventKind::ReadyPop: return "ready-pop";
    case EventKind::ClockAdvance: return "clock-advance";
    case EventKind::Io: return "io";
    case EventKind::Exception: return "exception";
    case EventKind::Warning: return "warning";
    case EventKind::RunEnd: return "run-end";
    case EventKind::Memory: return "memory";
    case EventKind::Count_: break;
    }
    return "?";
}

std::string_view toString(TaskKind k)
{
    switch (k) {
    case TaskKind::Main: return "main";
    case TaskKind::Greenlet: return "greenlet";
    case TaskKind::Generator: return "generator";
    case TaskKind::CoroutineTask: return "task";
    case TaskKind::Thread: return "thread";
    case TaskKind::Callback: return "callback";
    case TaskKind::Server: return "server";
    }
    return "?";
}

std::string_view toString(TaskState s)
{
    switch (s) {
    case TaskState::Created: return "created";
    case TaskState::Ready: return "ready";
    case TaskState::Running: return "running";
    case TaskState::Suspended: return "suspended";
    case TaskState::Waiting: return "waiting";
    case TaskState::Done: return "done";
    case TaskState::Cancelled: return "cancelled";
    case TaskState::Failed: return "failed";
    }
    return "?";
}

std::string_view toString(WaitKind w)
{
    switch (w) {
    case WaitKind::None: return "none";
    case WaitKind::Timer: return "timer";
    case WaitKind::Future: return "future";
    case WaitKind::Task: return "task";
    case WaitKind::Io: return "io";
    case WaitKind::Lock: return "lock";
    case WaitKind::Queue: return "queue";
    case WaitKind::Event: return "event";
    case WaitKind::Executor: return "executor";
    case WaitKind::Greenlet: return "greenlet";
    case WaitKind::Semaphore: return "semaphore";
    case WaitKind::Condition: return "condition";
    }
    return "?";
}

std::string_view toString(SwitchWhy w)
{
    switch (w) {
    case SwitchWhy::Start: return "start";
    case SwitchWhy::Await: return "await";
    case SwitchWhy::Yield: return "yield";
    case SwitchWhy::Switch: return "switch";
    case SwitchWhy::Return: return "return";
    case SwitchWhy::Throw: return "throw";
    case SwitchWhy::Block: return "block";
    case SwitchWhy::Resume: return "resume";
    }
    return "?";
}

std::string_view toString(FutureOutcome o)
{
    switch (o) {
    case FutureOutcome::Result: return "result";
    case FutureOutcome::Exception: return "exception";
    case FutureOutcome::Cancelled: return "cancelled";
    }
    return "?";
}

std::string_view toString(WarningKind w)
{
    switch (w) {
    case WarningKind::NeverAwaited: return "never-awaited";
    case WarningKind::ExceptionNeverRetrieved: return "exception-never-retrieved";
    case WarningKind::BlockingCall: return "blocking-call";
    case WarningKind::Deadlock: return "deadlock";
    case WarningKind::LimitReached: return "limit-reached";
    case WarningKind::Deprecated: return "deprecated";
    }
    return "?";
}

std::string_view toString(Stream s)
{
    switch (s) {
    case Stream::Stdout: return "stdout";
    case Stream::Stderr: return "stderr";
    }
    return "?";
}

std::string_view toString(FutureKind k)
{
    switch (k) {
    case FutureKind::Plain: return "plain";
    case FutureKind::Task: return "task";
    case FutureKind::Executor: return "executor";
    case FutureKind::Gather: return "gather";
    case FutureKind::Shield: return "shield";
    }
    return "?";
}

std::string_view toString(ClockWhy w)
{
    switch (w) {
    case ClockWhy::Idle: return "idle";
    case ClockWhy::Blocking: return "blocking";
    case ClockWhy::Worker: return "worker";
    }
    return "?";
}

std::string_view toString(IoOp op)
{
    switch (op) {
    case IoOp::Connect: return "connect";
    case IoOp::Send: return "send";
    case IoOp::Receive: return "receive";
    case IoOp::Close: return "close";
    case IoOp::Request: return "request";
    }
    return "?";
}

std::string_view toString(RunStatus s)
{
    switch (s) {
    case RunStatus::Ok: return "ok";
    case RunStatus::Exception: return "exception";
    case RunStatus::SyntaxError: return "syntax-error";
    case RunStatus::Limit: return "limit";
    case RunStatus::Deadlock: return "deadlock";
    }
    return "?";
}

std::string_view toString(MemoryKind k)
{
    switch (k) {
    case MemoryKind::Stack: return "stack";
    case MemoryKind::Frames: return "frames";
    }
    return "?";
}

} // namespace coroscope
