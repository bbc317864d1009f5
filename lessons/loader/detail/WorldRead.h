#pragma once
// The simulated world's JSON shape (WorldJson.h, docs/LESSONS.md "The world"):
// hosts and URLs with latency, size, status and errors, and the HTTP clients
// that uvicorn.run serves. The one reader of that shape: the lesson loader
// reports every mistake with it, and WorldJson builds the core's WorldConfig
// with it, so a world file and a lesson's world are judged alike.

#include "core/runtime/world/WorldConfig.h"
#include "lessons/loader/detail/JsonFields.h"

#include <QJsonObject>
#include <QString>

namespace coroscope::lessons::detail {

/// Reports every field of `world` (found at `path`) that breaks the format
/// and, when `out` is given, stores every valid field in it.
void readWorld(JsonFields& fields, const QJsonObject& world, const QString& path, WorldConfig* out = nullptr);

} // namespace coroscope::lessons::detail
