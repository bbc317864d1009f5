// The `aiomysql` module: connect, Connection (cursor, commit, rollback,
// select_db, close, ensure_closed), Cursor and DictCursor (execute,
// fetchone, fetchmany, fetchall, close, rowcount, description) and PyMySQL's
// error classes, over the simulated MySQL server of each host
// (MysqlDatabase, seeded with mysql.user).
//
// Every awaited call is one round trip, as the tutorial's comments say
// ("网络IO操作" at connect, cursor, execute, fetchall and close): real aiomysql
// buffers a result set during execute, here fetching asks the server again
// for the rows that execute left there. conn.close() is not awaited: it
// sends its goodbye and returns.

#include "core/script/modules/services/detail/ServiceClasses.h"
#include "core/script/modules/world/WorldNetwork.h"
#include "core/script/value/Args.h"
#include "core/script/value/Class.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/vm/Vm.h"

#include <cmath>

namespace coroscope::pylite::services {

namespace {

constexpr const char* kKey = "__aiomysql__";
constexpr const char* kCore = "__mysql_core__";

class AiomysqlState final : public detail::NativePayload {
public:
    ServicesState* services = nullptr;
    Ref connType, cursorType, dictCursorType;
    Ref error, operationalError, programmingError;
};

class ConnPayload final : public detail::NativePayload {
public:
    std::string host;
    int port = 3306;
    MysqlSession session;
    Ref cursorClass; ///< connect(cursorclass=...): what cursor() makes by default
    bool closed = false;
};

class CursorPayload final : public detail::NativePayload {
public:
    Ref conn;
    std::shared_ptr<SqlResult> result; ///< what the last execute left on the server
    std::size_t rownumber = 0;
    bool dict = false;
    bool closed = false;
};

AiomysqlState* stateFor(ObjectSpace& space, Value self)
{
    AiomysqlState* ms = stateOf<AiomysqlState>(space, self, kKey);
    if (!ms) space.raise(space.types().RuntimeError, "aiomysql object is not initialized");
    return ms;
}

ConnPayload* connOf(ObjectSpace& space, AiomysqlState& ms, Value conn)
{
    auto* p = dynamic_cast<ConnPayload*>(ms.services->payload(conn, kCore));
    if (!p) space.raise(space.types().RuntimeError, "Connection is not initialized");
    return p;
}

CursorPayload* cursorOf(ObjectSpace& space, AiomysqlState& ms, Value cur)
{
    auto* p = dynamic_cast<CursorPayload*>(ms.services->payload(cur, kCore));
    if (!p) space.raise(space.types().RuntimeError, "Cursor is not initialized");
    return p;
}

/// PyMySQL's error class for a server error code.
Value errorClass(AiomysqlState& ms, int code)
{
    switch (code) {
    case 1064: case 1146: case 1102: case 1103: case 1166: return ms.programmingError.get();
    default: return ms.operationalError.get();
    }
}

Ref raiseSql(ObjectSpace& space, AiomysqlState& ms, const SqlResult& r)
{
    space.restoreError(newCodedError(space, errorClass(ms, r.errorCode), r.errorCode, r.errorMessage));
    return Ref();
}

Ref cantConnect(ObjectSpace& space, AiomysqlState& ms, const std::string& host)
{
    return newCodedError(space, ms.operationalError.get(), 2003, "Can't connect to MySQL server on '" + host + "'");
}

/// One round trip of `conn` whose server work is `serve` and whose result `finish` makes.
Ref talk(ObjectSpace& space, AiomysqlState& ms, ConnPayload& c, std::uint64_t bytes, std::function<std::uint64_t()> serve,
         std::function<Ref()> finish)
{
    if (c.closed) {
        space.restoreError(newCodedError(space, ms.operationalError.get(), 2013, "Lost connection to MySQL server during query"));
        return Ref();
    }
    AiomysqlState* msp = &ms;
    const std::string host = c.host;
    return ms.services->exchange(c.host, c.port, {Step{bytes, std::move(serve), std::nullopt}}, std::move(finish),
                                 [msp, &space, host](WorldFailure) {
                                     return newCodedError(space, msp->operationalError.get(), 2013,
                                                          "Lost connection to MySQL server during query");
                                 });
}

Ref cell(ObjectSpace& space, const SqlValue& v)
{
    if (const auto* i = std::get_if<std::int64_t>(&v)) return newInt(space, *i);
    if (const auto* s = std::get_if<std::string>(&v)) return newStr(space, *s);
    return Ref::none();
}

Ref rowObject(ObjectSpace& space, const SqlResult& r, std::size_t index, bool dict)
{
    const std::vector<SqlValue>& row = r.rows[index];
    if (dict) {
        Ref d = newDict(space);
        for (std::size_t c = 0; d && c < row.size(); ++c) {
            Ref k = newStr(space, r.columns[c]);
            Ref v = k ? cell(space, row[c]) : Ref();
            if (!v || !dictSet(space, d.as<DictObject>(), k.get(), v.get())) return Ref();
        }
        return d;
    }
    std::vector<Ref> cells;
    std::vector<Value> values;
    for (const SqlValue& v : row) {
        cells.push_back(cell(space, v));
        if (!cells.back()) return Ref();
        values.push_back(cells.back().get());
    }
    return newTupleFrom(space, values.data(), std::int64_t(values.size()));
}

std::uint64_t resultBytes(const SqlResult& r)
{
    std::uint64_t n = 11;
    for (const std::string& c : r.columns) n += 20 + c.size();
    for (const auto& row : r.rows)
        for (const SqlValue& v : row) n += 1 + (std::holds_alternative<std::string>(v) ? std::get<std::string>(v).size() : 8);
    return n;
}

// ---------------------------------------------------------------- escaping

bool escapeValue(ObjectSpace& space, Value v, std::string& out)
{
    if (v.isNone()) {
        out.assign("NULL", 4);
        return true;
    }
    if (v == Value::trueValue() || v == Value::falseValue()) {
        out.assign(1, v == Value::trueValue() ? '1' : '0');
        return true;
    }
    if (isIntValue(space, v) || isFloatValue(space, v)) return strString(space, v, out);
    std::string text;
    if (!strString(space, v, text)) return false;
    out = "'";
    for (char c : text) {
        switch (c) {
        case '\'': out += "\\'"; break;
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\0': out += "\\0"; break;
        case '\x1a': out += "\\Z"; break;
        default: out += c;
        }
    }
    out += "'";
    return true;
}

/// PyMySQL's mogrify: query % escaped(args).
bool mogrify(ObjectSpace& space, Value query, Value args, std::string& out)
{
    if (!args || args.isNone()) return strString(space, query, out);
    Ref escaped;
    auto escapeToStr = [&](Value v) -> Ref {
        std::string e;
        return escapeValue(space, v, e) ? newStr(space, e) : Ref();
    };
    if (isDict(space, args)) {
        escaped = newDict(space);
        std::int64_t pos = 0;
        Value k, v;
        while (escaped && dictNext(asDict(args), pos, k, v)) {
            Ref e = escapeToStr(v);
            if (!e || !dictSet(space, escaped.as<DictObject>(), k, e.get())) return false;
        }
    } else if (isTuple(space, args) || isList(space, args)) {
        Ref items = tupleFromIterable(space, args);
        if (!items) return false;
        std::vector<Ref> held;
        std::vector<Value> values;
        for (std::int64_t i = 0; i < asTuple(items.get())->m_size; ++i) {
            held.push_back(escapeToStr(asTuple(items.get())->item(i)));
            if (!held.back()) return false;
            values.push_back(held.back().get());
        }
        escaped = newTupleFrom(space, values.data(), std::int64_t(values.size()));
    } else {
        escaped = escapeToStr(args);
    }
    if (!escaped) return false;
    if (!isStr(space, query)) {
        space.raise(space.types().TypeError, "query must be a str");
        return false;
    }
    Ref text = strPercentFormat(space, asStr(query), escaped.get());
    return text && strString(space, text.get(), out);
}

// ---------------------------------------------------------------- Connection

Ref connCursor(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"cursor", {"cursor"}, 0}, a)) return Ref();
    AiomysqlState* ms = stateFor(space, self);
    ConnPayload* c = ms ? connOf(space, *ms, self) : nullptr;
    if (!c) return Ref();
    Value cls = a[0] && !a[0].isNone() ? a[0] : (c->cursorClass ? c->cursorClass.get() : ms->cursorType.get());
    Ref cur = callFunction(space, cls, {});
    if (!cur) return Ref();
    auto p = std::make_unique<CursorPayload>();
    p->conn = Ref::borrow(self);
    p->dict = isSubclass(space, cls, ms->dictCursorType.get()) == 1;
    DictObject* d = instanceDict(space, cur.get());
    Ref none = Ref::none();
    Ref minusOne = newInt(space, -1);
    Ref one = newInt(space, 1);
    if (!d || !minusOne || !one || !dictSetStr(space, d, "connection", self) ||
        !dictSetStr(space, d, "rowcount", minusOne.get()) || !dictSetStr(space, d, "description", none.get()) ||
        !dictSetStr(space, d, "lastrowid", none.get()) || !dictSetStr(space, d, "arraysize", one.get()) ||
        !ms->services->attach(cur.get(), kCore, std::move(p)))
        return Ref();
    return talk(space, *ms, *c, 12, {}, [cur] { return cur; });
}

