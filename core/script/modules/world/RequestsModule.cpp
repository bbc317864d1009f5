// requests: blocking HTTP over the simulated network (DESIGN.md section 5).
// requests.get holds whoever calls it for the endpoint's latency: the whole
// loop inside a coroutine (traced as a blocking call), only its worker lane
// inside run_in_executor, the program's clock in plain code.
//
// The subset: get/post/put/patch/delete/head/request, Session (the same
// verbs, close, with-statement), Response (status_code, ok, reason, url,
// headers, content, text, encoding, json(), raise_for_status()), and the
// exceptions with the class names and messages of requests 2.28 (the
// address inside urllib3's NewConnectionError text is left out).

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

bool setItem(ObjectSpace& space, Value obj, const char* key, Ref value)
{
    return value && dictSetStr(space, instanceDict(space, obj), key, value.get());
}

std::string pathOf(const std::string& url)
{
    std::string_view rest(url);
    if (const auto scheme = rest.find("://"); scheme != std::string_view::npos) rest.remove_prefix(scheme + 3);
    const auto slash = rest.find_first_of("/?#");
    if (slash == std::string_view::npos) return "/";
    std::string path(rest.substr(slash));
    if (path[0] != '/') path.insert(0, "/");
    return path;
}

/// "HTTPSConnectionPool(host='h', port=443)" as urllib3 names the pool.
std::string poolText(const std::string& url)
{
    const std::string host = Network::hostOf(url);
    const bool https = url.rfind("https:", 0) == 0;
    std::string bare = host, port = https ? "443" : "80";
    if (const auto colon = host.rfind(':'); colon != std::string::npos) {
        bare = host.substr(0, colon);
        port = host.substr(colon + 1);
    }
    return std::string(https ? "HTTPS" : "HTTP") + "ConnectionPool(host='" + bare + "', port=" + port + ")";
}

Ref makeResponse(WorldState& st, ServerCall& call, const std::string& url)
{
    ObjectSpace& space = st.vm.space();
    Ref obj = callFunction(space, st.type("Response"), {});
    if (!obj) return Ref();
    const Endpoint& ep = call.endpoint;
    const std::string body = Network::bodyOf(ep);
    call.replyBytes = body.size();
    const bool textual = ep.contentType.rfind("text/", 0) == 0 || ep.contentType.find("json") != std::string::npos;
    const Value v = obj.get();
    if (!setItem(space, v, "status_code", newInt(space, ep.status)) || !setItem(space, v, "url", newStr(space, url)) ||
        !setItem(space, v, "reason", newStr(space, reasonPhrase(ep.status))) ||
        !setItem(space, v, "ok", Ref::borrow(Value::boolean(ep.status < 400))) ||
        !setItem(space, v, "headers", headersDict(space, ep, body.size())) ||
        !setItem(space, v, "content", newBytes(space, body)) ||
        !setItem(space, v, "text", decodeBytes(space, body, "utf-8", "replace")) ||
        !setItem(space, v, "encoding", textual ? newStr(space, "utf-8") : Ref::none()))
        return Ref();
    return obj;
}

/// The requests exception for a failed round trip (as the core sees it).
std::exception_ptr requestsError(WorldState& st, const std::string& url, Value timeoutArg, std::exception_ptr e)
{
    ObjectSpace& space = st.vm.space();
    try {
        std::rethrow_exception(e);
    } catch (const NetworkError& err) {
        std::string message = poolText(url);
        Value type;
        if (err.failure() == WorldFailure::Refused) {
            type = st.type("ConnectionError");
            message += ": Max retries exceeded with url: " + pathOf(url) +
                       " (Caused by NewConnectionError('<urllib3.connection." +
                       (url.rfind("https:", 0) == 0 ? "HTTPSConnection" : "HTTPConnection") +
                       " object>: Failed to establish a new connection: [Errno 111] Connection refused'))";
        } else if (err.failure() == WorldFailure::Reset) {
            type = st.type("ConnectionError");
            message = "('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))";
        } else {
            type = st.type("ReadTimeout");
            std::string timeout = "None";
            if (timeoutArg && !timeoutArg.isNone()) {
                timeout.clear();
                reprString(space, timeoutArg, timeout);
                space.clearError();
            }
            message += ": Read timed out. (read timeout=" + timeout + ")";
        }
        Ref exc = newExceptionWithMessage(space, static_cast<TypeObject*>(type.object()), message);
        return st.asyncio.toCore(std::move(exc));
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        return std::current_exception();
    }
}

