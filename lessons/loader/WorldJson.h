#pragma once
// WorldJson: a lesson's "world" (or a world file) as the core's WorldConfig,
// for the Qt side of the app. The format and every check are core's
// (core/runtime/world/WorldJson.h, the one reader, which coroscope-cli uses
// directly); errors name the field ("world.urls[\"https://x\"].latency:
// expected a number >= 0, got the string \"1s\""), one line per error. A file
// may hold the world itself or a lesson program's object with a "world"
// member.

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
