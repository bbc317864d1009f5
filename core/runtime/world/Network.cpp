#include "core/runtime/world/Network.h"

#include "core/runtime/ForcedUnwind.h"
#include "core/runtime/world/detail/ServerLane.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace coroscope {

namespace {

Nanos secondsToNanos(double s)
{
    return Nanos(std::llround(s * 1e9));
}

void apply(Endpoint& ep, const WorldEndpoint& w)
{
    if (w.latency) ep.latency = secondsToNanos(*w.latency);
    if (w.size) ep.size = *w.size;
    if (w.status) ep.status = *w.status;
    if (w.body) ep.body = *w.body;
    if (w.contentType) ep.contentType = *w.contentType;
    if (w.failure != WorldFailure::None) ep.failure = w.failure;
}

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// The port a client connects to: the written one, else the scheme's.
std::string portOf(std::string_view urlOrHost, const std::string& host)
{
    if (const auto colon = host.rfind(':'); colon != std::string::npos) return host.substr(colon + 1);
    return urlOrHost.substr(0, 6) == "https:" ? "443" : "80";
}

std::string bareHost(const std::string& host)
{
    const auto colon = host.rfind(':');
    return colon == std::string::npos ? host : host.substr(0, colon);
}

} // namespace

Network::Network(EventLoop& loop, std::shared_ptr<const WorldConfig> world)
    : m_loop(loop)
    , m_world(world ? std::move(world) : std::make_shared<const WorldConfig>())
{
}

Network::~Network() = default;

std::uint32_t Network::hostHash(std::string_view host)
{
    std::uint32_t h = 2166136261u;
    for (unsigned char c : host) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}

Nanos Network::defaultLatency(std::string_view host)
{
    return Nanos(1 + hostHash(host) % 9) * 100'000'000;
}

std::uint64_t Network::defaultSize(std::string_view host)
{
    return 1024 * (1 + (hostHash(host) >> 4) % 32);
}

std::string Network::defaultBody(std::string_view url, std::uint64_t size)
{
    std::string unit = "coroscope world: ";
    unit.append(url);
    unit.push_back('\n');
    std::string body;
    body.reserve(size);
    while (body.size() < size)
        body.append(unit, 0, std::min<std::uint64_t>(unit.size(), size - body.size()));
    return body;
}

std::string Network::contentTypeOf(std::string_view url)
{
    std::string_view path = url.substr(0, url.find_first_of("?#"));
    std::string lower(path);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (endsWith(lower, ".jpg") || endsWith(lower, ".jpeg")) return "image/jpeg";
    if (endsWith(lower, ".png")) return "image/png";
    if (endsWith(lower, ".json")) return "application/json";
    return "text/html; charset=utf-8";
}

std::string Network::bodyOf(const Endpoint& ep)
{
    return ep.body ? *ep.body : defaultBody(ep.url.empty() ? ep.host : ep.url, ep.size);
}

