#pragma once
// How far one step moves the playhead. The Player steps by the same unit the
// Seeker indexes, so the GUI uses core's enum rather than a second one of
// the same name (a file including both would not compile).

#include "core/trace/Seeker.h"

namespace coroscope {

// coroscope::Granularity (core/trace/Seeker.h): Event = every event of the
// trace, Line = the next (or previous) Line event, Switch = the next (or
// previous) Switch event.

} // namespace coroscope
