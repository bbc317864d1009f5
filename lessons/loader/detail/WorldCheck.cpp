#include "lessons/loader/detail/WorldCheck.h"

#include <QJsonArray>

namespace coroscope::lessons::detail {

namespace {

void checkEndpoint(JsonFields& fields, const QJsonObject& spec, const QString& path)
{
    fields.rejectUnknown(spec, path,
                         {QStringLiteral("latency"), QStringLiteral("size"), QStringLiteral("status"),
                          QStringLiteral("error"), QStringLiteral("body"), QStringLiteral("contentType")});
    fields.string(spec, path, QStringLiteral("body"), false);
    fields.nonEmptyString(spec, path, QStringLiteral("contentType"), false);
    fields.nonNegativeNumber(spec, path, QStringLiteral("latency"), false);
    fields.nonNegativeInt(spec, path, QStringLiteral("size"), false);
    if (const std::optional<int> status = fields.positiveInt(spec, path, QStringLiteral("status"), false)) {
        if (*status < 100 || *status > 599)
            fields.error(fieldPath(path, QStringLiteral("status")),
                         QStringLiteral("expected an HTTP status between 100 and 599, got %1").arg(*status));
    }
    if (const std::optional<QString> error = fields.string(spec, path, QStringLiteral("error"), false)) {
        static const QStringList kErrors{QStringLiteral("timeout"), QStringLiteral("refused"),
                                         QStringLiteral("reset"), QStringLiteral("none")};
        if (!kErrors.contains(*error))
            fields.error(fieldPath(path, QStringLiteral("error")),
                         QStringLiteral("unknown error \"%1\" (expected one of: %2)")
                             .arg(*error, kErrors.join(QStringLiteral(", "))));
    }
}

void checkEndpoints(JsonFields& fields, const QJsonObject& world, const QString& path, const QString& key)
{
    const std::optional<QJsonObject> table = fields.object(world, path, key, false);
    if (!table)
        return;
    const QString here = fieldPath(path, key);
    for (auto it = table->begin(); it != table->end(); ++it) {
        const QString entry = here + QStringLiteral("[\"%1\"]").arg(it.key());
        if (it.key().trimmed().isEmpty())
            fields.error(entry, QStringLiteral("the name must not be empty"));
        if (key == QLatin1String("hosts") && it.key().contains(QLatin1Char('/')))
            fields.error(entry, QStringLiteral("a host is a name or an address without scheme or path; "
                                               "put whole URLs under \"urls\""));
        if (key == QLatin1String("urls") && !it.key().contains(QStringLiteral("://")))
            fields.error(entry, QStringLiteral("expected a whole URL with its scheme (\"https://host/path\")"));
        if (const std::optional<QJsonObject> spec = fields.asObject(it.value(), entry))
            checkEndpoint(fields, *spec, entry);
    }
}

void checkClients(JsonFields& fields, const QJsonObject& world, const QString& path)
{
    const std::optional<QJsonArray> clients = fields.array(world, path, QStringLiteral("clients"), false);
    if (!clients)
        return;
    const QString here = fieldPath(path, QStringLiteral("clients"));
    for (qsizetype i = 0; i < clients->size(); ++i) {
        const QString entry = fieldPath(here, i);
        const std::optional<QJsonObject> client = fields.asObject(clients->at(i), entry);
        if (!client)
            continue;
        fields.rejectUnknown(*client, entry,
                             {QStringLiteral("name"), QStringLiteral("at"), QStringLiteral("method"),
                              QStringLiteral("path"), QStringLiteral("repeat"), QStringLiteral("every")});
        fields.nonEmptyString(*client, entry, QStringLiteral("name"), false);
        fields.nonNegativeNumber(*client, entry, QStringLiteral("at"), false);
        fields.positiveInt(*client, entry, QStringLiteral("repeat"), false);
        fields.nonNegativeNumber(*client, entry, QStringLiteral("every"), false);
        if (const std::optional<QString> method = fields.string(*client, entry, QStringLiteral("method"), false)) {
            if (*method != QLatin1String("GET") && *method != QLatin1String("POST"))
                fields.error(fieldPath(entry, QStringLiteral("method")),
                             QStringLiteral("expected \"GET\" or \"POST\", got \"%1\"").arg(*method));
        }
        if (const std::optional<QString> target = fields.string(*client, entry, QStringLiteral("path"), true)) {
            if (!target->startsWith(QLatin1Char('/')))
                fields.error(fieldPath(entry, QStringLiteral("path")),
                             QStringLiteral("expected a path starting with \"/\", got \"%1\"").arg(*target));
        }
    }
}

} // namespace

void checkWorld(JsonFields& fields, const QJsonObject& world, const QString& path)
{
    fields.rejectUnknown(world, path,
                         {QStringLiteral("hosts"), QStringLiteral("urls"), QStringLiteral("clients"),
                          QStringLiteral("defaultLatency"), QStringLiteral("serviceLatency"), QStringLiteral("uvloop")});
    fields.nonNegativeNumber(world, path, QStringLiteral("defaultLatency"), false);
    fields.nonNegativeNumber(world, path, QStringLiteral("serviceLatency"), false);
    fields.boolean(world, path, QStringLiteral("uvloop"), false);
    checkEndpoints(fields, world, path, QStringLiteral("hosts"));
    checkEndpoints(fields, world, path, QStringLiteral("urls"));
    checkClients(fields, world, path);
}

} // namespace coroscope::lessons::detail
