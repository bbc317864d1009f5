#pragma once
// Where a script module finds the simulated network (core/runtime/world/
// Network.h) for the code running now, and how a blocking call waits there.
// Shared by the world modules (requests, aiohttp) and the service modules
// (aioredis, aiomysql, fastapi, uvicorn).
//
// One Network per loop object, kept in the loop's LoopPayload (made on first
// use, destroyed before the loop). The site of a call:
//   - inside an executor job (run_in_executor, ThreadPoolExecutor.submit):
//     the executor's loop; a blocking call parks only that worker's lane;
//   - inside a running loop (a coroutine or callback): that loop; a blocking
//     call holds the whole loop (EventLoop::block, a BlockingCall warning);
//   - plain code with no loop running: the executors' sync loop; a blocking
//     call advances the program's clock as time.sleep does (executor
//     workers with work run meanwhile).

#include "core/runtime/world/Network.h"
#include "core/script/modules/asyncio/AsyncioState.h"

#include <string>
#include <string_view>

namespace coroscope::pylite::detail {

/// How the running code reaches the network.
struct NetworkSite {
    enum class Kind : std::uint8_t { Worker, Loop, Plain };
    Network* network = nullptr; ///< null with an exception pending when it could not be made
    Kind kind = Kind::Plain;
    TaskId client = 0;          ///< the traced caller: the worker lane, the task, or the frame's task
};

/// The Network of a loop object (made on first use); null if it is not a loop.
Network* networkOf(AsyncioState& st, Value loopObject);
/// The site of the code running now.
NetworkSite currentNetworkSite(AsyncioState& st);
/// How a blocking call at `site` waits. `call` and `modern` word the trace's
/// BlockingCall warning when it holds a running loop ("requests.get(url)",
/// "await session.get(url) with aiohttp").
Network::Blocker blockerFor(AsyncioState& st, const NetworkSite& site, std::string call, std::string modern);
/// Raises, as a pylite exception, what a round trip threw (a PyAsyncError
/// carrying one, or any core error); returns null.
Ref raiseNetworkFailure(AsyncioState& st, const std::exception_ptr& e);

} // namespace coroscope::pylite::detail