/// commit, rollback, ensure_closed: one round trip with no result.
Ref connSimple(ObjectSpace& space, Value self, const CallArgs& args, const char* name, bool closes)
{
    if (!checkNoArgs(space, args, name)) return Ref();
    AiomysqlState* ms = stateFor(space, self);
    ConnPayload* c = ms ? connOf(space, *ms, self) : nullptr;
    if (!c) return Ref();
    if (closes && c->closed) return ms->services->ready(Value::none());
    Ref keep = Ref::borrow(self);
    Ref f = talk(space, *ms, *c, 5, {}, [] { return Ref::none(); });
    if (closes) c->closed = true;
    return f;
}

Ref connCommit(ObjectSpace& s, Value self, const CallArgs& a) { return connSimple(s, self, a, "commit", false); }
Ref connRollback(ObjectSpace& s, Value self, const CallArgs& a) { return connSimple(s, self, a, "rollback", false); }
Ref connEnsureClosed(ObjectSpace& s, Value self, const CallArgs& a) { return connSimple(s, self, a, "ensure_closed", true); }

Ref connSelectDb(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "select_db")) return Ref();
    AiomysqlState* ms = stateFor(space, self);
    ConnPayload* c = ms ? connOf(space, *ms, self) : nullptr;
    std::string db;
    if (!c || !strString(space, args[0], db)) return Ref();
    MysqlDatabase& server = ms->services->mysqlAt(c->host, c->port);
    auto result = std::make_shared<SqlResult>();
    Ref keep = Ref::borrow(self);
    return talk(
        space, *ms, *c, 5 + db.size(),
        [&server, c, keep, db, result] {
            *result = server.query(c->session, "USE `" + db + "`");
            return std::uint64_t(11);
        },
        [ms, &space, result]() -> Ref { return result->ok() ? Ref::none() : raiseSql(space, *ms, *result); });
}

