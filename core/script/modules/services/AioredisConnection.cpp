// aioredis: addresses, connecting (connect, AUTH, SELECT round trips),
// sending one command through a connection or a pool, and turning RESP
// replies into Python values (see AioredisModule.cpp for the module).

#include "core/script/modules/services/detail/Aioredis.h"
#include "core/script/modules/services/detail/ServiceClasses.h"
#include "core/script/value/Bytes.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/TypeObject.h"
#include "core/script/vm/Vm.h"

#include <cmath>

namespace coroscope::pylite::services::aioredis {

AioredisState* stateFor(ObjectSpace& space, Value self)
{
    AioredisState* rs = stateOf<AioredisState>(space, self, kKey);
    if (!rs) space.raise(space.types().RuntimeError, "aioredis object is not initialized");
    return rs;
}

std::uint64_t respBytes(const std::vector<std::string>& cmd)
{
    std::uint64_t n = 3 + std::to_string(cmd.size()).size();
    for (const std::string& a : cmd) n += 5 + std::to_string(a.size()).size() + a.size();
    return n;
}

std::uint64_t replyBytes(const RedisReply& r)
{
    std::uint64_t n = 3;
    if (r.kind == RedisReply::Kind::Bulk) n += 2 + std::to_string(r.text.size()).size() + r.text.size();
    else if (r.kind == RedisReply::Kind::Integer) n += std::to_string(r.integer).size();
    else n += r.text.size();
    for (const RedisReply& item : r.items) n += replyBytes(item);
    return n;
}

/// aioredis's encode_command: bytes as they are, str as UTF-8, numbers as their text.
bool encodeArg(ObjectSpace& space, Value v, std::string& out)
{
    if (isBytes(space, v)) {
        out = std::string(asBytes(v)->view());
        return true;
    }
    if (isStr(space, v)) {
        out = std::string(strView(v));
        return true;
    }
    if (isIntValue(space, v) || isFloatValue(space, v)) return strString(space, v, out);
    std::string r;
    reprString(space, v, r);
    space.raise(space.types().TypeError, "Argument " + r + " expected to be of bytearray, bytes, float, int, or str type");
    return false;
}

bool parseAddress(ObjectSpace& space, Value address, Options& out)
{
    if (isTuple(space, address) || isList(space, address)) {
        Ref t = tupleFromIterable(space, address);
        if (!t || asTuple(t.get())->m_size != 2) {
            if (t) space.raise(space.types().ValueError, "address must be a (host, port) pair");
            return false;
        }
        std::int64_t port = 0;
        if (!strString(space, asTuple(t.get())->item(0), out.host) || !asInt64(space, asTuple(t.get())->item(1), port))
            return false;
        out.port = int(port);
        return true;
    }
    std::string text;
    if (!isStr(space, address)) {
        space.raise(space.types().TypeError, "address must be a str or a (host, port) tuple");
        return false;
    }
    text = std::string(strView(address));
    std::string_view rest = text;
    const bool uri = rest.starts_with("redis://") || rest.starts_with("rediss://");
    if (!uri) { // a unix socket path
        out.host = text;
        out.port = 0;
        return true;
    }
    rest.remove_prefix(rest.find("//") + 2);
    if (std::size_t q = rest.find('?'); q != std::string_view::npos) rest = rest.substr(0, q);
    if (std::size_t at = rest.rfind('@'); at != std::string_view::npos) {
        std::string_view creds = rest.substr(0, at);
        if (std::size_t colon = creds.find(':'); colon != std::string_view::npos) out.password = creds.substr(colon + 1);
        rest.remove_prefix(at + 1);
    }
    if (std::size_t slash = rest.find('/'); slash != std::string_view::npos) {
        std::string_view db = rest.substr(slash + 1);
        if (!db.empty()) out.db = std::atoi(std::string(db).c_str());
        rest = rest.substr(0, slash);
    }
    if (std::size_t colon = rest.rfind(':'); colon != std::string_view::npos) {
        out.port = std::atoi(std::string(rest.substr(colon + 1)).c_str());
        rest = rest.substr(0, colon);
    }
    out.host = rest.empty() ? "localhost" : std::string(rest);
    return true;
}

/// Fills db / password / encoding from keyword values (null or None: unchanged).
bool applyOptions(ObjectSpace& space, Options& o, Value db, Value password, Value encoding)
{
    if (db && !db.isNone()) {
        std::int64_t n = 0;
        if (!asInt64(space, db, n)) return false;
        o.db = int(n);
    }
    if (password && !password.isNone()) {
        o.password.clear();
        if (!strString(space, password, o.password)) return false;
    }
    if (encoding && !encoding.isNone()) {
        o.encoding.clear();
        if (!strString(space, encoding, o.encoding)) return false;
    }
    return true;
}

/// A `timeout=` argument in seconds (null or None: none).
bool applyTimeout(ObjectSpace& space, Options& o, Value timeout)
{
    if (!timeout || timeout.isNone()) return true;
    double seconds = 0;
    if (!toDouble(space, timeout, seconds)) return false;
    o.timeout = Nanos(std::llround(std::max(0.0, seconds) * 1e9));
    return true;
}

Ref toPython(ObjectSpace& space, AioredisState& rs, const RedisReply& r, const std::string& encoding)
{
    switch (r.kind) {
    case RedisReply::Kind::Error:
        space.restoreError(newError(space, rs.replyError.get(), r.text));
        return Ref();
    case RedisReply::Kind::Integer: return newInt(space, r.integer);
    case RedisReply::Kind::Nil: return Ref::none();
    case RedisReply::Kind::Status:
    case RedisReply::Kind::Bulk:
        return encoding.empty() ? newBytes(space, r.text) : decodeBytes(space, r.text, encoding, "strict");
    case RedisReply::Kind::Array: {
        Ref list = newList(space);
        for (const RedisReply& item : r.items) {
            Ref v = toPython(space, rs, item, encoding);
            if (!v || !listAppend(space, list.as<ListObject>(), v.get())) return Ref();
        }
        return list;
    }
    }
    return Ref::none();
}

Ref convert(ObjectSpace& space, AioredisState& rs, const RedisReply& r, Conv conv, const std::string& encoding)
{
    if (r.kind == RedisReply::Kind::Error) return toPython(space, rs, r, encoding);
    if (conv == Conv::Ok) return Ref::boolean(r.kind == RedisReply::Kind::Status && r.text == "OK");
    if (conv == Conv::Dict) {
        Ref dict = newDict(space);
        for (std::size_t i = 0; dict && i + 1 < r.items.size(); i += 2) {
            Ref k = toPython(space, rs, r.items[i], encoding);
            Ref v = k ? toPython(space, rs, r.items[i + 1], encoding) : Ref();
            if (!v || !dictSet(space, dict.as<DictObject>(), k.get(), v.get())) return Ref();
        }
        return dict;
    }
    return toPython(space, rs, r, encoding);
}

Ref connectFailure(ObjectSpace& space, const Options& o, WorldFailure failure)
{
    if (failure == WorldFailure::Timeout) return newError(space, Value::fromObject(space.types().TimeoutError), "");
    if (failure == WorldFailure::Reset)
        return newCodedError(space, Value::fromObject(space.types().ConnectionResetError), 104, "Connection reset by peer");
    Ref e = newCodedError(space, Value::fromObject(space.types().ConnectionRefusedError), 111,
                          "Connect call failed ('" + o.host + "', " + std::to_string(o.port) + ")");
    return e;
}

/// A RedisConnection object that is not connected yet.
Ref newConnection(AioredisState& rs, const Options& o)
{
    ObjectSpace& space = rs.services->vm.space();
    Ref conn = callFunction(space, rs.connType.get(), {});
    if (!conn) return Ref();
    auto p = std::make_unique<ConnPayload>();
    p->options = o;
    if (!rs.services->attach(conn.get(), kCore, std::move(p))) return Ref();
    return conn;
}

ConnPayload* connOf(AioredisState& rs, Value conn) { return dynamic_cast<ConnPayload*>(rs.services->payload(conn, kCore)); }
PoolPayload* poolPayload(AioredisState& rs, Value pool) { return dynamic_cast<PoolPayload*>(rs.services->payload(pool, kCore)); }

/// The round trips that open `conn`: connect, AUTH, SELECT. `*error` keeps the first error reply.
void connectSteps(AioredisState& rs, Ref conn, std::vector<Step>& steps, std::shared_ptr<std::optional<RedisReply>> error)
{
    ConnPayload* p = connOf(rs, conn.get());
    RedisStore& store = rs.services->redisAt(p->options.host, p->options.port);
    steps.push_back(Step{60, {}, p->options.timeout});
    auto command = [&store, conn, p, error](std::vector<std::string> cmd) {
        const std::uint64_t bytes = respBytes(cmd);
        return Step{bytes, [&store, conn, p, error, cmd] {
                        RedisReply r = store.execute(p->session, cmd);
                        if (r.kind == RedisReply::Kind::Error && !*error) *error = r;
                        return replyBytes(r);
                    },
                    std::nullopt};
    };
    if (!p->options.password.empty()) steps.push_back(command({"AUTH", p->options.password}));
    if (p->options.db != 0) steps.push_back(command({"SELECT", std::to_string(p->options.db)}));
}

/// Opens `count` new connections of `o` one after another; the future's
/// result is made by `finish` from the list of connection objects.
Ref openConnections(AioredisState& rs, const Options& o, std::size_t count, std::function<Ref(std::vector<Ref>&)> finish)
{
    ObjectSpace& space = rs.services->vm.space();
    std::vector<Step> steps;
    auto conns = std::make_shared<std::vector<Ref>>();
    auto error = std::make_shared<std::optional<RedisReply>>();
    for (std::size_t i = 0; i < count; ++i) {
        Ref conn = newConnection(rs, o);
        if (!conn) return Ref();
        connectSteps(rs, conn, steps, error);
        conns->push_back(std::move(conn));
    }
    AioredisState* rsp = &rs;
    return rs.services->exchange(
        o.host, o.port, std::move(steps),
        [rsp, conns, error, finish, &space]() -> Ref {
            if (*error) {
                space.restoreError(newError(space, rsp->replyError.get(), (*error)->text));
                return Ref();
            }
            return finish(*conns);
        },
        [o, &space](WorldFailure f) { return connectFailure(space, o, f); });
}


bool resolveTarget(ObjectSpace& space, AioredisState& rs, Value self, Target& out)
{
    Value obj = self;
    if (isInstance(space, self, rs.redisType.get()) == 1) {
        DictObject* d = instanceDict(space, self);
        obj = d ? dictGetStr(space, d, "_pool_or_conn") : Value();
        if (!obj) {
            space.raise(space.types().RuntimeError, "Redis object is not initialized");
            return false;
        }
    }
    if (ConnPayload* c = connOf(rs, obj)) {
        if (c->closed) {
            space.restoreError(newError(space, rs.connClosedError.get(), "Connection closed or corrupted"));
            return false;
        }
        out.conn = Ref::borrow(obj);
        out.options = c->options;
        return true;
    }
    if (auto* p = poolPayload(rs, obj)) {
        if (p->closed) {
            space.restoreError(newError(space, rs.poolClosedError.get(), "Pool is closed"));
            return false;
        }
        out.pool = p;
        out.options = p->options;
        if (!p->all.empty()) out.conn = p->all.front();
        return true;
    }
    space.raise(space.types().TypeError, "not a Redis connection or pool");
    return false;
}

/// Sends `cmd` through `self` (Redis, connection or pool); the future's result is the converted reply.
Ref sendCommand(ObjectSpace& space, AioredisState& rs, Value self, std::vector<std::string> cmd, Conv conv,
                std::optional<std::string> encoding)
{
    Target t;
    if (!resolveTarget(space, rs, self, t)) return Ref();
    const std::string enc = encoding ? *encoding : t.options.encoding;
    std::vector<Step> steps;
    auto error = std::make_shared<std::optional<RedisReply>>();
    Ref conn = t.conn;
    if (!conn) { // a pool without connections opens one first
        conn = newConnection(rs, t.options);
        if (!conn) return Ref();
        connectSteps(rs, conn, steps, error);
        t.pool->all.push_back(conn);
        t.pool->free.push_back(conn);
    }
    ConnPayload* p = connOf(rs, conn.get());
    RedisStore& store = rs.services->redisAt(t.options.host, t.options.port);
    auto reply = std::make_shared<RedisReply>();
    const std::uint64_t bytes = respBytes(cmd);
    steps.push_back(Step{bytes, [&store, conn, p, reply, cmd] {
                             *reply = store.execute(p->session, cmd);
                             return replyBytes(*reply);
                         },
                         std::nullopt});
    AioredisState* rsp = &rs;
    const Options o = t.options;
    return rs.services->exchange(
        o.host, o.port, std::move(steps),
        [rsp, &space, reply, error, conv, enc]() -> Ref {
            if (*error) {
                space.restoreError(newError(space, rsp->replyError.get(), (*error)->text));
                return Ref();
            }
            return convert(space, *rsp, *reply, conv, enc);
        },
        [o, &space](WorldFailure f) { return connectFailure(space, o, f); });
}

} // namespace coroscope::pylite::services::aioredis
