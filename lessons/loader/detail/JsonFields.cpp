#include "lessons/loader/detail/JsonFields.h"

#include <cmath>

namespace coroscope::lessons::detail {

QString fieldPath(const QString& parent, const QString& key)
{
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString fieldPath(const QString& parent, qsizetype index)
{
    return parent + QStringLiteral("[%1]").arg(index);
}

namespace {

QString describe(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(v.toDouble());
    case QJsonValue::String: return QStringLiteral("the string \"%1\"").arg(v.toString());
    case QJsonValue::Array: return QStringLiteral("a list");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

bool isInteger(const QJsonValue& v)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 2147483648.0;
}

} // namespace

JsonFields::JsonFields(QString file, QList<LessonError>& errors)
    : m_file(std::move(file))
    , m_errors(errors)
    , m_firstError(int(errors.size()))
{
}

void JsonFields::error(const QString& path, const QString& message)
{
    m_errors.append(LessonError{m_file, path, message});
}

void JsonFields::rejectUnknown(const QJsonObject& object, const QString& path, const QStringList& known)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            error(fieldPath(path, it.key()),
                  QStringLiteral("unknown field (expected one of: %1)").arg(known.join(QStringLiteral(", "))));
    }
}

bool JsonFields::present(const QJsonObject& o, const QString& path, const QString& key, bool required)
{
    if (o.contains(key))
        return true;
    if (required)
        error(fieldPath(path, key), QStringLiteral("required field is missing"));
    return false;
}

std::optional<QString> JsonFields::string(const QJsonObject& o, const QString& path, const QString& key,
                                          bool required)
{
    if (!present(o, path, key, required))
        return std::nullopt;
    const QJsonValue v = o.value(key);
    if (!v.isString()) {
        error(fieldPath(path, key), QStringLiteral("expected a string, got %1").arg(describe(v)));
        return std::nullopt;
    }
    return v.toString();
}

std::optional<QString> JsonFields::nonEmptyString(const QJsonObject& o, const QString& path, const QString& key,
                                                  bool required)
{
    std::optional<QString> s = string(o, path, key, required);
    if (s && s->trimmed().isEmpty()) {
        error(fieldPath(path, key), QStringLiteral("must not be empty"));
        return std::nullopt;
    }
    return s;
}

std::optional<int> JsonFields::positiveInt(const QJsonObject& o, const QString& path, const QString& key,
                                           bool required)
{
    if (!present(o, path, key, required))
        return std::nullopt;
    const QJsonValue v = o.value(key);
    if (!isInteger(v) || v.toDouble() < 1) {
        error(fieldPath(path, key), QStringLiteral("expected a positive integer, got %1").arg(describe(v)));
        return std::nullopt;
    }
    return int(v.toDouble());
}

std::optional<int> JsonFields::nonNegativeInt(const QJsonObject& o, const QString& path, const QString& key,
                                              bool required)
{
    if (!present(o, path, key, required))
        return std::nullopt;
    const QJsonValue v = o.value(key);
    if (!isInteger(v) || v.toDouble() < 0) {
        error(fieldPath(path, key), QStringLiteral("expected an integer >= 0, got %1").arg(describe(v)));
        return std::nullopt;
    }
    return int(v.toDouble());
}

std::optional<double> JsonFields::nonNegativeNumber(const QJsonObject& o, const QString& path, const QString& key,
                                                    bool required)
{
    if (!present(o, path, key, required))
        return std::nullopt;
    const QJsonValue v = o.value(key);
    if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < 0) {
        error(fieldPath(path, key), QStringLiteral("expected a number >= 0, got %1").arg(describe(v)));
        return std::nullopt;
    }
    return v.toDouble();
}

std::optional<bool> JsonFields::boolean(const QJsonObject& o, const QString& path, const QString& key,
                                        bool required)
{
    if (!present(o, path, key, required))
        return std::nullopt;
    const QJsonValue v = o.value(key);
    if (!v.isBool()) {
        error(fieldPath(path, key), QStringLiteral("expected true or false, got %1").arg(describe(v)));
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<QJsonObject> JsonFields::object(const QJsonObject& o, const QString& path, const QString& key,
                                              bool required)
{
    if (!present(o, path, key, required))
        return std::nullopt;
    return asObject(o.value(key), fieldPath(path, key));
}

std::optional<QJsonArray> JsonFields::array(const QJsonObject& o, const QString& path, const QString& key,
                                            bool required)
{
    if (!present(o, path, key, required))
        return std::nullopt;
    const QJsonValue v = o.value(key);
    if (!v.isArray()) {
        error(fieldPath(path, key), QStringLiteral("expected a list, got %1").arg(describe(v)));
        return std::nullopt;
    }
    return v.toArray();
}

std::optional<LocalizedText> JsonFields::localized(const QJsonObject& o, const QString& path, const QString& key,
                                                   bool required)
{
    const std::optional<QJsonObject> text = object(o, path, key, required);
    if (!text)
        return std::nullopt;
    const QString here = fieldPath(path, key);
    rejectUnknown(*text, here, {QStringLiteral("zh"), QStringLiteral("en")});
    const std::optional<QString> zh = nonEmptyString(*text, here, QStringLiteral("zh"), true);
    const std::optional<QString> en = nonEmptyString(*text, here, QStringLiteral("en"), true);
    if (!zh || !en)
        return std::nullopt;
    return LocalizedText{*zh, *en};
}

std::optional<QJsonObject> JsonFields::asObject(const QJsonValue& v, const QString& path)
{
    if (!v.isObject()) {
        error(path, QStringLiteral("expected an object, got %1").arg(describe(v)));
        return std::nullopt;
    }
    return v.toObject();
}

} // namespace coroscope::lessons::detail
