// aiohttp: asynchronous HTTP over the simulated network (DESIGN.md section
// 5). A request is sent when its context manager is entered (or the
// request awaited) and the awaiting task waits on WaitKind::Io for the
// host's server lane: other tasks run meanwhile, so downloads overlap.
//
// The subset: ClientSession (async with, get/post/put/delete/request,
// close, timeout=), the request context manager (async with / await),
// ClientResponse (status, reason, url, headers, content_type, `await
// text()/read()/json()`, `await content.read()`, raise_for_status, release,
// async with), ClientTimeout, and the exceptions ClientError,
// ClientConnectionError, ClientOSError, ClientConnectorError,
// ClientResponseError, ContentTypeError, ServerTimeoutError, InvalidURL. A
// silent host raises asyncio.TimeoutError once the ClientTimeout's total
// (default 300 s, as in aiohttp) or the host's latency has passed.

#include "core/runtime/ForcedUnwind.h"
#include "core/script/modules/ScriptModules.h"
#include "core/script/modules/asyncio/AsyncioCommon.h"
#include "core/script/modules/world/WorldCommon.h"
#include "core/script/modules/world/WorldNetwork.h"
#include "core/script/value/Bytes.h"
#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/TypeObject.h"
#include "core/script/vm/Vm.h"

namespace coroscope::pylite::detail {

namespace {

constexpr Nanos kDefaultTotalTimeout = Nanos(300) * 1'000'000'000;

bool setItem(ObjectSpace& space, Value obj, const char* key, Ref value)
{
    return value && dictSetStr(space, instanceDict(space, obj), key, value.get());
}

Value item(ObjectSpace& space, Value obj, const char* key)
{
    DictObject* d = instanceDict(space, obj);
    return d ? dictGetStr(space, d, key) : Value();
}

TypeObject* typeNamed(WorldState& st, std::string_view name)
{
    return static_cast<TypeObject*>(st.type(name).object());
}

/// An awaitable already holding `v` (what a coroutine method that never suspends returns).
Ref ready(WorldState& st, Value v)
{
    return doneFuture(st.asyncio, v);
}

// ---- ClientTimeout -----------------------------------------------------------
Ref timeoutInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[5];
    if (!parseArgs(space, args, {"ClientTimeout", {"total", "connect", "sock_read", "sock_connect"}, 0, 0, 0}, a))
        return Ref();
    const char* names[] = {"total", "connect", "sock_read", "sock_connect"};
    for (int i = 0; i < 4; ++i)
        if (!setItem(space, self, names[i], Ref::borrow(a[i] ? a[i] : Value::none()))) return Ref();
    return Ref::none();
}

/// The total timeout of a ClientTimeout or a number; nullopt for None.
bool totalTimeout(ObjectSpace& space, Value timeout, std::optional<Nanos>& out)
{
    if (!timeout || timeout.isNone()) return true;
    Value total = timeout;
    if (!isIntValue(space, timeout) && !isFloatValue(space, timeout)) total = item(space, timeout, "total");
    if (!total || total.isNone()) {
        out.reset();
        return true;
    }
    Nanos n;
    if (!toNanos(space, total, n)) return false;
    out = n;
    return true;
}

// ---- ClientSession -------------------------------------------------------------
Ref sessionInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.positional != 0) return space.raise(space.types().TypeError, "ClientSession() takes keyword arguments only");
    Value timeout = keywordArg(args, "timeout");
    Value headers = keywordArg(args, "headers");
    if (!setItem(space, self, "timeout", Ref::borrow(timeout ? timeout : Value::none())) ||
        !setItem(space, self, "headers", headers ? Ref::borrow(headers) : newDict(space)) ||
        !setItem(space, self, "closed", Ref::borrow(Value::falseValue())) ||
        !setItem(space, self, "_connections", newDict(space)))
        return Ref();
    return Ref::none();
}

Ref sessionAenter(ObjectSpace& space, Value self, const CallArgs& args)
{
    WorldState* st = worldOfInstance(space, self);
    return st ? ready(*st, self) : Ref();
}

