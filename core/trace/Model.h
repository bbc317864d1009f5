#pragma once
// Model: the state of the world after a prefix of the trace.
//
// A Model at position N is the fold of events [0, N): event N has NOT been
// applied yet. Position 0 is the empty world before the run; position
// trace.size() is the world at the end. `apply(e)` applies the event at
// index position() and advances the position by one.
//
// The Model trusts the trace but never crashes on it: ids it has never seen
// create placeholder entries, events that contradict the state (a finished
// task running again, popping a handle that is not queued...) are applied as
// far as they make sense and counted in anomalies(). Ids are allocated
// densely from 1, so an id of 2^24 or more, or one more than 2^16 above the
// highest id seen, is taken as corrupt: the event is counted as an anomaly
// and otherwise ignored, and memory stays proportional to the real ids.
//
// Text is never copied: names, outputs and summaries are StrRefs into the
// Trace's string pool. Tables are CowVectors, so copying a Model (which the
// Seeker does for every checkpoint) shares all storage until it is written.

#include "core/trace/Event.h"
#include "core/trace/detail/CowVector.h"

#include <cstdint>
#include <string>
#include <vector>

namespace coroscope {

class Trace;

/// What a task's time is spent on. The Model accumulates time per activity
/// and reports closed intervals to an IntervalSink (the Timeline).
enum class Activity : std::uint8_t {
    Running,   ///< holds the thread (TaskState::Running)
    Ready,     ///< in the ready queue
    Waiting,   ///< blocked on something named by its WaitKind
    Suspended, ///< stopped voluntarily (greenlet switched away, generator at yield)
    Blocked,   ///< running, but a blocking call holds the thread while the clock moves
    Idle,      ///< the loop (lane 0) sleeping until the next timer
};
inline constexpr std::size_t kActivityCount = 6;
std::string_view toString(Activity);

/// One stack frame of a task, bottom of the stack first.
struct FrameInfo {
    StrRef function;        ///< function name
    StrRef locals;          ///< locals summary ("a=1, b='x'"), empty until FrameLocals
    std::uint32_t line = 0; ///< the frame's current line
    bool operator==(const FrameInfo&) const = default;
};

struct TaskInfo {
    TaskId id = 0;                        ///< 0: this slot holds no task
    TaskKind kind = TaskKind::Main;       ///< from TaskCreated
    TaskState state = TaskState::Created; ///< from the latest TaskState
    WaitKind waitKind = WaitKind::None;   ///< what it waits on while Waiting
    bool announced = false;               ///< a TaskCreated was seen (false: only referenced so far)
    bool hasOutcome = false;              ///< outcome/outcomeKind are set
    FutureOutcome outcomeKind = FutureOutcome::Result; ///< how its task future resolved
    bool hasMemory = false;               ///< a Memory event about it was seen
    MemoryKind memoryKind = MemoryKind::Stack; ///< what the latest Memory event measured
    std::uint16_t depth = 0;              ///< frames on its stack
    std::uint32_t waitTarget = 0;         ///< id of what it waits on (meaning given by waitKind)
    TaskId parent = 0;                    ///< from TaskCreated
    std::uint32_t line = 0;               ///< current line (0: unknown)
    std::uint32_t switches = 0;           ///< times a Switch event moved control into it
    std::uint32_t topFrame = 0;           ///< internal: 1 + frame pool index of its top frame, 0: none
    std::uint32_t sinceEvent = 0;         ///< index of the event that began the current state
    StrRef name;                          ///< from TaskCreated
    StrRef outcome;                       ///< result repr or exception summary of its task future
    StrRef exception;                     ///< text of the latest Exception event about it
    Nanos since = 0;                      ///< its clock when the current state began
    Nanos laneTime = 0;                   ///< worker lane clock; its clock is max(loop clock, laneTime)
    Nanos createdAt = 0;                  ///< loop clock at TaskCreated
    std::uint64_t memoryBytes = 0;        ///< total bytes of the latest Memory event (valid when hasMemory)
    std::uint32_t memoryPart = 0;         ///< its first part: machine stack (Stack) or frame (Frames) bytes
    Nanos spent[5] = {};                  ///< closed time per Activity (Running..Blocked)
    bool operator==(const TaskInfo&) const = default;
};

struct ReadyEntry {
    HandleId handle = 0; ///< the queued handle
    TaskId task = 0;     ///< the task it steps (0: a plain callback)
    StrRef label;        ///< what the callback is ("Task.__step", a function name...)
    bool operator==(const ReadyEntry&) const = default;
};

struct TimerInfo {
    TimerId id = 0;
    TaskId owner = 0;
    HandleId handle = 0;
    Nanos deadline = 0;
    bool operator==(const TimerInfo&) const = default;
};

struct FutureInfo {
    FutureId id = 0;                  ///< 0: this slot holds no future
    FutureKind kind = FutureKind::Plain;
    bool done = false;                ///< resolved (result, exception or cancelled)
    bool announced = false;           ///< a FutureCreated was seen
    FutureOutcome outcome = FutureOutcome::Result; ///< valid when done
    TaskId owner = 0;
    std::uint32_t waiters = 0;        ///< tasks waiting on it now (listed by Model::waitersOf)
    StrRef summary;                   ///< repr of the result / the exception, when done
    bool operator==(const FutureInfo&) const = default;
};

struct OutputChunk {
    TaskId task = 0;
    std::uint32_t event = 0; ///< index of the Output event
    StrRef text;
    Stream stream = Stream::Stdout;
    bool operator==(const OutputChunk&) const = default;
};

struct WarningEntry {
    TaskId task = 0;
    std::uint32_t event = 0; ///< index of the Warning event
    StrRef message;
    WarningKind kind = WarningKind::NeverAwaited;
    bool operator==(const WarningEntry&) const = default;
};

struct IoEntry {
    TaskId task = 0;
    std::uint32_t event = 0;     ///< index of the Io event
    std::uint32_t bytes = 0;
    std::uint32_t latencyUs = 0;
    StrRef host;
    IoOp op = IoOp::Connect;
    bool operator==(const IoEntry&) const = default;
};

/// An event the Model could not apply as the trace contract describes.
struct Anomaly {
    std::uint32_t event = 0;    ///< index of the offending event
    std::uint32_t subject = 0;  ///< the event's subject
    std::string_view what;      ///< static description ("state change of a finished task")
    bool operator==(const Anomaly&) const = default;
};

/// A closed stretch of one task's time in one activity. Events [beginEvent,
/// endEvent] are the ones that began and ended it.
struct Interval {
    TaskId task = 0;                  ///< 0: the loop itself (Idle / Blocked)
    Activity activity = Activity::Running;
    WaitKind waitKind = WaitKind::None;
    std::uint32_t target = 0;
    Nanos begin = 0;
    Nanos end = 0;
    std::uint32_t beginEvent = 0;
    std::uint32_t endEvent = 0;
};

/// Receives intervals as the Model closes them (in event order).
class IntervalSink {
public:
    virtual ~IntervalSink() = default;
    virtual void onInterval(const Interval& interval) = 0;
};

class Model {
public:
    /// Ids at or above kMaxId, or kMaxIdGap or more above the slots in use, are not tracked.
    static constexpr std::uint32_t kMaxId = 1u << 24;
    static constexpr std::uint32_t kMaxIdGap = 1u << 16;

