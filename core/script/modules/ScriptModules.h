#pragma once
// The script modules of issue 4 (greenlet, ...): built on the core runtime
// and bound into a Vm when a program imports them.

#include "core/runtime/RunContext.h"
#include "core/script/value/Ref.h"

#include <memory>
#include <string_view>

namespace coroscope::pylite {

class Vm;
class ObjectSpace;

/// Creates the script module `name` for `vm`, or returns null: with an
/// exception pending when creating it failed, without one when `name` is not
/// a script module. Called by the VM's built-in module table.
Ref createScriptModule(Vm& vm, std::string_view name);

/// The greenlet module (modules/greenlet/GreenletModule.cpp).
Ref createGreenletModule(Vm& vm);
/// The asyncio module (modules/asyncio/AsyncioModule.cpp).
Ref createAsyncioModule(Vm& vm);
/// The types module (modules/types/TypesModule.cpp).
Ref createTypesModule(Vm& vm);
/// requests, aiohttp and the other simulated-world clients of the web
/// (modules/world/); null without an exception when `name` is not one.
Ref createWorldModule(Vm& vm, std::string_view name);
/// aioredis, aiomysql, fastapi and uvicorn (modules/services/); null without
/// an exception when `name` is not one.
Ref createServiceModule(Vm& vm, std::string_view name);
/// True when loops made now run uninstrumented (UvloopModule.cpp): `policy`
/// (asyncio's policy object; may be null) is uvloop's EventLoopPolicy, or the
/// run's world asks for uvloop (WorldConfig::uvloop).
bool isUninstrumentedPolicy(Vm& vm, Value policy);
/// The untraced RunContext an uninstrumented loop runs on. Its ids start at
/// 2^30 so that they never collide with the run's own.
std::unique_ptr<RunContext> uninstrumentedContext();
/// concurrent, concurrent.futures and threading, which share asyncio's state.
Ref createAsyncioCompanionModule(Vm& vm, std::string_view name);

} // namespace coroscope::pylite
