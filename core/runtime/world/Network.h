#pragma once
// Network: the simulated network of one event loop (DESIGN.md section 5).
//
// API in brief (the contract the world and service modules build on):
//
//   Network net(loop, world);                 // one per EventLoop; dies before it
//   Endpoint ep = net.resolve("https://python.org/x");   // or a bare host
//
//   // Generic round trip (redis, mysql, http...): the handler computes the
//   // reply on the host's server lane when the request arrives there; the
//   // reply reaches the client `latency` after it was sent.
//   RoundTrip trip{.host = "127.0.0.1:6379", .sendBytes = 32};
//   Ref<Future<RedisReply>> f = net.roundTrip<RedisReply>(trip,
//       [&](ServerCall& call) { call.replyBytes = 5; return store.execute(cmd); });
//   ... co_await f / await it through a pylite Future ...
//
//   // The same round trip holding the caller (requests.get): `block`
//   // receives the time to wait (default: loop.block, which inside an
//   // executor worker blocks only that worker's lane).
//   RedisReply r = net.roundTripBlocking<RedisReply>(trip, handler, block);
//
//   // HTTP on top of it (requests, aiohttp):
//   Ref<Future<HttpResponse>> r = net.http({.method = "GET", .url = url});
//   HttpResponse r = net.httpBlocking({.url = url}, block);
//
//   net.traceIo(IoOp::Connect, host, bytes, latency);   // session-level events
//   TaskId lane = net.serverLane(host);                 // created on first use
//
// Failures: a Refused endpoint fails at once (the future is already done
// when roundTrip returns; the blocking form throws before any wait) with
// NetworkError(WorldFailure::Refused). A Timeout endpoint never answers: the
// client waits its `timeout` (or the endpoint latency when it has none) and
// gets NetworkError(WorldFailure::Timeout). A working endpoint slower than
// the client's timeout times out the same way at `timeout`. A Reset endpoint
// takes the request (the handler does not run) and fails the client with
// NetworkError(WorldFailure::Reset) after the latency. A handler that
// throws fails the client's future (or the blocking call) after the latency.
//
// Server lanes: each host has one lane, a native C++20 co::Task traced as a
// TaskKind::Server task named after the host. It is driven by the Network,
// not by an asyncio Task, so it never shows in asyncio.all_tasks() and never
// keeps a run alive. It waits (WaitKind::Io) until requests arrive and
// serves them in arrival order; serving takes no virtual time (the latency
// is the wire's), so concurrent requests overlap: three downloads of 1, 2
// and 3 s awaited together take 3 s.
//
// Trace: the client emits Io Request (x = bytes sent, y = latency in µs,
// v = host) when it sends and Io Receive (x = reply bytes) when the reply
// arrives; the lane emits Io Receive and Io Send while serving; a request
// that opens its connection (RoundTrip::connect) emits Io Connect first, a
// refused connection an Io Connect alone; clients trace their closes with
// traceIo(IoOp::Close, ...). A client awaiting a reply waits
// on WaitKind::Io with the lane's task id as target ("I/O in flight to host").
//
// Deterministic defaults (what the world config leaves out), from the FNV-1a
// 32-bit hash h of the host name (with its port when the URL has one):
//   latency = (1 + h % 9) / 10 s          (0.1 .. 0.9 s; WorldConfig::defaultLatency overrides)
//   size    = 1024 * (1 + (h >> 4) % 32)   (1 .. 32 KiB)
//   status  = 200
//   body    = the line "coroscope world: URL\n" repeated, cut to `size` bytes
//   content type from the URL's extension (.jpg/.jpeg image/jpeg, .png
//   image/png, .json application/json, otherwise text/html; charset=utf-8).
// A URL entry of the world overrides its host entry field by field.

#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/world/WorldConfig.h"

#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace coroscope {

namespace detail { class ServerLane; }

/// Everything a request to a host or URL meets, defaults filled in.
struct Endpoint {
    std::string host;        ///< lane name: "python.org", "127.0.0.1:6379"
    std::string url;         ///< the URL asked for ("" for a bare host)
    Nanos latency = 0;       ///< request sent -> full reply received
    std::uint64_t size = 0;  ///< reply body bytes
    int status = 200;
    std::string contentType;
    std::optional<std::string> body; ///< the configured body; null: generated from size
    WorldFailure failure = WorldFailure::None;
};

/// One request as the client sends it.
struct RoundTrip {
    std::string host;                ///< lane and endpoint key (ignored when `url` names one)
    std::string url;                 ///< checked first in WorldConfig::urls
    std::uint64_t sendBytes = 0;     ///< traced bytes of the request
    std::optional<Nanos> latency;    ///< overrides the endpoint's (redis/mysql service latency)
    std::optional<Nanos> timeout;    ///< the client gives up after this long
    TaskId client = 0;               ///< traced sender; 0: the loop's current task
    bool connect = false;            ///< opens a connection first (traced as Io Connect before the request)
    /// Turns every failure (NetworkError, or what the handler threw) into
    /// what the client sees (e.g. a Python exception); null: as is.
    std::function<std::exception_ptr(std::exception_ptr)> mapError;
};

/// What a handler sees on the server lane.
struct ServerCall {
    const Endpoint& endpoint;
    const RoundTrip& trip;
    std::uint64_t replyBytes = 0;    ///< set by the handler: traced size of its reply
};

