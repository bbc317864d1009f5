#pragma once
// SwitchScan: who last switched to whom, read from the trace backwards from
// a position. The Model keeps who runs, not who ran before; the views that
// draw a switch arrow or a "resumed by" link read it here. Scans are bounded
// so a view never walks a million events for one picture.

#include "core/trace/Event.h"

#include <cstddef>
#include <unordered_map>

namespace coroscope {

class Trace;

struct SwitchInfo {
    TaskId from = 0;
    TaskId to = 0;
    SwitchWhy why = SwitchWhy::Start;
    std::size_t event = 0; ///< index of the Switch event
};

class SwitchScan {
public:
    static constexpr std::size_t kMaxScan = 1 << 18;

    /// The last Switch event before `position`, if one is within kMaxScan events.
    static bool lastSwitch(const Trace& trace, std::size_t position, SwitchInfo& out);
    /// For each task in `tasks` (ids as keys), the task that last switched
    /// to it before `position`, within kMaxScan events. Tasks never switched
    /// to in that window are left out.
    static void lastResumers(const Trace& trace, std::size_t position, std::unordered_map<TaskId, TaskId>& tasks);
};

} // namespace coroscope
