// `fastapi` (FastAPI with app.get/post/put/delete/patch decorators) and
// `uvicorn` (run). uvicorn.run serves the world's simulated clients
// (WorldConfig::clients) on a fresh event loop and returns once every
// request has been answered. Each request reaches the app at its client's
// time (`at`, then every `every` seconds, `repeat` times). As in FastAPI, an
// `async def` endpoint runs as a task on the event loop, a plain `def`
// endpoint on a worker lane of a thread pool (AnyIO's, 40 workers), so a
// time.sleep in a `def` endpoint blocks one worker while in an `async def`
// endpoint it blocks the whole loop. A response is the endpoint's result as
// JSON; uvicorn's log lines (startup, one access line per request, shutdown)
// go to stderr, so stdout holds only what the program prints.

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
#include <map>

namespace coroscope::pylite::services {

namespace {

constexpr const char* kKey = "__fastapi__";
constexpr const char* kCore = "__fastapi_core__";

class FastapiState final : public detail::NativePayload {
public:
    ServicesState* services = nullptr;
    Ref appType;
    Ref decoratorType;
};

struct Route {
    std::string method;
    std::string path;
    Ref endpoint;
};

class AppPayload final : public detail::NativePayload {
public:
    std::vector<Route> routes;
};

class DecoratorPayload final : public detail::NativePayload {
public:
    Ref app;
    std::string method;
    std::string path;
};

FastapiState* stateFor(ObjectSpace& space, Value self)
{
    FastapiState* fs = stateOf<FastapiState>(space, self, kKey);
    if (!fs) space.raise(space.types().RuntimeError, "fastapi object is not initialized");
    return fs;
}

Ref appInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.positional > 0) return space.raise(space.types().TypeError, "FastAPI() takes keyword arguments only");
    FastapiState* fs = stateFor(space, self);
    if (!fs || !fs->services->attach(self, kCore, std::make_unique<AppPayload>())) return Ref();
    return Ref::none();
}

Ref routeDecorator(ObjectSpace& space, Value self, const CallArgs& args, const char* method)
{
    if (args.positional != 1 || !isStr(space, args[0]))
        return space.raise(space.types().TypeError, std::string(method) + "() needs the path as a str");
    FastapiState* fs = stateFor(space, self);
    if (!fs) return Ref();
    Ref dec = callFunction(space, fs->decoratorType.get(), {});
    if (!dec) return Ref();
    auto p = std::make_unique<DecoratorPayload>();
    p->app = Ref::borrow(self);
    p->method = method;
    p->path = std::string(strView(args[0]));
    if (!fs->services->attach(dec.get(), kCore, std::move(p))) return Ref();
    return dec;
}

Ref appGet(ObjectSpace& s, Value self, const CallArgs& a) { return routeDecorator(s, self, a, "GET"); }
Ref appPost(ObjectSpace& s, Value self, const CallArgs& a) { return routeDecorator(s, self, a, "POST"); }
Ref appPut(ObjectSpace& s, Value self, const CallArgs& a) { return routeDecorator(s, self, a, "PUT"); }
Ref appDelete(ObjectSpace& s, Value self, const CallArgs& a) { return routeDecorator(s, self, a, "DELETE"); }
Ref appPatch(ObjectSpace& s, Value self, const CallArgs& a) { return routeDecorator(s, self, a, "PATCH"); }

Ref decoratorCall(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "route decorator")) return Ref();
    FastapiState* fs = stateFor(space, self);
    auto* p = fs ? dynamic_cast<DecoratorPayload*>(fs->services->payload(self, kCore)) : nullptr;
    auto* app = p ? dynamic_cast<AppPayload*>(fs->services->payload(p->app.get(), kCore)) : nullptr;
    if (!app) return space.raise(space.types().RuntimeError, "the FastAPI app is not initialized");
    app->routes.push_back(Route{p->method, p->path, Ref::borrow(args[0])});
    return Ref::borrow(args[0]);
}

// ---------------------------------------------------------------- serving

