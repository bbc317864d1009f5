#pragma once
// WhatIfDiff: how the run of a what-if differs from the run of the original
// program (issue 6, student mode). Lanes are matched by task identity
// (RunDigest's keys), then compared on virtual time: wherever a task does
// something else in the variant than in the original at the same moment (it
// was waiting on a timer, now it is blocked; it was done, now it still
// runs) is a LaneChange. Output is compared line by line (longest common
// subsequence), and the run ends are compared. Two runs of the same program
// give an empty diff, because runs are deterministic.

#include "app/gui/whatif/RunDigest.h"

#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace coroscope {

/// Where a moment falls in a lane's life.
enum class LanePresence : std::uint8_t {
    Missing,    ///< the run has no such task
    NotStarted, ///< before its first stretch of time
    Present,    ///< inside one of its stretches: `activity` says what it does
    Gap,        ///< between two stretches (the loop's lane: the loop is busy running tasks)
    Finished,   ///< after its last stretch
};

/// What one lane does at some moment of one run.
struct LaneActivity {
    LanePresence presence = LanePresence::Missing;
    Activity activity = Activity::Running; ///< valid when present()
    WaitKind waitKind = WaitKind::None;   ///< valid when activity is Waiting
    bool present() const { return presence == LanePresence::Present; }
    bool operator==(const LaneActivity&) const = default;
};

/// A stretch of virtual time where one lane differs between the two runs.
struct LaneChange {
    Nanos begin = 0;
    Nanos end = 0;
    LaneActivity original;
    LaneActivity variant;
};

/// One task as both runs see it.
struct LaneDiff {
    QString key;                         ///< RunDigest's lane key
    QString name;                        ///< its name ("" for the loop and unnamed tasks)
    TaskId originalTask = 0;             ///< its id in each run (0: the loop, or absent there)
    TaskId variantTask = 0;
    bool inOriginal = false;
    bool inVariant = false;
    TaskState originalState = TaskState::Created; ///< final states (Created when absent)
    TaskState variantState = TaskState::Created;
    std::uint32_t originalSwitches = 0;
    std::uint32_t variantSwitches = 0;
    std::vector<LaneChange> changes;     ///< in time order, adjacent ones merged when equal
    std::array<Nanos, kActivityCount> originalSpent{};
    std::array<Nanos, kActivityCount> variantSpent{};

    bool isLoop() const { return key == RunDigest::loopKey(); }
    /// Anything about the lane differs: presence, final state, switches or time.
    bool differs() const;
};

/// A kind of segment turned into another across every lane: "waiting on a
/// timer became blocked", with the time it covers.
struct KindChange {
    LaneActivity original;
    LaneActivity variant;
    Nanos duration = 0;  ///< summed over every lane
    int lanes = 0;       ///< lanes where it happens
};

/// One line of the output comparison.
struct OutputDiffLine {
    enum class Side : std::uint8_t {
        Both,     ///< the same in both runs
        Original, ///< only the original printed it
        Variant,  ///< only the variant printed it
    };
    Side side = Side::Both;
    QString text;
    Stream stream = Stream::Stdout;
    int originalLine = -1; ///< index in the original's output (-1: none)
    int variantLine = -1;  ///< index in the variant's output (-1: none)
};

class WhatIfDiff {
public:
    /// Outputs longer than this are compared position by position (the
    /// common-subsequence table grows with the product of both lengths).
    static constexpr int kMaxLcsLines = 2000;

    static WhatIfDiff compute(const RunDigest& original, const RunDigest& variant);

    Nanos originalEnd() const { return m_originalEnd; }
    Nanos variantEnd() const { return m_variantEnd; }
    /// How much later (positive) or earlier the variant ends.
    Nanos endDelta() const { return m_variantEnd - m_originalEnd; }
    RunStatus originalStatus() const { return m_originalStatus; }
    RunStatus variantStatus() const { return m_variantStatus; }

    /// Every lane of either run: the original's in its order, then lanes
    /// only the variant has.
    const std::vector<LaneDiff>& lanes() const { return m_lanes; }
    const LaneDiff* lane(const QString& key) const;
    /// Lanes for which differs() holds.
    int changedLanes() const;
    /// The segment kinds that turned into others, longest first.
    std::vector<KindChange> kindChanges() const;

    const std::vector<OutputDiffLine>& output() const { return m_output; }
    /// Lines of the output that only one of the runs printed.
    int changedOutputLines() const;
    /// Per line of each run's output: true if the other run did not print it there.
    const std::vector<bool>& originalLineDiffers() const { return m_originalDiffers; }
    const std::vector<bool>& variantLineDiffers() const { return m_variantDiffers; }

    /// Same lanes, same times, same output, same end.
    bool isEmpty() const;

    /// Every boundary of a change (begin and end of each LaneChange, both
    /// run ends), ascending and unique: where stepping the comparison stops.
    std::vector<Nanos> stops() const;

    /// What a lane does at time `t` in a digest (the latest segment covering t).
    static LaneActivity activityAt(const DigestLane& lane, Nanos t);

private:
    static LaneDiff compareLanes(const DigestLane* original, const DigestLane* variant, Nanos horizon);
    void compareOutput(const QList<DigestLine>& original, const QList<DigestLine>& variant);

    Nanos m_originalEnd = 0;
    Nanos m_variantEnd = 0;
    RunStatus m_originalStatus = RunStatus::Ok;
    RunStatus m_variantStatus = RunStatus::Ok;
    std::vector<LaneDiff> m_lanes;
    std::vector<OutputDiffLine> m_output;
    std::vector<bool> m_originalDiffers;
    std::vector<bool> m_variantDiffers;
};

} // namespace coroscope