/// "a=1&b=x" for params={'a': 1, 'b': 'x'} (values as str(); no escaping).
bool appendParams(ObjectSpace& space, Value params, std::string& url)
{
    if (!params || params.isNone()) return true;
    Ref items = callMethod(space, params, "items", {});
    Ref it = items ? getIter(space, items.get()) : Ref();
    if (!it) return false;
    std::string query;
    while (Ref pair = iterNext(space, it.get())) {
        std::string k, v;
        TupleObject* t = asTuple(pair.get());
        if (!strString(space, t->item(0), k) || !strString(space, t->item(1), v)) return false;
        if (!query.empty()) query += "&";
        query += k + "=" + v;
    }
    if (space.hasError()) return false;
    if (!query.empty()) url += (url.find('?') == std::string::npos ? "?" : "&") + query;
    return true;
}

/// One request: `args` after the method (and `self` for a Session) starts with the URL.
Ref doRequest(WorldState& st, std::string method, const CallArgs& args)
{
    ObjectSpace& space = st.vm.space();
    if (args.positional < 1) return space.raise(space.types().TypeError, "request() missing 1 required positional argument: 'url'");
    std::string url;
    if (!strString(space, args[0], url)) return Ref();
    if (url.find("://") == std::string::npos) {
        return space.raise(static_cast<TypeObject*>(st.type("MissingSchema").object()),
                           "Invalid URL '" + url + "': No scheme supplied. Perhaps you meant https://" + url + "?");
    }
    if (!appendParams(space, keywordArg(args, "params"), url)) return Ref();
    std::uint64_t bodyBytes = 0;
    for (const char* key : {"data", "json"}) {
        Value data = keywordArg(args, key);
        if (key == std::string_view("data") && !data && args.positional > 1 && method != "GET") data = args[1];
        if (!data || data.isNone()) continue;
        std::string text;
        if (isBytes(space, data))
            text = std::string(asBytes(data)->view());
        else if (!strString(space, data, text))
            return Ref();
        bodyBytes += text.size();
    }
    RoundTrip trip;
    trip.url = url;
    trip.host = Network::hostOf(url);
    trip.sendBytes = method.size() + url.size() + trip.host.size() + 21 + bodyBytes;
    Value timeout = keywordArg(args, "timeout");
    if (timeout && !timeout.isNone()) {
        Value seconds = timeout;
        if (isTuple(space, timeout) && asTuple(timeout)->m_size == 2) seconds = asTuple(timeout)->item(1);
        Nanos t;
        if (!toNanos(space, seconds, t)) return Ref();
        trip.timeout = t;
    }
    NetworkSite site = currentNetworkSite(st.asyncio);
    if (!site.network) return Ref();
    trip.client = site.client;
    trip.connect = true; // requests opens a connection per call (no pooling here) and closes it after
    WorldState* stp = &st;
    Ref timeoutRef = timeout ? Ref::borrow(timeout) : Ref();
    trip.mapError = [stp, url, timeoutRef](std::exception_ptr e) { return requestsError(*stp, url, timeoutRef.get(), e); };
    std::string lower = method;
    for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    Network::Blocker block = blockerFor(st.asyncio, site, "requests." + lower + "(" + url + ")",
                                        "await session." + lower + "(url) with aiohttp, or loop.run_in_executor");
    try {
        Ref response = site.network->roundTripBlocking<Ref>(
            trip,
            [stp, url](ServerCall& call) {
                Ref r = makeResponse(*stp, call, url);
                if (!r) throw PyAsyncError(stp->vm.space().takeError());
                return r;
            },
            block);
        site.network->traceIo(IoOp::Close, trip.host, 0, 0, site.client);
        return response;
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        return raiseNetworkFailure(st.asyncio, std::current_exception());
    }
}

