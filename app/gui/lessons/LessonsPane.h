#pragma once
// LessonsPane: the lesson browser (DESIGN.md section 4). Every lesson in
// chapter order with its title in the UI language and a progress mark (not
// started, visited, completed); the lesson's programs beneath it; the
// selected lesson's summary and checkpoint score below. Activating a lesson
// or one of its programs asks the window to open it.

#include "lessons/loader/LocalizedText.h"

#include <QWidget>

class QLabel;
class QScrollArea;
class QVBoxLayout;
class QTreeWidget;
class QTreeWidgetItem;

namespace coroscope::lessons {
class LessonLibrary;
struct Lesson;
}

namespace coroscope {

class LessonProgress;

class LessonsPane : public QWidget {
    Q_OBJECT
public:
    /// Item data roles of the tree.
    static constexpr int kLessonIdRole = Qt::UserRole;
    static constexpr int kProgramRole = Qt::UserRole + 1; ///< -1 on a lesson's own row

    /// `library` and `progress` must outlive the pane.
    LessonsPane(const lessons::LessonLibrary* library, LessonProgress* progress, QWidget* parent = nullptr);

    QTreeWidget* tree() const { return m_tree; }
    /// Rebuilds the list after lessons were added to the library.
    void reload();
    void setLanguage(lessons::Language language);
    lessons::Language language() const { return m_language; }

    /// Shows `program` of the lesson as the current one, without emitting.
    void setCurrent(const QString& lessonId, int program);
    QString currentLessonId() const { return m_currentLesson; }
    int currentProgram() const { return m_currentProgram; }

    /// The row of a lesson, or of one of its programs (program >= 0); a
    /// lesson with a single program has no program rows: its own row is program 0's.
    QTreeWidgetItem* itemFor(const QString& lessonId, int program = -1) const;
    /// Shows `widget` under the lesson's details (the what-if toggles); the
    /// details and these scroll together when the pane is too short for them.
    void addFooter(QWidget* widget);

signals:
    /// The student picked a lesson (program 0) or one of its programs.
    void programActivated(const QString& lessonId, int program);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onItemActivated(QTreeWidgetItem* item);
    void refreshMarks();
    void refreshDetails();
    void refreshTexts();

    const lessons::LessonLibrary* m_library;
    LessonProgress* m_progress;
    lessons::Language m_language = lessons::Language::English;
    QTreeWidget* m_tree;
    QScrollArea* m_detailsArea;
    QVBoxLayout* m_detailsLayout;
    QLabel* m_details;
    QString m_currentLesson;
    int m_currentProgram = -1;
};

} // namespace coroscope