Ref connClose(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "close")) return Ref();
    AiomysqlState* ms = stateFor(space, self);
    ConnPayload* c = ms ? connOf(space, *ms, self) : nullptr;
    if (!c) return Ref();
    if (!c->closed && ms->services->aio.loop()) {
        detail::NetworkSite site = detail::currentNetworkSite(ms->services->aio);
        if (!site.network) return Ref();
        site.network->traceIo(IoOp::Close, c->host + ":" + std::to_string(c->port), 5, 0, site.client);
    }
    c->closed = true;
    return Ref::none();
}

Ref connClosed(ObjectSpace& space, Value self)
{
    AiomysqlState* ms = stateFor(space, self);
    ConnPayload* c = ms ? connOf(space, *ms, self) : nullptr;
    return c ? Ref::boolean(c->closed) : Ref();
}

// ---------------------------------------------------------------- Cursor

Ref curExecute(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"execute", {"query", "args"}, 1}, a)) return Ref();
    AiomysqlState* ms = stateFor(space, self);
    CursorPayload* p = ms ? cursorOf(space, *ms, self) : nullptr;
    if (!p) return Ref();
    if (p->closed) return space.restoreError(newError(space, ms->programmingError.get(), "Cursor closed")), Ref();
    std::string sql;
    if (!mogrify(space, a[0], a[1], sql)) return Ref();
    ConnPayload* c = connOf(space, *ms, p->conn.get());
    if (!c) return Ref();
    MysqlDatabase& server = ms->services->mysqlAt(c->host, c->port);
    auto result = std::make_shared<SqlResult>();
    Ref cur = Ref::borrow(self);
    return talk(
        space, *ms, *c, 5 + sql.size(),
        [&server, c, sql, result, conn = p->conn] {
            *result = server.query(c->session, sql);
            return std::uint64_t(11 + result->columns.size() * 20);
        },
        [ms, &space, p, cur, result]() -> Ref {
            if (!result->ok()) return raiseSql(space, *ms, *result);
            p->result = result;
            p->rownumber = 0;
            DictObject* d = instanceDict(space, cur.get());
            Ref count = newInt(space, result->affectedRows);
            Ref description = Ref::none();
            if (!result->columns.empty()) {
                std::vector<Ref> held;
                std::vector<Value> cols;
                for (const std::string& name : result->columns) {
                    Ref n = newStr(space, name);
                    Ref type = newInt(space, 253); // VAR_STRING
                    Ref none = Ref::none();
                    Ref t = n && type ? newTupleOf(space, {n.get(), type.get(), none.get(), none.get(), none.get(),
                                                           none.get(), Value::trueValue()})
                                      : Ref();
                    if (!t) return Ref();
                    cols.push_back(t.get());
                    held.push_back(std::move(t));
                }
                description = newTupleFrom(space, cols.data(), std::int64_t(cols.size()));
            }
            if (!d || !count || !description || !dictSetStr(space, d, "rowcount", count.get()) ||
                !dictSetStr(space, d, "description", description.get()))
                return Ref();
            return count;
        });
}

