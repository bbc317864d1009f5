#include "lessons/loader/detail/WorldRead.h"

#include "core/runtime/world/WorldJson.h"

#include <QJsonDocument>

namespace coroscope::lessons::detail {

void readWorld(JsonFields& fields, const QJsonObject& world, const QString& path, WorldConfig* out)
{
    WorldConfig scratch;
    const QByteArray json = QJsonDocument(world).toJson(QJsonDocument::Compact);
    const std::vector<WorldJsonError> errors =
        readWorldJson(std::string_view(json.constData(), std::size_t(json.size())), path.toStdString(),
                      out ? *out : scratch);
    for (const WorldJsonError& e : errors)
        fields.error(QString::fromStdString(e.field), QString::fromStdString(e.message));
}

} // namespace coroscope::lessons::detail
