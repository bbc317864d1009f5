#include "lessons/loader/LessonLoader.h"

#include "lessons/loader/detail/LessonParser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

namespace coroscope::lessons {

namespace {

/// Lesson files are UTF-8 (the programs print Chinese); anything else is refused.
std::optional<QString> readUtf8(const QString& path, QString* problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = file.errorString().isEmpty() ? QStringLiteral("cannot open") : file.errorString();
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    if (decoder.hasError()) {
        *problem = QStringLiteral("not valid UTF-8");
        return std::nullopt;
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text;
}

QString defaultDisplay(const QString& folder)
{
    if (folder.startsWith(QStringLiteral(":/")))
        return folder.mid(2);
    return QDir::cleanPath(folder);
}

/// Line and column of a byte offset into a JSON document, for parse errors.
QString position(const QByteArray& bytes, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            ++line;
            column = 1;
        } else if ((bytes[i] & 0xC0) != 0x80) {
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

} // namespace

std::optional<Lesson> LessonLoader::loadFolder(const QString& folder, QList<LessonError>& errors,
                                               const QString& displayFolder)
{
    const QString display = displayFolder.isEmpty() ? defaultDisplay(folder) : displayFolder;
    const QString jsonName = display + QStringLiteral("/lesson.json");
    QFile file(folder + QStringLiteral("/lesson.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        errors.append(LessonError{jsonName, {}, QStringLiteral("cannot open: %1").arg(file.errorString())});
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        errors.append(LessonError{jsonName, {},
                                  QStringLiteral("not valid JSON at %1: %2")
                                      .arg(position(bytes, parseError.offset), parseError.errorString())});
        return std::nullopt;
    }
    if (!document.isObject()) {
        errors.append(LessonError{jsonName, {}, QStringLiteral("expected a JSON object at the top level")});
        return std::nullopt;
    }
    const detail::FolderReader read = [&folder](const QString& name, QString* problem) {
        return readUtf8(folder + QLatin1Char('/') + name, problem);
    };
    std::optional<Lesson> lesson = detail::parseLesson(document.object(), jsonName, read, errors);
    if (lesson) {
        lesson->folder = folder;
        lesson->displayFolder = display;
    }
    return lesson;
}

std::optional<Lesson> LessonLoader::loadPythonFile(const QString& path, QList<LessonError>& errors)
{
    QString problem;
    const std::optional<QString> source = readUtf8(path, &problem);
    if (!source) {
        errors.append(LessonError{QDir::cleanPath(path), {}, QStringLiteral("cannot read: %1").arg(problem)});
        return std::nullopt;
    }
    const QFileInfo info(path);
    Program program;
    program.file = info.fileName();
    program.title = LocalizedText{info.fileName(), info.fileName()};
    program.source = *source;
    Lesson lesson;
    lesson.id = QStringLiteral("file-") + info.completeBaseName().toLower();
    lesson.title = program.title;
    lesson.summary = LocalizedText{QStringLiteral("打开的文件:%1").arg(QDir::cleanPath(path)),
                                   QStringLiteral("Opened file: %1").arg(QDir::cleanPath(path))};
    lesson.programs.append(program);
    lesson.folder = info.absolutePath();
    lesson.displayFolder = QDir::cleanPath(info.path());
    return lesson;
}

std::optional<Lesson> LessonLoader::open(const QString& path, QList<LessonError>& errors)
{
    const QFileInfo info(path);
    if (info.isDir())
        return loadFolder(path, errors);
    if (info.fileName() == QLatin1String("lesson.json"))
        return loadFolder(info.path(), errors);
    if (info.suffix() == QLatin1String("py"))
        return loadPythonFile(path, errors);
    errors.append(LessonError{QDir::cleanPath(path), {},
                              info.exists() ? QStringLiteral("expected a lesson folder, a lesson.json or a .py file")
                                            : QStringLiteral("no such file or folder")});
    return std::nullopt;
}

} // namespace coroscope::lessons