/// Closing a session closes its connections (one Io Close per host it talked to).
Ref sessionClose(ObjectSpace& space, Value self, const CallArgs&)
{
    WorldState* st = worldOfInstance(space, self);
    if (!st || !setItem(space, self, "closed", Ref::borrow(Value::trueValue()))) return Ref();
    Value hosts = item(space, self, "_connections");
    Ref items = hosts ? callMethod(space, hosts, "items", {}) : Ref();
    Ref it = items ? getIter(space, items.get()) : Ref();
    if (it && st->asyncio.runningLoop) {
        NetworkSite site = currentNetworkSite(st->asyncio);
        if (!site.network) return Ref();
        while (Ref pair = iterNext(space, it.get())) {
            TupleObject* hostOpen = asTuple(pair.get());
            if (hostOpen->item(1).isTrue())
                site.network->traceIo(IoOp::Close, std::string(strView(hostOpen->item(0))), 0, 0, site.client);
        }
        if (space.hasError()) return Ref();
        if (!setItem(space, self, "_connections", newDict(space))) return Ref();
    }
    space.clearError();
    return ready(*st, Value::none());
}

/// session.get(url, ...) and friends: a request context manager; nothing is sent yet.
Ref makeRequest(ObjectSpace& space, Value self, const CallArgs& args, const char* method, std::size_t urlIndex)
{
    WorldState* st = worldOfInstance(space, self);
    if (!st) return space.raise(space.types().TypeError, "ClientSession method needs a session");
    if (args.positional <= urlIndex) return space.raise(space.types().TypeError, "request() missing 1 required positional argument: 'url'");
    std::string m = method;
    if (!*method && !strString(space, args[0], m)) return Ref();
    for (char& c : m) c = char(std::toupper(static_cast<unsigned char>(c)));
    Ref rcm = callFunction(space, st->type("_RequestContextManager"), {});
    if (!rcm) return Ref();
    Value timeout = keywordArg(args, "timeout");
    if (!timeout) timeout = item(space, self, "timeout");
    Value verify = keywordArg(args, "verify_ssl");
    if (!verify) verify = keywordArg(args, "ssl");
    Value data = keywordArg(args, "data");
    if (!data) data = keywordArg(args, "json");
    if (!setItem(space, rcm.get(), "method", newStr(space, m)) ||
        !setItem(space, rcm.get(), "url", Ref::borrow(args[urlIndex])) ||
        !setItem(space, rcm.get(), "timeout", Ref::borrow(timeout ? timeout : Value::none())) ||
        !setItem(space, rcm.get(), "verify", Ref::borrow(verify ? verify : Value::none())) ||
        !setItem(space, rcm.get(), "data", Ref::borrow(data ? data : Value::none())) ||
        !setItem(space, rcm.get(), "session", Ref::borrow(self)))
        return Ref();
    return rcm;
}
Ref sessionGet(ObjectSpace& s, Value self, const CallArgs& a) { return makeRequest(s, self, a, "GET", 0); }
Ref sessionPost(ObjectSpace& s, Value self, const CallArgs& a) { return makeRequest(s, self, a, "POST", 0); }
Ref sessionPut(ObjectSpace& s, Value self, const CallArgs& a) { return makeRequest(s, self, a, "PUT", 0); }
Ref sessionDelete(ObjectSpace& s, Value self, const CallArgs& a) { return makeRequest(s, self, a, "DELETE", 0); }
Ref sessionRequest(ObjectSpace& s, Value self, const CallArgs& a) { return makeRequest(s, self, a, "", 1); }

// ---- the response ----------------------------------------------------------------
Ref makeResponse(WorldState& st, ServerCall& call, const std::string& method, const std::string& url)
{
    ObjectSpace& space = st.vm.space();
    const Endpoint& ep = call.endpoint;
    const std::string body = Network::bodyOf(ep);
    call.replyBytes = body.size();
    Ref obj = callFunction(space, st.type("ClientResponse"), {});
    Ref stream = obj ? callFunction(space, st.type("StreamReader"), {}) : Ref();
    if (!stream) return Ref();
    const Value v = obj.get();
    std::string mime = ep.contentType.substr(0, ep.contentType.find(';'));
    Ref bytes = newBytes(space, body);
    if (!bytes || !setItem(space, stream.get(), "_body", bytes) ||
        !setItem(space, stream.get(), "_pos", newInt(space, 0)) || !setItem(space, v, "status", newInt(space, ep.status)) ||
        !setItem(space, v, "reason", newStr(space, reasonPhrase(ep.status))) || !setItem(space, v, "method", newStr(space, method)) ||
        !setItem(space, v, "url", newStr(space, url)) || !setItem(space, v, "headers", headersDict(space, ep, body.size())) ||
        !setItem(space, v, "content_type", newStr(space, mime)) || !setItem(space, v, "content", stream) ||
        !setItem(space, v, "_body", bytes))
        return Ref();
    return obj;
}