/// A failed round trip. pythonType(): ConnectionRefusedError, ConnectionResetError or TimeoutError.
class NetworkError : public AsyncError {
public:
    NetworkError(WorldFailure failure, std::string host, std::string message)
        : AsyncError(std::move(message))
        , m_failure(failure)
        , m_host(std::move(host))
    {
    }
    WorldFailure failure() const { return m_failure; }
    const std::string& host() const { return m_host; }
    const char* pythonType() const noexcept override
    {
        switch (m_failure) {
        case WorldFailure::Refused: return "ConnectionRefusedError";
        case WorldFailure::Reset: return "ConnectionResetError";
        default: return "TimeoutError";
        }
    }

private:
    WorldFailure m_failure;
    std::string m_host;
};

/// An HTTP request for http()/httpBlocking().
struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::uint64_t bodyBytes = 0;     ///< request body size (post data)
    std::optional<Nanos> timeout;
    TaskId client = 0;
    bool connect = false;            ///< as RoundTrip::connect
    std::function<std::exception_ptr(std::exception_ptr)> mapError; ///< as RoundTrip::mapError
};

/// An HTTP reply: the endpoint's status, content type and body.
struct HttpResponse {
    int status = 200;
    std::string url;
    std::string host;
    std::string contentType;
    std::string body;                ///< bytes
    Nanos latency = 0;
};

class Network {
public:
    /// Waits `duration` for a blocking call (default: loop.block).
    using Blocker = std::function<void(Nanos)>;
    template <class T>
    using Handler = std::function<T(ServerCall&)>;

    /// `world` may be null: every host gets the defaults.
    Network(EventLoop& loop, std::shared_ptr<const WorldConfig> world);
    ~Network();
    Network(const Network&) = delete;
    Network& operator=(const Network&) = delete;

    EventLoop& loop() const { return m_loop; }
    const WorldConfig& world() const { return *m_world; }

    /// The endpoint for a URL ("https://host[:port]/path") or a bare host ("host[:port]").
    Endpoint resolve(std::string_view urlOrHost) const;
    /// The lane name of a URL: its host, with the port when one is written.
    static std::string hostOf(std::string_view url);
    /// The default rules above, exposed for tests and the Python stand-ins.
    static std::uint32_t hostHash(std::string_view host);
    static Nanos defaultLatency(std::string_view host);
    static std::uint64_t defaultSize(std::string_view host);
    static std::string defaultBody(std::string_view url, std::uint64_t size);
    static std::string contentTypeOf(std::string_view url);
    /// The body an endpoint returns: its configured body or the generated one.
    static std::string bodyOf(const Endpoint& endpoint);

    /// The server lane of `host` (TaskKind::Server), created on first use.
    TaskId serverLane(const std::string& host);

    /// An asynchronous round trip; see the header comment.
    template <class T>
    Ref<Future<T>> roundTrip(const RoundTrip& trip, Handler<T> handler)
    {
        static_assert(!std::is_void_v<T>, "a round trip returns a reply");
        Ref<Future<T>> future = Future<T>::create(m_loop);
        auto reply = std::make_shared<std::optional<T>>();
        Job job;
        job.serve = [handler = std::move(handler), reply](ServerCall& call) { reply->emplace(handler(call)); };
        job.finish = [future, reply](std::exception_ptr error) {
            if (future->done()) return;
            if (error)
                future->setException(std::move(error));
            else
                future->setResult(std::move(**reply));
        };
        submit(trip, std::move(job), *future);
        return future;
    }

    /// The same round trip, waiting with `block` instead of a future.
    template <class T>
    T roundTripBlocking(const RoundTrip& trip, Handler<T> handler, const Blocker& block = {})
    {
        static_assert(!std::is_void_v<T>, "a round trip returns a reply");
        std::optional<T> reply;
        Job job;
        job.serve = [&](ServerCall& call) { reply.emplace(handler(call)); };
        submitBlocking(trip, job, block);
        return std::move(*reply);
    }

    /// HTTP over roundTrip: the reply is the endpoint's status and body.
    Ref<Future<HttpResponse>> http(const HttpRequest& request);
    HttpResponse httpBlocking(const HttpRequest& request, const Blocker& block = {});

    /// Emits one Io event for the current task (or `client`), e.g. a session's Connect/Close.
    void traceIo(IoOp op, const std::string& host, std::uint64_t bytes, Nanos latency, TaskId client = 0);

private:
    friend class detail::ServerLane;
    struct Job {
        std::function<void(ServerCall&)> serve;
        std::function<void(std::exception_ptr)> finish; ///< async only
        RoundTrip trip;
        Endpoint endpoint;
        TaskId client = 0;
        Nanos sentAt = 0;
        Nanos wait = 0;                                 ///< sent -> reply or timeout
        std::uint64_t replyBytes = 0;                   ///< set by serve()
        std::exception_ptr failAfterWait;               ///< the timeout error, if it times out
    };
    /// Fills in the endpoint, client, timing and failure of `job`; throws
    /// NetworkError for a refused connection.
    void prepare(const RoundTrip& trip, Job& job);
    void submit(const RoundTrip& trip, Job job, FutureBase& future);
    void submitBlocking(const RoundTrip& trip, Job& job, const Blocker& block);
    /// Runs `job` on its lane now (the lane's turn): Io events and the handler.
    std::exception_ptr serve(Job& job);
    static std::exception_ptr mapped(const RoundTrip& trip, std::exception_ptr error);
    detail::ServerLane& laneFor(const std::string& host);

    EventLoop& m_loop;
    std::shared_ptr<const WorldConfig> m_world;
    std::map<std::string, std::shared_ptr<detail::ServerLane>> m_lanes;
};

} // namespace coroscope
