#include "lessons/loader/WorldJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace coroscope::lessons {

namespace {

QString shown(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::String: return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    case QJsonValue::Double: return QString::number(v.toDouble());
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    default: return QStringLiteral("nothing");
    }
}

/// Builds "expected X, got Y" errors naming the field's path.
class Reader {
public:
    explicit Reader(QString& error) : m_error(error) {}

    bool fail(const QString& path, const QString& expected, const QJsonValue& got)
    {
        m_error = QStringLiteral("%1: expected %2, got %3").arg(path, expected, shown(got));
        return false;
    }
    bool seconds(const QString& path, const QJsonValue& v, std::optional<double>& out)
    {
        if (!v.isDouble() || v.toDouble() < 0 || !std::isfinite(v.toDouble()))
            return fail(path, QStringLiteral("a number of seconds >= 0"), v);
        out = v.toDouble();
        return true;
    }
    bool count(const QString& path, const QJsonValue& v, double& out, double min)
    {
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < min || d != std::floor(d) || d > 9e15)
            return fail(path, QStringLiteral("a whole number >= %1").arg(min), v);
        out = d;
        return true;
    }
    bool text(const QString& path, const QJsonValue& v, std::string& out)
    {
        if (!v.isString()) return fail(path, QStringLiteral("a string"), v);
        out = v.toString().toStdString();
        return true;
    }
    bool unknown(const QString& path, const QString& key, const char* known)
    {
        m_error = QStringLiteral("%1: unknown field \"%2\" (known: %3)").arg(path, key, QLatin1String(known));
        return false;
    }

    bool endpoint(const QString& path, const QJsonValue& value, WorldEndpoint& out)
    {
        if (!value.isObject()) return fail(path, QStringLiteral("an object"), value);
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString key = it.key();
            const QString field = path + QLatin1Char('.') + key;
            double n = 0;
            std::string s;
            if (key == QLatin1String("latency")) {
                if (!seconds(field, *it, out.latency)) return false;
            } else if (key == QLatin1String("size")) {
                if (!count(field, *it, n, 0)) return false;
                out.size = std::uint64_t(n);
            } else if (key == QLatin1String("status")) {
                if (!count(field, *it, n, 100) || n > 599) return fail(field, QStringLiteral("an HTTP status (100-599)"), *it);
                out.status = int(n);
            } else if (key == QLatin1String("body")) {
                if (!text(field, *it, s)) return false;
                out.body = s;
            } else if (key == QLatin1String("contentType")) {
                if (!text(field, *it, s)) return false;
                out.contentType = s;
            } else if (key == QLatin1String("error")) {
                const QString e = it->toString();
                if (e == QLatin1String("timeout"))
                    out.failure = WorldFailure::Timeout;
                else if (e == QLatin1String("refused"))
                    out.failure = WorldFailure::Refused;
                else if (e == QLatin1String("reset"))
                    out.failure = WorldFailure::Reset;
                else if (e == QLatin1String("none") || it->isNull())
                    out.failure = WorldFailure::None;
                else
                    return fail(field, QStringLiteral("\"timeout\", \"refused\", \"reset\" or \"none\""), *it);
            } else {
                return unknown(path, key, "latency, size, status, body, contentType, error");
            }
        }
        return true;
    }

    bool endpoints(const QString& path, const QJsonValue& value, std::map<std::string, WorldEndpoint>& out)
    {
        if (!value.isObject()) return fail(path, QStringLiteral("an object"), value);
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            WorldEndpoint e;
            if (!endpoint(path + QStringLiteral("[\"%1\"]").arg(it.key()), *it, e)) return false;
            out[it.key().toStdString()] = std::move(e);
        }
        return true;
    }

    bool client(const QString& path, const QJsonValue& value, WorldClient& out)
    {
        if (!value.isObject()) return fail(path, QStringLiteral("an object"), value);
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString key = it.key();
            const QString field = path + QLatin1Char('.') + key;
            std::optional<double> t;
            double n = 0;
            if (key == QLatin1String("name")) {
                if (!text(field, *it, out.name)) return false;
            } else if (key == QLatin1String("method")) {
                if (!text(field, *it, out.method)) return false;
            } else if (key == QLatin1String("path")) {
                if (!text(field, *it, out.path)) return false;
                if (out.path.empty() || out.path[0] != '/') return fail(field, QStringLiteral("a path starting with \"/\""), *it);
            } else if (key == QLatin1String("at")) {
                if (!seconds(field, *it, t)) return false;
                out.at = *t;
            } else if (key == QLatin1String("every")) {
                if (!seconds(field, *it, t)) return false;
                out.every = *t;
            } else if (key == QLatin1String("repeat")) {
                if (!count(field, *it, n, 1)) return false;
                out.repeat = int(n);
            } else {
                return unknown(path, key, "name, method, path, at, repeat, every");
            }
        }
        return true;
    }

private:
    QString& m_error;
};

} // namespace

bool worldFromJson(const QJsonObject& json, WorldConfig& out, QString& error)
{
    Reader r(error);
    const QString root = QStringLiteral("world");
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        const QString field = root + QLatin1Char('.') + key;
        if (key == QLatin1String("urls")) {
            if (!r.endpoints(field, *it, out.urls)) return false;
        } else if (key == QLatin1String("hosts")) {
            if (!r.endpoints(field, *it, out.hosts)) return false;
        } else if (key == QLatin1String("defaultLatency")) {
            if (!r.seconds(field, *it, out.defaultLatency)) return false;
        } else if (key == QLatin1String("serviceLatency")) {
            if (!r.seconds(field, *it, out.serviceLatency)) return false;
        } else if (key == QLatin1String("uvloop")) {
            if (!it->isBool()) return r.fail(field, QStringLiteral("true or false"), *it);
            out.uvloop = it->toBool();
        } else if (key == QLatin1String("clients")) {
            if (!it->isArray()) return r.fail(field, QStringLiteral("an array"), *it);
            const QJsonArray clients = it->toArray();
            for (qsizetype i = 0; i < clients.size(); ++i) {
                WorldClient c;
                if (!r.client(field + QStringLiteral("[%1]").arg(i), clients[i], c)) return false;
                out.clients.push_back(std::move(c));
            }
        } else {
            return r.unknown(root, key, "urls, hosts, defaultLatency, serviceLatency, clients, uvloop");
        }
    }
    return true;
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
