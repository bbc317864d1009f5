// The simulated-world clients of the web: requests, aiohttp (and
// requests.exceptions), plus uvloop, the loop variant. Each is built on
// the asyncio module's state (core/script/modules/asyncio) and the run's
// Network (core/runtime/world/Network.h); see WorldNetwork.h.

#include "core/script/modules/ScriptModules.h"
#include "core/script/modules/world/WorldCommon.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Functions.h"
#include "core/script/vm/Vm.h"

namespace coroscope::pylite {

Ref createWorldModule(Vm& vm, std::string_view name)
{
    if (name == "requests") return detail::createRequestsModule(vm);
    if (name == "aiohttp") return detail::createAiohttpModule(vm);
    if (name == "uvloop") return detail::createUvloopModule(vm);
    if (name == "requests.exceptions") {
        Ref requests = vm.importModule("requests");
        if (!requests) return Ref();
        return Ref::borrow(dictGetStr(vm.space(), moduleDict(requests.get()), "exceptions"));
    }
    return Ref();
}

} // namespace coroscope::pylite