std::string Network::hostOf(std::string_view url)
{
    if (const auto scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/?#"));
    if (const auto at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
    return std::string(url);
}

Endpoint Network::resolve(std::string_view urlOrHost) const
{
    Endpoint ep;
    const bool isUrl = urlOrHost.find("://") != std::string_view::npos;
    ep.host = isUrl ? hostOf(urlOrHost) : std::string(urlOrHost);
    if (isUrl) ep.url = std::string(urlOrHost);
    ep.latency = m_world->defaultLatency ? secondsToNanos(*m_world->defaultLatency) : defaultLatency(ep.host);
    ep.size = defaultSize(ep.host);
    ep.contentType = contentTypeOf(ep.url);
    // A "host:port" entry wins over a bare "host" entry; a URL entry over both.
    if (auto it = m_world->hosts.find(bareHost(ep.host)); it != m_world->hosts.end()) apply(ep, it->second);
    if (ep.host != bareHost(ep.host))
        if (auto it = m_world->hosts.find(ep.host); it != m_world->hosts.end()) apply(ep, it->second);
    if (isUrl)
        if (auto it = m_world->urls.find(ep.url); it != m_world->urls.end()) apply(ep, it->second);
    return ep;
}

detail::ServerLane& Network::laneFor(const std::string& host)
{
    auto it = m_lanes.find(host);
    if (it == m_lanes.end()) it = m_lanes.emplace(host, std::make_shared<detail::ServerLane>(*this, host)).first;
    return *it->second;
}

TaskId Network::serverLane(const std::string& host)
{
    return laneFor(host).id();
}

void Network::traceIo(IoOp op, const std::string& host, std::uint64_t bytes, Nanos latency, TaskId client)
{
    RunContext& ctx = m_loop.context();
    if (!ctx.tracing()) return;
    const TaskId subject = client ? client : m_loop.currentTaskId();
    const auto clampedBytes = std::uint32_t(std::min<std::uint64_t>(bytes, std::numeric_limits<std::uint32_t>::max()));
    ctx.emit(Event{EventKind::Io, std::uint8_t(op), 0, subject, clampedBytes, std::uint32_t(latency / 1000),
                   ctx.text(host)});
}

void Network::prepare(const RoundTrip& trip, Job& job)
{
    job.trip = trip;
    job.endpoint = resolve(trip.url.empty() ? std::string_view(trip.host) : std::string_view(trip.url));
    if (trip.latency) job.endpoint.latency = *trip.latency;
    job.client = trip.client ? trip.client : m_loop.currentTaskId();
    job.sentAt = m_loop.now();
    const Endpoint& ep = job.endpoint;
    if (ep.failure == WorldFailure::Refused) {
        traceIo(IoOp::Connect, ep.host, 0, 0, job.client);
        throw NetworkError(WorldFailure::Refused, ep.host,
                           "[Errno 111] Connect call failed ('" + bareHost(ep.host) + "', " +
                               portOf(trip.url.empty() ? trip.host : trip.url, ep.host) + ")");
    }
    if (trip.connect) traceIo(IoOp::Connect, ep.host, 0, 0, job.client);
    traceIo(IoOp::Request, ep.host, trip.sendBytes, ep.latency, job.client);
    const bool silent = ep.failure == WorldFailure::Timeout;
    if (silent || (trip.timeout && *trip.timeout < ep.latency)) {
        job.wait = trip.timeout ? *trip.timeout : ep.latency;
        job.failAfterWait = std::make_exception_ptr(NetworkError(WorldFailure::Timeout, ep.host, ""));
    } else {
        job.wait = ep.latency;
        if (ep.failure == WorldFailure::Reset)
            job.failAfterWait = std::make_exception_ptr(
                NetworkError(WorldFailure::Reset, ep.host, "[Errno 104] Connection reset by peer"));
    }
}

std::exception_ptr Network::serve(Job& job)
{
    const Endpoint& ep = job.endpoint;
    const TaskId lane = laneFor(ep.host).id();
    traceIo(IoOp::Receive, ep.host, job.trip.sendBytes, 0, lane);
    if (ep.failure == WorldFailure::Timeout || ep.failure == WorldFailure::Reset)
        return nullptr; // the server never answers
    ServerCall call{ep, job.trip, 0};
    std::exception_ptr error;
    try {
        job.serve(call);
    } catch (...) {
        coroscope::rethrowIfForcedUnwind();
        error = std::current_exception();
    }
    job.replyBytes = call.replyBytes;
    traceIo(IoOp::Send, ep.host, error ? 0 : call.replyBytes, 0, lane);
    return error;
}

void Network::submit(const RoundTrip& trip, Job job, FutureBase& future)
{
    try {
        prepare(trip, job);
    } catch (const NetworkError&) {
        job.finish(mapped(trip, std::current_exception()));
        return;
    }
    detail::ServerLane& lane = laneFor(job.endpoint.host);
    future.setWaitTag(WaitKind::Io, lane.id());
    lane.push(std::move(job));
}

std::exception_ptr Network::mapped(const RoundTrip& trip, std::exception_ptr error)
{
    return trip.mapError ? trip.mapError(std::move(error)) : error;
}

void Network::submitBlocking(const RoundTrip& trip, Job& job, const Blocker& block)
{
    try {
        prepare(trip, job);
    } catch (const NetworkError&) {
        std::rethrow_exception(mapped(trip, std::current_exception()));
    }
    // The loop is held: the lane cannot take its turn, so it serves inline.
    std::exception_ptr error = serve(job);
    if (job.failAfterWait) error = job.failAfterWait;
    if (block)
        block(job.wait);
    else
        m_loop.block(job.wait);
    traceIo(IoOp::Receive, job.endpoint.host, error ? 0 : job.replyBytes, job.endpoint.latency, job.client);
    if (error) std::rethrow_exception(mapped(trip, error));
}

namespace {

RoundTrip tripOf(const HttpRequest& r)
{
    RoundTrip trip;
    trip.url = r.url;
    trip.host = Network::hostOf(r.url);
    // What the request line and a minimal header block weigh on the wire.
    trip.sendBytes = r.method.size() + 1 + r.url.size() + 11 + 6 + trip.host.size() + 4 + r.bodyBytes;
    trip.timeout = r.timeout;
    trip.client = r.client;
    trip.connect = r.connect;
    trip.mapError = r.mapError;
    return trip;
}

HttpResponse respond(ServerCall& call)
{
    HttpResponse r;
    r.status = call.endpoint.status;
    r.url = call.endpoint.url;
    r.host = call.endpoint.host;
    r.contentType = call.endpoint.contentType;
    r.body = Network::bodyOf(call.endpoint);
    r.latency = call.endpoint.latency;
    call.replyBytes = r.body.size();
    return r;
}

} // namespace

Ref<Future<HttpResponse>> Network::http(const HttpRequest& request)
{
    return roundTrip<HttpResponse>(tripOf(request), respond);
}

HttpResponse Network::httpBlocking(const HttpRequest& request, const Blocker& block)
{
    return roundTripBlocking<HttpResponse>(tripOf(request), respond, block);
}

} // namespace coroscope
