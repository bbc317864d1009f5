#include "lessons/loader/WorldJson.h"

#include "core/runtime/world/WorldJson.h"
#include "lessons/loader/detail/WorldRead.h"

#include <QFile>

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
    const QByteArray json = file.readAll();
    const std::vector<WorldJsonError> errors =
        readWorldJson(std::string_view(json.constData(), std::size_t(json.size())), "world", out, true);
    if (errors.empty()) return true;
    error = path + QStringLiteral(": ") + QString::fromStdString(describeWorldErrors(errors));
    return false;
}

std::shared_ptr<const WorldConfig> worldConfigOf(const QJsonObject& json, QString& error)
{
    if (json.isEmpty()) return nullptr;
    auto config = std::make_shared<WorldConfig>();
    if (!worldFromJson(json, *config, error)) return nullptr;
    return config;
}

} // namespace coroscope::lessons
