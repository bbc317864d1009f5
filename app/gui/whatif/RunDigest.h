#pragma once
// RunDigest: what a what-if comparison needs to know about one finished run,
// read once from its trace: every task's lane as segments of virtual time,
// the output as lines, when the run ended and how. Lanes carry a key that
// names the same task in another run of a variant of the program (task ids
// are allocated in creation order, so they shift as soon as a variant
// creates one task more or less; names like "Task-2" and kinds do not).

#include "core/trace/Model.h"
#include "core/trace/Timeline.h"

#include <QList>
#include <QString>

#include <array>
#include <vector>

namespace coroscope {

class Trace;

/// One task's time in a run; lane 0 is the event loop itself.
struct DigestLane {
    TaskId task = 0;      ///< its id in its own run (0: the loop)
    QString key;          ///< identity across runs: "loop", or kind, name and occurrence
    QString name;         ///< what the views call it ("Task-1", "event loop")
    TaskKind kind = TaskKind::Main;
    TaskState finalState = TaskState::Created; ///< its state when the run ended
    std::uint32_t switches = 0;                ///< times control moved into it
    Nanos createdAt = 0;                       ///< loop clock when it was created
    /// When it finished (its clock when it reached Done, Failed or
    /// Cancelled); the run's end time if it never did. The loop: the run's end.
    Nanos finishedAt = 0;
    /// Its stretches of positive length, in time order; the state it was
    /// still in when the run ended is included up to the run's end time.
    std::vector<Segment> segments;
    std::array<Nanos, kActivityCount> spent{}; ///< total time per Activity over `segments`
};

/// One line of output (stdout or stderr); a last line without '\n' counts too.
struct DigestLine {
    QString text;  ///< without the newline
    Stream stream = Stream::Stdout;
    TaskId task = 0; ///< who wrote its first character
    bool operator==(const DigestLine& other) const { return text == other.text && stream == other.stream; }
};

class RunDigest {
public:
    /// The digest of events [0, events) of `trace` (all of it by default).
    static RunDigest fromTrace(const Trace& trace, std::size_t events = SIZE_MAX);

    /// Virtual time when the run (its last event) ended.
    Nanos endTime() const { return m_endTime; }
    /// How it ended; RunStatus::Ok also while no RunEnd was seen.
    RunStatus status() const { return m_status; }
    bool ended() const { return m_ended; }
    /// Events it recorded.
    std::size_t events() const { return m_events; }

    /// The loop first, then every task in creation order.
    const std::vector<DigestLane>& lanes() const { return m_lanes; }
    /// The lane with this key, or nullptr.
    const DigestLane* lane(const QString& key) const;
    /// The lane of a task of this run, or nullptr.
    const DigestLane* laneOfTask(TaskId task) const;
    const QList<DigestLine>& output() const { return m_output; }

    /// The key the loop's lane has in every run.
    static QString loopKey();

private:
    std::vector<DigestLane> m_lanes;
    QList<DigestLine> m_output;
    Nanos m_endTime = 0;
    RunStatus m_status = RunStatus::Ok;
    bool m_ended = false;
    std::size_t m_events = 0;
};

} // namespace coroscope
