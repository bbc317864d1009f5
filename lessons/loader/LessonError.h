#pragma once
// LessonError: one mistake in a lesson file, named by file and JSON field so an
// instructor can find it ("lessons/03-yield/lesson.json: narration[2].anchor.line:
// expected a positive integer").

#include <QString>

namespace coroscope::lessons {

struct LessonError {
    QString file;    ///< the file as the instructor knows it (disk path or "lessons/<folder>/lesson.json")
    QString field;   ///< JSON path of the offending field ("narration[2].anchor.line"); empty for the whole file
    QString message; ///< what is wrong, starting lower-case ("expected a positive integer")

    /// "file: field: message", or "file: message" when no field is named.
    QString toString() const
    {
        return field.isEmpty() ? file + QStringLiteral(": ") + message
                               : file + QStringLiteral(": ") + field + QStringLiteral(": ") + message;
    }
    bool operator==(const LessonError&) const = default;
};

} // namespace coroscope::lessons
