#pragma once
// JsonFields: typed reads from a parsed lesson.json that record every mistake
// as a LessonError naming the file and the JSON path, and carry on, so that
// one pass reports every error of a file (panic-mode recovery, as in clox).

#include "lessons/loader/LessonError.h"
#include "lessons/loader/LocalizedText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace coroscope::lessons::detail {

/// "narration" + 2 -> "narration[2]"; "narration[2]" + "anchor" -> "narration[2].anchor".
QString fieldPath(const QString& parent, const QString& key);
QString fieldPath(const QString& parent, qsizetype index);

class JsonFields {
public:
    JsonFields(QString file, QList<LessonError>& errors);

    void error(const QString& path, const QString& message);
    int errorCount() const { return int(m_errors.size()) - m_firstError; }

    /// Reports every key of `object` not in `known`.
    void rejectUnknown(const QJsonObject& object, const QString& path, const QStringList& known);

    /// Each read reports a missing required field or a value of the wrong
    /// type at path.key and returns nullopt; an absent optional field also
    /// returns nullopt without an error.
    std::optional<QString> string(const QJsonObject& o, const QString& path, const QString& key, bool required);
    std::optional<QString> nonEmptyString(const QJsonObject& o, const QString& path, const QString& key,
                                          bool required);
    std::optional<int> positiveInt(const QJsonObject& o, const QString& path, const QString& key, bool required);
    std::optional<int> nonNegativeInt(const QJsonObject& o, const QString& path, const QString& key,
                                      bool required);
    std::optional<double> nonNegativeNumber(const QJsonObject& o, const QString& path, const QString& key,
                                            bool required);
    std::optional<bool> boolean(const QJsonObject& o, const QString& path, const QString& key, bool required);
    std::optional<QJsonObject> object(const QJsonObject& o, const QString& path, const QString& key,
                                      bool required);
    std::optional<QJsonArray> array(const QJsonObject& o, const QString& path, const QString& key,
                                    bool required);
    /// {"zh": ..., "en": ...}, both non-empty strings.
    std::optional<LocalizedText> localized(const QJsonObject& o, const QString& path, const QString& key,
                                           bool required);

    /// The element as an object, or an error at path.
    std::optional<QJsonObject> asObject(const QJsonValue& v, const QString& path);

private:
    bool present(const QJsonObject& o, const QString& path, const QString& key, bool required);

    QString m_file;
    QList<LessonError>& m_errors;
    int m_firstError = 0; ///< errors before this index belong to earlier files
};

} // namespace coroscope::lessons::detail
