#pragma once
// How far one step moves the playhead.

#include <cstdint>

namespace coroscope {

/// The unit of one step of the Player.
enum class Granularity : std::uint8_t {
    Event,  ///< every event of the trace
    Line,   ///< the next (or previous) Line event: one source line of one task
    Switch, ///< the next (or previous) Switch event: control moves between tasks
};

} // namespace coroscope