enum class Fetch : std::uint8_t { One, Many, All };

Ref fetch(ObjectSpace& space, Value self, const CallArgs& args, Fetch kind)
{
    static constexpr const char* kNames[] = {"fetchone", "fetchmany", "fetchall"};
    Value a[1];
    if (!parseArgs(space, args, {kNames[int(kind)], {"size"}, 0, 0, kind == Fetch::Many ? 1u : 0u}, a)) return Ref();
    AiomysqlState* ms = stateFor(space, self);
    CursorPayload* p = ms ? cursorOf(space, *ms, self) : nullptr;
    if (!p) return Ref();
    std::int64_t size = 1;
    if (kind == Fetch::Many) {
        Value v = a[0] && !a[0].isNone() ? a[0] : Value();
        if (!v) {
            DictObject* d = instanceDict(space, self);
            v = d ? dictGetStr(space, d, "arraysize") : Value();
        }
        if (v && !asInt64(space, v, size)) return Ref();
    }
    ConnPayload* c = connOf(space, *ms, p->conn.get());
    if (!c) return Ref();
    Ref keep = Ref::borrow(self);
    auto count = std::make_shared<std::size_t>(0);
    return talk(
        space, *ms, *c, 5,
        [p, keep, kind, size, count] {
            const std::size_t total = p->result ? p->result->rows.size() : 0;
            const std::size_t left = total - std::min(p->rownumber, total);
            *count = kind == Fetch::All ? left : std::min<std::size_t>(left, kind == Fetch::One ? 1 : std::size_t(std::max<std::int64_t>(size, 0)));
            SqlResult part;
            for (std::size_t i = 0; i < *count; ++i) part.rows.push_back(p->result->rows[p->rownumber + i]);
            return resultBytes(part);
        },
        [&space, p, keep, kind, count]() -> Ref {
            if (!p->result) {
                if (kind == Fetch::One) return Ref::none();
                return kind == Fetch::All ? newTuple(space, 0) : newTuple(space, 0);
            }
            const std::size_t first = p->rownumber;
            p->rownumber += *count;
            if (kind == Fetch::One) return *count ? rowObject(space, *p->result, first, p->dict) : Ref::none();
            std::vector<Ref> rows;
            std::vector<Value> values;
            for (std::size_t i = 0; i < *count; ++i) {
                rows.push_back(rowObject(space, *p->result, first + i, p->dict));
                if (!rows.back()) return Ref();
                values.push_back(rows.back().get());
            }
            if (p->dict) {
                Ref list = newList(space);
                for (Value v : values)
                    if (!list || !listAppend(space, list.as<ListObject>(), v)) return Ref();
                return list;
            }
            return newTupleFrom(space, values.data(), std::int64_t(values.size()));
        });
}

