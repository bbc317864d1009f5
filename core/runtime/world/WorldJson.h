#pragma once
// WorldJson: the one reader of the simulated world's JSON (DESIGN.md section
// 5), used by `coroscope-cli --world FILE.json`, the lesson loader and the
// app's runs alike. The format:
//
//   {
//     "urls":  {"https://host/path": ENDPOINT, ...},   // checked first
//     "hosts": {"host" or "host:port": ENDPOINT, ...},
//     "defaultLatency": 0.5,      // seconds, for hosts the world does not name
//     "serviceLatency": 0.001,    // redis/mysql round trips, seconds
//     "clients": [{"name": "A", "method": "GET", "path": "/", "at": 0,
//                  "repeat": 1, "every": 0}, ...],  // who calls uvicorn.run's app
//     "uvloop": false             // true: every loop runs uninstrumented (the uvloop what-if)
//   }
//   ENDPOINT = {"latency": seconds, "size": bytes, "status": 200,
//               "body": "text", "contentType": "text/html",
//               "error": "timeout" | "refused" | "reset" | "none"}
//
// Every field is optional. Every unknown field and wrong value is reported,
// named by its path ("world.urls[\"https://x\"].latency": "expected a number
// >= 0, got the string \"1s\""); the valid fields are still stored.

#include "core/runtime/world/WorldConfig.h"

#include <string>
#include <string_view>
#include <vector>

namespace coroscope {

/// One mistake in a world: where (a JSON path) and what.
struct WorldJsonError {
    std::string field;   ///< "world.hosts[\"a.com\"].latency"; empty for the whole text
    std::string message; ///< "expected a number >= 0, got -1"
};

/// Reads the JSON text of a world object (or, with `unwrap`, of an object
/// whose "world" member is one, such as a lesson program's) into `out`,
/// naming fields under `root`. Returns every error; none: `out` is complete.
std::vector<WorldJsonError> readWorldJson(std::string_view json, const std::string& root, WorldConfig& out,
                                          bool unwrap = false);

/// "field: message" per error, one per line.
std::string describeWorldErrors(const std::vector<WorldJsonError>& errors);

} // namespace coroscope
