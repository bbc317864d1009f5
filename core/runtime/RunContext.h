#pragma once
// RunContext: what every scheduler of one run shares. There are no globals in
// core: tests create as many RunContexts as they like.

#include "core/trace/Event.h"
#include "core/trace/Trace.h"

#include <string_view>

namespace coroscope {

struct RunContext {
    Trace* trace = nullptr; ///< where events go; nullptr turns tracing off

    TaskId nextTaskId = 1;     ///< tasks of every kind share one id space
    FutureId nextFutureId = 1;
    TimerId nextTimerId = 1;
    HandleId nextHandleId = 1;

    bool tracing() const { return trace != nullptr; }

    /// Appends an event when tracing is on. Callers that build text for an
    /// event must check tracing() first so that tracing off costs nothing.
    void emit(const Event& e) const { if (trace) trace->append(e); }
    std::uint64_t text(std::string_view s) const { return trace ? trace->intern(s).packed() : 0; }
};

} // namespace coroscope
