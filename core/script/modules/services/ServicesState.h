#pragma once
// The per-Vm state shared by the service modules (aioredis, aiomysql,
// fastapi, uvicorn): the data of
// every Redis and MySQL server the program talked to, and helpers that turn
// round trips into pylite futures on the running asyncio loop.
//
// It lives in a native box stored in the asyncio module's dict (the asyncio
// state is per Vm too, and every service module needs it).

#include "core/runtime/world/services/MysqlDatabase.h"
#include "core/runtime/world/services/RedisStore.h"
#include "core/runtime/world/Network.h"
#include "core/script/modules/asyncio/AsyncioCommon.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace coroscope::pylite::services {

/// One round trip of an exchange.
struct Step {
    std::uint64_t bytes = 0;               ///< request bytes (traced)
    std::function<std::uint64_t()> serve;  ///< the server's work on its lane, returns the reply bytes; may be empty
    std::optional<Nanos> timeout;          ///< the client gives up after this long (TimeoutError)
};

/// Round trip seconds of a service host whose latency the world does not set
/// (WorldConfig::serviceLatency overrides it).
inline constexpr double kServiceLatency = 0.001;

class ServicesState final : public detail::NativePayload {
public:
    ServicesState(Vm& vm, detail::AsyncioState& aio);

    Vm& vm;
    detail::AsyncioState& aio;
    Ref boxType; ///< the class of the native boxes the service objects carry

    RedisStore& redisAt(const std::string& host, int port);
    MysqlDatabase& mysqlAt(const std::string& host, int port);

    /// The latency of a service at host:port: the world's entry for
    /// "host:port" or "host" when it sets one, else the service default.
    Nanos serviceLatency(const std::string& host, int port) const;

    /// A pylite Future on the running loop, resolved after `steps` ran one
    /// after another against host:port (round trips of the loop's Network,
    /// on the host's server lane): with finish() (a new reference, or
    /// null with a pylite exception pending, which the future then holds),
    /// or, when the world fails a step, with failed(failure) as exception.
    /// Null with RuntimeError pending when no loop is running.
    Ref exchange(const std::string& host, int port, std::vector<Step> steps,
                 std::function<Ref()> finish, std::function<Ref(WorldFailure)> failed);
    /// An already finished pylite Future holding `value` (for awaits that need no I/O).
    Ref ready(Value value);

    /// The native payload carried by `obj` under `key`, or null.
    detail::NativePayload* payload(Value obj, const char* key);
    /// Attaches `payload` to `obj` under `key`.
    bool attach(Value obj, const char* key, std::unique_ptr<detail::NativePayload> payload);

private:
    std::map<std::string, std::unique_ptr<RedisStore>> m_redis;
    std::map<std::string, std::unique_ptr<MysqlDatabase>> m_mysql;
};

/// The services state of `vm` (made on first use; null with an exception pending on failure).
ServicesState* servicesOf(Vm& vm);

/// A new exception class `name(base)` in module `module`.
Ref newErrorClass(ObjectSpace& space, const char* name, Value base, const char* module);
/// An instance of exception class `type` with args (message) or (code, message).
Ref newError(ObjectSpace& space, Value type, std::string_view message);
Ref newCodedError(ObjectSpace& space, Value type, int code, std::string_view message);

Ref createAioredisModule(Vm& vm);
Ref createAiomysqlModule(Vm& vm);
Ref createFastapiModule(Vm& vm);
Ref createUvicornModule(Vm& vm);

} // namespace coroscope::pylite::services