/// starlette's JSONResponse: json.dumps(separators=(",", ":"), ensure_ascii=False).
bool toJson(ObjectSpace& space, Value v, std::string& out)
{
    if (v.isNone()) return out += "null", true;
    if (v == Value::trueValue() || v == Value::falseValue()) return out += v == Value::trueValue() ? "true" : "false", true;
    if (isIntValue(space, v) || isFloatValue(space, v)) {
        std::string t;
        if (!strString(space, v, t)) return false;
        return out += t, true;
    }
    if (isStr(space, v)) {
        out += '"';
        for (char c : strView(v)) {
            if (c == '"' || c == '\\') out += '\\', out += c;
            else if (c == '\n') out += "\\n";
            else if (static_cast<unsigned char>(c) < 0x20) out += "\\u00" + std::string{"0123456789abcdef"[c >> 4], "0123456789abcdef"[c & 15]};
            else out += c;
        }
        return out += '"', true;
    }
    if (isDict(space, v)) {
        out += '{';
        std::int64_t pos = 0;
        Value k, val;
        bool first = true;
        while (dictNext(asDict(v), pos, k, val)) {
            if (!first) out += ',';
            first = false;
            std::string key;
            if (!strString(space, k, key)) return false;
            Ref ks = newStr(space, key);
            if (!ks || !toJson(space, ks.get(), out)) return false;
            out += ':';
            if (!toJson(space, val, out)) return false;
        }
        return out += '}', true;
    }
    if (isList(space, v) || isTuple(space, v)) {
        Ref t = tupleFromIterable(space, v);
        if (!t) return false;
        out += '[';
        for (std::int64_t i = 0; i < asTuple(t.get())->m_size; ++i) {
            if (i) out += ',';
            if (!toJson(space, asTuple(t.get())->item(i), out)) return false;
        }
        return out += ']', true;
    }
    std::string s;
    if (!strString(space, v, s)) return false;
    Ref str = newStr(space, s);
    return str && toJson(space, str.get(), out);
}

std::vector<std::string> segments(std::string_view path)
{
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i <= path.size()) {
        std::size_t j = path.find('/', i);
        if (j == std::string_view::npos) j = path.size();
        if (j > i) out.emplace_back(path.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

/// Matches `path` against a route pattern ("/items/{item_id}"), collecting its parameters.
bool matchPath(const std::string& pattern, std::string_view path, std::vector<std::pair<std::string, std::string>>& params)
{
    const std::vector<std::string> want = segments(pattern), got = segments(path);
    if (want.size() != got.size()) return false;
    std::vector<std::pair<std::string, std::string>> found;
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}')
            found.emplace_back(want[i].substr(1, want[i].size() - 2), got[i]);
        else if (want[i] != got[i])
            return false;
    }
    params = std::move(found);
    return true;
}

bool isCoroutineFunction(ObjectSpace& space, Value fn)
{
    Ref code = getAttrOptional(space, fn, space.intern("__code__"));
    Ref flags = code ? getAttrOptional(space, code.get(), space.intern("co_flags")) : Ref();
    std::int64_t f = 0;
    if (!flags || !asInt64(space, flags.get(), f)) {
        space.clearError();
        return false;
    }
    return (f & 0x80) != 0;
}

/// The keyword arguments FastAPI would pass: path parameters, then query
/// parameters the function declares; `int`-annotated ones converted.
bool endpointArguments(ObjectSpace& space, Value fn, const std::vector<std::pair<std::string, std::string>>& params,
                       std::vector<Ref>& names, std::vector<Ref>& values)
{
    Ref annotations = getAttrOptional(space, fn, space.intern("__annotations__"));
    if (!annotations) space.clearError();
    for (const auto& [name, text] : params) {
        Ref key = newStr(space, name);
        Ref value = newStr(space, text);
        if (!key || !value) return false;
        Value ann = annotations && isDict(space, annotations.get()) ? dictGet(space, asDict(annotations.get()), key.get()) : Value();
        if (ann == Value::fromObject(space.types().intType)) {
            value = parseInt(space, text, 10);
            if (!value) return false;
        }
        names.push_back(std::move(key));
        values.push_back(std::move(value));
    }
    return true;
}

struct Request {
    std::string client;
    std::string method;
    std::string path;
    Nanos at = 0;
};

/// One uvicorn.run: the loop, the app's routes and the requests still unanswered.
struct Server {
    FastapiState* fs = nullptr;
    Ref loopObject;
    EventLoop* loop = nullptr;
    Network* network = nullptr;
    std::string host; ///< "127.0.0.1:5000": the server lane
    TaskId lane = 0;
    AppPayload* app = nullptr;
    Ref appObject;
    Ref executor;     ///< the thread pool of `def` endpoints (made on first use)
    std::size_t pending = 0;
    coroscope::Ref<detail::PyFuture> served;
};

