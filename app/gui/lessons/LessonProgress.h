#pragma once
// LessonProgress: how far the student got in each lesson, kept in the
// settings (issue 6, student mode): which lessons were opened, which
// programs were played to their end, and each checkpoint's latest answer.
// A lesson is completed once every program was played to its end.

#include <QObject>
#include <QString>

#include <optional>

class QSettings;

namespace coroscope {

class LessonProgress : public QObject {
    Q_OBJECT
public:
    enum class Mark : std::uint8_t {
        New,       ///< never opened
        Visited,   ///< opened, not every program played to its end
        Completed, ///< every program played to its end
    };

    /// `settings` must outlive this object (the AppEnvironment's).
    explicit LessonProgress(QSettings* settings, QObject* parent = nullptr);

    void markVisited(const QString& lessonId);
    /// Program `program` of the lesson was played to the end of its run.
    void markProgramFinished(const QString& lessonId, int program);
    bool isVisited(const QString& lessonId) const;
    bool isProgramFinished(const QString& lessonId, int program) const;
    /// The lesson's mark, given how many programs it has.
    Mark mark(const QString& lessonId, int programCount) const;

    /// Records the student's latest answer to checkpoint `index` of the lesson.
    void recordAnswer(const QString& lessonId, int index, bool correct);
    /// The latest answer to the checkpoint: nullopt when never answered.
    std::optional<bool> answer(const QString& lessonId, int index) const;
    /// Checkpoints of the lesson answered right, and answered at all.
    int correctAnswers(const QString& lessonId, int checkpointCount) const;
    int answered(const QString& lessonId, int checkpointCount) const;

    /// Forgets everything about one lesson.
    void reset(const QString& lessonId);

signals:
    void changed(const QString& lessonId);

private:
    QString key(const QString& lessonId, const QString& leaf) const;

    QSettings* m_settings;
};

} // namespace coroscope