    /// Applies the event at index position(). `trace` holds the event's text;
    /// the Model keeps references only. Intervals closed by the event go to `sink`.
    void apply(const Event& e, const Trace& trace, IntervalSink* sink = nullptr);
    /// Folds events [position(), n) of `trace` (n is clamped to trace.size()).
    void applyUntil(const Trace& trace, std::size_t n, IntervalSink* sink = nullptr);
    /// The fold of events [0, n) of `trace`.
    static Model fold(const Trace& trace, std::size_t n);

    /// Events applied so far: this is the state after events [0, position()).
    std::size_t position() const { return m_position; }
    /// The loop's virtual clock. Never goes backwards.
    Nanos now() const { return m_now; }
    /// The task that holds the thread (0: the loop itself).
    TaskId running() const { return m_running; }
    SwitchWhy lastSwitchWhy() const { return m_lastSwitchWhy; }

    /// 1 + the highest task id seen; ids below it may be empty slots (id == 0).
    std::size_t taskSlots() const { return m_tasks.size(); }
    /// The task with this id, or nullptr if never seen.
    const TaskInfo* task(TaskId id) const;
    /// Ids of every task seen, ascending.
    std::vector<TaskId> taskIds() const;
    /// Its frames, bottom first.
    std::vector<FrameInfo> frames(TaskId id) const;
    /// Time spent in `activity` up to now(), including the open current state.
    /// Task 0 is the loop: it has Idle and Blocked time only.
    Nanos timeIn(TaskId id, Activity activity) const;
    /// The task's clock: the loop clock, or its worker lane's clock if ahead.
    Nanos clockOf(TaskId id) const;
    /// The interval the task is in right now, ending at its clock (false if none).
    bool openInterval(TaskId id, Interval& out) const;
    /// Tasks whose state is Waiting on (kind, target), ascending.
    std::vector<TaskId> tasksWaitingOn(WaitKind kind, std::uint32_t target) const;

    /// The ready queue, front first.
    std::vector<ReadyEntry> readyQueue() const;
    std::size_t readyCount() const { return m_ready.size() - m_readyHead; }
    /// Pending timers ordered by (deadline, id), i.e. in firing order.
    const std::vector<TimerInfo>& timers() const { return m_timers; }
    std::uint32_t timersFired() const { return m_timersFired; }

    std::size_t futureSlots() const { return m_futures.size(); }
    const FutureInfo* future(FutureId id) const;
    /// Tasks waiting on the future now, in the order they started waiting.
    std::vector<TaskId> waitersOf(FutureId id) const;