std::exception_ptr aiohttpError(WorldState& st, const std::string& url, bool verifyOff, std::exception_ptr e)
{
    ObjectSpace& space = st.vm.space();
    try {
        std::rethrow_exception(e);
    } catch (const NetworkError& err) {
        Ref exc;
        if (err.failure() == WorldFailure::Refused) {
            std::string host = Network::hostOf(url), port = url.rfind("https:", 0) == 0 ? "443" : "80";
            if (const auto colon = host.rfind(':'); colon != std::string::npos) {
                port = host.substr(colon + 1);
                host = host.substr(0, colon);
            }
            exc = newExceptionWithMessage(space, typeNamed(st, "ClientConnectorError"),
                                          "Cannot connect to host " + host + ":" + port + " ssl:" +
                                              (verifyOff ? "False" : "default") + " [Connect call failed ('" + host +
                                              "', " + port + ")]");
        } else if (err.failure() == WorldFailure::Reset) {
            exc = newExceptionWithMessage(space, typeNamed(st, "ClientOSError"), "[Errno 104] Connection reset by peer");
        } else {
            exc = newExceptionWithMessage(space, space.types().TimeoutError, "");
        }
        return st.asyncio.toCore(std::move(exc));
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        return std::current_exception();
    }
}

/// Sends the request of a context manager; returns the future of its response.
Ref send(WorldState& st, Value rcm)
{
    ObjectSpace& space = st.vm.space();
    if (Value sent = item(space, rcm, "_future")) return Ref::borrow(sent);
    std::string url, method;
    if (!strString(space, item(space, rcm, "url"), url) || !strString(space, item(space, rcm, "method"), method))
        return Ref();
    if (url.find("://") == std::string::npos)
        return space.raise(typeNamed(st, "InvalidURL"), url);
    NetworkSite site = currentNetworkSite(st.asyncio);
    if (!site.network) return Ref();
    if (site.kind != NetworkSite::Kind::Loop) return space.raise(space.types().RuntimeError, "no running event loop");
    std::uint64_t bodyBytes = 0;
    if (Value data = item(space, rcm, "data"); data && !data.isNone()) {
        std::string text;
        if (isBytes(space, data))
            text = std::string(asBytes(data)->view());
        else if (!strString(space, data, text))
            return Ref();
        bodyBytes = text.size();
    }
    RoundTrip trip;
    trip.url = url;
    trip.host = Network::hostOf(url);
    trip.sendBytes = method.size() + url.size() + trip.host.size() + 21 + bodyBytes;
    trip.client = site.client;
    trip.timeout = kDefaultTotalTimeout;
    // The first request to a host opens the session's connection to it; later ones reuse it.
    if (Value session = item(space, rcm, "session")) {
        Value connections = item(space, session, "_connections");
        Ref host = newStr(space, trip.host);
        if (!host) return Ref();
        if (connections && !dictGetStr(space, asDict(connections), trip.host)) {
            trip.connect = true;
            if (!dictSet(space, asDict(connections), host.get(), Value::trueValue())) return Ref();
        }
    }
    if (!totalTimeout(space, item(space, rcm, "timeout"), trip.timeout)) return Ref();
    Value verify = item(space, rcm, "verify");
    const bool verifyOff = verify && verify.isFalse();
    WorldState* stp = &st;
    trip.mapError = [stp, url, verifyOff](std::exception_ptr e) { return aiohttpError(*stp, url, verifyOff, e); };
    coroscope::Ref<PyFuture> future;
    try {
        future = site.network->roundTrip<Ref>(trip, [stp, method, url](ServerCall& call) {
            Ref r = makeResponse(*stp, call, method, url);
            if (!r) throw PyAsyncError(stp->vm.space().takeError());
            return r;
        });
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        return raiseNetworkFailure(st.asyncio, std::current_exception());
    }
    if (trip.connect && future->done()) { // refused: no connection to close later
        Ref host = newStr(space, trip.host);
        if (!host || !dictSet(space, asDict(item(space, item(space, rcm, "session"), "_connections")), host.get(),
                              Value::falseValue()))
            return Ref();
    }
    Ref obj = st.asyncio.objectOf(*future);
    if (!obj || !setItem(space, rcm, "_future", Ref::borrow(obj.get()))) return Ref();
    return obj;
}

