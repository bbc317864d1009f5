#pragma once
// LessonLoader: reads one lesson from a folder (on disk or bundled as Qt
// resources) or makes a one-program lesson of a bare .py file. Every mistake
// is appended to `errors` as a LessonError naming the file and JSON field;
// a lesson with any mistake is not returned.

#include "lessons/loader/Lesson.h"
#include "lessons/loader/LessonError.h"

#include <QList>
#include <QString>

#include <optional>

namespace coroscope::lessons {

class LessonLoader {
public:
    /// The lesson in `folder` (a disk path, or a resource path such as
    /// ":/lessons/02-greenlet"). Messages name lesson.json as
    /// `displayFolder`/lesson.json; by default the folder as given, with a
    /// resource path shown without its ":/".
    static std::optional<Lesson> loadFolder(const QString& folder, QList<LessonError>& errors,
                                            const QString& displayFolder = {});
    /// A bare Python file as a lesson with one program and no narration.
    static std::optional<Lesson> loadPythonFile(const QString& path, QList<LessonError>& errors);
    /// What File > Open accepts: a lesson folder, its lesson.json, or a .py file.
    static std::optional<Lesson> open(const QString& path, QList<LessonError>& errors);
};

} // namespace coroscope::lessons
