#include "app/gui/narration/CheckpointCard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace coroscope {

CheckpointCard::CheckpointCard(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("checkpointCard"));
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(6);

    m_prompt = new QLabel(this);
    m_prompt->setObjectName(QStringLiteral("checkpointPrompt"));
    m_prompt->setWordWrap(true);
    m_prompt->setTextFormat(Qt::RichText);
    layout->addWidget(m_prompt);

    m_choiceBox = new QWidget(this);
    m_choiceLayout = new QVBoxLayout(m_choiceBox);
    m_choiceLayout->setContentsMargins(0, 0, 0, 0);
    m_choiceLayout->setSpacing(4);
    layout->addWidget(m_choiceBox);

    m_picked = new QLabel(this);
    m_picked->setObjectName(QStringLiteral("checkpointPicked"));
    m_picked->setWordWrap(true);
    layout->addWidget(m_picked);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("checkpointResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    layout->addWidget(m_result);

    auto* buttons = new QHBoxLayout;
    m_check = new QPushButton(this);
    m_check->setObjectName(QStringLiteral("checkpointCheck"));
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("checkpointClear"));
    m_show = new QPushButton(this);
    m_show->setObjectName(QStringLiteral("checkpointShow"));
    m_skip = new QPushButton(this);
    m_skip->setObjectName(QStringLiteral("checkpointSkip"));
    buttons->addWidget(m_check);
    buttons->addWidget(m_clear);
    buttons->addStretch(1);
    buttons->addWidget(m_show);
    buttons->addWidget(m_skip);
    layout->addLayout(buttons);

    connect(m_check, &QPushButton::clicked, this, &CheckpointCard::submitQueue);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_queue.clear();
        rebuild();
    });
    connect(m_show, &QPushButton::clicked, this, [this] { emit showAnswerRequested(m_answer.reveal); });
    connect(m_skip, &QPushButton::clicked, this, [this] { emit skipped(m_index); });
}

void CheckpointCard::ask(int index, const lessons::Checkpoint& checkpoint, const lessons::CheckpointAnswer& answer)
{
    m_index = index;
    m_checkpoint = checkpoint;
    m_answer = answer;
    m_answered = false;
    m_right = false;
    m_given.clear();
    m_queue.clear();
    rebuild();
}

void CheckpointCard::setLanguage(lessons::Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    rebuild();
}

QStringList CheckpointCard::choices() const
{
    QStringList out = m_answer.choices;
    if (m_checkpoint.kind != lessons::CheckpointKind::ReadyQueue)
        out.append(nothingChoice());
    return out;
}

QString CheckpointCard::label(const QString& choice) const
{
    if (choice == nothingChoice()) {
        return m_checkpoint.kind == lessons::CheckpointKind::NextOutput ? tr("Nothing more is printed")
                                                                        : tr("No task runs again");
    }
    if (choice.isEmpty())
        return tr("(an empty line)");
    return choice;
}

void CheckpointCard::rebuild()
{
    const QString kind = m_checkpoint.kind == lessons::CheckpointKind::NextOutput ? tr("What prints next?")
                         : m_checkpoint.kind == lessons::CheckpointKind::NextTask ? tr("Which task runs next?")
                                                                                  : tr("What is in the ready queue?");
    m_prompt->setText(QStringLiteral("<b>%1</b><br>%2")
                          .arg(tr("Predict: %1").arg(kind).toHtmlEscaped(),
                               m_checkpoint.prompt.in(m_language).toHtmlEscaped()));

    // Choosing rebuilds from inside the clicked button's signal: the old
    // buttons go later, nameless so that nobody finds them meanwhile.
    while (QLayoutItem* item = m_choiceLayout->takeAt(0)) {
        if (QWidget* w = item->widget()) {
            w->hide();
            w->setObjectName(QString());
            w->deleteLater();
        }
        delete item;
    }
    const bool queue = m_checkpoint.kind == lessons::CheckpointKind::ReadyQueue;
    const QStringList offered = choices();
    for (int i = 0; i < offered.size(); ++i) {
        const QString choice = offered[i];
        auto* button = new QPushButton(label(choice), m_choiceBox);
        button->setObjectName(QStringLiteral("checkpointChoice%1").arg(i));
        button->setEnabled(!m_answered && !(queue && m_queue.contains(choice)));
        button->setStyleSheet(QStringLiteral("text-align: left; padding: 4px 8px;"));
        connect(button, &QPushButton::clicked, this, [this, choice] { choose(choice); });
        m_choiceLayout->addWidget(button);
    }

    // Once answered, the result replaces the choices.
    m_choiceBox->setVisible(!m_answered);
    m_picked->setVisible(queue && !m_answered);
    m_picked->setText(m_queue.isEmpty() ? tr("Click the tasks in queue order, front first; "
                                             "check an empty answer if the queue is empty.")
                                        : tr("Your answer, front first: %1").arg(m_queue.join(tr(", "))));
    m_check->setVisible(queue && !m_answered);
    m_check->setText(tr("Check"));
    m_clear->setVisible(queue && !m_answered);
    m_clear->setText(tr("Clear"));
    m_clear->setEnabled(!m_queue.isEmpty());
    m_show->setVisible(m_answered);
    m_show->setText(tr("Show me"));
    m_show->setToolTip(tr("Go to the step where the answer happens"));
    m_skip->setText(m_answered ? tr("Close") : tr("Skip"));
    m_result->setVisible(m_answered);
    m_result->setText(resultText());
}

QString CheckpointCard::resultText() const
{
    if (!m_answered)
        return {};
    QString answer;
    if (m_answer.nothing)
        answer = label(nothingChoice());
    else if (m_checkpoint.kind == lessons::CheckpointKind::ReadyQueue)
        answer = m_answer.items.isEmpty() ? tr("the queue is empty") : m_answer.items.join(tr(", "));
    else
        answer = label(m_answer.answer);
    QString html = m_right ? QStringLiteral("<b>\u2714 %1</b> %2").arg(tr("Right!"), answer.toHtmlEscaped())
                           : QStringLiteral("<b>\u2718 %1</b> %2")
                                 .arg(tr("Not quite."), tr("The answer is: %1").arg(answer).toHtmlEscaped());
    const QString explain = m_checkpoint.explain.in(m_language);
    if (!explain.isEmpty())
        html += QStringLiteral("<br>") + explain.toHtmlEscaped();
    return html;
}

void CheckpointCard::choose(const QString& choice)
{
    if (m_answered)
        return;
    if (m_checkpoint.kind == lessons::CheckpointKind::ReadyQueue) {
        if (!m_queue.contains(choice))
            m_queue.append(choice);
        rebuild();
        return;
    }
    const bool right = m_answer.nothing ? choice == nothingChoice() : choice == m_answer.answer;
    finish(right, choice);
}

void CheckpointCard::submitQueue()
{
    answerQueue(m_queue);
}

void CheckpointCard::answerQueue(const QStringList& entries)
{
    if (m_answered || m_checkpoint.kind != lessons::CheckpointKind::ReadyQueue)
        return;
    m_queue = entries;
    finish(entries == m_answer.items, entries.join(QStringLiteral(", ")));
}

void CheckpointCard::finish(bool right, const QString& given)
{
    m_answered = true;
    m_right = right;
    m_given = given;
    rebuild();
    emit answered(m_index, right);
}

} // namespace coroscope
