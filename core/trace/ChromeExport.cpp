#include "core/trace/ChromeExport.h"

#include "core/trace/Model.h"
#include "core/trace/Trace.h"
#include "core/trace/detail/JsonWriter.h"

#include <algorithm>
#include <limits>
#include <ostream>
#include <vector>

namespace coroscope {

namespace {

using detail::JsonWriter;

constexpr std::int64_t kPid = 1;

std::int64_t tidOf(TaskId task)
{
    return task == 0 ? ChromeExport::kLoopTid : std::int64_t(task);
}

std::string sliceName(const Span& s)
{
    std::string name(toString(s.activity));
    if (s.activity == Activity::Waiting && s.waitKind != WaitKind::None) {
        name += ": ";
        name += toString(s.waitKind);
    }
    return name;
}

void metadata(JsonWriter& w, std::string_view what, std::int64_t tid, std::string_view name, std::int64_t sortIndex)
{
    w.beginObject();
    w.field("ph", "M");
    w.field("pid", kPid);
    w.field("tid", tid);
    w.field("name", what);
    w.beginObject("args");
    if (what == "thread_sort_index")
        w.field("sort_index", sortIndex);
    else
        w.field("name", name);
    w.endObject();
    w.endObject();
}

/// Writes the common head of an instant event; the caller adds args and closes it.
void beginInstant(JsonWriter& w, std::string_view name, std::string_view category, std::int64_t tid, bool global,
                  Nanos ts)
{
    w.beginObject();
    w.field("ph", "i");
    w.field("pid", kPid);
    w.field("tid", tid);
    w.field("s", global ? "g" : "t");
    w.field("name", name);
    w.field("cat", category);
    w.fieldMicros("ts", ts);
}

} // namespace

ChromeExport::ChromeExport(const Trace& trace, ChromeExportOptions options)
    : m_trace(trace)
    , m_options(options)
{
}

void ChromeExport::write(std::ostream& out) const
{
    writeTo(&out, nullptr);
}

std::string ChromeExport::toJson() const
{
    std::string text;
    writeTo(nullptr, &text);
    return text;
}

void ChromeExport::writeTo(std::ostream* sink, std::string* text) const
{
    JsonWriter w(sink);
    const bool byEvents = m_options.axis == TimelineAxis::Events;
    Model model;
    Timeline timeline;

    w.beginObject();
    w.beginArray("traceEvents");
    metadata(w, "process_name", kLoopTid, "coroscope run", 0);
    metadata(w, "thread_name", kLoopTid, "event loop", 0);
    metadata(w, "thread_sort_index", kLoopTid, {}, 0);

    std::string name;
    for (std::size_t i = 0; i < m_trace.size(); ++i) {
        const Event& e = m_trace[i];
        const std::size_t readyBefore = model.readyCount();
        model.apply(e, m_trace, &timeline);
        auto ts = [&](TaskId task) { return byEvents ? Nanos(i) * 1000 : model.clockOf(task); };
        switch (e.kind) {
        case EventKind::Output:
            if (!m_options.output)
                break;
            beginInstant(w, toString(Stream(e.a)), "output", tidOf(e.subject), false, ts(e.subject));
            w.beginObject("args");
            w.field("text", m_trace.text(e.v));
            w.field("event", std::int64_t(i));
            w.endObject();
            w.endObject();
            break;
        case EventKind::Warning:
            name = "warning: ";
            name += toString(WarningKind(e.a));
            beginInstant(w, name, "warning", tidOf(e.subject), e.subject == 0, ts(e.subject));
            w.beginObject("args");
            w.field("message", m_trace.text(e.v));
            w.field("event", std::int64_t(i));
            w.endObject();
            w.endObject();
            break;
        case EventKind::Exception:
            beginInstant(w, "exception", "exception", tidOf(e.subject), false, ts(e.subject));
            w.beginObject("args");
            w.field("text", m_trace.text(e.v));
            w.field("event", std::int64_t(i));
            w.endObject();
            w.endObject();
            break;
        case EventKind::TimerFired:
            beginInstant(w, "timer fired", "timer", tidOf(e.x), false, ts(e.x));
            w.beginObject("args");
            w.field("timer", std::int64_t(e.subject));
            w.field("event", std::int64_t(i));
            w.endObject();
            w.endObject();
            break;
        case EventKind::Io:
            name = "io: ";
            name += toString(IoOp(e.a));
            beginInstant(w, name, "io", tidOf(e.subject), false, ts(e.subject));
            w.beginObject("args");
            w.field("host", m_trace.text(e.v));
            w.field("bytes", std::int64_t(e.x));
            w.field("latencyUs", std::int64_t(e.y));
            w.field("event", std::int64_t(i));
            w.endObject();
            w.endObject();
            break;
        case EventKind::RunEnd:
            name = "run end: ";
            name += toString(RunStatus(e.a));
            beginInstant(w, name, "run", kLoopTid, true, ts(0));
            w.beginObject("args");
            w.field("message", m_trace.text(e.v));
            w.field("event", std::int64_t(i));
            w.endObject();
            w.endObject();
            break;
        case EventKind::Memory:
            if (!m_options.counters)
                break;
            // One counter track per task: "memory #3" with a series named after the kind.
            name = "memory #" + std::to_string(e.subject);
            w.beginObject();
            w.field("ph", "C");
            w.field("pid", kPid);
            w.field("name", name);
            w.fieldMicros("ts", ts(e.subject));
            w.beginObject("args");
            w.field(toString(MemoryKind(e.a)) == "?" ? std::string_view("bytes") : toString(MemoryKind(e.a)),
                    std::int64_t(e.v));
            w.endObject();
            w.endObject();
            break;
        case EventKind::ReadyPush:
        case EventKind::ReadyPop:
            if (!m_options.counters || model.readyCount() == readyBefore)
                break;
            w.beginObject();
            w.field("ph", "C");
            w.field("pid", kPid);
            w.field("name", "ready queue");
            w.fieldMicros("ts", ts(0));
            w.beginObject("args");
            w.field("length", std::int64_t(model.readyCount()));
            w.endObject();
            w.endObject();
            break;
        default:
            break;
        }
    }

    // Tracks: every task the run knew, then its segments.
    const std::vector<TaskId> ids = model.taskIds();
    for (const TaskId id : ids) {
        const TaskInfo* t = model.task(id);
        name.assign(m_trace.text(t->name));
        if (name.empty())
            name = "task";
        name += " (";
        name += toString(t->kind);
        name += " #" + std::to_string(id) + ')';
        metadata(w, "thread_name", tidOf(id), name, 0);
        metadata(w, "thread_sort_index", tidOf(id), {}, std::int64_t(id));
    }
    std::vector<TaskId> lanes = timeline.lanes();
    lanes.insert(lanes.end(), ids.begin(), ids.end());
    std::sort(lanes.begin(), lanes.end());
    lanes.erase(std::unique(lanes.begin(), lanes.end()), lanes.end());
    std::vector<Span> spans;
    constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    for (const TaskId lane : lanes) {
        spans.clear();
        timeline.query(lane, kMin, kMax, 0, m_options.axis, spans, &model);
        for (const Span& s : spans) {
            w.beginObject();
            w.field("ph", "X");
            w.field("pid", kPid);
            w.field("tid", tidOf(lane));
            w.field("name", sliceName(s));
            w.field("cat", "state");
            w.fieldMicros("ts", byEvents ? Nanos(s.beginEvent) * 1000 : s.begin);
            w.fieldMicros("dur", byEvents ? Nanos(s.endEvent - s.beginEvent) * 1000 : s.end - s.begin);
            w.beginObject("args");
            w.field("state", toString(s.activity));
            if (s.waitKind != WaitKind::None) {
                w.field("wait", toString(s.waitKind));
                w.field("target", s.target);
            }
            w.field("beginEvent", s.beginEvent);
            w.field("endEvent", s.endEvent);
            w.endObject();
            w.endObject();
        }
    }
    w.endArray();
    w.beginObject("otherData");
    w.field("generator", "coroscope");
    w.field("axis", byEvents ? "events" : "virtual-time");
    w.field("events", std::int64_t(m_trace.size()));
    w.endObject();
    w.endObject();
    w.newline();
    w.flush();
    if (text)
        *text = w.text();
}

} // namespace coroscope
