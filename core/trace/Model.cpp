#include "core/trace/Model.h"

#include "core/trace/Trace.h"

#include <algorithm>

namespace coroscope {

namespace {

// Number of values of each payload enum; values at or above are anomalies.
constexpr unsigned kTaskKinds = 7;
constexpr unsigned kTaskStates = 8;
constexpr unsigned kWaitKinds = 12;
constexpr unsigned kSwitchWhys = 8;
constexpr unsigned kStreams = 2;
constexpr unsigned kFutureKinds = 5;
constexpr unsigned kOutcomes = 3;
constexpr unsigned kClockWhys = 3;
constexpr unsigned kIoOps = 5;
constexpr unsigned kWarningKinds = 6;
constexpr unsigned kRunStatuses = 5;
constexpr unsigned kMemoryKinds = 2;

bool isFinal(TaskState s)
{
    return s == TaskState::Done || s == TaskState::Cancelled || s == TaskState::Failed;
}

/// The activity a state accounts time to; false for Created and final states.
bool activityOf(TaskState s, Activity& out)
{
    switch (s) {
    case TaskState::Running: out = Activity::Running; return true;
    case TaskState::Ready: out = Activity::Ready; return true;
    case TaskState::Waiting: out = Activity::Waiting; return true;
    case TaskState::Suspended: out = Activity::Suspended; return true;
    default: return false;
    }
}

Nanos asNanos(std::uint64_t v)
{
    return static_cast<Nanos>(v);
}

} // namespace

std::string_view toString(Activity a)
{
    switch (a) {
    case Activity::Running: return "running";
    case Activity::Ready: return "ready";
    case Activity::Waiting: return "waiting";
    case Activity::Suspended: return "suspended";
    case Activity::Blocked: return "blocked";
    case Activity::Idle: return "idle";
    }
    return "?";
}

void Model::anomaly(std::uint32_t subject, std::string_view what)
{
    m_anomalies.pushBack(Anomaly{eventIndex(), subject, what});
}

TaskInfo* Model::taskFor(TaskId id, bool create)
{
    if (id == 0)
        return nullptr;
    if (id >= m_tasks.size()) {
        if (!create)
            return nullptr;
        if (id >= kMaxId || id >= m_tasks.size() + kMaxIdGap) {
            anomaly(id, "task id too far above the ids in use");
            return nullptr;
        }
        m_tasks.growTo(std::size_t(id) + 1);
    }
    if (m_tasks[id].id == 0 && !create)
        return nullptr;
    TaskInfo& t = m_tasks.mutableAt(id);
    if (t.id == 0) {
        t.id = id;
        t.since = m_now;
        t.sinceEvent = eventIndex();
        t.createdAt = m_now;
    }
    return &t;
}

FutureInfo* Model::futureFor(FutureId id)
{
    if (id == 0 || (id >= m_futures.size() && (id >= kMaxId || id >= m_futures.size() + kMaxIdGap))) {
        anomaly(id, "future id out of range");
        return nullptr;
    }
    if (id >= m_futures.size())
        m_futures.growTo(std::size_t(id) + 1);
    FutureInfo& f = m_futures.mutableAt(id);
    f.id = id;
    return &f;
}

const TaskInfo* Model::task(TaskId id) const
{
    if (id == 0 || id >= m_tasks.size() || m_tasks[id].id == 0)
        return nullptr;
    return &m_tasks[id];
}

const FutureInfo* Model::future(FutureId id) const
{
    if (id == 0 || id >= m_futures.size() || m_futures[id].id == 0)
        return nullptr;
    return &m_futures[id];
}

Nanos Model::clockOf(TaskId id) const
{
    const TaskInfo* t = task(id);
    return t ? std::max(m_now, t->laneTime) : m_now;
}

void Model::closeInterval(TaskInfo& t, Nanos end, IntervalSink* sink)
{
    Activity act;
    if (!activityOf(t.state, act))
        return;
    t.spent[std::size_t(act)] += end - t.since;
    if (sink)
        sink->onInterval(Interval{t.id, act, t.waitKind, t.waitTarget, t.since, end, t.sinceEvent, eventIndex()});
}

void Model::setState(TaskInfo& t, TaskState state, WaitKind wait, std::uint32_t target, IntervalSink* sink)
{
    if (t.state == state && t.waitKind == wait && t.waitTarget == target)
        return;
    const Nanos clock = std::max(m_now, t.laneTime);
    closeInterval(t, clock, sink);
    t.state = state;
    t.waitKind = wait;
    t.waitTarget = target;
    t.since = clock;
    t.sinceEvent = eventIndex();
}

void Model::block(TaskInfo& t, Nanos from, Nanos to, IntervalSink* sink)
{
    closeInterval(t, from, sink);
    t.spent[std::size_t(Activity::Blocked)] += to - from;
    if (sink)
        sink->onInterval(Interval{t.id, Activity::Blocked, WaitKind::None, 0, from, to, eventIndex(), eventIndex()});
    t.since = to;
    t.sinceEvent = eventIndex();
}

void Model::advanceClock(const Event& e, IntervalSink* sink)
{
    if (e.a >= kClockWhys)
        anomaly(e.x, "unknown clock advance reason");
    const auto why = ClockWhy(e.a);
    const Nanos time = asNanos(e.v);
    if (e.x == 0) {
        if (time < m_now) {
            anomaly(0, "loop clock moved backwards");
            return;
        }
        const Nanos old = m_now;
        m_now = time;
        if (why == ClockWhy::Idle) {
            m_loopIdle += time - old;
            if (sink)
                sink->onInterval(Interval{0, Activity::Idle, WaitKind::None, 0, old, time, eventIndex(), eventIndex()});
            return;
        }
        TaskInfo* t = taskFor(m_running, false);
        if (t && t->state == TaskState::Running) {
            // The running task's own clock may already be past `old` (a lane).
            const Nanos from = std::max(old, t->laneTime);
            if (time > from)
                block(*t, from, time, sink);
            return;
        }
        m_loopBlocked += time - old;
        if (sink)
            sink->onInterval(Interval{0, Activity::Blocked, WaitKind::None, 0, old, time, eventIndex(), eventIndex()});
        return;
    }
    TaskInfo* lane = taskFor(e.x, true);
    if (!lane)
        return;
    if (time < lane->laneTime) {
        anomaly(e.x, "lane clock moved backwards");
        return;
    }
    const Nanos old = std::max(m_now, lane->laneTime);
    lane->laneTime = time;
    if (time > old && lane->state == TaskState::Running)
        block(*lane, old, time, sink);
}

void Model::setLine(TaskInfo& t, std::uint32_t line)
{
    t.line = line;
    if (t.topFrame)
        m_frames.mutableAt(t.topFrame - 1).frame.line = line;
}

void Model::pushFrame(TaskInfo& t, const FrameInfo& f)
{
    std::uint32_t index;
    if (m_freeFrame) {
        index = m_freeFrame - 1;
        m_freeFrame = m_frames[index].below;
    } else {
        index = std::uint32_t(m_frames.size());
        m_frames.growTo(m_frames.size() + 1);
    }
    FrameSlot& slot = m_frames.mutableAt(index);
    slot.frame = f;
    slot.below = t.topFrame;
    t.topFrame = index + 1;
    ++t.depth;
}

void Model::popFrame(TaskInfo& t)
{
    const std::uint32_t index = t.topFrame - 1;
    FrameSlot& slot = m_frames.mutableAt(index);
    t.topFrame = slot.below;
    slot.frame = FrameInfo{};
    slot.below = m_freeFrame;
    m_freeFrame = index + 1;
    --t.depth;
    if (t.topFrame)
        t.line = m_frames[t.topFrame - 1].frame.line;
}

Model::FrameSlot* Model::frameAtDepth(TaskInfo& t, std::uint32_t depth)
{
    if (t.depth == 0 || depth > t.depth)
        return nullptr;
    if (depth == 0)
        depth = t.depth;
    std::uint32_t index = t.topFrame - 1;
    for (std::uint32_t steps = t.depth - depth; steps > 0; --steps)
        index = m_frames[index].below - 1;
    return &m_frames.mutableAt(index);
}

void Model::removeReady(HandleId handle)
{
    auto it = std::find_if(m_ready.begin() + std::ptrdiff_t(m_readyHead), m_ready.end(),
                           [&](const ReadyEntry& r) { return r.handle == handle; });
    if (it == m_ready.end()) {
        anomaly(handle, "ready-queue pop of a handle that is not queued");
        return;
    }
    if (it == m_ready.begin() + std::ptrdiff_t(m_readyHead))
        ++m_readyHead;
    else
        m_ready.erase(it);
    if (m_readyHead == m_ready.size()) {
        m_ready.clear();
        m_readyHead = 0;
    } else if (m_readyHead >= 32 && m_readyHead * 2 >= m_ready.size()) {
        m_ready.erase(m_ready.begin(), m_ready.begin() + std::ptrdiff_t(m_readyHead));
        m_readyHead = 0;
    }
}

bool Model::removeTimer(TimerId id)
{
    auto it = std::find_if(m_timers.begin(), m_timers.end(), [&](const TimerInfo& t) { return t.id == id; });
    if (it == m_timers.end())
        return false;
    m_timers.erase(it);
    return true;
}

void Model::removeWaiters(FutureId future)
{
    auto range = std::equal_range(m_waiters.begin(), m_waiters.end(), Waiter{future, 0},
                                  [](const Waiter& l, const Waiter& r) { return l.future < r.future; });
    m_waiters.erase(range.first, range.second);
}

void Model::apply(const Event& e, const Trace& trace, IntervalSink* sink)
{
    (void)trace; // text stays in the trace; the Model keeps StrRefs only
    switch (e.kind) {
    case EventKind::TaskCreated: {
        TaskInfo* t = taskFor(e.subject, true);
        if (!t)
            break;
        if (t->announced)
            anomaly(e.subject, "task created twice");
        if (e.a >= kTaskKinds)
            anomaly(e.subject, "unknown task kind");
        t->announced = true;
        t->kind = TaskKind(e.a);
        t->parent = e.x;
        t->line = e.y;
        t->name = StrRef::unpack(e.v);
        t->createdAt = m_now;
        break;
    }
    case EventKind::TaskState: {
        TaskInfo* t = taskFor(e.subject, true);
        if (!t)
            break;
        if (e.a >= kTaskStates) {
            anomaly(e.subject, "unknown task state");
            break;
        }
        if (!t->announced)
            anomaly(e.subject, "state change of a task never created");
        const auto state = TaskState(e.a);
        if (isFinal(t->state) && state != t->state)
            anomaly(e.subject, "state change of a finished task");
        WaitKind wait = WaitKind::None;
        if (e.b < kWaitKinds)
            wait = WaitKind(e.b);
        else
            anomaly(e.subject, "unknown wait kind");
        if (e.y)
            setLine(*t, e.y);
        setState(*t, state, wait, e.x, sink);
        break;
    }
    case EventKind::Switch: {
        if (e.a >= kSwitchWhys)
            anomaly(e.subject, "unknown switch reason");
        if (e.x != m_running)
            anomaly(e.x, "switch from a task that was not running");
        m_running = e.subject;
        m_lastSwitchWhy = SwitchWhy(e.a);
        if (TaskInfo* t = taskFor(e.subject, true))
            ++t->switches;
        break;
    }
    case EventKind::Line:
        if (TaskInfo* t = taskFor(e.subject, true))
            setLine(*t, e.x);
        break;
    case EventKind::FramePush: {
        TaskInfo* t = taskFor(e.subject, true);
        if (!t)
            break;
        if (e.y > 0 && t->depth >= e.y) {
            anomaly(e.subject, "frame push below the top of the stack");
            while (t->depth >= e.y)
                popFrame(*t);
        }
        if (t->depth == UINT16_MAX) {
            anomaly(e.subject, "frame stack too deep to track");
            break;
        }
        pushFrame(*t, FrameInfo{StrRef::unpack(e.v), StrRef{}, e.x});
        t->line = e.x;
        break;
    }
    case EventKind::FramePop: {
        TaskInfo* t = taskFor(e.subject, true);
        if (!t)
            break;
        if (t->depth <= e.y) {
            anomaly(e.subject, "frame pop that leaves the stack as deep as it was");
            break;
        }
        while (t->depth > e.y)
            popFrame(*t);
        break;
    }
    case EventKind::FrameLocals: {
        TaskInfo* t = taskFor(e.subject, true);
        if (!t)
            break;
        if (FrameSlot* slot = frameAtDepth(*t, e.y))
            slot->frame.locals = StrRef::unpack(e.v);
        else
            anomaly(e.subject, "locals for a frame that does not exist");
        break;
    }
    case EventKind::Output:
        if (e.a >= kStreams)
            anomaly(e.subject, "unknown output stream");
        m_output.pushBack(OutputChunk{e.subject, eventIndex(), StrRef::unpack(e.v), Stream(e.a)});
        break;
    case EventKind::TimerScheduled: {
        if (removeTimer(e.subject))
            anomaly(e.subject, "timer scheduled twice");
        const TimerInfo timer{e.subject, e.x, e.y, asNanos(e.v)};
        auto at = std::upper_bound(m_timers.begin(), m_timers.end(), timer, [](const TimerInfo& l, const TimerInfo& r) {
            return l.deadline != r.deadline ? l.deadline < r.deadline : l.id < r.id;
        });
        m_timers.insert(at, timer);
        break;
    }
    case EventKind::TimerFired:
        if (!removeTimer(e.subject))
            anomaly(e.subject, "a timer that is not pending fired");
        ++m_timersFired;
        break;
    case EventKind::TimerCancelled:
        if (!removeTimer(e.subject))
            anomaly(e.subject, "a timer that is not pending was cancelled");
        break;
    case EventKind::FutureCreated: {
        FutureInfo* f = futureFor(e.subject);
        if (!f)
            break;
        if (f->announced)
            anomaly(e.subject, "future created twice");
        if (e.a >= kFutureKinds)
            anomaly(e.subject, "unknown future kind");
        f->announced = true;
        f->kind = FutureKind(e.a);
        f->owner = e.x;
        break;
    }
    case EventKind::FutureResolved: {
        FutureInfo* f = futureFor(e.subject);
        if (!f)
            break;
        if (!f->announced)
            anomaly(e.subject, "resolution of a future never created");
        if (f->done)
            anomaly(e.subject, "future resolved twice");
        if (e.a >= kOutcomes)
            anomaly(e.subject, "unknown future outcome");
        f->done = true;
        f->outcome = FutureOutcome(e.a);
        f->summary = StrRef::unpack(e.v);
        f->waiters = 0;
        removeWaiters(e.subject);
        // A task future's outcome is the task's result (f stays valid: taskFor touches tasks only).
        if (f->kind == FutureKind::Task && f->owner != 0) {
            if (TaskInfo* t = taskFor(f->owner, true)) {
                t->hasOutcome = true;
                t->outcomeKind = f->outcome;
                t->outcome = f->summary;
            }
        }
        break;
    }
    case EventKind::FutureWaiter: {
        FutureInfo* f = futureFor(e.subject);
        if (!f)
            break;
        auto byFuture = [](const Waiter& l, const Waiter& r) { return l.future < r.future; };
        if (e.a) {
            // Awaiting a finished future does not wait: its callback is scheduled at once.
            if (f->done)
                break;
            const Waiter w{e.subject, e.x};
            m_waiters.insert(std::upper_bound(m_waiters.begin(), m_waiters.end(), w, byFuture), w);
            ++f->waiters;
            break;
        }
        auto range = std::equal_range(m_waiters.begin(), m_waiters.end(), Waiter{e.subject, 0}, byFuture);
        auto it = std::find_if(range.first, range.second, [&](const Waiter& w) { return w.task == e.x; });
        if (it == range.second) {
            // Resolving a future already dropped its waiters; a late removal is fine.
            if (!f->done)
                anomaly(e.subject, "removal of a waiter that is not waiting");
            break;
        }
        m_waiters.erase(it);
        --f->waiters;
        break;
    }
    case EventKind::ReadyPush:
        m_ready.push_back(ReadyEntry{e.subject, e.x, StrRef::unpack(e.v)});
        break;
    case EventKind::ReadyPop:
        removeReady(e.subject);
        break;
    case EventKind::ClockAdvance:
        advanceClock(e, sink);
        break;
    case EventKind::Io:
        if (e.a >= kIoOps)
            anomaly(e.subject, "unknown io operation");
        m_io.pushBack(IoEntry{e.subject, eventIndex(), e.x, e.y, StrRef::unpack(e.v), IoOp(e.a)});
        break;
    case EventKind::Exception:
        if (TaskInfo* t = taskFor(e.subject, true))
            t->exception = StrRef::unpack(e.v);
        break;
    case EventKind::Warning:
        if (e.a >= kWarningKinds)
            anomaly(e.subject, "unknown warning kind");
        m_warnings.pushBack(WarningEntry{e.subject, eventIndex(), StrRef::unpack(e.v), WarningKind(e.a)});
        break;
    case EventKind::RunEnd:
        if (m_ended)
            anomaly(0, "run ended twice");
        if (e.a >= kRunStatuses)
            anomaly(0, "unknown run status");
        m_ended = true;
        m_endStatus = RunStatus(e.a);
        m_endMessage = StrRef::unpack(e.v);
        break;
    case EventKind::Memory:
        if (e.a >= kMemoryKinds)
            anomaly(e.subject, "unknown memory kind");
        if (TaskInfo* t = taskFor(e.subject, true)) {
            t->hasMemory = true;
            t->memoryKind = MemoryKind(e.a);
            t->memoryBytes = e.v;
            t->memoryPart = e.x;
        }
        break;
    default:
        anomaly(e.subject, "unknown event kind");
        break;
    }
    ++m_position;
}

void Model::applyUntil(const Trace& trace, std::size_t n, IntervalSink* sink)
{
    n = std::min(n, trace.size());
    while (m_position < n)
        apply(trace[m_position], trace, sink);
}

Model Model::fold(const Trace& trace, std::size_t n)
{
    Model m;
    m.applyUntil(trace, n);
    return m;
}

} // namespace coroscope
