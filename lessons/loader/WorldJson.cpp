#include "lessons/loader/WorldJson.h"

#include "lessons/loader/detail/WorldRead.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

namespace coroscope::lessons {

bool worldFromJson(const QJsonObject& json, WorldConfig& out, QString& error)
{
    QList<LessonError> errors;
    detail::JsonFields fields(QString(), errors);
    detail::readWorld(fields, json, QStringLiteral("world"), &out);
    if (errors.isEmpty()) return true;
    QStringList lines;
    for (const LessonError& e : errors)
        lines.append(e.field + QStringLiteral(": ") + e.message);
    error = lines.join(QLatin1Char('\n'));
    return false;
}

bool worldFromFile(const QString& path, WorldConfig& out, QString& error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("%1: cannot read the file").arg(path);
        return false;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError) {
        error = QStringLiteral("%1: not valid JSON at offset %2: %3").arg(path).arg(parse.offset).arg(parse.errorString());
        return false;
    }
    if (!doc.isObject()) {
        error = QStringLiteral("%1: expected a JSON object").arg(path);
        return false;
    }
    QJsonObject world = doc.object();
    if (world.contains(QLatin1String("world")) && world.value(QLatin1String("world")).isObject())
        world = world.value(QLatin1String("world")).toObject();
    if (!worldFromJson(world, out, error)) {
        error = path + QStringLiteral(": ") + error;
        return false;
    }
    return true;
}

std::shared_ptr<const WorldConfig> worldConfigOf(const QJsonObject& json, QString& error)
{
    if (json.isEmpty()) return nullptr;
    auto config = std::make_shared<WorldConfig>();
    if (!worldFromJson(json, *config, error)) return nullptr;
    return config;
}

} // namespace coroscope::lessons
