#pragma once
// A lesson's "world" checked by the one world reader, core's readWorldJson
// (core/runtime/world/WorldJson.h), its errors reported through the loader's
// JsonFields, so a lesson's world and a `--world` file are judged alike.

#include "core/runtime/world/WorldConfig.h"
#include "lessons/loader/detail/JsonFields.h"

#include <QJsonObject>
#include <QString>

namespace coroscope::lessons::detail {

/// Reports every field of `world` (found at `path`) that breaks the format
/// and, when `out` is given, stores every valid field in it.
void readWorld(JsonFields& fields, const QJsonObject& world, const QString& path, WorldConfig* out = nullptr);

} // namespace coroscope::lessons::detail
