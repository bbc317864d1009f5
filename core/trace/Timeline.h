#pragma once
// Timeline: every task's time as segments (running / ready / waiting /
// suspended / blocked; the loop's lane 0 has idle and blocked), for the Gantt
// view and the Chrome export. It is an IntervalSink: the Seeker's head Model
// feeds it once, in event order, as the trace grows, so building it costs one
// pass over the trace. Queries take a range of virtual time (or of event
// indices) and a minimum length; shorter segments are merged into spans, so
// drawing a lane costs O(pixels * log(segments)), not O(segments).

#include "core/trace/Model.h"

#include <cstdint>
#include <map>
#include <vector>

namespace coroscope {

/// A closed interval of one lane in one activity. On the event axis a
/// segment covers [beginEvent, endEvent): the event that began it up to the
/// one that ended it.
struct Segment {
    Nanos begin = 0;
    Nanos end = 0;
    std::uint32_t beginEvent = 0;
    std::uint32_t endEvent = 0;
    std::uint32_t target = 0;            ///< what a Waiting task waits on (id, meaning by waitKind)
    Activity activity = Activity::Running;
    WaitKind waitKind = WaitKind::None;
};

/// A segment, or a run of short segments merged for drawing.
struct Span {
    Nanos begin = 0;
    Nanos end = 0;
    std::uint32_t beginEvent = 0;
    std::uint32_t endEvent = 0;
    std::uint32_t target = 0;            ///< as in Segment; 0 for merged spans of mixed waits
    std::uint32_t merged = 1;            ///< segments it stands for (1: an exact segment)
    Activity activity = Activity::Running; ///< for merged spans, the activity that covers most of it
    WaitKind waitKind = WaitKind::None;
    bool operator==(const Span&) const = default;
};

enum class TimelineAxis : std::uint8_t {
    Time,   ///< virtual time in nanoseconds
    Events, ///< event indices
};

class Timeline : public IntervalSink {
public:
    void onInterval(const Interval& interval) override;
    void clear();

    /// Lanes (task ids; 0 = the loop) that have at least one segment, ascending.
    std::vector<TaskId> lanes() const;
    std::size_t segmentCount(TaskId lane) const;
    /// The lane's i-th closed segment, in time order.
    const Segment& segment(TaskId lane, std::size_t i) const;
    std::size_t totalSegments() const { return m_total; }

    /// Appends to `out` the spans of `lane` that overlap [from, to] on `axis`,
    /// in order. Segments of at least `minLength` are reported exactly; runs
    /// of shorter ones are merged into one span per `minLength` or so
    /// (minLength <= 0 reports every segment). With `head`, the lane's open
    /// interval at the head Model (the state it is in now) is included.
    void query(TaskId lane, std::int64_t from, std::int64_t to, std::int64_t minLength, TimelineAxis axis,
               std::vector<Span>& out, const Model* head = nullptr) const;

    /// Heap bytes held, for the memory report.
    std::size_t bytesUsed() const;

private:
    /// Lengths per activity on both axes, summed over a prefix of a lane.
    struct Sums {
        std::int64_t time[kActivityCount] = {};
        std::int64_t events[kActivityCount] = {};
    };
    struct Lane {
        std::vector<Segment> segments;
        std::vector<Sums> blocks; ///< blocks[k]: sums over segments [0, k * kBlock)
        Sums total;               ///< sums over all segments
    };
    static constexpr std::size_t kBlock = 16;

    static Sums prefix(const Lane& lane, std::size_t k);

    std::map<TaskId, Lane> m_lanes; ///< ordered, so iteration is deterministic
    std::size_t m_total = 0;        ///< segments over all lanes
};

} // namespace coroscope
