// Model: read-side queries, the canonical description and equality.
#include "core/trace/Model.h"

#include "core/trace/Trace.h"

#include <algorithm>
#include <cstdio>

namespace coroscope {

namespace {

void appendQuoted(std::string& out, std::string_view text)
{
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(static_cast<unsigned char>(c)));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendNumber(std::string& out, std::int64_t v)
{
    out += std::to_string(v);
}

template <typename Enum>
void appendName(std::string& out, Enum value)
{
    const std::string_view name = toString(value);
    out += name;
    if (name == "?")
        out += std::to_string(unsigned(value));
}

/// A TaskInfo without its frame pool link, which depends on pool history only.
TaskInfo withoutPoolLink(TaskInfo t)
{
    t.topFrame = 0;
    return t;
}

} // namespace

std::vector<TaskId> Model::taskIds() const
{
    std::vector<TaskId> ids;
    for (std::size_t i = 1; i < m_tasks.size(); ++i)
        if (m_tasks[i].id != 0)
            ids.push_back(TaskId(i));
    return ids;
}

std::vector<FrameInfo> Model::frames(TaskId id) const
{
    std::vector<FrameInfo> out;
    const TaskInfo* t = task(id);
    if (!t)
        return out;
    out.reserve(t->depth);
    for (std::uint32_t slot = t->topFrame; slot != 0; slot = m_frames[slot - 1].below)
        out.push_back(m_frames[slot - 1].frame);
    std::reverse(out.begin(), out.end());
    return out;
}

Nanos Model::timeIn(TaskId id, Activity activity) const
{
    if (id == 0) {
        if (activity == Activity::Idle)
            return m_loopIdle;
        if (activity == Activity::Blocked)
            return m_loopBlocked;
        return 0;
    }
    const TaskInfo* t = task(id);
    if (!t || activity == Activity::Idle)
        return 0;
    Nanos total = t->spent[std::size_t(activity)];
    Interval open;
    if (openInterval(id, open) && open.activity == activity)
        total += open.end - open.begin;
    return total;
}

bool Model::openInterval(TaskId id, Interval& out) const
{
    const TaskInfo* t = task(id);
    if (!t)
        return false;
    Activity act;
    switch (t->state) {
    case TaskState::Running: act = Activity::Running; break;
    case TaskState::Ready: act = Activity::Ready; break;
    case TaskState::Waiting: act = Activity::Waiting; break;
    case TaskState::Suspended: act = Activity::Suspended; break;
    default: return false;
    }
    out = Interval{t->id, act, t->waitKind, t->waitTarget, t->since, std::max(m_now, t->laneTime),
                   t->sinceEvent, std::uint32_t(m_position)};
    return true;
}

std::vector<TaskId> Model::tasksWaitingOn(WaitKind kind, std::uint32_t target) const
{
    std::vector<TaskId> ids;
    for (std::size_t i = 1; i < m_tasks.size(); ++i) {
        const TaskInfo& t = m_tasks[i];
        if (t.id != 0 && t.state == TaskState::Waiting && t.waitKind == kind && t.waitTarget == target)
            ids.push_back(t.id);
    }
    return ids;
}

std::vector<ReadyEntry> Model::readyQueue() const
{
    return std::vector<ReadyEntry>(m_ready.begin() + std::ptrdiff_t(m_readyHead), m_ready.end());
}

std::vector<TaskId> Model::waitersOf(FutureId id) const
{
    std::vector<TaskId> out;
    auto range = std::equal_range(m_waiters.begin(), m_waiters.end(), Waiter{id, 0},
                                  [](const Waiter& l, const Waiter& r) { return l.future < r.future; });
    for (auto it = range.first; it != range.second; ++it)
        out.push_back(it->task);
    return out;
}

std::string Model::describe(const Trace& trace) const
{
    std::string out;
    auto text = [&](StrRef ref) { appendQuoted(out, trace.text(ref)); };
    out += "position " + std::to_string(m_position) + "\nnow ";
    appendNumber(out, m_now);
    out += "\nrunning " + std::to_string(m_running) + " (";
    appendName(out, m_lastSwitchWhy);
    out += ")\nloop idle ";
    appendNumber(out, m_loopIdle);
    out += " blocked ";
    appendNumber(out, m_loopBlocked);
    out += "\nready:";
    for (const ReadyEntry& r : readyQueue()) {
        out += ' ' + std::to_string(r.handle) + ':' + std::to_string(r.task) + ' ';
        text(r.label);
    }
    out += "\ntimers:";
    for (const TimerInfo& t : m_timers) {
        out += ' ' + std::to_string(t.id) + '@';
        appendNumber(out, t.deadline);
        out += ":task" + std::to_string(t.owner) + ":handle" + std::to_string(t.handle);
    }
    out += "\ntimers fired " + std::to_string(m_timersFired) + '\n';
    for (std::size_t i = 1; i < m_tasks.size(); ++i) {
        const TaskInfo& t = m_tasks[i];
        if (t.id == 0)
            continue;
        out += "task " + std::to_string(t.id) + ' ';
        appendName(out, t.kind);
        out += ' ';
        text(t.name);
        out += t.announced ? "" : " (unannounced)";
        out += " parent " + std::to_string(t.parent) + ' ';
        appendName(out, t.state);
        if (t.waitKind != WaitKind::None || t.waitTarget != 0) {
            out += " on ";
            appendName(out, t.waitKind);
            out += ' ' + std::to_string(t.waitTarget);
        }
        out += " line " + std::to_string(t.line) + " switches " + std::to_string(t.switches) + " since ";
        appendNumber(out, t.since);
        out += '#' + std::to_string(t.sinceEvent) + " created ";
        appendNumber(out, t.createdAt);
        out += " lane ";
        appendNumber(out, t.laneTime);
        out += " spent";
        for (const Nanos s : t.spent) {
            out += ' ';
            appendNumber(out, s);
        }
        if (t.hasOutcome) {
            out += ' ';
            appendName(out, t.outcomeKind);
            out += ' ';
            text(t.outcome);
        }
        if (t.exception.length) {
            out += " exception ";
            text(t.exception);
        }
        out += " frames [";
        for (const FrameInfo& f : frames(t.id)) {
            text(f.function);
            out += '@' + std::to_string(f.line) + '{';
            out += trace.text(f.locals);
            out += "} ";
        }
        out += "]\n";
    }
    for (std::size_t i = 1; i < m_futures.size(); ++i) {
        const FutureInfo& f = m_futures[i];
        if (f.id == 0)
            continue;
        out += "future " + std::to_string(f.id) + ' ';
        appendName(out, f.kind);
        out += f.announced ? "" : " (unannounced)";
        out += " owner " + std::to_string(f.owner) + ' ';
        if (f.done) {
            appendName(out, f.outcome);
            out += ' ';
            text(f.summary);
        } else {
            out += "pending";
        }
        out += " waiters";
        for (const TaskId w : waitersOf(f.id))
            out += ' ' + std::to_string(w);
        out += '\n';
    }
    for (std::size_t i = 0; i < m_output.size(); ++i) {
        const OutputChunk& o = m_output[i];
        out += "output #" + std::to_string(o.event) + " task " + std::to_string(o.task) + ' ';
        appendName(out, o.stream);
        out += ' ';
        text(o.text);
        out += '\n';
    }
    for (std::size_t i = 0; i < m_warnings.size(); ++i) {
        const WarningEntry& w = m_warnings[i];
        out += "warning #" + std::to_string(w.event) + " task " + std::to_string(w.task) + ' ';
        appendName(out, w.kind);
        out += ' ';
        text(w.message);
        out += '\n';
    }
    for (std::size_t i = 0; i < m_io.size(); ++i) {
        const IoEntry& io = m_io[i];
        out += "io #" + std::to_string(io.event) + " task " + std::to_string(io.task) + ' ';
        appendName(out, io.op);
        out += ' ';
        text(io.host);
        out += ' ' + std::to_string(io.bytes) + "B " + std::to_string(io.latencyUs) + "us\n";
    }
    for (std::size_t i = 0; i < m_anomalies.size(); ++i) {
        const Anomaly& a = m_anomalies[i];
        out += "anomaly #" + std::to_string(a.event) + " id " + std::to_string(a.subject) + ": ";
        out += a.what;
        out += '\n';
    }
    if (m_ended) {
        out += "end ";
        appendName(out, m_endStatus);
        out += ' ';
        text(m_endMessage);
        out += '\n';
    }
    return out;
}

bool operator==(const Model& l, const Model& r)
{
    if (l.m_position != r.m_position || l.m_now != r.m_now || l.m_running != r.m_running
        || l.m_lastSwitchWhy != r.m_lastSwitchWhy || l.m_timersFired != r.m_timersFired
        || l.m_loopIdle != r.m_loopIdle || l.m_loopBlocked != r.m_loopBlocked || l.m_ended != r.m_ended
        || l.m_endStatus != r.m_endStatus || l.m_endMessage != r.m_endMessage)
        return false;
    if (l.m_tasks.size() != r.m_tasks.size() || l.m_futures.size() != r.m_futures.size())
        return false;
    for (std::size_t i = 1; i < l.m_tasks.size(); ++i) {
        if (!(withoutPoolLink(l.m_tasks[i]) == withoutPoolLink(r.m_tasks[i])))
            return false;
        if (l.m_tasks[i].depth != 0 && l.frames(TaskId(i)) != r.frames(TaskId(i)))
            return false;
    }
    return l.m_futures == r.m_futures && l.m_output == r.m_output && l.m_warnings == r.m_warnings
        && l.m_io == r.m_io && l.m_anomalies == r.m_anomalies && l.readyQueue() == r.readyQueue()
        && l.m_timers == r.m_timers && l.m_waiters == r.m_waiters;
}

} // namespace coroscope