void log(ServicesState& s, const std::string& line) { s.vm.write(Stream::Stderr, "INFO:     " + line + "\n"); }

void respond(const std::shared_ptr<Server>& srv, const Request& r, int status, const std::string& body)
{
    ServicesState& s = *srv->fs->services;
    static const std::map<int, const char*> kReasons = {
        {200, "OK"}, {404, "Not Found"}, {405, "Method Not Allowed"}, {500, "Internal Server Error"}};
    auto reason = kReasons.find(status);
    srv->network->traceIo(IoOp::Send, srv->host, 120 + body.size(), 0, srv->lane);
    log(s, r.client + " - \"" + r.method + " " + r.path + " HTTP/1.1\" " + std::to_string(status) + " " +
               (reason != kReasons.end() ? reason->second : ""));
    if (--srv->pending == 0 && !srv->served->done()) srv->served->setResult(Ref::none());
}

/// Answers `r` once `future` (the endpoint's task or executor job) is done.
void respondWhenDone(const std::shared_ptr<Server>& srv, const Request& r, FutureBase& future)
{
    future.addDoneCallback([srv, r](FutureBase* done) {
        ServicesState& s = *srv->fs->services;
        ObjectSpace& space = s.vm.space();
        std::exception_ptr error = done->cancelled() ? done->makeCancelledError() : done->exception();
        if (error) {
            Ref exc = s.aio.fromCore(error);
            s.vm.write(Stream::Stderr, "ERROR:    Exception in ASGI application\n");
            if (exc) s.vm.printException(exc.get());
            space.clearError();
            respond(srv, r, 500, "Internal Server Error");
            return;
        }
        std::string body;
        if (!toJson(space, static_cast<detail::PyFuture*>(done)->result().get(), body)) {
            space.clearError();
            respond(srv, r, 500, "Internal Server Error");
            return;
        }
        respond(srv, r, 200, body);
    });
}

void dispatch(const std::shared_ptr<Server>& srv, const Request& r)
{
    ServicesState& s = *srv->fs->services;
    ObjectSpace& space = s.vm.space();
    srv->network->traceIo(IoOp::Receive, srv->host, 80 + r.path.size(), 0, srv->lane);
    const std::string_view path = std::string_view(r.path).substr(0, r.path.find('?'));
    const Route* route = nullptr;
    bool pathKnown = false;
    std::vector<std::pair<std::string, std::string>> params;
    for (const Route& candidate : srv->app->routes) {
        std::vector<std::pair<std::string, std::string>> found;
        if (!matchPath(candidate.path, path, found)) continue;
        pathKnown = true;
        if (candidate.method == r.method) {
            route = &candidate;
            params = std::move(found);
            break;
        }
    }
    if (!route) {
        respond(srv, r, pathKnown ? 405 : 404, pathKnown ? "{\"detail\":\"Method Not Allowed\"}" : "{\"detail\":\"Not Found\"}");
        return;
    }
    std::vector<Ref> names, values;
    Ref result;
    if (endpointArguments(space, route->endpoint.get(), params, names, values)) {
        std::vector<Value> nameValues, args;
        for (Ref& n : names) nameValues.push_back(n.get());
        for (Ref& v : values) args.push_back(v.get());
        Ref kwnames = newTupleFrom(space, nameValues.data(), std::int64_t(nameValues.size()));
        if (isCoroutineFunction(space, route->endpoint.get())) {
            Ref coro = kwnames ? call(space, route->endpoint.get(), CallArgs(args.data(), 0, kwnames.as<TupleObject>())) : Ref();
            result = coro ? s.aio.createTask(*srv->loop, coro.get(), r.client + " " + r.method + " " + r.path) : Ref();
        } else {
            if (!srv->executor) {
                Ref futures = s.vm.importModule("concurrent.futures");
                Value pool = futures ? dictGetStr(space, moduleDict(futures.get()), "ThreadPoolExecutor") : Value();
                Ref workers = newInt(space, 40);
                Ref prefix = newStr(space, "AnyIO worker thread");
                Ref kw = newTupleOf(space, {Value::fromObject(space.intern("max_workers")),
                                            Value::fromObject(space.intern("thread_name_prefix"))});
                Value kwv[2] = {workers.get(), prefix.get()};
                srv->executor = pool && kw ? call(space, pool, CallArgs(kwv, 0, kw.as<TupleObject>())) : Ref();
            }
            if (srv->executor && kwnames) {
                std::vector<Value> submitArgs{route->endpoint.get()};
                submitArgs.insert(submitArgs.end(), args.begin(), args.end());
                Ref submit = getAttr(space, srv->executor.get(), "submit");
                result = submit ? call(space, submit.get(), CallArgs(submitArgs.data(), 1, kwnames.as<TupleObject>())) : Ref();
            }
        }
    }
    detail::FuturePayload* p = result ? s.aio.payloadOf(result.get()) : nullptr;
    if (!p) {
        Ref exc = space.takeError();
        s.vm.write(Stream::Stderr, "ERROR:    Exception in ASGI application\n");
        if (exc) s.vm.printException(exc.get());
        space.clearError();
        respond(srv, r, 500, "Internal Server Error");
        return;
    }
    respondWhenDone(srv, r, *p->future);
}

