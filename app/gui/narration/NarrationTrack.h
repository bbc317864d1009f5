#pragma once
// NarrationTrack: where each narration step of one lesson program shows in
// a recorded run. Anchors are resolved against the trace (AnchorResolver);
// a step is shown from its stop position until the next step's, so the
// pane shows "the latest step at or before the playhead". Anchors the run
// does not reach (yet) are left out; a growing trace is resolved again.

#include "lessons/loader/NarrationStep.h"

#include <QList>

#include <cstddef>
#include <vector>

namespace coroscope {

class Trace;

class NarrationTrack {
public:
    /// A resolved step: its index among the program's steps and where it shows.
    struct Stop {
        int step = 0;             ///< index into steps()
        std::size_t position = 0; ///< stop position (anchor event index + 1)
    };

    void setSteps(const QList<lessons::NarrationStep>& steps);
    const QList<lessons::NarrationStep>& steps() const { return m_steps; }
    /// Forgets every resolved position; `trace` may be null (no run).
    void setTrace(const Trace* trace);
    /// Resolves the anchors still missing against the events recorded so far.
    /// Returns true if a new step was found.
    bool resolve();

    /// Resolved steps ordered by position (ties in file order).
    const std::vector<Stop>& stops() const { return m_stops; }
    /// The index into stops() of the step shown at `position`, -1 before the first.
    int stopAt(std::size_t position) const;
    /// Unresolved anchors remain.
    bool incomplete() const;

private:
    QList<lessons::NarrationStep> m_steps;
    const Trace* m_trace = nullptr;
    std::vector<bool> m_resolved; ///< by step
    std::vector<Stop> m_stops;
};

} // namespace coroscope
