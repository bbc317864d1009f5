#include "app/gui/narration/WhyNext.h"

#include "core/trace/Model.h"
#include "core/trace/Trace.h"

namespace coroscope {

namespace {

/// Events just before a ReadyPush that may say why it happened; past them
/// (or at a switch or a line) the push is the running task's own doing.
constexpr std::size_t kCauseWindow = 8;

std::size_t scanFloor(std::size_t from)
{
    return from > WhyNext::kScanLimit ? from - WhyNext::kScanLimit : 0;
}

/// Index of the last event of `kind` before `end` matching `pred`, or npos.
template <typename Pred>
std::size_t lastBefore(const Trace& trace, std::size_t end, EventKind kind, Pred pred)
{
    end = std::min(end, trace.size());
    for (std::size_t i = end; i > scanFloor(end); --i) {
        const Event& e = trace[i - 1];
        if (e.kind == kind && pred(e))
            return i - 1;
    }
    return std::size_t(-1);
}

/// The loop's clock right after event `index`.
Nanos clockAt(const Trace& trace, std::size_t index)
{
    const std::size_t at = lastBefore(trace, index + 1, EventKind::ClockAdvance, [](const Event& e) { return e.x == 0; });
    return at == std::size_t(-1) ? 0 : Nanos(trace[at].v);
}

bool finished(TaskState state)
{
    return state == TaskState::Done || state == TaskState::Failed || state == TaskState::Cancelled;
}

} // namespace

QString WhyNext::seconds(Nanos time)
{
    return QString::number(double(time) / 1e9, 'f', 3);
}

QString WhyNext::taskName(const Model& model, const Trace& trace, TaskId task)
{
    if (task == 0)
        return tr("the event loop");
    if (const TaskInfo* info = model.task(task); info && info->name.length != 0) {
        const std::string_view name = trace.text(info->name);
        return QString::fromUtf8(name.data(), qsizetype(name.size()));
    }
    return tr("task %1").arg(task);
}

QString WhyNext::readyCause(const Model& model, const Trace& trace, HandleId handle, TaskId task)
{
    const std::size_t push = lastBefore(trace, model.position(), EventKind::ReadyPush,
                                        [handle](const Event& e) { return e.subject == handle; });
    if (push == std::size_t(-1))
        return {};
    const std::size_t floor = push > kCauseWindow ? push - kCauseWindow : 0;
    bool otherStep = false; // what came before a switch or a line belongs to another step
    for (std::size_t i = push; i > floor && !otherStep; --i) {
        const Event& e = trace[i - 1];
        switch (e.kind) {
        case EventKind::TimerFired:
            return tr("its timer fired at t=%1 s").arg(seconds(clockAt(trace, i - 1)));
        case EventKind::FutureResolved: {
            const FutureInfo* future = model.future(e.subject);
            if (future && future->kind == FutureKind::Task && future->owner != 0 && future->owner != task)
                return tr("the task it awaited, %1, finished").arg(taskName(model, trace, future->owner));
            switch (FutureOutcome(e.a)) {
            case FutureOutcome::Result: return tr("the future it awaited got its result");
            case FutureOutcome::Exception: return tr("the future it awaited got an exception");
            case FutureOutcome::Cancelled: return tr("the future it awaited was cancelled");
            }
            break;
        }
        case EventKind::TaskCreated:
            if (e.subject == task && task != 0)
                return tr("it was just created (asyncio.create_task) and waits for its first step");
            break;
        case EventKind::Switch:
        case EventKind::Line:
        case EventKind::ReadyPop:
            otherStep = true;
            break;
        default:
            break;
        }
    }
    const std::size_t sw = lastBefore(trace, push, EventKind::Switch, [](const Event&) { return true; });
    const TaskId by = sw == std::size_t(-1) ? 0 : trace[sw].subject;
    if (by == 0)
        return tr("the event loop scheduled it (call_soon)");
    if (by == task)
        return tr("it gave the thread back and asked to run again (call_soon)");
    return tr("%1 scheduled it with call_soon").arg(taskName(model, trace, by));
}

QString WhyNext::explain(const Model& model, const Trace& trace)
{
    if (model.position() == 0)
        return tr("Nothing has run yet. Press Step to watch the first event.");
    if (model.ended())
        return tr("The run is over: no task will run again.");

    const TaskId running = model.running();
    const std::vector<ReadyEntry> ready = model.readyQueue();
    if (!ready.empty()) {
        const ReadyEntry& head = ready.front();
        QString who;
        if (head.task != 0)
            who = taskName(model, trace, head.task);
        else if (head.label.length != 0)
            who = QString::fromUtf8(trace.text(head.label).data(), qsizetype(trace.text(head.label).size()));
        else
            who = tr("a callback");
        const QString cause = readyCause(model, trace, head.handle, head.task);
        const QString first = cause.isEmpty() ? tr("%1 is first in the ready queue.").arg(who)
                                              : tr("%1 is first in the ready queue because %2.").arg(who, cause);
        if (running != 0)
            return tr("%1 holds the thread now; it runs until its next await. Then: %2")
                .arg(taskName(model, trace, running), first);
        return tr("The loop runs the ready queue in order. %1").arg(first);
    }

    if (running != 0) {
        const QString name = taskName(model, trace, running);
        const std::size_t sw = lastBefore(trace, model.position(), EventKind::Switch, [](const Event&) { return true; });
        const TaskId from = sw == std::size_t(-1) ? 0 : trace[sw].x;
        const QString other = taskName(model, trace, from);
        const SwitchWhy why = sw == std::size_t(-1) ? SwitchWhy::Start : SwitchWhy(trace[sw].a);
        switch (why) {
        case SwitchWhy::Start:
            if (const TaskInfo* info = model.task(running); info && info->kind == TaskKind::Main)
                return tr("%1 runs: it is the program's main flow, where every run starts.").arg(name);
            return tr("%1 runs: it has just started.").arg(name);
        case SwitchWhy::Resume:
            if (from == 0)
                return tr("%1 runs because the event loop took its step from the ready queue.").arg(name);
            return tr("%1 runs because %2 resumed it (next(), send() or a for loop).").arg(name, other);
        case SwitchWhy::Yield:
            return tr("%1 runs again because %2 yielded a value back to it.").arg(name, other);
        case SwitchWhy::Return:
            return tr("%1 runs again because %2 returned.").arg(name, other);
        case SwitchWhy::Switch:
            return tr("%1 runs because %2 switched to it.").arg(name, other);
        case SwitchWhy::Throw:
            return tr("%1 runs again because %2 raised an exception.").arg(name, other);
        case SwitchWhy::Await:
            return tr("%1 runs: %2 suspended at an await and handed the thread over.").arg(name, other);
        case SwitchWhy::Block:
            return tr("%1 holds the thread in a blocking call: nothing else can run until it returns.").arg(name);
        }
        return tr("%1 holds the thread.").arg(name);
    }

    if (!model.timers().empty()) {
        const TimerInfo& next = model.timers().front();
        return tr("Nothing is ready, so the loop sleeps until the next timer: %1's, at t=%2 s.")
            .arg(taskName(model, trace, next.owner), seconds(next.deadline));
    }
    for (TaskId id : model.taskIds()) {
        const TaskInfo* info = model.task(id);
        if (info && info->state == TaskState::Waiting)
            return tr("Nothing is ready and no timer is pending, yet %1 still waits: nothing can wake it (a deadlock).")
                .arg(taskName(model, trace, id));
    }
    for (TaskId id : model.taskIds()) {
        const TaskInfo* info = model.task(id);
        if (info && info->announced && !finished(info->state))
            return tr("The event loop holds the thread; nothing is ready to run.");
    }
    return tr("No task runs: the program is between steps.");
}

} // namespace coroscope