/// The app uvicorn.run names: the object itself, or "module:attribute"
/// looked up in the running program (whatever its module is called) or in
/// an importable module.
Ref resolveApp(ObjectSpace& space, ServicesState& s, Value app)
{
    if (!isStr(space, app)) return Ref::borrow(app);
    const std::string text(strView(app));
    const std::size_t colon = text.find(':');
    if (colon == std::string::npos) {
        s.vm.write(Stream::Stderr, "ERROR:    Error loading ASGI app. Import string \"" + text +
                                       "\" must be in format \"<module>:<attribute>\".\n");
        return space.raiseWith(space.types().SystemExit, Value::smallInt(1)), Ref();
    }
    const std::string module = text.substr(0, colon), attr = text.substr(colon + 1);
    if (DictObject* globals = s.vm.currentGlobals())
        if (Value v = dictGetStr(space, globals, attr)) return Ref::borrow(v);
    s.vm.write(Stream::Stderr, "ERROR:    Error loading ASGI app. Attribute \"" + attr + "\" not found in module \"" +
                                   module + "\".\n");
    return space.raiseWith(space.types().SystemExit, Value::smallInt(1)), Ref();
}

std::vector<Request> schedule(const WorldConfig* world, const AppPayload& app)
{
    std::vector<Request> out;
    auto toNanos = [](double s) { return Nanos(std::llround(s * 1e9)); };
    if (world && !world->clients.empty()) {
        for (const WorldClient& c : world->clients)
            for (int k = 0; k < std::max(c.repeat, 1); ++k)
                out.push_back(Request{c.name, c.method, c.path, toNanos(c.at + k * c.every)});
    } else {
        for (const Route& route : app.routes) out.push_back(Request{"client", route.method, route.path, 0});
    }
    return out;
}

