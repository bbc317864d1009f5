// The `aioredis` module, 1.x API (the one the tutorial calls): create_redis,
// create_redis_pool, create_connection, create_pool, Redis,
// RedisConnection, ConnectionsPool and the error classes. Every command is
// one round trip to the simulated Redis server of its host (RedisStore on a
// server lane, see ServiceNetwork); connecting is one round trip plus one
// for AUTH (when a password is given) and one for SELECT (db > 0). Commands
// return futures, as aioredis 1.x does, so `await redis.get(k)` suspends the
// task until the reply is back.

#include "core/script/modules/services/detail/Aioredis.h"
#include "core/script/modules/services/detail/ServiceClasses.h"
#include "core/script/value/Args.h"
#include "core/script/value/Bytes.h"
#include "core/script/value/Class.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/vm/Vm.h"

#include <cmath>
#include <deque>
#include <optional>
#include <utility>

namespace coroscope::pylite::services {

namespace {

using namespace aioredis;

struct Command {
    const char* method;
    const char* redis;
    Conv conv;
};

constexpr Command kCommands[] = {
    {"set", "SET", Conv::Ok},          {"get", "GET", Conv::Raw},         {"getset", "GETSET", Conv::Raw},
    {"mget", "MGET", Conv::List},      {"mset", "MSET", Conv::Ok},        {"incr", "INCR", Conv::Int},
    {"decr", "DECR", Conv::Int},       {"incrby", "INCRBY", Conv::Int},   {"decrby", "DECRBY", Conv::Int},
    {"append", "APPEND", Conv::Int},   {"strlen", "STRLEN", Conv::Int},   {"delete", "DEL", Conv::Int},
    {"exists", "EXISTS", Conv::Int},   {"keys", "KEYS", Conv::List},      {"type", "TYPE", Conv::Raw},
    {"dbsize", "DBSIZE", Conv::Int},   {"flushdb", "FLUSHDB", Conv::Ok},  {"ping", "PING", Conv::Raw},
    {"echo", "ECHO", Conv::Raw},       {"hset", "HSET", Conv::Int},       {"hget", "HGET", Conv::Raw},
    {"hgetall", "HGETALL", Conv::Dict}, {"hmset", "HMSET", Conv::Ok},     {"hmget", "HMGET", Conv::List},
    {"hdel", "HDEL", Conv::Int},       {"hexists", "HEXISTS", Conv::Int}, {"hkeys", "HKEYS", Conv::List},
    {"hvals", "HVALS", Conv::List},    {"hlen", "HLEN", Conv::Int},       {"hincrby", "HINCRBY", Conv::Int},
    {"lpush", "LPUSH", Conv::Int},     {"rpush", "RPUSH", Conv::Int},     {"lpop", "LPOP", Conv::Raw},
    {"rpop", "RPOP", Conv::Raw},       {"lrange", "LRANGE", Conv::List},  {"llen", "LLEN", Conv::Int},
    {"sadd", "SADD", Conv::Int},       {"srem", "SREM", Conv::Int},       {"smembers", "SMEMBERS", Conv::List},
    {"sismember", "SISMEMBER", Conv::Int}, {"scard", "SCARD", Conv::Int},
};

/// Splits `encoding=` from the other keywords (which are refused).
bool takeEncoding(ObjectSpace& space, const CallArgs& args, const char* name, std::optional<std::string>& encoding)
{
    for (std::size_t k = 0; k < args.keywordCount(); ++k) {
        const std::string_view kw = strView(args.keywordName(k));
        if (kw != "encoding")
            return space.raise(space.types().TypeError, std::string(name) + "() got an unexpected keyword argument '" +
                                                             std::string(kw) + "'"),
                   false;
        Value v = args.keywordValue(k);
        std::string e;
        if (!v.isNone() && !strString(space, v, e)) return false;
        encoding = e;
    }
    return true;
}

template <std::size_t I>
Ref commandMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    const Command& c = kCommands[I];
    AioredisState* rs = stateFor(space, self);
    if (!rs) return Ref();
    std::optional<std::string> encoding;
    if (!takeEncoding(space, args, c.method, encoding)) return Ref();
    std::vector<std::string> cmd{c.redis};
    for (std::size_t i = 0; i < args.positional; ++i) {
        std::string a;
        if (!encodeArg(space, args[i], a)) return Ref();
        cmd.push_back(std::move(a));
    }
    return sendCommand(space, *rs, self, std::move(cmd), c.conv, encoding);
}

template <std::size_t... I>
void addCommandMethods(ObjectSpace& space, TypeObject* type, std::index_sequence<I...>)
{
    (addMethods(space, type, {{kCommands[I].method, commandMethod<I>}}), ...);
}

Ref execute(ObjectSpace& space, Value self, const CallArgs& args)
{
    AioredisState* rs = stateFor(space, self);
    if (!rs) return Ref();
    if (args.positional < 1) return space.raise(space.types().TypeError, "execute() missing 1 required positional argument: 'command'");
    std::optional<std::string> encoding;
    if (!takeEncoding(space, args, "execute", encoding)) return Ref();
    std::vector<std::string> cmd;
    for (std::size_t i = 0; i < args.positional; ++i) {
        std::string a;
        if (!encodeArg(space, args[i], a)) return Ref();
        cmd.push_back(std::move(a));
    }
    return sendCommand(space, *rs, self, std::move(cmd), Conv::Raw, encoding);
}

Ref hmsetDict(ObjectSpace& space, Value self, const CallArgs& args)
{
    AioredisState* rs = stateFor(space, self);
    if (!rs) return Ref();
    if (args.positional < 1) return space.raise(space.types().TypeError, "hmset_dict() missing 1 required positional argument: 'key'");
    if (args.positional > 2) return space.raise(space.types().ValueError, "hmset_dict() takes at most one dict besides the key");
    std::vector<std::string> cmd{"HMSET"};
    std::string key;
    if (!encodeArg(space, args[0], key)) return Ref();
    cmd.push_back(std::move(key));
    auto addPair = [&](Value k, Value v) {
        std::string a, b;
        if (!encodeArg(space, k, a) || !encodeArg(space, v, b)) return false;
        cmd.push_back(std::move(a));
        cmd.push_back(std::move(b));
        return true;
    };
    if (args.positional == 2) {
        if (!isDict(space, args[1])) return space.raise(space.types().TypeError, "args should be dict");
        std::int64_t pos = 0;
        Value k, v;
        while (dictNext(asDict(args[1]), pos, k, v))
            if (!addPair(k, v)) return Ref();
    }
    for (std::size_t k = 0; k < args.keywordCount(); ++k)
        if (!addPair(args.keywordName(k), args.keywordValue(k))) return Ref();
    if (cmd.size() == 2) return space.raise(space.types().TypeError, "args or kwargs must be specified");
    return sendCommand(space, *rs, self, std::move(cmd), Conv::Ok, std::nullopt);
}

// ---------------------------------------------------------------- closing

/// Closes a connection or pool object: one Close round trip (when a loop runs).
void closeObject(ObjectSpace& space, AioredisState& rs, Value obj)
{
    bool* closed = nullptr;
    Ref* closeFuture = nullptr;
    Options o;
    bool hasConnections = true;
    if (ConnPayload* c = connOf(rs, obj)) {
        closed = &c->closed;
        closeFuture = &c->closeFuture;
        o = c->options;
    } else if (auto* p = poolPayload(rs, obj)) {
        closed = &p->closed;
        closeFuture = &p->closeFuture;
        o = p->options;
        hasConnections = !p->all.empty();
        for (Ref& conn : p->all) connOf(rs, conn.get())->closed = true;
        for (auto& w : p->waiters)
            if (!w->done()) w->setException(rs.services->aio.toCore(newError(space, rs.poolClosedError.get(), "Pool is closed")));
        p->waiters.clear();
    }
    if (!closed || *closed) return;
    *closed = true;
    if (!rs.services->aio.loop()) return;
    if (!hasConnections) {
        *closeFuture = rs.services->ready(Value::none());
        return;
    }
    *closeFuture = rs.services->exchange(
        o.host, o.port, {Step{14, {}, std::nullopt}}, [] { return Ref::none(); },
        [](WorldFailure) { return Ref::none(); });
    if (!*closeFuture) space.clearError();
}

Value underlying(ObjectSpace& space, AioredisState& rs, Value self)
{
    if (isInstance(space, self, rs.redisType.get()) == 1) {
        DictObject* d = instanceDict(space, self);
        return d ? dictGetStr(space, d, "_pool_or_conn") : Value();
    }
    return self;
}

Ref closeMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "close")) return Ref();
    AioredisState* rs = stateFor(space, self);
    if (!rs) return Ref();
    if (Value obj = underlying(space, *rs, self)) closeObject(space, *rs, obj);
    return Ref::none();
}

