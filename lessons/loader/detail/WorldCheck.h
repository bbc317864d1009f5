#pragma once
// The simulated world's JSON shape (docs/LESSONS.md, "The world"): hosts and
// URLs with latency, size, status and errors, and the HTTP clients that
// uvicorn.run serves.

#include "lessons/loader/detail/JsonFields.h"

#include <QJsonObject>
#include <QString>

namespace coroscope::lessons::detail {

/// Reports every field of `world` (found at `path`) that breaks the format.
void checkWorld(JsonFields& fields, const QJsonObject& world, const QString& path);

} // namespace coroscope::lessons::detail
