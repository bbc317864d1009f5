#include "core/script/modules/ScriptModules.h"

namespace coroscope::pylite {

Ref createScriptModule(Vm& vm, std::string_view name)
{
    if (name == "greenlet") return createGreenletModule(vm);
    if (name == "asyncio") return createAsyncioModule(vm);
    return Ref();
}

} // namespace coroscope::pylite