Ref verb(ObjectSpace& space, Value self, const CallArgs& args, const char* method)
{
    return doRequest(*worldOfFunction(space, self), method, args);
}
Ref requestsGet(ObjectSpace& s, Value self, const CallArgs& a) { return verb(s, self, a, "GET"); }
Ref requestsPost(ObjectSpace& s, Value self, const CallArgs& a) { return verb(s, self, a, "POST"); }
Ref requestsPut(ObjectSpace& s, Value self, const CallArgs& a) { return verb(s, self, a, "PUT"); }
Ref requestsPatch(ObjectSpace& s, Value self, const CallArgs& a) { return verb(s, self, a, "PATCH"); }
Ref requestsDelete(ObjectSpace& s, Value self, const CallArgs& a) { return verb(s, self, a, "DELETE"); }
Ref requestsHead(ObjectSpace& s, Value self, const CallArgs& a) { return verb(s, self, a, "HEAD"); }

Ref requestWithMethod(WorldState& st, const CallArgs& args)
{
    ObjectSpace& space = st.vm.space();
    if (args.positional < 2) return space.raise(space.types().TypeError, "request() missing required arguments: 'method' and 'url'");
    std::string method;
    if (!strString(space, args[0], method)) return Ref();
    for (char& c : method) c = char(std::toupper(static_cast<unsigned char>(c)));
    return doRequest(st, method, args.dropFirst());
}
Ref requestsRequest(ObjectSpace& s, Value self, const CallArgs& a) { return requestWithMethod(*worldOfFunction(s, self), a); }

// ---- Session: the same verbs as methods ----------------------------------
Ref sessionVerb(ObjectSpace& space, Value self, const CallArgs& args, const char* method)
{
    WorldState* st = worldOfInstance(space, self);
    if (!st) return space.raise(space.types().TypeError, "Session method needs a Session");
    return doRequest(*st, method, args);
}
Ref sessionGet(ObjectSpace& s, Value self, const CallArgs& a) { return sessionVerb(s, self, a, "GET"); }
Ref sessionPost(ObjectSpace& s, Value self, const CallArgs& a) { return sessionVerb(s, self, a, "POST"); }
Ref sessionPut(ObjectSpace& s, Value self, const CallArgs& a) { return sessionVerb(s, self, a, "PUT"); }
Ref sessionDelete(ObjectSpace& s, Value self, const CallArgs& a) { return sessionVerb(s, self, a, "DELETE"); }
Ref sessionRequest(ObjectSpace& s, Value self, const CallArgs& a)
{
    WorldState* st = worldOfInstance(s, self);
    if (!st) return s.raise(s.types().TypeError, "Session method needs a Session");
    return requestWithMethod(*st, a);
}
Ref sessionInit(ObjectSpace& space, Value self, const CallArgs& a)
{
    if (a.positional != 0) return space.raise(space.types().TypeError, "Session() takes no arguments");
    return setItem(space, self, "headers", newDict(space)) ? Ref::none() : Ref();
}
Ref sessionEnter(ObjectSpace&, Value self, const CallArgs&) { return Ref::borrow(self); }
Ref returnNone(ObjectSpace&, Value, const CallArgs&) { return Ref::none(); }

// ---- Response ---------------------------------------------------------------
Ref responseJson(ObjectSpace& space, Value self, const CallArgs&)
{
    WorldState* st = worldOfInstance(space, self);
    Value text = dictGetStr(space, instanceDict(space, self), "text");
    if (!st || !text) return space.raise(space.types().ValueError, "response has no body");
    return parseJson(space, strView(text), st->type("JSONDecodeError"));
}

