#pragma once
// Internals of the aioredis module shared by AioredisModule.cpp (the
// module, its classes and commands) and AioredisConnection.cpp (addresses,
// connecting, sending a command, converting replies).

#include "core/script/modules/services/ServicesState.h"

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace coroscope::pylite::services::aioredis {

inline constexpr const char* kKey = "__aioredis__";
inline constexpr const char* kCore = "__redis_core__";

struct Options {
    std::string host;
    int port = 6379;
    std::string password;
    int db = 0;
    std::string encoding; ///< empty: replies stay bytes
    std::optional<Nanos> timeout; ///< connecting gives up after this long
};

class AioredisState final : public detail::NativePayload {
public:
    ServicesState* services = nullptr;
    Ref connType, poolType, redisType;
    Ref redisError, replyError, connClosedError, poolClosedError;
};

class ConnPayload final : public detail::NativePayload {
public:
    Options options;
    RedisSession session;
    bool closed = false;
    Ref closeFuture; ///< the close round trip (wait_closed awaits it)
};

class PoolPayload final : public detail::NativePayload {
public:
    Options options;
    std::int64_t minsize = 1;
    std::int64_t maxsize = 10;
    std::vector<Ref> all;  ///< every connection made
    std::vector<Ref> free; ///< connections not acquired
    std::size_t connecting = 0;
    std::deque<coroscope::Ref<detail::PyFuture>> waiters; ///< acquire() calls waiting for a release
    bool closed = false;
    Ref closeFuture;
};

enum class Conv : std::uint8_t { Raw, Ok, Int, List, Dict };

/// Where a Redis object, connection or pool sends its commands.
struct Target {
    Ref conn;                  ///< the connection to use (null: the pool must open one)
    PoolPayload* pool = nullptr;
    Options options;
};

AioredisState* stateFor(ObjectSpace& space, Value self);
ConnPayload* connOf(AioredisState& rs, Value conn);
PoolPayload* poolPayload(AioredisState& rs, Value pool);
/// aioredis's encode_command: bytes as they are, str as UTF-8, numbers as their text.
bool encodeArg(ObjectSpace& space, Value v, std::string& out);
/// "redis://[:password@]host[:port][/db]", a (host, port) pair or a unix socket path.
bool parseAddress(ObjectSpace& space, Value address, Options& out);
/// Fills db / password / encoding from keyword values (null or None: unchanged).
bool applyOptions(ObjectSpace& space, Options& o, Value db, Value password, Value encoding);
/// A `timeout=` argument in seconds (null or None: none).
bool applyTimeout(ObjectSpace& space, Options& o, Value timeout);
/// Opens `count` new connections of `o` one after another; the future's
/// result is made by `finish` from the list of connection objects.
Ref openConnections(AioredisState& rs, const Options& o, std::size_t count, std::function<Ref(std::vector<Ref>&)> finish);
/// Where `self` (Redis, connection or pool) sends its commands; false with an exception pending.
bool resolveTarget(ObjectSpace& space, AioredisState& rs, Value self, Target& out);
/// Sends `cmd` through `self`; the future's result is the converted reply.
Ref sendCommand(ObjectSpace& space, AioredisState& rs, Value self, std::vector<std::string> cmd, Conv conv,
                std::optional<std::string> encoding);

} // namespace coroscope::pylite::services::aioredis
