#include "lessons/loader/LessonLibrary.h"

#include "lessons/loader/LessonLoader.h"

#include <QDir>

#include <algorithm>

namespace coroscope::lessons {

void LessonLibrary::loadBundled()
{
    loadDirectory(bundledRoot(), QStringLiteral("lessons"));
}

void LessonLibrary::loadDirectory(const QString& root, const QString& displayRoot)
{
    const QString display = displayRoot.isEmpty() ? QDir::cleanPath(root) : displayRoot;
    const QDir dir(root);
    if (!dir.exists()) {
        m_errors.append(LessonError{display, {}, QStringLiteral("no such folder")});
        return;
    }
    const QStringList folders = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& name : folders) {
        if (!QFileInfo::exists(dir.filePath(name) + QStringLiteral("/lesson.json")))
            continue;
        if (std::optional<Lesson> lesson =
                LessonLoader::loadFolder(dir.filePath(name), m_errors, display + QLatin1Char('/') + name))
            add(*lesson);
    }
}

bool LessonLibrary::add(const Lesson& lesson)
{
    if (const Lesson* other = find(lesson.id)) {
        m_errors.append(LessonError{lesson.displayFolder + QStringLiteral("/lesson.json"), QStringLiteral("id"),
                                    QStringLiteral("\"%1\" is already used by %2/lesson.json")
                                        .arg(lesson.id, other->displayFolder)});
        return false;
    }
    const auto before = [](const Lesson& a, const Lesson& b) {
        const int order = compareChapters(a.chapter, b.chapter);
        return order != 0 ? order < 0 : a.id < b.id;
    };
    m_lessons.insert(std::upper_bound(m_lessons.begin(), m_lessons.end(), lesson, before), lesson);
    return true;
}

const Lesson* LessonLibrary::find(const QString& id) const
{
    for (const Lesson& lesson : m_lessons) {
        if (lesson.id == id)
            return &lesson;
    }
    return nullptr;
}

} // namespace coroscope::lessons
