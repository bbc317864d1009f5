#pragma once
// TraceBuilder: writes events into a Trace with one call per event, naming
// each payload field, so tests read like the runtime's decisions. The one
// trace builder of every test area (trace, lessons, gui). It writes into a
// Trace the test owns, or into one of its own that it shares (GUI tests hand
// it to a Player, which keeps a shared_ptr).

#include "core/trace/Trace.h"

#include <concepts>
#include <memory>
#include <string_view>

namespace coroscope::testing {

class TraceBuilder {
public:
    /// Builds into a new Trace of its own; trace() shares it.
    TraceBuilder()
        : m_owned(std::make_shared<Trace>())
        , m_trace(*m_owned)
    {
    }
    /// Builds into `trace`, which must outlive the builder and what trace() returns.
    explicit TraceBuilder(Trace& trace)
        : m_trace(trace)
    {
    }

    std::size_t size() const { return m_trace.size(); }
    /// The trace built so far: owned by the builder's copies and the holders
    /// of this pointer, or (built into the test's Trace) not owned at all.
    std::shared_ptr<Trace> trace() const { return m_owned ? m_owned : std::shared_ptr<Trace>(std::shared_ptr<Trace>(), &m_trace); }

    TraceBuilder& raw(const Event& e)
    {
        m_trace.append(e);
        return *this;
    }
    TraceBuilder& created(TaskId task, TaskKind kind, TaskId parent, std::uint32_t line, std::string_view name)
    {
        return add(EventKind::TaskCreated, std::uint8_t(kind), 0, task, parent, line, text(name));
    }
    TraceBuilder& state(TaskId task, TaskState s, WaitKind wait = WaitKind::None, std::uint32_t target = 0,
                        std::uint32_t line = 0)
    {
        return add(EventKind::TaskState, std::uint8_t(s), std::uint16_t(wait), task, target, line, 0);
    }
    TraceBuilder& switchTo(TaskId to, TaskId from, SwitchWhy why = SwitchWhy::Await)
    {
        return add(EventKind::Switch, std::uint8_t(why), 0, to, from, 0, 0);
    }
    TraceBuilder& line(TaskId task, std::uint32_t line) { return add(EventKind::Line, 0, 0, task, line, 0, 0); }
    TraceBuilder& framePush(TaskId task, std::uint32_t line, std::uint32_t depth, std::string_view function)
    {
        return add(EventKind::FramePush, 0, 0, task, line, depth, text(function));
    }
    TraceBuilder& framePop(TaskId task, std::uint32_t depth) { return add(EventKind::FramePop, 0, 0, task, 0, depth, 0); }
    TraceBuilder& locals(TaskId task, std::uint32_t depth, std::string_view summary)
    {
        return add(EventKind::FrameLocals, 0, 0, task, 0, depth, text(summary));
    }
    TraceBuilder& output(TaskId task, std::string_view s, Stream stream = Stream::Stdout)
    {
        return add(EventKind::Output, std::uint8_t(stream), 0, task, 0, 0, text(s));
    }
    TraceBuilder& timer(TimerId timer, TaskId owner, HandleId handle, Nanos deadline)
    {
        return add(EventKind::TimerScheduled, 0, 0, timer, owner, handle, std::uint64_t(deadline));
    }
    TraceBuilder& timerFired(TimerId timer, TaskId owner) { return add(EventKind::TimerFired, 0, 0, timer, owner, 0, 0); }
    TraceBuilder& timerCancelled(TimerId timer, TaskId owner)
    {
        return add(EventKind::TimerCancelled, 0, 0, timer, owner, 0, 0);
    }
    TraceBuilder& future(FutureId future, FutureKind kind, TaskId owner)
    {
        return add(EventKind::FutureCreated, std::uint8_t(kind), 0, future, owner, 0, 0);
    }
    TraceBuilder& resolved(FutureId future, FutureOutcome outcome, std::string_view summary)
    {
        return add(EventKind::FutureResolved, std::uint8_t(outcome), 0, future, 0, 0, text(summary));
    }
    TraceBuilder& waiter(FutureId future, TaskId task, bool added = true)
    {
        return add(EventKind::FutureWaiter, added ? 1 : 0, 0, future, task, 0, 0);
    }
    TraceBuilder& readyPush(HandleId handle, TaskId task, std::string_view label)
    {
        return add(EventKind::ReadyPush, 0, 0, handle, task, 0, text(label));
    }
    TraceBuilder& readyPop(HandleId handle, TaskId task) { return add(EventKind::ReadyPop, 0, 0, handle, task, 0, 0); }
    /// `n` ReadyPush events of task 1 (handles 1..n): events that only the
    /// Event granularity stops at.
    TraceBuilder& filler(int n)
    {
        for (int i = 0; i < n; ++i)
            readyPush(HandleId(i + 1), 1, {});
        return *this;
    }
    TraceBuilder& clock(Nanos to, ClockWhy why = ClockWhy::Idle, TaskId lane = 0)
    {
        return add(EventKind::ClockAdvance, std::uint8_t(why), 0, 0, lane, 0, std::uint64_t(to));
    }
    /// Times are Nanos: a double would silently become a few nanoseconds.
    template <std::floating_point Seconds>
    TraceBuilder& clock(Seconds, ClockWhy = ClockWhy::Idle, TaskId = 0) = delete;
    TraceBuilder& io(TaskId task, IoOp op, std::uint32_t bytes, std::uint32_t latencyUs, std::string_view host)
    {
        return add(EventKind::Io, std::uint8_t(op), 0, task, bytes, latencyUs, text(host));
    }
    TraceBuilder& exception(TaskId task, std::string_view s) { return add(EventKind::Exception, 0, 0, task, 0, 0, text(s)); }
    TraceBuilder& warning(TaskId task, WarningKind kind, std::string_view message)
    {
        return add(EventKind::Warning, std::uint8_t(kind), 0, task, 0, 0, text(message));
    }
    /// A Memory event whose total is the sum of its two parts.
    TraceBuilder& memory(TaskId task, MemoryKind kind, std::uint32_t first, std::uint32_t second)
    {
        return add(EventKind::Memory, std::uint8_t(kind), 0, task, first, second, std::uint64_t(first) + second);
    }
    TraceBuilder& end(RunStatus status = RunStatus::Ok, std::string_view message = {})
    {
        return add(EventKind::RunEnd, std::uint8_t(status), 0, 0, 0, 0, text(message));
    }

private:
    std::uint64_t text(std::string_view s) { return s.empty() ? 0 : m_trace.intern(s).packed(); }
    TraceBuilder& add(EventKind kind, std::uint8_t a, std::uint16_t b, std::uint32_t subject, std::uint32_t x,
                      std::uint32_t y, std::uint64_t v)
    {
        m_trace.append(Event{kind, a, b, subject, x, y, v});
        return *this;
    }

    std::shared_ptr<Trace> m_owned; ///< set when the builder made its own Trace
    Trace& m_trace;
};

} // namespace coroscope::testing