Ref rcmAenter(ObjectSpace& space, Value self, const CallArgs& args)
{
    WorldState* st = worldOfInstance(space, self);
    return st ? send(*st, self) : Ref();
}

Ref rcmAwait(ObjectSpace& space, Value self, const CallArgs& args)
{
    WorldState* st = worldOfInstance(space, self);
    Ref future = st ? send(*st, self) : Ref();
    return future ? callMethod(space, future.get(), "__await__", {}) : Ref();
}

Ref aexitNone(ObjectSpace& space, Value self, const CallArgs& args)
{
    WorldState* st = worldOfInstance(space, self);
    return st ? ready(*st, Value::none()) : Ref();
}

Ref responseAenter(ObjectSpace& space, Value self, const CallArgs& args)
{
    WorldState* st = worldOfInstance(space, self);
    return st ? ready(*st, self) : Ref();
}

Ref responseRead(ObjectSpace& space, Value self, const CallArgs& args)
{
    WorldState* st = worldOfInstance(space, self);
    return st ? ready(*st, item(space, self, "_body")) : Ref();
}

Ref responseText(ObjectSpace& space, Value self, const CallArgs& args)
{
    WorldState* st = worldOfInstance(space, self);
    Value body = st ? item(space, self, "_body") : Value();
    if (!body) return Ref();
    std::string encoding = "utf-8";
    if (Value e = keywordArg(args, "encoding"); e && !e.isNone() && !strString(space, e, encoding)) return Ref();
    if (args.positional > 0 && !args[0].isNone() && !strString(space, args[0], encoding)) return Ref();
    Ref text = decodeBytes(space, asBytes(body)->view(), encoding, "replace");
    return text ? ready(*st, text.get()) : Ref();
}

Ref responseJson(ObjectSpace& space, Value self, const CallArgs& args)
{
    WorldState* st = worldOfInstance(space, self);
    Value body = st ? item(space, self, "_body") : Value();
    if (!body) return Ref();
    std::string mime;
    strString(space, item(space, self, "content_type"), mime);
    if (mime.find("json") == std::string::npos) {
        std::string url;
        strString(space, item(space, self, "url"), url);
        return space.raise(typeNamed(*st, "ContentTypeError"),
                           "0, message='Attempt to decode JSON with unexpected mimetype: " + mime + "', url=URL('" +
                               url + "')");
    }
    Ref v = parseJson(space, asBytes(body)->view(), Value());
    return v ? ready(*st, v.get()) : Ref();
}

Ref responseRaiseForStatus(ObjectSpace& space, Value self, const CallArgs& args)
{
    WorldState* st = worldOfInstance(space, self);
    std::int64_t status = 200;
    if (!st || !asInt64(space, item(space, self, "status"), status)) return Ref();
    if (status < 400) return Ref::none();
    std::string reason, url;
    strString(space, item(space, self, "reason"), reason);
    strString(space, item(space, self, "url"), url);
    return space.raise(typeNamed(*st, "ClientResponseError"),
                       std::to_string(status) + ", message='" + reason + "', url=URL('" + url + "')");
}

Ref responseRelease(ObjectSpace&, Value, const CallArgs&) { return Ref::none(); }

Ref responseRepr(ObjectSpace& space, Value self, const CallArgs& args)
{
    std::string url, reason;
    std::int64_t status = 0;
    strString(space, item(space, self, "url"), url);
    strString(space, item(space, self, "reason"), reason);
    asInt64(space, item(space, self, "status"), status);
    return newStr(space, "<ClientResponse(" + url + ") [" + std::to_string(status) + " " + reason + "]>");
}

