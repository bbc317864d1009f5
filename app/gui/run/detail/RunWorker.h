#pragma once
// The body of a run's worker thread: one Vm with tracing on, recording into
// a Trace that the GUI thread reads while it grows. Internal to RunController.

#include "app/gui/run/RunRequest.h"
#include "core/runtime/world/WorldConfig.h"

#include <memory>
#include <string>

namespace coroscope {
class Trace;
}

namespace coroscope::detail {

/// A RunRequest in plain C++ strings, made on the GUI thread.
struct RunInput {
    std::string source;
    std::string filename;
    RunLimits limits;
    std::shared_ptr<const WorldConfig> world; ///< null: every default
    std::string worldError;                   ///< the request's world did not parse: the run fails with it
};

RunInput toRunInput(const RunRequest& request);

/// Runs `input` to its end, appending events to `trace` (the only writer).
/// Never throws: an internal failure of the VM becomes RunOutcome::Crashed.
/// RunResult::run is left 0 for the caller to fill.
RunResult executeRun(const RunInput& input, Trace& trace);

} // namespace coroscope::detail