Ref curFetchone(ObjectSpace& s, Value self, const CallArgs& a) { return fetch(s, self, a, Fetch::One); }
Ref curFetchmany(ObjectSpace& s, Value self, const CallArgs& a) { return fetch(s, self, a, Fetch::Many); }
Ref curFetchall(ObjectSpace& s, Value self, const CallArgs& a) { return fetch(s, self, a, Fetch::All); }

Ref curClose(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "close")) return Ref();
    AiomysqlState* ms = stateFor(space, self);
    CursorPayload* p = ms ? cursorOf(space, *ms, self) : nullptr;
    if (!p) return Ref();
    if (p->closed) return ms->services->ready(Value::none());
    p->closed = true;
    ConnPayload* c = connOf(space, *ms, p->conn.get());
    if (!c) return Ref();
    Ref keep = Ref::borrow(self);
    return talk(space, *ms, *c, 5, {}, [p, keep] {
        p->result.reset();
        return Ref::none();
    });
}

// ---------------------------------------------------------------- connect

Ref connect(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[16];
    if (!parseArgs(space, args,
                   {"connect",
                    {"host", "user", "password", "db", "port", "unix_socket", "charset", "sql_mode", "autocommit",
                     "cursorclass", "connect_timeout", "init_command", "loop", "echo", "ssl", "use_unicode"},
                    0},
                   a))
        return Ref();
    AiomysqlState* ms = boxState<AiomysqlState>(space, self);
    auto p = std::make_unique<ConnPayload>();
    if (a[0] && !a[0].isNone()) {
        if (!strString(space, a[0], p->host)) return Ref();
    } else {
        p->host = "localhost";
    }
    std::int64_t port = 3306;
    if (a[4] && !a[4].isNone() && !asInt64(space, a[4], port)) return Ref();
    p->port = int(port);
    std::string db;
    if (a[3] && !a[3].isNone() && !strString(space, a[3], db)) return Ref();
    if (a[9] && !a[9].isNone()) p->cursorClass = Ref::borrow(a[9]);
    std::optional<Nanos> timeout;
    if (a[10] && !a[10].isNone()) {
        double seconds = 0;
        if (!toDouble(space, a[10], seconds)) return Ref();
        timeout = Nanos(std::llround(std::max(0.0, seconds) * 1e9));
    }
    ConnPayload* c = p.get();
    Ref conn = callFunction(space, ms->connType.get(), {});
    if (!conn) return Ref();
    DictObject* d = instanceDict(space, conn.get());
    Ref host = newStr(space, c->host);
    Ref portObj = newInt(space, c->port);
    Ref dbObj = db.empty() ? Ref::none() : newStr(space, db);
    Value user = a[1] ? a[1] : Value::none();
    if (!d || !host || !portObj || !dbObj || !dictSetStr(space, d, "host", host.get()) ||
        !dictSetStr(space, d, "port", portObj.get()) || !dictSetStr(space, d, "user", user) ||
        !dictSetStr(space, d, "db", dbObj.get()) || !ms->services->attach(conn.get(), kCore, std::move(p)))
        return Ref();
    MysqlDatabase& server = ms->services->mysqlAt(c->host, c->port);
    auto result = std::make_shared<SqlResult>();
    const std::string hostName = c->host;
    return ms->services->exchange(
        c->host, c->port,
        {Step{64, [&server, c, conn, db, result] {
                  if (!db.empty()) *result = server.query(c->session, "USE `" + db + "`");
                  return std::uint64_t(78);
              },
              timeout}},
        [ms, &space, result, conn]() -> Ref { return result->ok() ? conn : raiseSql(space, *ms, *result); },
        [ms, &space, hostName](WorldFailure) { return cantConnect(space, *ms, hostName); });
}

} // namespace

