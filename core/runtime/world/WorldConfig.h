#pragma once
// WorldConfig: the simulated network a run talks to (DESIGN.md section 5).
// Plain data, filled from a lesson's "world" or `coroscope-cli run --world
// FILE.json` by the app layer (core never parses JSON with Qt). Whatever the
// config leaves out has a deterministic default derived from the host name,
// so the same program always sees the same world.


#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace coroscope {

/// How a request to a host or URL ends.
enum class WorldFailure : std::uint8_t {
    None,    ///< the server answers
    Timeout, ///< no answer: the client's timeout fires (or it waits `latency`, then times out)
    Refused, ///< the connection is refused at once
    Reset,   ///< the server takes the request, then resets the connection after `latency`
};

/// What one host (or one URL, which overrides its host) does.
struct WorldEndpoint {
    std::optional<double> latency;     ///< seconds from request to full response
    std::optional<std::uint64_t> size; ///< response body bytes
    std::optional<int> status;         ///< HTTP status (default 200)
    std::optional<std::string> body;   ///< response text (default: generated from size)
    std::optional<std::string> contentType;
    WorldFailure failure = WorldFailure::None; ///< JSON "error": "timeout" | "refused" | "reset"
};

/// A simulated client of a served app (uvicorn.run): sends `repeat`
/// requests to `path`, the first at `at` seconds, then every `every` seconds.
struct WorldClient {
    std::string name;
    std::string method = "GET";
    std::string path = "/";
    double at = 0;
    int repeat = 1;
    double every = 0;
};

/// The whole world: per-host and per-URL endpoints plus global defaults.
struct WorldConfig {
    std::map<std::string, WorldEndpoint> hosts; ///< key: host name ("www.baidu.com" or "127.0.0.1:6379")
    std::map<std::string, WorldEndpoint> urls;  ///< key: full URL, checked before its host
    std::optional<double> defaultLatency;       ///< seconds; default derived from the host name
    std::optional<double> serviceLatency;       ///< redis/mysql round trip, seconds (default 0.001)
    std::vector<WorldClient> clients;           ///< who calls uvicorn.run's app; empty: the lesson's default
    bool uvloop = false;                        ///< every loop runs uninstrumented, as after uvloop.install() (a what-if)
};

} // namespace coroscope
