#include "core/trace/JsonLinesStream.h"

#include "core/trace/Event.h"
#include "core/trace/Trace.h"

#include <cstring>
#include <ostream>

namespace coroscope {

namespace {

using detail::DecimalText;
using detail::JsonWriter;

/// An enum's name, or "?<number>" outside its range.
template <typename Enum>
void enumField(JsonWriter& w, std::string_view key, Enum value, std::string& scratch)
{
    const std::string_view name = toString(value);
    if (name != "?") {
        w.field(key, name);
        return;
    }
    scratch = '?';
    scratch += std::to_string(unsigned(value));
    w.field(key, scratch);
}

/// The event's text; counts a reference whose text is gone (released).
std::string_view textOf(const Trace& trace, const Event& e, std::size_t& missing)
{
    const std::string_view text = trace.text(e.v);
    if (text.empty() && StrRef::unpack(e.v).length != 0)
        ++missing;
    return text;
}

void writeEvent(JsonWriter& w, const Trace& trace, const Event& e, std::string& scratch, std::size_t& missing)
{
    auto text = [&](std::string_view key) { w.field(key, textOf(trace, e, missing)); };
    switch (e.kind) {
    case EventKind::TaskCreated:
        w.field("task", e.subject);
        enumField(w, "taskKind", TaskKind(e.a), scratch);
        w.field("parent", e.x);
        w.field("line", e.y);
        text("name");
        break;
    case EventKind::TaskState:
        w.field("task", e.subject);
        enumField(w, "state", TaskState(e.a), scratch);
        enumField(w, "wait", WaitKind(e.b), scratch);
        w.field("target", e.x);
        w.field("line", e.y);
        break;
    case EventKind::Switch:
        w.field("to", e.subject);
        w.field("from", e.x);
        enumField(w, "why", SwitchWhy(e.a), scratch);
        break;
    case EventKind::Line:
        w.field("task", e.subject);
        w.field("line", e.x);
        break;
    case EventKind::FramePush:
        w.field("task", e.subject);
        w.field("line", e.x);
        w.field("depth", e.y);
        text("function");
        break;
    case EventKind::FramePop:
        w.field("task", e.subject);
        w.field("depth", e.y);
        break;
    case EventKind::FrameLocals:
        w.field("task", e.subject);
        w.field("depth", e.y);
        text("locals");
        break;
    case EventKind::Output:
        w.field("task", e.subject);
        enumField(w, "stream", Stream(e.a), scratch);
        text("text");
        break;
    case EventKind::TimerScheduled:
        w.field("timer", e.subject);
        w.field("owner", e.x);
        w.field("handle", e.y);
        w.field("deadline", std::int64_t(e.v));
        break;
    case EventKind::TimerFired:
    case EventKind::TimerCancelled:
        w.field("timer", e.subject);
        w.field("owner", e.x);
        break;
    case EventKind::FutureCreated:
        w.field("future", e.subject);
        enumField(w, "futureKind", FutureKind(e.a), scratch);
        w.field("owner", e.x);
        break;
    case EventKind::FutureResolved:
        w.field("future", e.subject);
        enumField(w, "outcome", FutureOutcome(e.a), scratch);
        text("summary");
        break;
    case EventKind::FutureWaiter:
        w.field("future", e.subject);
        w.field("task", e.x);
        w.fieldBool("added", e.a != 0);
        break;
    case EventKind::ReadyPush:
        w.field("handle", e.subject);
        w.field("task", e.x);
        text("label");
        break;
    case EventKind::ReadyPop:
        w.field("handle", e.subject);
        w.field("task", e.x);
        break;
    case EventKind::ClockAdvance:
        enumField(w, "why", ClockWhy(e.a), scratch);
        w.field("lane", e.x);
        w.field("to", std::int64_t(e.v));
        break;
    case EventKind::Io:
        w.field("task", e.subject);
        enumField(w, "op", IoOp(e.a), scratch);
        w.field("bytes", e.x);
        w.field("latencyUs", e.y);
        text("host");
        break;
    case EventKind::Exception:
        w.field("task", e.subject);
        text("text");
        break;
    case EventKind::Warning:
        w.field("task", e.subject);
        enumField(w, "warning", WarningKind(e.a), scratch);
        text("message");
        break;
    case EventKind::RunEnd:
        enumField(w, "status", RunStatus(e.a), scratch);
        text("message");
        break;
    case EventKind::Memory:
        w.field("task", e.subject);
        enumField(w, "memory", MemoryKind(e.a), scratch);
        w.field("bytes", std::int64_t(e.v));
        // The two parts of the total, named after what they are for this kind.
        w.field(MemoryKind(e.a) == MemoryKind::Frames ? "frameBytes" : "machineBytes", e.x);
        w.field(MemoryKind(e.a) == MemoryKind::Frames ? "objectBytes" : "frameBytes", e.y);
        break;
    default:
        w.field("a", std::int64_t(e.a));
        w.field("b", std::int64_t(e.b));
        w.field("subject", e.subject);
        w.field("x", e.x);
        w.field("y", e.y);
        // v is unsigned 64-bit; as a string it survives parsers that read numbers as doubles.
        scratch = std::to_string(e.v);
        w.field("v", scratch);
        break;
    }
}

/// Stores the string literal `s` (without its terminator) at `d`.
template <std::size_t N>
char* literal(char* d, const char (&s)[N])
{
    std::memcpy(d, s, N - 1);
    return d + N - 1;
}

/// Room for a record's literal parts and up to seven integers.
constexpr std::size_t kRecordRoom = 160 + 7 * JsonWriter::kMaxIntegerBytes;

/// `name` in quotes at `d`: enum names are plain ASCII and need no escapes.
char* quoted(char* d, std::string_view name)
{
    *d++ = '"';
    std::memcpy(d, name.data(), name.size());
    d += name.size();
    *d++ = '"';
    return d;
}

/// The run's most frequent events (task states, switches, lines, locals,
/// ready-queue pushes and pops) as whole records in one store sequence:
/// byte for byte what the field-by-field path writes, with the event's
/// index and the loop clock given as text. False, writing nothing, for any
/// other event or an enum value without a name.
bool writeFrequentEvent(JsonWriter& w, const Trace& trace, const Event& e, const DecimalText& index,
                        const DecimalText& now, std::size_t& missing)
{
    std::string_view first;
    std::string_view second;
    std::string_view text;
    switch (e.kind) {
    case EventKind::TaskState:
        first = toString(TaskState(e.a));
        second = toString(WaitKind(e.b));
        if (first == "?" || second == "?")
            return false;
        break;
    case EventKind::Switch:
        first = toString(SwitchWhy(e.a));
        if (first == "?")
            return false;
        break;
    case EventKind::FrameLocals:
    case EventKind::ReadyPush:
        text = textOf(trace, e, missing);
        break;
    case EventKind::Line:
    case EventKind::ReadyPop:
        break;
    default:
        return false;
    }
    const auto str = [](char* d, std::string_view t) { return JsonWriter::writeStringAt(d, t); };
    const auto num = [](char* d, std::int64_t v) { return JsonWriter::writeIntegerAt(d, v); };
    char* d = w.rawBegin(kRecordRoom + first.size() + second.size() + JsonWriter::maxStringBytes(text));
    d = now.store(literal(index.store(literal(d, "{\"index\":")), ",\"time\":"));
    switch (e.kind) {
    case EventKind::TaskState:
        d = num(literal(d, ",\"kind\":\"task-state\",\"task\":"), e.subject);
        d = quoted(literal(d, ",\"state\":"), first);
        d = quoted(literal(d, ",\"wait\":"), second);
        d = num(literal(d, ",\"target\":"), e.x);
        d = num(literal(d, ",\"line\":"), e.y);
        break;
    case EventKind::Switch:
        d = num(literal(d, ",\"kind\":\"switch\",\"to\":"), e.subject);
        d = num(literal(d, ",\"from\":"), e.x);
        d = quoted(literal(d, ",\"why\":"), first);
        break;
    case EventKind::Line:
        d = num(literal(d, ",\"kind\":\"line\",\"task\":"), e.subject);
        d = num(literal(d, ",\"line\":"), e.x);
        break;
    case EventKind::FrameLocals:
        d = num(literal(d, ",\"kind\":\"frame-locals\",\"task\":"), e.subject);
        d = num(literal(d, ",\"depth\":"), e.y);
        d = str(literal(d, ",\"locals\":"), text);
        break;
    case EventKind::ReadyPush:
        d = num(literal(d, ",\"kind\":\"ready-push\",\"handle\":"), e.subject);
        d = num(literal(d, ",\"task\":"), e.x);
        d = str(literal(d, ",\"label\":"), text);
        break;
    default: // ReadyPop
        d = num(literal(d, ",\"kind\":\"ready-pop\",\"handle\":"), e.subject);
        d = num(literal(d, ",\"task\":"), e.x);
        break;
    }
    w.rawCommit(literal(d, "}\n"));
    return true;
}

} // namespace

JsonLinesStream::JsonLinesStream(const Trace& trace, std::ostream* sink)
    : m_trace(trace)
    , m_writer(sink)
{
}

void JsonLinesStream::writeUpTo(std::size_t end)
{
    JsonWriter& w = m_writer;
    if (m_next >= end)
        return;
    m_indexText.set(std::int64_t(m_next));
    for (std::size_t i = m_next; i < end; ++i, m_indexText.increment()) {
        const Event& e = m_trace[i];
        // The loop clock as the Model keeps it: loop advances only, never backwards.
        if (e.kind == EventKind::ClockAdvance && e.x == 0 && Nanos(e.v) > m_now) {
            m_now = Nanos(e.v);
            m_nowText.set(m_now);
        }
        if (writeFrequentEvent(w, m_trace, e, m_indexText, m_nowText, m_missingText))
            continue;
        w.beginObject();
        w.field("index", std::int64_t(i));
        w.field("time", m_now);
        const std::string_view kind = toString(e.kind);
        if (kind == "?") {
            m_scratch = '?';
            m_scratch += std::to_string(unsigned(e.kind));
            w.field("kind", m_scratch);
        } else {
            w.field("kind", kind);
        }
        writeEvent(w, m_trace, e, m_scratch, m_missingText);
        w.endObject();
        w.newline();
    }
    m_next = end;
}

void JsonLinesStream::flush()
{
    m_writer.flush();
}

const std::string& JsonLinesStream::text() const
{
    return m_writer.text();
}

} // namespace coroscope