    std::size_t outputCount() const { return m_output.size(); }
    const OutputChunk& output(std::size_t i) const { return m_output[i]; }
    std::size_t warningCount() const { return m_warnings.size(); }
    const WarningEntry& warning(std::size_t i) const { return m_warnings[i]; }
    std::size_t ioCount() const { return m_io.size(); }
    const IoEntry& io(std::size_t i) const { return m_io[i]; }
    std::size_t anomalyCount() const { return m_anomalies.size(); }
    const Anomaly& anomaly(std::size_t i) const { return m_anomalies[i]; }

    bool ended() const { return m_ended; }
    RunStatus endStatus() const { return m_endStatus; }
    StrRef endMessage() const { return m_endMessage; }

    /// A canonical, complete, human-readable description (text resolved
    /// through `trace`). Two Models are equal iff their descriptions are.
    std::string describe(const Trace& trace) const;

    /// Calls fn(identity, bytes) for every heap block the Model holds; blocks
    /// shared with copies report the same identity.
    template <typename Fn>
    void forEachBlock(Fn&& fn) const;

    friend bool operator==(const Model& l, const Model& r);

private:
    struct FrameSlot {
        FrameInfo frame;
        std::uint32_t below = 0; ///< 1 + pool index of the frame below, 0: bottom; free list link when free
        bool operator==(const FrameSlot&) const = default;
    };
    struct Waiter {
        FutureId future = 0;
        TaskId task = 0;
        bool operator==(const Waiter&) const = default;
    };

    TaskInfo* taskFor(TaskId id, bool create);
    FutureInfo* futureFor(FutureId id);
    void setState(TaskInfo& t, TaskState state, WaitKind wait, std::uint32_t target, IntervalSink* sink);
    void closeInterval(TaskInfo& t, Nanos end, IntervalSink* sink);
    void block(TaskInfo& t, Nanos from, Nanos to, IntervalSink* sink);
    void advanceClock(const Event& e, IntervalSink* sink);
    void setLine(TaskInfo& t, std::uint32_t line);
    void pushFrame(TaskInfo& t, const FrameInfo& f);
    void popFrame(TaskInfo& t);
    FrameSlot* frameAtDepth(TaskInfo& t, std::uint32_t depth);
    void removeReady(HandleId handle);
    bool removeTimer(TimerId id);
    void removeWaiters(FutureId future);
    void anomaly(std::uint32_t subject, std::string_view what);
    std::uint32_t eventIndex() const { return std::uint32_t(m_position); }

    detail::CowVector<TaskInfo, 32> m_tasks;     ///< indexed by TaskId
    detail::CowVector<FrameSlot, 128> m_frames;  ///< frame pool shared by every task's stack
    std::uint32_t m_freeFrame = 0;               ///< 1 + index of the first free pool slot, 0: none
    detail::CowVector<FutureInfo, 64> m_futures; ///< indexed by FutureId
    detail::CowVector<OutputChunk, 128> m_output;
    detail::CowVector<WarningEntry, 64> m_warnings;
    detail::CowVector<IoEntry, 64> m_io;
    detail::CowVector<Anomaly, 64> m_anomalies;
    std::vector<ReadyEntry> m_ready;  ///< [m_readyHead, size) is the queue, front first
    std::size_t m_readyHead = 0;
    std::vector<TimerInfo> m_timers;  ///< pending, sorted by (deadline, id)
    std::vector<Waiter> m_waiters;    ///< sorted by future; insertion order within a future
    std::size_t m_position = 0;
    Nanos m_now = 0;
    TaskId m_running = 0;
    SwitchWhy m_lastSwitchWhy = SwitchWhy::Start;
    std::uint32_t m_timersFired = 0;
    Nanos m_loopIdle = 0;             ///< time the loop slept until a timer (lane 0)
    Nanos m_loopBlocked = 0;          ///< blocking time while no task was running
    bool m_ended = false;
    RunStatus m_endStatus = RunStatus::Ok;
    StrRef m_endMessage;
};

template <typename Fn>
void Model::forEachBlock(Fn&& fn) const
{
    m_tasks.forEachChunk(fn);
    m_frames.forEachChunk(fn);
    m_futures.forEachChunk(fn);
    m_output.forEachChunk(fn);
    m_warnings.forEachChunk(fn);
    m_io.forEachChunk(fn);
    m_anomalies.forEachChunk(fn);
    fn(static_cast<const void*>(this),
       sizeof(Model) + m_tasks.ownBytes() + m_frames.ownBytes() + m_futures.ownBytes() + m_output.ownBytes()
           + m_warnings.ownBytes() + m_io.ownBytes() + m_anomalies.ownBytes()
           + m_ready.capacity() * sizeof(ReadyEntry) + m_timers.capacity() * sizeof(TimerInfo)
           + m_waiters.capacity() * sizeof(Waiter));
}

} // namespace coroscope
