#pragma once
// LessonParser: a parsed lesson.json plus its folder's files -> a Lesson,
// checking every field and every cross-reference (program indices, line
// anchors against the program text, what-if edits against the text they
// edit, tutorial snippets against the program).

#include "lessons/loader/Lesson.h"
#include "lessons/loader/LessonError.h"

#include <QJsonObject>
#include <QList>

#include <functional>
#include <optional>

namespace coroscope::lessons::detail {

/// Reads a file of the lesson folder by its plain name; nullopt, with the
/// reason in *problem, when it cannot.
using FolderReader = std::function<std::optional<QString>(const QString& name, QString* problem)>;

/// Returns the lesson, or nullopt after appending at least one error to
/// `errors`. `file` is how errors name lesson.json.
std::optional<Lesson> parseLesson(const QJsonObject& root, const QString& file, const FolderReader& read,
                                  QList<LessonError>& errors);

} // namespace coroscope::lessons::detail
