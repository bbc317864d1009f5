#pragma once
// CheckpointCard: a lesson's predict-the-output question, asked inline in
// the narration pane when playback stops at a checkpoint (issue 6). The
// choices come from the run (CheckpointAnswer); the student picks one (or,
// for "what is in the ready queue?", the entries front first), the card
// reveals the answer with the lesson's explanation, and reports the score.

#include "lessons/loader/Checkpoint.h"
#include "lessons/loader/CheckpointAnswer.h"
#include "lessons/loader/LocalizedText.h"

#include <QFrame>
#include <QStringList>

class QLabel;
class QPushButton;
class QVBoxLayout;
class QWidget;

namespace coroscope {

class CheckpointCard : public QFrame {
    Q_OBJECT
public:
    explicit CheckpointCard(QWidget* parent = nullptr);

    /// Shows the question of `checkpoint` (number `index` in the lesson)
    /// with the choices of `answer`.
    void ask(int index, const lessons::Checkpoint& checkpoint, const lessons::CheckpointAnswer& answer);
    void setLanguage(lessons::Language language);

    int index() const { return m_index; }
    bool isAnswered() const { return m_answered; }
    bool wasRight() const { return m_right; }
    /// The choices offered, in the order shown ("Nothing more" included).
    QStringList choices() const;
    /// The text shown after the answer.
    QString resultText() const;
    /// The token a choice stands for when the run prints or runs nothing more.
    static QString nothingChoice() { return QStringLiteral("\u2205"); }

public slots:
    /// Answers with one choice (next output, next task), or adds an entry
    /// to the ready-queue answer being built.
    void choose(const QString& choice);
    /// Answers a ready-queue question with the entries picked so far.
    void submitQueue();
    /// Answers with the given list, front first (ready-queue questions).
    void answerQueue(const QStringList& entries);

signals:
    /// The student answered; `right` says whether the prediction was right.
    void answered(int index, bool right);
    /// "Show me": go to where the answer happens and close the card.
    void showAnswerRequested(std::size_t revealPosition);
    /// "Skip": close the card without answering.
    void skipped(int index);

private:
    void rebuild();
    void finish(bool right, const QString& given);
    QString label(const QString& choice) const;

    int m_index = -1;
    lessons::Checkpoint m_checkpoint;
    lessons::CheckpointAnswer m_answer;
    lessons::Language m_language = lessons::Language::English;
    bool m_answered = false;
    bool m_right = false;
    QString m_given;
    QStringList m_queue; ///< ready-queue entries picked so far
    QLabel* m_prompt;
    QWidget* m_choiceBox;
    QVBoxLayout* m_choiceLayout;
    QLabel* m_picked;
    QLabel* m_result;
    QPushButton* m_check;
    QPushButton* m_clear;
    QPushButton* m_show;
    QPushButton* m_skip;
};

} // namespace coroscope