Ref waitClosed(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "wait_closed")) return Ref();
    AioredisState* rs = stateFor(space, self);
    if (!rs) return Ref();
    Value obj = underlying(space, *rs, self);
    Ref* closeFuture = nullptr;
    if (ConnPayload* c = connOf(*rs, obj)) closeFuture = &c->closeFuture;
    else if (auto* p = poolPayload(*rs, obj)) closeFuture = &p->closeFuture;
    if (closeFuture && *closeFuture) return *closeFuture;
    // Not closed yet: aioredis waits until someone closes it.
    EventLoop* loop = rs->services->aio.requireLoop();
    return loop ? rs->services->aio.objectOf(*detail::PyFuture::create(*loop)) : Ref();
}

Ref closedGetter(ObjectSpace& space, Value self)
{
    AioredisState* rs = stateFor(space, self);
    if (!rs) return Ref();
    Value obj = underlying(space, *rs, self);
    if (ConnPayload* c = connOf(*rs, obj)) return Ref::boolean(c->closed);
    if (auto* p = poolPayload(*rs, obj)) return Ref::boolean(p->closed);
    return Ref::boolean(true);
}

Ref addressGetter(ObjectSpace& space, Value self)
{
    AioredisState* rs = stateFor(space, self);
    if (!rs) return Ref();
    Value obj = underlying(space, *rs, self);
    const Options* o = nullptr;
    if (ConnPayload* c = connOf(*rs, obj)) o = &c->options;
    else if (auto* p = poolPayload(*rs, obj)) o = &p->options;
    if (!o) return Ref::none();
    Ref host = newStr(space, o->host);
    Ref port = newInt(space, o->port);
    return host && port ? newTupleOf(space, {host.get(), port.get()}) : Ref();
}

