#pragma once
// LessonLibrary: every lesson the app offers, in chapter order. A malformed
// lesson is left out and its errors are kept; the others still load.

#include "lessons/loader/Lesson.h"
#include "lessons/loader/LessonError.h"

#include <QList>
#include <QString>

namespace coroscope::lessons {

class LessonLibrary {
public:
    /// The resource folder the lessons of lessons/ are bundled under.
    static QString bundledRoot() { return QStringLiteral(":/lessons"); }

    /// Loads the lessons bundled into the binary.
    void loadBundled();
    /// Loads every folder directly inside `root` that holds a lesson.json.
    /// Messages name them as `displayRoot`/<folder>/lesson.json (default: root).
    void loadDirectory(const QString& root, const QString& displayRoot = {});
    /// Adds one lesson (File > Open lesson); refused with an error if its id is taken.
    bool add(const Lesson& lesson);

    /// All lessons, ordered by chapter (compareChapters), then by id.
    const QList<Lesson>& lessons() const { return m_lessons; }
    /// Every mistake found while loading, in the order found.
    const QList<LessonError>& errors() const { return m_errors; }
    /// The lesson with this id, or nullptr.
    const Lesson* find(const QString& id) const;

private:
    QList<Lesson> m_lessons;
    QList<LessonError> m_errors;
};

} // namespace coroscope::lessons
