#pragma once
// Helpers shared by the world modules (requests, aiohttp, uvloop): the
// per-module state, classes that find it, and the pieces of an HTTP reply
// both clients build (headers, reason phrases, JSON decoding).

#include "core/runtime/world/Network.h"
#include "core/script/modules/asyncio/AsyncioState.h"
#include "core/script/modules/detail/NativeBox.h"
#include "core/script/value/Args.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Ref.h"

#include <map>
#include <string>
#include <string_view>

namespace coroscope::pylite {
struct DictObject;
}

namespace coroscope::pylite::detail {

/// Where classes of a world module find its state (an int holding its address).
inline constexpr const char* kWorldStateKey = "__world_state__";

/// The state of one world module: the asyncio state it runs on and its classes.
class WorldState final : public NativePayload {
public:
    WorldState(Vm& vm, AsyncioState& asyncio) : vm(vm), asyncio(asyncio) {}
    Vm& vm;
    AsyncioState& asyncio;
    std::map<std::string, Ref, std::less<>> types;

    /// A class of the module by name (borrowed).
    Value type(std::string_view name) const;
};

/// A new module named `name` with its WorldState (in `state`), or null with
/// an exception pending. The state box is stored in the module dict.
Ref newWorldModule(Vm& vm, std::string_view name, WorldState*& state, Ref& stateBox);
/// A class of the module whose instances find `st` (also kept in st.types).
Ref makeWorldClass(WorldState& st, const char* name, Value base, const char* module);
/// The state of an instance of a world class, or null.
WorldState* worldOfInstance(ObjectSpace& space, Value self);
/// The state bound to a module function (its `self` is the state box).
WorldState* worldOfFunction(ObjectSpace& space, Value self);
/// Adds native functions bound to the state box to a module dict.
bool addWorldFunctions(WorldState& st, DictObject* module, Value stateBox, std::string_view moduleName,
                       std::initializer_list<std::pair<const char*, NativeFn>> fns);

/// The HTTP reason phrase of a status ("OK", "Not Found"...).
std::string_view reasonPhrase(int status);
/// The reply headers as a dict: Content-Type, Content-Length, Server.
Ref headersDict(ObjectSpace& space, const Endpoint& endpoint, std::size_t bodySize);
/// json.loads of a UTF-8 text (null with ValueError pending on bad JSON,
/// CPython's json message: "Expecting value: line 1 column 1 (char 0)").
Ref parseJson(ObjectSpace& space, std::string_view text, Value errorType);
/// Seconds (int or float) as Nanos; false with TypeError pending.
bool toNanos(ObjectSpace& space, Value seconds, Nanos& out);
/// A keyword argument by name, or null.
Value keywordArg(const CallArgs& args, std::string_view name);

/// The class attribute marking uvloop's policy: loops made under it run
/// without per-step instrumentation (UvloopModule.cpp).
inline constexpr const char* kUninstrumentedKey = "__coroscope_uninstrumented__";

/// The modules (RequestsModule.cpp, AiohttpModule.cpp, UvloopModule.cpp).
Ref createRequestsModule(Vm& vm);
Ref createAiohttpModule(Vm& vm);
Ref createUvloopModule(Vm& vm);

} // namespace coroscope::pylite::detail
