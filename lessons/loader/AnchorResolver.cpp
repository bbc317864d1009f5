#include "lessons/loader/AnchorResolver.h"

#include "lessons/loader/TaskNames.h"

#include "core/trace/Trace.h"

#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

namespace coroscope::lessons {

namespace {

/// Follows the trace the way every anchor kind needs: task names, future
/// owners, the running task, and the lines of stdout and stderr.
class Scan {
public:
    explicit Scan(const Trace& trace)
        : m_trace(trace)
    {
    }

    /// Line text completed by an Output event, handed to the caller's test.
    struct Line {
        std::string text;
        TaskId task = 0;
    };

    std::string_view name(TaskId task) const
    {
        return task < m_names.size() ? std::string_view(m_names[task]) : std::string_view();
    }
    /// True for the Switch that starts the program's main flow, which no
    /// student sees as a switch between tasks.
    bool startsMain(const Event& e) const
    {
        return SwitchWhy(e.a) == SwitchWhy::Start && e.subject < m_mainTasks.size() && m_mainTasks[e.subject];
    }
    TaskId running() const { return m_running; }
    TaskId futureOwner(FutureId future) const
    {
        const auto it = m_futureOwner.find(future);
        return it == m_futureOwner.end() ? 0 : it->second;
    }

    /// Applies event i; returns the lines of `stream` it completes.
    std::vector<Line> step(std::size_t i, Stream stream)
    {
        const Event& e = m_trace[i];
        std::vector<Line> completed;
        switch (e.kind) {
        case EventKind::TaskCreated:
            if (e.subject >= TaskNames::kMaxTaskId)
                break;
            if (e.subject >= m_names.size())
                m_names.resize(std::size_t(e.subject) + 1);
            m_names[e.subject] = std::string(m_trace.text(e.v));
            if (e.subject >= m_mainTasks.size())
                m_mainTasks.resize(std::size_t(e.subject) + 1);
            m_mainTasks[e.subject] = TaskKind(e.a) == TaskKind::Main;
            break;
        case EventKind::Switch:
            m_running = e.subject;
            break;
        case EventKind::FutureCreated:
            m_futureOwner[e.subject] = e.x;
            break;
        case EventKind::Output:
            if (Stream(e.a) == stream) {
                for (char c : m_trace.text(e.v)) {
                    if (c == '\n') {
                        completed.push_back(Line{std::move(m_partial), e.subject});
                        m_partial.clear();
                    } else {
                        m_partial.push_back(c);
                    }
                }
                m_partialTask = e.subject;
            }
            break;
        case EventKind::RunEnd:
            // Text printed without a final line break still forms a line.
            if (!m_partial.empty()) {
                completed.push_back(Line{std::move(m_partial), m_partialTask});
                m_partial.clear();
            }
            break;
        default:
            break;
        }
        return completed;
    }

private:
    const Trace& m_trace;
    std::vector<std::string> m_names;
    std::vector<bool> m_mainTasks; ///< by task id: created with TaskKind::Main
    std::unordered_map<FutureId, TaskId> m_futureOwner;
    TaskId m_running = 0;
    std::string m_partial;
    TaskId m_partialTask = 0;
};

bool isState(const Event& e, TaskState state)
{
    return e.kind == EventKind::TaskState && TaskState(e.a) == state;
}

/// The task an event is about, as the anchor vocabulary defines it, or
/// nullopt when the event is not of the anchor's kind.
std::optional<TaskId> eventTask(AnchorEvent anchor, const Event& e, const Scan& scan)
{
    switch (anchor) {
    case AnchorEvent::FirstSwitch:
    case AnchorEvent::Switch:
        if (e.kind == EventKind::Switch && e.subject != 0 && !scan.startsMain(e))
            return e.subject;
        return std::nullopt;
    case AnchorEvent::Await:
        if (e.kind == EventKind::Switch && SwitchWhy(e.a) == SwitchWhy::Await)
            return e.x;
        return std::nullopt;
    case AnchorEvent::Yield:
        if (e.kind == EventKind::Switch && SwitchWhy(e.a) == SwitchWhy::Yield)
            return e.x;
        return std::nullopt;
    case AnchorEvent::TaskCreated:
        if (e.kind == EventKind::TaskCreated)
            return e.subject;
        return std::nullopt;
    case AnchorEvent::TaskReady:
        return isState(e, TaskState::Ready) ? std::optional<TaskId>(e.subject) : std::nullopt;
    case AnchorEvent::TaskWaiting:
        return isState(e, TaskState::Waiting) ? std::optional<TaskId>(e.subject) : std::nullopt;
    case AnchorEvent::TaskDone:
        return isState(e, TaskState::Done) ? std::optional<TaskId>(e.subject) : std::nullopt;
    case AnchorEvent::TaskFailed:
        return isState(e, TaskState::Failed) ? std::optional<TaskId>(e.subject) : std::nullopt;
    case AnchorEvent::TaskCancelled:
        return isState(e, TaskState::Cancelled) ? std::optional<TaskId>(e.subject) : std::nullopt;
    case AnchorEvent::TimerScheduled:
        return e.kind == EventKind::TimerScheduled ? std::optional<TaskId>(e.x) : std::nullopt;
    case AnchorEvent::TimerFired:
        return e.kind == EventKind::TimerFired ? std::optional<TaskId>(e.x) : std::nullopt;
    case AnchorEvent::TimerCancelled:
        return e.kind == EventKind::TimerCancelled ? std::optional<TaskId>(e.x) : std::nullopt;
    case AnchorEvent::FutureResolved:
        if (e.kind == EventKind::FutureResolved)
            return scan.futureOwner(e.subject);
        return std::nullopt;
    case AnchorEvent::Io:
        return e.kind == EventKind::Io ? std::optional<TaskId>(e.subject) : std::nullopt;
    case AnchorEvent::Block:
        if (e.kind == EventKind::ClockAdvance && ClockWhy(e.a) == ClockWhy::Blocking && e.x == 0)
            return scan.running();
        return std::nullopt;
    case AnchorEvent::Warning:
        return e.kind == EventKind::Warning ? std::optional<TaskId>(e.subject) : std::nullopt;
    case AnchorEvent::Exception:
        return e.kind == EventKind::Exception ? std::optional<TaskId>(e.subject) : std::nullopt;
    case AnchorEvent::RunEnd:
        return e.kind == EventKind::RunEnd ? std::optional<TaskId>(0) : std::nullopt;
    case AnchorEvent::Output:
    case AnchorEvent::Stderr:
        break; // lines, handled by the caller
    }
    return std::nullopt;
}

} // namespace

AnchorResolver::AnchorResolver(const Trace& trace)
    : m_trace(trace)
{
}

std::optional<std::size_t> AnchorResolver::resolve(const Anchor& anchor) const
{
    const std::size_t end = m_trace.size();
    if (anchor.kind == AnchorKind::Time) {
        const Nanos when = Nanos(std::llround(anchor.seconds * 1e9));
        for (std::size_t i = 0; i < end; ++i) {
            const Event& e = m_trace[i];
            if (e.kind == EventKind::ClockAdvance && e.x == 0 && Nanos(e.v) >= when)
                return i;
        }
        return std::nullopt;
    }

    const std::string task = anchor.task.toStdString();
    const std::string match = anchor.match.toStdString();
    const int nth = anchor.event == AnchorEvent::FirstSwitch ? 1 : anchor.nth;
    const Stream stream = anchor.event == AnchorEvent::Stderr ? Stream::Stderr : Stream::Stdout;
    const bool lines = anchor.kind == AnchorKind::Event
        && (anchor.event == AnchorEvent::Output || anchor.event == AnchorEvent::Stderr);
    Scan scan(m_trace);
    int seen = 0;
    for (std::size_t i = 0; i < end; ++i) {
        const Event& e = m_trace[i];
        const std::vector<Scan::Line> completed = scan.step(i, stream);
        if (anchor.kind == AnchorKind::Line) {
            if (e.kind == EventKind::Line && int(e.x) == anchor.line
                && (task.empty() || scan.name(e.subject) == task) && ++seen == nth)
                return i;
            continue;
        }
        if (lines) {
            for (const Scan::Line& line : completed) {
                if ((task.empty() || scan.name(line.task) == task)
                    && (match.empty() || line.text.find(match) != std::string::npos) && ++seen == nth)
                    return i;
            }
            continue;
        }
        const std::optional<TaskId> about = eventTask(anchor.event, e, scan);
        if (!about)
            continue;
        if (!task.empty() && scan.name(*about) != task)
            continue;
        if (anchor.event == AnchorEvent::Warning && anchor.warning && WarningKind(e.a) != *anchor.warning)
            continue;
        if (!match.empty() && m_trace.text(e.v).find(match) == std::string_view::npos)
            continue;
        if (++seen == nth)
            return i;
    }
    return std::nullopt;
}

std::optional<std::size_t> AnchorResolver::position(const Anchor& anchor) const
{
    const std::optional<std::size_t> index = resolve(anchor);
    if (!index)
        return std::nullopt;
    return *index + 1;
}

} // namespace coroscope::lessons