Ref uvicornRun(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[3];
    // uvicorn.run takes many settings (log_level, reload, workers...); only app, host and port matter here.
    Value app = args.positional > 0 ? args[0] : Value();
    a[1] = args.positional > 1 ? args[1] : Value();
    a[2] = args.positional > 2 ? args[2] : Value();
    for (std::size_t k = 0; k < args.keywordCount(); ++k) {
        const std::string_view name = strView(args.keywordName(k));
        if (name == "app") app = args.keywordValue(k);
        else if (name == "host") a[1] = args.keywordValue(k);
        else if (name == "port") a[2] = args.keywordValue(k);
    }
    if (!app) return space.raise(space.types().TypeError, "run() missing 1 required positional argument: 'app'");
    FastapiState* fs = boxState<FastapiState>(space, self);
    ServicesState& s = *fs->services;
    if (s.aio.runningLoop)
        return space.raise(space.types().RuntimeError, "asyncio.run() cannot be called from a running event loop");
    std::string host;
    std::int64_t port = 8000;
    if (a[1] && !strString(space, a[1], host)) return Ref();
    if (!a[1]) host = "127.0.0.1";
    if (a[2] && !asInt64(space, a[2], port)) return Ref();
    auto srv = std::make_shared<Server>();
    srv->fs = fs;
    srv->appObject = resolveApp(space, s, app);
    if (!srv->appObject) return Ref();
    srv->app = dynamic_cast<AppPayload*>(s.payload(srv->appObject.get(), kCore));
    if (!srv->app) return space.raise(space.types().TypeError, "uvicorn.run needs a FastAPI app");
    srv->loopObject = s.aio.makeLoop();
    if (!srv->loopObject) return Ref();
    srv->loop = s.aio.loopOfObject(srv->loopObject.get());
    srv->network = detail::networkOf(s.aio, srv->loopObject.get());
    srv->host = host + ":" + std::to_string(port);
    srv->lane = srv->network->serverLane(srv->host);
    srv->served = detail::PyFuture::create(*srv->loop);

    log(s, "Started server process");
    log(s, "Waiting for application startup.");
    log(s, "Application startup complete.");
    log(s, "Uvicorn running on http://" + srv->host + " (Press CTRL+C to quit)");
    const std::vector<Request> requests = schedule(s.vm.options().world.get(), *srv->app);
    srv->pending = requests.size();
    if (requests.empty()) srv->served->setResult(Ref::none());
    for (const Request& r : requests) srv->loop->callAt(r.at, [srv, r] { dispatch(srv, r); });

    const bool ok = detail::runLoopUntil(s.aio, srv->loopObject.get(), *srv->served);
    Ref pending = space.takeError();
    // Shutting down: what is left is cancelled, as asyncio.run does.
    detail::cancelRemainingTasks(s.aio, srv->loopObject.get());
    s.aio.syncClock(*srv->loop);
    s.aio.reportUnretrieved();
    if (ok) {
        log(s, "Shutting down");
        log(s, "Waiting for application shutdown.");
        log(s, "Application shutdown complete.");
        log(s, "Finished server process");
    }
    try {
        srv->loop->close();
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
    }
    if (pending) {
        space.restoreError(std::move(pending));
        return Ref();
    }
    return Ref::none();
}

FastapiState* fastapiState(Vm& vm)
{
    ObjectSpace& space = vm.space();
    Ref fastapi = vm.importModule("fastapi");
    Value box = fastapi ? dictGetStr(space, moduleDict(fastapi.get()), "__fastapi_state__") : Value();
    return box ? boxState<FastapiState>(space, box) : nullptr;
}

} // namespace

Ref createFastapiModule(Vm& vm)
{
    ObjectSpace& space = vm.space();
    ServicesState* services = servicesOf(vm);
    if (!services) return Ref();
    Ref module = newModule(space, "fastapi");
    if (!module) return Ref();
    DictObject* d = moduleDict(module.get());
    auto owned = std::make_unique<FastapiState>();
    FastapiState* fs = owned.get();
    fs->services = services;
    Ref box = detail::newNativeBox(space, services->boxType.get(), std::move(owned));
    if (!box || !dictSetStr(space, d, "__fastapi_state__", box.get())) return Ref();
    const Value object = Value::fromObject(space.types().objectType);
    fs->appType = makeServiceClass(space, "FastAPI", object, "fastapi.applications", fs, kKey);
    fs->decoratorType = makeServiceClass(space, "_RouteDecorator", object, "fastapi.routing", fs, kKey);
    if (!fs->appType || !fs->decoratorType) return Ref();
    auto* appType = fs->appType.as<TypeObject>();
    addMethods(space, appType,
               {{"__init__", appInit}, {"get", appGet}, {"post", appPost}, {"put", appPut},
                {"delete", appDelete}, {"patch", appPatch}});
    addMethods(space, fs->decoratorType.as<TypeObject>(), {{"__call__", decoratorCall}});
    updateSlots(space, appType);
    updateSlots(space, fs->decoratorType.as<TypeObject>());
    if (!dictSetStr(space, d, "FastAPI", fs->appType.get())) return Ref();
    return module;
}

Ref createUvicornModule(Vm& vm)
{
    ObjectSpace& space = vm.space();
    FastapiState* fs = fastapiState(vm);
    if (!fs) return Ref();
    Ref module = newModule(space, "uvicorn");
    if (!module) return Ref();
    Value box = dictGetStr(space, moduleDict(vm.importModule("fastapi").get()), "__fastapi_state__");
    if (!addModuleFunctions(space, moduleDict(module.get()), box, "uvicorn", {{"run", uvicornRun}})) return Ref();
    return module;
}

} // namespace coroscope::pylite::services
