#pragma once
// WorldJson: a lesson's "world" (or a `coroscope-cli run --world FILE.json`
// file) as the core's WorldConfig (DESIGN.md section 5). The format:
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
// Every field is optional. Unknown fields and wrong types are errors whose
// message names the field ("world.urls[\"https://x\"].latency: expected a
// number >= 0, got \"1s\""), one line per error; the lesson loader reports
// the same errors (detail/WorldRead.h). A file may hold the world itself or a
// lesson program's object with a "world" member.

#include "core/runtime/world/WorldConfig.h"

#include <QJsonObject>
#include <QString>

#include <memory>

namespace coroscope::lessons {

/// Fills `out` from a world object. False with `error` set (a line per bad field).
bool worldFromJson(const QJsonObject& json, WorldConfig& out, QString& error);
/// Reads a world file. False with `error` set (unreadable file, bad JSON, bad field).
bool worldFromFile(const QString& path, WorldConfig& out, QString& error);
/// The config of a world object for Vm::Options::world: null for an empty
/// object (every default) or, with `error` set, for a bad one.
std::shared_ptr<const WorldConfig> worldConfigOf(const QJsonObject& json, QString& error);

} // namespace coroscope::lessons
