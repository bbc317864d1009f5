#include "core/script/modules/ScriptModules.h"

namespace coroscope::pylite {

Ref createScriptModule(Vm& vm, std::string_view name)
{
    if (name == "greenlet") return createGreenletModule(vm);
    if (name == "asyncio") return createAsyncioModule(vm);
    if (name == "types") return createTypesModule(vm);
    if (name == "concurrent" || name == "concurrent.futures" || name == "threading" ||
        name == "concurrent.futures.thread" || name == "concurrent.futures.process")
        return createAsyncioCompanionModule(vm, name);
    if (Ref world = createWorldModule(vm, name)) return world;
    if (Ref service = createServiceModule(vm, name)) return service;
    return Ref();
}

} // namespace coroscope::pylite
