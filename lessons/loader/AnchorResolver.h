#pragma once
// AnchorResolver: finds the event of a recorded run that an Anchor names.
// The trace may still be growing: an anchor not found yet may be found later.
//
// Positions follow the player's convention (app/gui/player/StepIndex.h): a
// narration step anchored to event i is shown at stop position i + 1, the
// state right after that event; a checkpoint pauses there too.

#include "lessons/loader/Anchor.h"

#include <cstddef>
#include <optional>

namespace coroscope {
class Trace;
}

namespace coroscope::lessons {

class AnchorResolver {
public:
    /// Reads events [0, trace.size()) at each call; the trace must outlive the resolver.
    explicit AnchorResolver(const Trace& trace);

    /// Index of the anchored event, or nullopt if the run (so far) has none.
    std::optional<std::size_t> resolve(const Anchor& anchor) const;
    /// The stop position of an anchor: its event index + 1.
    std::optional<std::size_t> position(const Anchor& anchor) const;

private:
    const Trace& m_trace;
};

} // namespace coroscope::lessons