Ref dbGetter(ObjectSpace& space, Value self)
{
    AioredisState* rs = stateFor(space, self);
    if (!rs) return Ref();
    Value obj = underlying(space, *rs, self);
    if (ConnPayload* c = connOf(*rs, obj)) return newInt(space, c->session.database);
    if (auto* p = poolPayload(*rs, obj)) return newInt(space, p->options.db);
    return newInt(space, 0);
}

// ---------------------------------------------------------------- Redis, pool

Ref redisInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"Redis", {"pool_or_conn"}, 1}, a)) return Ref();
    DictObject* d = instanceDict(space, self);
    if (!d || !dictSetStr(space, d, "_pool_or_conn", a[0])) return Ref();
    return Ref::none();
}

Ref connectionGetter(ObjectSpace& space, Value self)
{
    DictObject* d = instanceDict(space, self);
    Value v = d ? dictGetStr(space, d, "_pool_or_conn") : Value();
    return v ? Ref::borrow(v) : Ref::none();
}

PoolPayload* poolOf(ObjectSpace& space, AioredisState& rs, Value self)
{
    auto* p = poolPayload(rs, self);
    if (!p) space.raise(space.types().RuntimeError, "ConnectionsPool is not initialized");
    return p;
}

Ref poolInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[11];
    if (!parseArgs(space, args,
                   {"ConnectionsPool",
                    {"address", "db", "password", "encoding", "minsize", "maxsize", "ssl", "parser",
                     "create_connection_timeout", "connection_cls", "loop"},
                    1, 0, 4},
                   a))
        return Ref();
    AioredisState* rs = stateFor(space, self);
    if (!rs) return Ref();
    auto p = std::make_unique<PoolPayload>();
    if (!parseAddress(space, a[0], p->options) || !applyOptions(space, p->options, a[1], a[2], a[3]) ||
        !applyTimeout(space, p->options, a[8]))
        return Ref();
    if (a[4] && !asInt64(space, a[4], p->minsize)) return Ref();
    if (a[5] && !asInt64(space, a[5], p->maxsize)) return Ref();
    if (p->minsize < 0) return space.raise(space.types().AssertionError, "minsize must be int >= 0");
    if (p->maxsize <= 0 || p->maxsize < p->minsize)
        return space.raise(space.types().AssertionError, "maxsize must be int > 0 and >= minsize");
    if (!rs->services->attach(self, kCore, std::move(p))) return Ref();
    return Ref::none();
}

