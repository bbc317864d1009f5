#pragma once
// TraceBuilder: synthesizes traces for GUI tests, one event per call, so a
// test reads like the run it stands for. Header-only test support.

#include "core/trace/Trace.h"

#include <memory>
#include <string_view>

namespace coroscope::test {

class TraceBuilder {
public:
    TraceBuilder& line(TaskId task, int line)
    {
        return add({.kind = EventKind::Line, .subject = task, .x = std::uint32_t(line)});
    }
    TraceBuilder& switchTo(TaskId to, TaskId from, SwitchWhy why = SwitchWhy::Await)
    {
        return add({.kind = EventKind::Switch, .a = std::uint8_t(why), .subject = to, .x = from});
    }
    /// Advances the loop's clock (lane 0) or a worker lane's to `seconds`.
    TraceBuilder& clock(double seconds, TaskId lane = 0)
    {
        return add({.kind = EventKind::ClockAdvance, .x = lane, .v = std::uint64_t(Nanos(seconds * 1e9))});
    }
    TraceBuilder& output(TaskId task, std::string_view text, Stream stream = Stream::Stdout)
    {
        return add({.kind = EventKind::Output, .a = std::uint8_t(stream), .subject = task,
                    .v = m_trace->intern(text).packed()});
    }
    TraceBuilder& readyPush(TaskId task, HandleId handle)
    {
        return add({.kind = EventKind::ReadyPush, .subject = handle, .x = task});
    }
    TraceBuilder& end(RunStatus status = RunStatus::Ok)
    {
        return add({.kind = EventKind::RunEnd, .a = std::uint8_t(status)});
    }
    /// `n` events that no granularity stops at except Event.
    TraceBuilder& filler(int n)
    {
        for (int i = 0; i < n; ++i)
            readyPush(1, HandleId(i + 1));
        return *this;
    }

    std::shared_ptr<Trace> trace() const { return m_trace; }
    std::size_t size() const { return m_trace->size(); }

private:
    TraceBuilder& add(const Event& e)
    {
        m_trace->append(e);
        return *this;
    }

    std::shared_ptr<Trace> m_trace = std::make_shared<Trace>();
};

} // namespace coroscope::test
