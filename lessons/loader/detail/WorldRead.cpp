#include "lessons/loader/detail/WorldRead.h"

#include <QJsonArray>

namespace coroscope::lessons::detail {

namespace {

std::optional<WorldFailure> failureNamed(const QString& name)
{
    if (name == QLatin1String("timeout")) return WorldFailure::Timeout;
    if (name == QLatin1String("refused")) return WorldFailure::Refused;
    if (name == QLatin1String("reset")) return WorldFailure::Reset;
    if (name == QLatin1String("none")) return WorldFailure::None;
    return std::nullopt;
}

void readEndpoint(JsonFields& fields, const QJsonObject& spec, const QString& path, WorldEndpoint& out)
{
    fields.rejectUnknown(spec, path,
                         {QStringLiteral("latency"), QStringLiteral("size"), QStringLiteral("status"),
                          QStringLiteral("error"), QStringLiteral("body"), QStringLiteral("contentType")});
    if (const std::optional<QString> body = fields.string(spec, path, QStringLiteral("body"), false))
        out.body = body->toStdString();
    if (const std::optional<QString> type = fields.nonEmptyString(spec, path, QStringLiteral("contentType"), false))
        out.contentType = type->toStdString();
    out.latency = fields.nonNegativeNumber(spec, path, QStringLiteral("latency"), false);
    if (const std::optional<int> size = fields.nonNegativeInt(spec, path, QStringLiteral("size"), false))
        out.size = std::uint64_t(*size);
    if (const std::optional<int> status = fields.positiveInt(spec, path, QStringLiteral("status"), false)) {
        if (*status < 100 || *status > 599)
            fields.error(fieldPath(path, QStringLiteral("status")),
                         QStringLiteral("expected an HTTP status between 100 and 599, got %1").arg(*status));
        else
            out.status = *status;
    }
    if (const std::optional<QString> error = fields.string(spec, path, QStringLiteral("error"), false)) {
        if (const std::optional<WorldFailure> failure = failureNamed(*error))
            out.failure = *failure;
        else
            fields.error(fieldPath(path, QStringLiteral("error")),
                         QStringLiteral("unknown error \"%1\" (expected one of: timeout, refused, reset, none)")
                             .arg(*error));
    }
}

void readEndpoints(JsonFields& fields, const QJsonObject& world, const QString& path, const QString& key,
                   std::map<std::string, WorldEndpoint>& out)
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
            readEndpoint(fields, *spec, entry, out[it.key().toStdString()]);
    }
}

void readClients(JsonFields& fields, const QJsonObject& world, const QString& path, std::vector<WorldClient>& out)
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
        WorldClient c;
        fields.rejectUnknown(*client, entry,
                             {QStringLiteral("name"), QStringLiteral("at"), QStringLiteral("method"),
                              QStringLiteral("path"), QStringLiteral("repeat"), QStringLiteral("every")});
        if (const std::optional<QString> name = fields.nonEmptyString(*client, entry, QStringLiteral("name"), false))
            c.name = name->toStdString();
        c.at = fields.nonNegativeNumber(*client, entry, QStringLiteral("at"), false).value_or(c.at);
        c.repeat = fields.positiveInt(*client, entry, QStringLiteral("repeat"), false).value_or(c.repeat);
        c.every = fields.nonNegativeNumber(*client, entry, QStringLiteral("every"), false).value_or(c.every);
        if (const std::optional<QString> method = fields.string(*client, entry, QStringLiteral("method"), false)) {
            if (*method != QLatin1String("GET") && *method != QLatin1String("POST"))
                fields.error(fieldPath(entry, QStringLiteral("method")),
                             QStringLiteral("expected \"GET\" or \"POST\", got \"%1\"").arg(*method));
            else
                c.method = method->toStdString();
        }
        if (const std::optional<QString> target = fields.string(*client, entry, QStringLiteral("path"), false)) {
            if (!target->startsWith(QLatin1Char('/')))
                fields.error(fieldPath(entry, QStringLiteral("path")),
                             QStringLiteral("expected a path starting with \"/\", got \"%1\"").arg(*target));
            else
                c.path = target->toStdString();
        }
        out.push_back(std::move(c));
    }
}

} // namespace

void readWorld(JsonFields& fields, const QJsonObject& world, const QString& path, WorldConfig* out)
{
    WorldConfig scratch;
    WorldConfig& config = out ? *out : scratch;
    fields.rejectUnknown(world, path,
                         {QStringLiteral("hosts"), QStringLiteral("urls"), QStringLiteral("clients"),
                          QStringLiteral("defaultLatency"), QStringLiteral("serviceLatency"), QStringLiteral("uvloop")});
    config.defaultLatency = fields.nonNegativeNumber(world, path, QStringLiteral("defaultLatency"), false);
    config.serviceLatency = fields.nonNegativeNumber(world, path, QStringLiteral("serviceLatency"), false);
    config.uvloop = fields.boolean(world, path, QStringLiteral("uvloop"), false).value_or(false);
    readEndpoints(fields, world, path, QStringLiteral("hosts"), config.hosts);
    readEndpoints(fields, world, path, QStringLiteral("urls"), config.urls);
    readClients(fields, world, path, config.clients);
}

} // namespace coroscope::lessons::detail