Ref poolAcquire(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "acquire")) return Ref();
    AioredisState* rs = stateFor(space, self);
    PoolPayload* p = rs ? poolOf(space, *rs, self) : nullptr;
    if (!p) return Ref();
    if (p->closed) return space.restoreError(newError(space, rs->poolClosedError.get(), "Pool is closed")), Ref();
    if (!p->free.empty()) {
        Ref conn = p->free.front();
        p->free.erase(p->free.begin());
        return rs->services->ready(conn.get());
    }
    if (std::int64_t(p->all.size() + p->connecting) < p->maxsize) {
        ++p->connecting;
        Ref keep = Ref::borrow(self);
        return openConnections(*rs, p->options, 1, [p, keep](std::vector<Ref>& conns) {
            --p->connecting;
            p->all.push_back(conns.front());
            return conns.front();
        });
    }
    EventLoop* loop = rs->services->aio.requireLoop();
    if (!loop) return Ref();
    coroscope::Ref<detail::PyFuture> waiter = detail::PyFuture::create(*loop);
    p->waiters.push_back(waiter);
    return rs->services->aio.objectOf(*waiter);
}

Ref poolRelease(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "release")) return Ref();
    AioredisState* rs = stateFor(space, self);
    PoolPayload* p = rs ? poolOf(space, *rs, self) : nullptr;
    if (!p) return Ref();
    Ref conn = Ref::borrow(args[0]);
    while (!p->waiters.empty()) {
        coroscope::Ref<detail::PyFuture> w = p->waiters.front();
        p->waiters.pop_front();
        if (!w->done()) {
            w->setResult(std::move(conn));
            return Ref::none();
        }
    }
    p->free.push_back(std::move(conn));
    return Ref::none();
}

Ref poolSize(ObjectSpace& space, Value self)
{
    AioredisState* rs = stateFor(space, self);
    PoolPayload* p = rs ? poolOf(space, *rs, self) : nullptr;
    return p ? newInt(space, std::int64_t(p->all.size() + p->connecting)) : Ref();
}

Ref poolFreesize(ObjectSpace& space, Value self)
{
    AioredisState* rs = stateFor(space, self);
    PoolPayload* p = rs ? poolOf(space, *rs, self) : nullptr;
    return p ? newInt(space, std::int64_t(p->free.size())) : Ref();
}

// ---------------------------------------------------------------- module functions

enum class Make : std::uint8_t { Connection, Redis, Pool, RedisPool };

Ref create(ObjectSpace& space, Value self, const CallArgs& args, Make make)
{
    static constexpr const char* kNames[] = {"create_connection", "create_redis", "create_pool", "create_redis_pool"};
    Value a[12];
    if (!parseArgs(space, args,
                   {kNames[int(make)],
                    {"address", "db", "password", "ssl", "encoding", "commands_factory", "minsize", "maxsize",
                     "parser", "timeout", "connection_cls", "loop"},
                    1, 0, 1},
                   a))
        return Ref();
    AioredisState* rs = boxState<AioredisState>(space, self);
    Options o;
    if (!parseAddress(space, a[0], o) || !applyOptions(space, o, a[1], a[2], a[4]) || !applyTimeout(space, o, a[9]))
        return Ref();
    Value factory = a[5] ? a[5] : rs->redisType.get();
    if (make == Make::Connection || make == Make::Redis) {
        Ref f = Ref::borrow(factory);
        return openConnections(*rs, o, 1, [&space, make, f](std::vector<Ref>& conns) -> Ref {
            if (make == Make::Connection) return conns.front();
            return callFunction(space, f.get(), {conns.front().get()});
        });
    }
    std::int64_t minsize = 1, maxsize = 10;
    if (a[6] && !asInt64(space, a[6], minsize)) return Ref();
    if (a[7] && !asInt64(space, a[7], maxsize)) return Ref();
    Ref pool = callFunction(space, rs->poolType.get(), {a[0]});
    PoolPayload* p = pool ? poolOf(space, *rs, pool.get()) : nullptr;
    if (!p) return Ref();
    p->options = o;
    p->minsize = minsize;
    p->maxsize = maxsize;
    Ref f = Ref::borrow(factory);
    return openConnections(*rs, o, std::size_t(std::max<std::int64_t>(minsize, 0)),
                           [&space, make, f, pool, p](std::vector<Ref>& conns) -> Ref {
                               for (Ref& c : conns) {
                                   p->all.push_back(c);
                                   p->free.push_back(c);
                               }
                               if (make == Make::Pool) return pool;
                               return callFunction(space, f.get(), {pool.get()});
                           });
}

