// The service modules' entry point and their shared state (ServicesState.h).

#include "core/script/modules/ScriptModules.h"
#include "core/script/modules/services/ServicesState.h"
#include "core/script/modules/world/WorldNetwork.h"
#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Number.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/vm/Objects.h"
#include "core/script/vm/Vm.h"

#include <cmath>

namespace coroscope::pylite::services {

namespace {

constexpr const char* kServicesKey = "__services_state__";

/// Carries a chain of steps from one reply to the next.
struct Exchange {
    ServicesState* state = nullptr;
    Network* network = nullptr;
    TaskId client = 0;
    std::string host; ///< "host:port": the lane and endpoint key
    Nanos latency = 0;
    std::vector<Step> steps;
    std::size_t next = 0;
    coroscope::Ref<detail::PyFuture> future;
    std::function<Ref()> finish;
    std::function<Ref(WorldFailure)> failed;
};

void settle(const std::shared_ptr<Exchange>& x, Ref result)
{
    ObjectSpace& space = x->state->vm.space();
    if (x->future->done()) {
        space.clearError();
        return;
    }
    if (result) {
        x->future->setResult(std::move(result));
        return;
    }
    Ref error = space.takeError();
    if (!error) error = newError(space, Value::fromObject(space.types().RuntimeError), "service call failed");
    x->future->setException(x->state->aio.toCore(std::move(error)));
}

void runStep(const std::shared_ptr<Exchange>& x)
{
    if (x->future->done()) return; // cancelled by the awaiting task: stop talking
    if (x->next == x->steps.size()) {
        settle(x, x->finish());
        return;
    }
    Step& step = x->steps[x->next++];
    RoundTrip trip;
    trip.host = x->host;
    trip.sendBytes = step.bytes;
    trip.latency = x->latency;
    trip.client = x->client;
    trip.timeout = step.timeout;
    auto serve = step.serve;
    coroscope::Ref<Future<int>> reply = x->network->roundTrip<int>(trip, [serve](ServerCall& call) {
        call.replyBytes = serve ? serve() : 5;
        return 0;
    });
    x->future->setWaitTag(WaitKind::Io, x->network->serverLane(x->host));
    reply->addDoneCallback([x](FutureBase* done) {
        std::exception_ptr error = done->cancelled() ? done->makeCancelledError() : done->exception();
        if (!error) {
            runStep(x);
            return;
        }
        try {
            std::rethrow_exception(error);
        } catch (const NetworkError& e) {
            // failed() makes the exception instance the client raises.
            Ref exc = x->failed(e.failure());
            ObjectSpace& space = x->state->vm.space();
            if (!exc) exc = space.takeError();
            if (!x->future->done() && exc) x->future->setException(x->state->aio.toCore(std::move(exc)));
        } catch (...) {
            coroscope::rethrowIfForcedUnwind();
            if (!x->future->done()) x->future->setException(std::current_exception());
        }
    });
}

} // namespace

ServicesState::ServicesState(Vm& v, detail::AsyncioState& a)
    : vm(v)
    , aio(a)
{
}

Nanos ServicesState::serviceLatency(const std::string& host, int port) const
{
    double seconds = kServiceLatency;
    if (const WorldConfig* w = vm.options().world.get()) {
        if (w->serviceLatency) seconds = *w->serviceLatency;
        for (const std::string& key : {host, host + ":" + std::to_string(port)}) {
            auto it = w->hosts.find(key);
            if (it != w->hosts.end() && it->second.latency) seconds = *it->second.latency;
        }
    }
    return Nanos(std::llround(std::max(0.0, seconds) * 1e9));
}

RedisStore& ServicesState::redisAt(const std::string& host, int port)
{
    auto& slot = m_redis[host + ":" + std::to_string(port)];
    if (!slot) slot = std::make_unique<RedisStore>();
    return *slot;
}

MysqlDatabase& ServicesState::mysqlAt(const std::string& host, int port)
{
    auto& slot = m_mysql[host + ":" + std::to_string(port)];
    if (!slot) slot = std::make_unique<MysqlDatabase>();
    return *slot;
}

Ref ServicesState::exchange(const std::string& host, int port, std::vector<Step> steps,
                            std::function<Ref()> finish, std::function<Ref(WorldFailure)> failed)
{
    EventLoop* loop = aio.requireLoop();
    if (!loop) return Ref();
    detail::NetworkSite site = detail::currentNetworkSite(aio);
    if (!site.network) return Ref();
    auto x = std::make_shared<Exchange>();
    x->state = this;
    x->network = site.network;
    x->client = site.client;
    x->host = host + ":" + std::to_string(port);
    x->latency = serviceLatency(host, port);
    x->steps = std::move(steps);
    x->future = detail::PyFuture::create(*loop);
    x->finish = std::move(finish);
    x->failed = std::move(failed);
    Ref obj = aio.objectOf(*x->future);
    if (!obj) return Ref();
    runStep(x);
    return obj;
}

Ref ServicesState::ready(Value value)
{
    EventLoop* loop = aio.requireLoop();
    if (!loop) return Ref();
    coroscope::Ref<detail::PyFuture> f = detail::PyFuture::create(*loop);
    f->setResult(Ref::borrow(value));
    return aio.objectOf(*f);
}

detail::NativePayload* ServicesState::payload(Value obj, const char* key)
{
    ObjectSpace& space = vm.space();
    DictObject* d = obj.isObject() ? instanceDict(space, obj) : nullptr;
    if (!d) {
        space.clearError();
        return nullptr;
    }
    Value box = dictGetStr(space, d, key);
    return box ? detail::nativePayload(space, boxType.get(), box) : nullptr;
}

bool ServicesState::attach(Value obj, const char* key, std::unique_ptr<detail::NativePayload> p)
{
    ObjectSpace& space = vm.space();
    Ref box = detail::newNativeBox(space, boxType.get(), std::move(p));
    DictObject* d = box ? instanceDict(space, obj) : nullptr;
    return d && dictSetStr(space, d, key, box.get());
}

ServicesState* servicesOf(Vm& vm)
{
    ObjectSpace& space = vm.space();
    Ref asyncio = vm.importModule("asyncio");
    if (!asyncio) return nullptr;
    DictObject* d = moduleDict(asyncio.get());
    Value existing = dictGetStr(space, d, kServicesKey);
    if (existing)
        return static_cast<ServicesState*>(
            detail::nativePayload(space, Value::fromObject(space.typeOf(existing)), existing));
    Value stateBox = dictGetStr(space, d, detail::kStateKey);
    auto* aio = static_cast<detail::AsyncioState*>(
        detail::nativePayload(space, Value::fromObject(space.typeOf(stateBox)), stateBox));
    Ref stateType = detail::newNativeBoxType(space, "services_state");
    Ref boxType = detail::newNativeBoxType(space, "services_core");
    if (!stateType || !boxType) return nullptr;
    auto owned = std::make_unique<ServicesState>(vm, *aio);
    ServicesState* st = owned.get();
    st->boxType = boxType;
    Ref box = detail::newNativeBox(space, stateType.get(), std::move(owned));
    if (!box || !dictSetStr(space, d, kServicesKey, box.get())) return nullptr;
    return st;
}

Ref newErrorClass(ObjectSpace& space, const char* name, Value base, const char* module)
{
    return detail::makeClass(space, name, base, module, nullptr);
}

Ref newError(ObjectSpace& space, Value type, std::string_view message)
{
    return newExceptionWithMessage(space, static_cast<TypeObject*>(type.object()), message);
}

Ref newCodedError(ObjectSpace& space, Value type, int code, std::string_view message)
{
    Ref c = newInt(space, code);
    Ref m = newStr(space, message);
    Ref args = c && m ? newTupleOf(space, {c.get(), m.get()}) : Ref();
    return args ? newException(space, static_cast<TypeObject*>(type.object()), args.get()) : Ref();
}

} // namespace coroscope::pylite::services

namespace coroscope::pylite {

Ref createServiceModule(Vm& vm, std::string_view name)
{
    if (name == "aioredis") return services::createAioredisModule(vm);
    if (name == "aiomysql") return services::createAiomysqlModule(vm);
    if (name == "fastapi") return services::createFastapiModule(vm);
    if (name == "uvicorn") return services::createUvicornModule(vm);
    return Ref();
}

} // namespace coroscope::pylite
