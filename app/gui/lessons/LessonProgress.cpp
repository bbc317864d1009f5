#include "app/gui/lessons/LessonProgress.h"

#include <QSettings>

namespace coroscope {

LessonProgress::LessonProgress(QSettings* settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
{
}

QString LessonProgress::key(const QString& lessonId, const QString& leaf) const
{
    return QStringLiteral("lessons/%1/%2").arg(lessonId, leaf);
}

void LessonProgress::markVisited(const QString& lessonId)
{
    if (isVisited(lessonId))
        return;
    m_settings->setValue(key(lessonId, QStringLiteral("visited")), true);
    emit changed(lessonId);
}

void LessonProgress::markProgramFinished(const QString& lessonId, int program)
{
    const QString k = key(lessonId, QStringLiteral("finished"));
    QStringList finished = m_settings->value(k).toStringList();
    const QString entry = QString::number(program);
    bool changedAny = false;
    if (!finished.contains(entry)) {
        finished.append(entry);
        m_settings->setValue(k, finished);
        changedAny = true;
    }
    if (!isVisited(lessonId)) {
        m_settings->setValue(key(lessonId, QStringLiteral("visited")), true);
        changedAny = true;
    }
    if (changedAny)
        emit changed(lessonId);
}

bool LessonProgress::isVisited(const QString& lessonId) const
{
    return m_settings->value(key(lessonId, QStringLiteral("visited")), false).toBool();
}

bool LessonProgress::isProgramFinished(const QString& lessonId, int program) const
{
    return m_settings->value(key(lessonId, QStringLiteral("finished"))).toStringList().contains(QString::number(program));
}

LessonProgress::Mark LessonProgress::mark(const QString& lessonId, int programCount) const
{
    if (!isVisited(lessonId))
        return Mark::New;
    if (programCount <= 0)
        return Mark::Visited;
    for (int p = 0; p < programCount; ++p) {
        if (!isProgramFinished(lessonId, p))
            return Mark::Visited;
    }
    return Mark::Completed;
}

void LessonProgress::recordAnswer(const QString& lessonId, int index, bool correct)
{
    m_settings->setValue(key(lessonId, QStringLiteral("checkpoint%1").arg(index)), correct);
    emit changed(lessonId);
}

std::optional<bool> LessonProgress::answer(const QString& lessonId, int index) const
{
    const QVariant v = m_settings->value(key(lessonId, QStringLiteral("checkpoint%1").arg(index)));
    if (!v.isValid())
        return std::nullopt;
    return v.toBool();
}

int LessonProgress::correctAnswers(const QString& lessonId, int checkpointCount) const
{
    int right = 0;
    for (int i = 0; i < checkpointCount; ++i)
        right += answer(lessonId, i).value_or(false) ? 1 : 0;
    return right;
}

int LessonProgress::answered(const QString& lessonId, int checkpointCount) const
{
    int n = 0;
    for (int i = 0; i < checkpointCount; ++i)
        n += answer(lessonId, i).has_value() ? 1 : 0;
    return n;
}

void LessonProgress::reset(const QString& lessonId)
{
    m_settings->remove(QStringLiteral("lessons/%1").arg(lessonId));
    emit changed(lessonId);
}

} // namespace coroscope
