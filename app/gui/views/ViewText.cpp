#include "app/gui/views/ViewText.h"

#include "core/trace/Trace.h"

#include <algorithm>

namespace coroscope {

QString ViewText::text(const Trace& trace, StrRef ref)
{
    const std::string_view s = trace.text(ref);
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString ViewText::taskName(const Trace& trace, const Model& model, TaskId task)
{
    if (task == 0)
        return tr("event loop");
    if (const TaskInfo* t = model.task(task)) {
        if (t->name.length)
            return text(trace, t->name);
    }
    return tr("task %1").arg(task);
}

QString ViewText::time(Nanos t)
{
    if (t == 0)
        return QStringLiteral("0 s");
    const QString sign = t < 0 ? QStringLiteral("-") : QString();
    const Nanos a = t < 0 ? -t : t;
    // Whole milliseconds read best as seconds with three decimals (asyncio
    // sleeps are written in seconds); finer times get the unit they need.
    if (a % 1000000 == 0 || a >= 1000000000)
        return sign + QString::number(double(a) / 1e9, 'f', 3) + QStringLiteral(" s");
    if (a >= 1000000)
        return sign + QString::number(double(a) / 1e6, 'g', 4) + QStringLiteral(" ms");
    if (a >= 1000)
        return sign + QString::number(double(a) / 1e3, 'g', 4) + QStringLiteral(" \u00b5s");
    return sign + QString::number(a) + QStringLiteral(" ns");
}

QString ViewText::stateName(TaskState state)
{
    switch (state) {
    case TaskState::Created: return tr("not started");
    case TaskState::Ready: return tr("ready");
    case TaskState::Running: return tr("running");
    case TaskState::Suspended: return tr("suspended");
    case TaskState::Waiting: return tr("waiting");
    case TaskState::Done: return tr("done");
    case TaskState::Cancelled: return tr("cancelled");
    case TaskState::Failed: return tr("failed");
    }
    return QString();
}

QString ViewText::activityName(Activity activity)
{
    switch (activity) {
    case Activity::Running: return tr("running");
    case Activity::Ready: return tr("ready");
    case Activity::Waiting: return tr("waiting");
    case Activity::Suspended: return tr("suspended");
    case Activity::Blocked: return tr("blocked");
    case Activity::Idle: return tr("idle");
    }
    return QString();
}

QString ViewText::kindName(TaskKind kind)
{
    switch (kind) {
    case TaskKind::Main: return tr("main");
    case TaskKind::Greenlet: return tr("greenlet");
    case TaskKind::Generator: return tr("generator");
    case TaskKind::CoroutineTask: return tr("task");
    case TaskKind::Thread: return tr("executor thread");
    case TaskKind::Callback: return tr("callback");
    case TaskKind::Server: return tr("server");
    }
    return QString();
}

QString ViewText::waitKindName(WaitKind kind)
{
    switch (kind) {
    case WaitKind::None: return tr("something");
    case WaitKind::Timer: return tr("timer");
    case WaitKind::Future: return tr("future");
    case WaitKind::Task: return tr("task");
    case WaitKind::Io: return tr("I/O");
    case WaitKind::Lock: return tr("lock");
    case WaitKind::Queue: return tr("queue");
    case WaitKind::Event: return tr("event");
    case WaitKind::Executor: return tr("executor");
    case WaitKind::Greenlet: return tr("greenlet");
    case WaitKind::Semaphore: return tr("semaphore");
    case WaitKind::Condition: return tr("condition");
    }
    return QString();
}

QString ViewText::waitTarget(const Trace& trace, const Model& model, WaitKind kind, std::uint32_t target)
{
    switch (kind) {
    case WaitKind::Task:
    case WaitKind::Greenlet:
        return tr("%1 %2").arg(waitKindName(kind), taskName(trace, model, target));
    case WaitKind::Future:
    case WaitKind::Executor:
        if (const FutureInfo* f = model.future(target)) {
            if (f->kind == FutureKind::Task && f->owner)
                return tr("future #%1 of %2").arg(target).arg(taskName(trace, model, f->owner));
            if (f->kind != FutureKind::Plain)
                return tr("future #%1 (%2)").arg(target).arg(QString::fromLatin1(toString(f->kind).data()));
        }
        return target ? tr("%1 #%2").arg(waitKindName(kind)).arg(target) : waitKindName(kind);
    case WaitKind::Io: {
        // The host of the task's latest I/O is not known here; the target is an id.
        return target ? tr("I/O #%1").arg(target) : tr("I/O");
    }
    default:
        return target ? tr("%1 #%2").arg(waitKindName(kind)).arg(target) : waitKindName(kind);
    }
}

QString ViewText::waitDescription(const Trace& trace, const Model& model, const TaskInfo& task)
{
    if (task.state != TaskState::Waiting)
        return QString();
    QString what = waitTarget(trace, model, task.waitKind, task.waitTarget);
    if (task.waitKind == WaitKind::Timer) {
        const auto& timers = model.timers();
        auto it = std::find_if(timers.begin(), timers.end(), [&](const TimerInfo& t) { return t.id == task.waitTarget; });
        if (it != timers.end()) {
            what += tr(", fires at %1 (in %2)").arg(time(it->deadline), duration(it->deadline - model.now()));
        }
    } else if (task.waitKind == WaitKind::Task || task.waitKind == WaitKind::Greenlet) {
        if (const TaskInfo* t = model.task(task.waitTarget))
            what += tr(" (%1)").arg(stateName(t->state));
    } else if (task.waitKind == WaitKind::Future || task.waitKind == WaitKind::Executor) {
        if (const FutureInfo* f = model.future(task.waitTarget))
            what += f->done ? tr(" (resolved)") : tr(" (pending)");
    }
    return what;
}

QString ViewText::outcome(const Trace& trace, const TaskInfo& task)
{
    const QString summary = firstLine(text(trace, task.outcome));
    switch (task.state) {
    case TaskState::Cancelled: return tr("cancelled");
    case TaskState::Failed: {
        QString what = summary;
        if (what.isEmpty() && task.exception.length) {
            // "Traceback ...\nValueError: x": the last line names the exception.
            const QStringList lines = text(trace, task.exception).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            what = lines.isEmpty() ? QString() : lines.last();
        }
        return what.isEmpty() ? tr("raised") : tr("raised %1").arg(what);
    }
    case TaskState::Done:
        if (task.hasOutcome && task.outcomeKind == FutureOutcome::Exception)
            return tr("raised %1").arg(summary);
        return summary.isEmpty() ? tr("returned") : tr("= %1").arg(summary);
    default: return QString();
    }
}

QString ViewText::firstLine(const QString& s)
{
    const qsizetype nl = s.indexOf(QLatin1Char('\n'));
    return nl < 0 ? s : s.left(nl);
}

} // namespace coroscope