/// StreamReader.read(n=-1): the next n bytes (all that is left for n < 0).
Ref streamRead(ObjectSpace& space, Value self, const CallArgs& args)
{
    WorldState* st = worldOfInstance(space, self);
    Value body = st ? item(space, self, "_body") : Value();
    std::int64_t pos = 0, n = -1;
    if (!body || !asInt64(space, item(space, self, "_pos"), pos)) return Ref();
    if (args.positional > 0 && !asInt64(space, args[0], n)) return Ref();
    std::string_view data = asBytes(body)->view().substr(std::size_t(pos));
    if (n >= 0 && std::size_t(n) < data.size()) data = data.substr(0, std::size_t(n));
    if (!setItem(space, self, "_pos", newInt(space, pos + std::int64_t(data.size())))) return Ref();
    Ref chunk = newBytes(space, data);
    return chunk ? ready(*st, chunk.get()) : Ref();
}

bool addClasses(WorldState& st, DictObject* module)
{
    ObjectSpace& space = st.vm.space();
    const Value object = Value::fromObject(space.types().objectType);
    if (!makeWorldClass(st, "ClientError", Value::fromObject(space.types().Exception), "aiohttp.client_exceptions"))
        return false;
    const std::pair<const char*, const char*> family[] = {
        {"ClientConnectionError", "ClientError"}, {"ClientOSError", "ClientConnectionError"},
        {"ClientConnectorError", "ClientOSError"}, {"ServerConnectionError", "ClientConnectionError"},
        {"ServerTimeoutError", "ServerConnectionError"}, {"ClientResponseError", "ClientError"},
        {"ContentTypeError", "ClientResponseError"}, {"ClientPayloadError", "ClientError"},
        {"InvalidURL", "ClientError"},
    };
    for (const auto& [name, parent] : family)
        if (!makeWorldClass(st, name, st.type(parent), "aiohttp.client_exceptions")) return false;
    Ref timeout = makeWorldClass(st, "ClientTimeout", object, "aiohttp.client");
    Ref session = makeWorldClass(st, "ClientSession", object, "aiohttp.client");
    Ref rcm = makeWorldClass(st, "_RequestContextManager", object, "aiohttp.client");
    Ref response = makeWorldClass(st, "ClientResponse", object, "aiohttp.client_reqrep");
    Ref stream = makeWorldClass(st, "StreamReader", object, "aiohttp.streams");
    if (!timeout || !session || !rcm || !response || !stream) return false;
    addMethods(space, timeout.as<TypeObject>(), {{"__init__", timeoutInit}});
    addMethods(space, session.as<TypeObject>(),
               {{"__init__", sessionInit}, {"__aenter__", sessionAenter}, {"__aexit__", sessionClose},
                {"close", sessionClose}, {"get", sessionGet}, {"post", sessionPost}, {"put", sessionPut},
                {"delete", sessionDelete}, {"request", sessionRequest}});
    addMethods(space, rcm.as<TypeObject>(), {{"__aenter__", rcmAenter}, {"__aexit__", aexitNone}, {"__await__", rcmAwait}});
    addMethods(space, response.as<TypeObject>(),
               {{"__aenter__", responseAenter}, {"__aexit__", aexitNone}, {"read", responseRead},
                {"text", responseText}, {"json", responseJson}, {"raise_for_status", responseRaiseForStatus},
                {"release", responseRelease}, {"close", responseRelease}, {"__repr__", responseRepr}});
    addMethods(space, stream.as<TypeObject>(), {{"read", streamRead}});
    for (Ref* t : {&timeout, &session, &rcm, &response, &stream}) updateSlots(space, t->as<TypeObject>());
    for (const auto& [name, cls] : st.types) {
        if (name[0] == '_' || name == "StreamReader") continue;
        if (!dictSetStr(space, module, name, cls.get())) return false;
    }
    return true;
}

} // namespace

Ref createAiohttpModule(Vm& vm)
{
    ObjectSpace& space = vm.space();
    WorldState* st = nullptr;
    Ref box;
    Ref module = newWorldModule(vm, "aiohttp", st, box);
    if (!module || !addClasses(*st, moduleDict(module.get()))) return Ref();
    Ref version = newStr(space, "3.8.4");
    if (!version || !dictSetStr(space, moduleDict(module.get()), "__version__", version.get())) return Ref();
    return module;
}

} // namespace coroscope::pylite::detail