Ref createConnection(ObjectSpace& s, Value self, const CallArgs& a) { return create(s, self, a, Make::Connection); }
Ref createRedis(ObjectSpace& s, Value self, const CallArgs& a) { return create(s, self, a, Make::Redis); }
Ref createPool(ObjectSpace& s, Value self, const CallArgs& a) { return create(s, self, a, Make::Pool); }
Ref createRedisPool(ObjectSpace& s, Value self, const CallArgs& a) { return create(s, self, a, Make::RedisPool); }

} // namespace

Ref createAioredisModule(Vm& vm)
{
    ObjectSpace& space = vm.space();
    ServicesState* services = servicesOf(vm);
    if (!services) return Ref();
    Ref module = newModule(space, "aioredis");
    if (!module) return Ref();
    DictObject* d = moduleDict(module.get());
    auto owned = std::make_unique<AioredisState>();
    AioredisState* rs = owned.get();
    rs->services = services;
    Ref box = detail::newNativeBox(space, services->boxType.get(), std::move(owned));
    if (!box || !dictSetStr(space, d, "__aioredis_state__", box.get())) return Ref();

    const Value object = Value::fromObject(space.types().objectType);
    const Value exception = Value::fromObject(space.types().Exception);
    rs->redisError = newErrorClass(space, "RedisError", exception, "aioredis.errors");
    rs->replyError = newErrorClass(space, "ReplyError", rs->redisError.get(), "aioredis.errors");
    rs->connClosedError = newErrorClass(space, "ConnectionClosedError", rs->redisError.get(), "aioredis.errors");
    rs->poolClosedError = newErrorClass(space, "PoolClosedError", rs->redisError.get(), "aioredis.errors");
    Ref protocolError = newErrorClass(space, "ProtocolError", rs->redisError.get(), "aioredis.errors");
    Ref authError = rs->replyError ? newErrorClass(space, "AuthError", rs->replyError.get(), "aioredis.errors") : Ref();
    rs->connType = makeServiceClass(space, "RedisConnection", object, "aioredis.connection", rs, kKey);
    rs->poolType = makeServiceClass(space, "ConnectionsPool", object, "aioredis.pool", rs, kKey);
    rs->redisType = makeServiceClass(space, "Redis", object, "aioredis.commands", rs, kKey);
    if (!rs->poolClosedError || !protocolError || !authError || !rs->connType || !rs->poolType || !rs->redisType)
        return Ref();

    auto* conn = rs->connType.as<TypeObject>();
    auto* pool = rs->poolType.as<TypeObject>();
    auto* redis = rs->redisType.as<TypeObject>();
    for (TypeObject* t : {conn, pool, redis}) {
        addMethods(space, t, {{"execute", execute}, {"close", closeMethod}, {"wait_closed", waitClosed}});
        addGetSets(space, t, {{"closed", closedGetter}, {"address", addressGetter}, {"db", dbGetter}});
    }
    addMethods(space, pool, {{"__init__", poolInit}, {"acquire", poolAcquire}, {"release", poolRelease}});
    addGetSets(space, pool, {{"size", poolSize}, {"freesize", poolFreesize}});
    addMethods(space, redis, {{"__init__", redisInit}, {"hmset_dict", hmsetDict}});
    addGetSets(space, redis, {{"connection", connectionGetter}});
    addCommandMethods(space, redis, std::make_index_sequence<std::size(kCommands)>());
    for (TypeObject* t : {conn, pool, redis}) updateSlots(space, t);

    dictSetStr(space, d, "RedisConnection", rs->connType.get());
    dictSetStr(space, d, "ConnectionsPool", rs->poolType.get());
    dictSetStr(space, d, "Redis", rs->redisType.get());
    dictSetStr(space, d, "RedisError", rs->redisError.get());
    dictSetStr(space, d, "ReplyError", rs->replyError.get());
    dictSetStr(space, d, "ProtocolError", protocolError.get());
    dictSetStr(space, d, "AuthError", authError.get());
    dictSetStr(space, d, "ConnectionClosedError", rs->connClosedError.get());
    dictSetStr(space, d, "PoolClosedError", rs->poolClosedError.get());
    if (!addModuleFunctions(space, d, box.get(), "aioredis",
                            {{"create_connection", createConnection},
                             {"create_redis", createRedis},
                             {"create_pool", createPool},
                             {"create_redis_pool", createRedisPool}}))
        return Ref();
    return module;
}

} // namespace coroscope::pylite::services