Ref responseRaiseForStatus(ObjectSpace& space, Value self, const CallArgs&)
{
    WorldState* st = worldOfInstance(space, self);
    DictObject* d = instanceDict(space, self);
    std::int64_t status = 200;
    Value code = dictGetStr(space, d, "status_code");
    if (!st || !code || !asInt64(space, code, status)) return Ref();
    if (status < 400 || status >= 600) return Ref::none();
    std::string url, reason;
    strString(space, dictGetStr(space, d, "url"), url);
    strString(space, dictGetStr(space, d, "reason"), reason);
    const std::string message = std::to_string(status) + (status < 500 ? " Client Error: " : " Server Error: ") +
                                reason + " for url: " + url;
    return space.raise(static_cast<TypeObject*>(st->type("HTTPError").object()), message);
}

Ref responseRepr(ObjectSpace& space, Value self, const CallArgs&)
{
    std::int64_t status = 0;
    Value code = dictGetStr(space, instanceDict(space, self), "status_code");
    if (code) asInt64(space, code, status);
    return newStr(space, "<Response [" + std::to_string(status) + "]>");
}

bool addClasses(WorldState& st, DictObject* module, DictObject* exceptionsModule)
{
    ObjectSpace& space = st.vm.space();
    const Value object = Value::fromObject(space.types().objectType);
    const Value osError = Value::fromObject(space.types().OSError);
    Ref base = makeWorldClass(st, "RequestException", osError, "requests.exceptions");
    if (!base) return false;
    const std::pair<const char*, const char*> family[] = {
        {"ConnectionError", "RequestException"}, {"HTTPError", "RequestException"},
        {"Timeout", "RequestException"},         {"ConnectTimeout", "Timeout"},
        {"ReadTimeout", "Timeout"},              {"TooManyRedirects", "RequestException"},
        {"MissingSchema", "RequestException"},   {"InvalidURL", "RequestException"},
        {"JSONDecodeError", "RequestException"},
    };
    for (const auto& [name, parent] : family)
        if (!makeWorldClass(st, name, st.type(parent), "requests.exceptions")) return false;
    for (const auto& [name, cls] : st.types) {
        if (!dictSetStr(space, module, name, cls.get()) || !dictSetStr(space, exceptionsModule, name, cls.get()))
            return false;
    }
    Ref response = makeWorldClass(st, "Response", object, "requests.models");
    Ref session = makeWorldClass(st, "Session", object, "requests.sessions");
    if (!response || !session) return false;
    addMethods(space, response.as<TypeObject>(),
               {{"json", responseJson}, {"raise_for_status", responseRaiseForStatus}, {"__repr__", responseRepr}});
    addMethods(space, session.as<TypeObject>(),
               {{"__init__", sessionInit}, {"get", sessionGet}, {"post", sessionPost}, {"put", sessionPut},
                {"delete", sessionDelete}, {"request", sessionRequest}, {"close", returnNone},
                {"__enter__", sessionEnter}, {"__exit__", returnNone}});
    updateSlots(space, response.as<TypeObject>());
    updateSlots(space, session.as<TypeObject>());
    return dictSetStr(space, module, "Response", response.get()) && dictSetStr(space, module, "Session", session.get());
}

} // namespace

Ref createRequestsModule(Vm& vm)
{
    ObjectSpace& space = vm.space();
    WorldState* st = nullptr;
    Ref box;
    Ref module = newWorldModule(vm, "requests", st, box);
    Ref exceptions = module ? newModule(space, "requests.exceptions") : Ref();
    if (!exceptions) return Ref();
    DictObject* d = moduleDict(module.get());
    if (!addClasses(*st, d, moduleDict(exceptions.get()))) return Ref();
    if (!addWorldFunctions(*st, d, box.get(), "requests",
                           {{"get", requestsGet}, {"post", requestsPost}, {"put", requestsPut},
                            {"patch", requestsPatch}, {"delete", requestsDelete}, {"head", requestsHead},
                            {"request", requestsRequest}}))
        return Ref();
    Ref version = newStr(space, "2.28.1");
    if (!version || !dictSetStr(space, d, "__version__", version.get()) ||
        !dictSetStr(space, d, "exceptions", exceptions.get()))
        return Ref();
    return module;
}

} // namespace coroscope::pylite::detail
