// LoopView and its pure layout function. First every task
// is given exactly one place (running slot, ready queue, a lane, a waiting
// group, suspended, not started, finished), so each task has one chip and
// the chip can slide between places; then the places are laid out top to
// bottom, each section taking the rows that fit and summarising the rest.

#include "app/gui/views/LoopView.h"

#include "app/gui/views/detail/LoopSections.h"
#include "app/gui/views/ViewText.h"

#include <algorithm>
#include <map>

namespace coroscope {

namespace {

/// Order of waiting groups after the timers.
int kindRank(WaitKind k)
{
    switch (k) {
    case WaitKind::Timer: return 0;
    case WaitKind::Future: return 1;
    case WaitKind::Task: return 2;
    case WaitKind::Io: return 3;
    case WaitKind::Executor: return 4;
    case WaitKind::Lock: return 5;
    case WaitKind::Semaphore: return 6;
    case WaitKind::Condition: return 7;
    case WaitKind::Queue: return 8;
    case WaitKind::Event: return 9;
    case WaitKind::Greenlet: return 10;
    case WaitKind::None: return 11;
    }
    return 12;
}

/// Kinds of task the loop view places outside its lanes; greenlets and
/// generators have their own views and appear here only when running.
bool onTheLoop(TaskKind k)
{
    return k == TaskKind::Main || k == TaskKind::CoroutineTask || k == TaskKind::Callback;
}

} // namespace

LoopPlaces LoopPlaces::of(const Model& model)
{
    LoopPlaces p;
    std::vector<bool> placed(model.taskSlots() + 1, false);
    auto place = [&](TaskId id) {
        if (id >= placed.size() || placed[id])
            return false;
        placed[id] = true;
        return true;
    };
    p.running = model.running();
    if (p.running)
        place(p.running);
    for (const ReadyEntry& r : model.readyQueue()) {
        // A task has one chip: a queued step of a task already placed (the
        // running task queued its own next step) is drawn as an outline.
        p.ready.push_back(r);
        p.ownsChip.push_back(r.task != 0 && place(r.task));
    }

    std::map<std::pair<int, std::uint32_t>, std::size_t> groupOf; // (kind rank, target) -> index
    std::map<TaskId, TimerId> timerOwnedBy; // task -> the pending timer it scheduled last
    for (const TimerInfo& t : model.timers()) {
        if (t.owner)
            timerOwnedBy[t.owner] = t.id;
        WaitGroup g;
        g.kind = WaitKind::Timer;
        g.target = t.id;
        g.timer = t;
        g.pending = true;
        groupOf[{kindRank(WaitKind::Timer), t.id}] = p.groups.size();
        p.groups.push_back(g);
    }
    const std::size_t timerGroups = p.groups.size();

    for (const TaskId id : model.taskIds()) {
        const TaskInfo& t = *model.task(id);
        if (t.kind == TaskKind::Thread || t.kind == TaskKind::Server) {
            (t.kind == TaskKind::Thread ? p.threads : p.servers).push_back(id);
            continue;
        }
        if (!onTheLoop(t.kind) || (id < placed.size() && placed[id]))
            continue;
        switch (t.state) {
        case TaskState::Waiting: {
            auto key = std::make_pair(kindRank(t.waitKind), t.waitTarget);
            if (t.waitKind == WaitKind::Timer && !groupOf.count(key)) {
                // A sleep may wait on a future that its timer resolves, so the
                // task does not name the timer: the one it scheduled wakes it.
                if (const auto owned = timerOwnedBy.find(id); owned != timerOwnedBy.end())
                    key.second = owned->second;
            }
            auto it = groupOf.find(key);
            if (it == groupOf.end()) {
                WaitGroup g;
                g.kind = t.waitKind;
                g.target = t.waitTarget;
                it = groupOf.emplace(key, p.groups.size()).first;
                p.groups.push_back(g);
            }
            p.groups[it->second].tasks.push_back(id);
            ++p.waitingTasks;
            break;
        }
        case TaskState::Suspended: p.suspended.push_back(id); break;
        case TaskState::Created: p.created.push_back(id); break;
        case TaskState::Done:
        case TaskState::Failed:
        case TaskState::Cancelled: p.finished.push_back(id); break;
        case TaskState::Ready:
        case TaskState::Running: break; // between a queue/switch event and its state event
        }
    }
    // Timers keep firing order; the other groups follow by kind, then target.
    std::sort(p.groups.begin() + std::ptrdiff_t(timerGroups), p.groups.end(), [](const WaitGroup& l, const WaitGroup& r) {
        return std::make_pair(kindRank(l.kind), l.target) < std::make_pair(kindRank(r.kind), r.target);
    });
    // The most recently finished first: they are what the step just did.
    std::stable_sort(p.finished.begin(), p.finished.end(), [&](TaskId l, TaskId r) {
        return model.task(l)->sinceEvent > model.task(r)->sinceEvent;
    });
    return p;
}

LoopView::LoopView(QWidget* parent)
    : VisualView(parent)
{
    setObjectName(QStringLiteral("loopView"));
}

QString LoopView::emptyHint() const
{
    return tr("Run a program to see its event loop: the running task, the ready queue and what every task waits on.");
}

QString LoopView::waitingGroup(WaitKind kind, std::uint32_t target)
{
    const std::string_view name = toString(kind);
    return QStringLiteral("waiting %1 %2").arg(QString::fromLatin1(name.data(), qsizetype(name.size()))).arg(target);
}

Scene LoopView::layout(const LayoutInput& input)
{
    const LoopPlaces places = LoopPlaces::of(input.model);
    LoopSections s(input, places);
    return s.build();
}

} // namespace coroscope