Ref createAiomysqlModule(Vm& vm)
{
    ObjectSpace& space = vm.space();
    ServicesState* services = servicesOf(vm);
    if (!services) return Ref();
    Ref module = newModule(space, "aiomysql");
    if (!module) return Ref();
    DictObject* d = moduleDict(module.get());
    auto owned = std::make_unique<AiomysqlState>();
    AiomysqlState* ms = owned.get();
    ms->services = services;
    Ref box = detail::newNativeBox(space, services->boxType.get(), std::move(owned));
    if (!box || !dictSetStr(space, d, "__aiomysql_state__", box.get())) return Ref();

    const Value object = Value::fromObject(space.types().objectType);
    ms->error = newErrorClass(space, "Error", Value::fromObject(space.types().Exception), "pymysql.err");
    Ref warning = newErrorClass(space, "Warning", Value::fromObject(space.types().Exception), "pymysql.err");
    Ref interfaceError = ms->error ? newErrorClass(space, "InterfaceError", ms->error.get(), "pymysql.err") : Ref();
    Ref databaseError = ms->error ? newErrorClass(space, "DatabaseError", ms->error.get(), "pymysql.err") : Ref();
    if (!warning || !interfaceError || !databaseError) return Ref();
    ms->operationalError = newErrorClass(space, "OperationalError", databaseError.get(), "pymysql.err");
    ms->programmingError = newErrorClass(space, "ProgrammingError", databaseError.get(), "pymysql.err");
    Ref integrityError = newErrorClass(space, "IntegrityError", databaseError.get(), "pymysql.err");
    Ref dataError = newErrorClass(space, "DataError", databaseError.get(), "pymysql.err");
    Ref internalError = newErrorClass(space, "InternalError", databaseError.get(), "pymysql.err");
    Ref notSupportedError = newErrorClass(space, "NotSupportedError", databaseError.get(), "pymysql.err");
    ms->connType = makeServiceClass(space, "Connection", object, "aiomysql.connection", ms, kKey);
    ms->cursorType = makeServiceClass(space, "Cursor", object, "aiomysql.cursors", ms, kKey);
    ms->dictCursorType = ms->cursorType ? makeServiceClass(space, "DictCursor", ms->cursorType.get(), "aiomysql.cursors", ms, kKey) : Ref();
    if (!ms->operationalError || !ms->programmingError || !integrityError || !dataError || !internalError ||
        !notSupportedError || !ms->connType || !ms->dictCursorType)
        return Ref();
    auto* conn = ms->connType.as<TypeObject>();
    addMethods(space, conn,
               {{"cursor", connCursor}, {"commit", connCommit}, {"rollback", connRollback},
                {"select_db", connSelectDb}, {"close", connClose}, {"ensure_closed", connEnsureClosed}});
    addGetSets(space, conn, {{"closed", connClosed}});
    auto* cur = ms->cursorType.as<TypeObject>();
    addMethods(space, cur,
               {{"execute", curExecute}, {"fetchone", curFetchone}, {"fetchmany", curFetchmany},
                {"fetchall", curFetchall}, {"close", curClose}});
    for (TypeObject* t : {conn, cur, ms->dictCursorType.as<TypeObject>()}) updateSlots(space, t);

    const std::pair<const char*, Value> names[] = {
        {"Connection", ms->connType.get()},        {"Cursor", ms->cursorType.get()},
        {"DictCursor", ms->dictCursorType.get()},  {"Error", ms->error.get()},
        {"Warning", warning.get()},                {"InterfaceError", interfaceError.get()},
        {"DatabaseError", databaseError.get()},    {"OperationalError", ms->operationalError.get()},
        {"ProgrammingError", ms->programmingError.get()}, {"IntegrityError", integrityError.get()},
        {"DataError", dataError.get()},            {"InternalError", internalError.get()},
        {"NotSupportedError", notSupportedError.get()},
    };
    for (const auto& [name, v] : names)
        if (!dictSetStr(space, d, name, v)) return Ref();
    if (!addModuleFunctions(space, d, box.get(), "aiomysql", {{"connect", connect}})) return Ref();
    return module;
}

} // namespace coroscope::pylite::services
