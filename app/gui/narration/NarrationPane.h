#pragma once
// NarrationPane: the lesson's text for the step at the playhead (DESIGN.md
// section 4), in the UI language, with "step k of n" and buttons that seek
// to the previous and next narration step; below it, "why does this task
// run next?" explained from the Model (WhyNext); and, when playback stops at
// one of the lesson's checkpoints, the question (CheckpointCard).

#include "app/gui/narration/NarrationTrack.h"
#include "lessons/loader/CheckpointAnswer.h"
#include "lessons/loader/Lesson.h"

#include <QElapsedTimer>
#include <QWidget>

#include <map>
#include <optional>
#include <set>

class QLabel;
class QToolButton;

namespace coroscope {

class CheckpointCard;
class LessonProgress;
class Player;
class PlayheadModel;

class NarrationPane : public QWidget {
    Q_OBJECT
public:
    /// Anchors are resolved again at most this often while a run streams.
    static constexpr int kResolveIntervalMs = 250;

    NarrationPane(Player* player, PlayheadModel* model, LessonProgress* progress, QWidget* parent = nullptr);

    /// Narrates program `program` of `lesson` (copied); nullptr for a
    /// program outside any lesson. Questions already asked are forgotten.
    void setLesson(const lessons::Lesson* lesson, int program);
    bool hasLesson() const { return m_lesson.has_value(); }
    void setLanguage(lessons::Language language);

    /// The current run is complete: its checkpoints become questions.
    void runFinished();

    const NarrationTrack& track() const { return m_track; }
    /// Index into track().stops() of the step shown; -1 before the first.
    int shownStop() const { return m_shown; }
    QString narrationText() const;
    QString stepText() const;
    QString whyText() const;
    CheckpointCard* checkpointCard() const { return m_card; }
    bool isAsking() const;
    /// The answer of checkpoint `index` of the lesson in the current run.
    const lessons::CheckpointAnswer* answerFor(int index) const;

public slots:
    void nextStep();
    void previousStep();

protected:
    void changeEvent(QEvent* event) override;

private:
    void onTraceChanged();
    void onLengthChanged();
    void onBarrier(qint64 position);
    void refresh();
    void refreshWhy();
    void retranslate();

    Player* m_player;
    PlayheadModel* m_model;
    LessonProgress* m_progress;
    std::optional<lessons::Lesson> m_lesson;
    int m_program = 0;
    lessons::Language m_language = lessons::Language::English;
    NarrationTrack m_track;
    int m_shown = -1;
    QElapsedTimer m_sinceResolve; ///< since the anchors were last resolved
    /// Lesson checkpoint index -> its answer in the current run.
    std::map<int, lessons::CheckpointAnswer> m_answers;
    std::set<int> m_asked; ///< checkpoints asked since the lesson was opened

    QLabel* m_title;
    QLabel* m_stepLabel;
    QToolButton* m_previous;
    QToolButton* m_next;
    QLabel* m_text;
    CheckpointCard* m_card;
    QLabel* m_whyTitle;
    QLabel* m_why;
};

} // namespace coroscope
