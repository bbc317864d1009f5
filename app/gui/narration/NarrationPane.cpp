#include "app/gui/narration/NarrationPane.h"

#include "app/gui/lessons/LessonProgress.h"
#include "app/gui/narration/CheckpointCard.h"
#include "app/gui/narration/WhyNext.h"
#include "app/gui/player/Player.h"
#include "app/gui/run/PlayheadModel.h"
#include "app/gui/theme/PaintedIcon.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace coroscope {

NarrationPane::NarrationPane(Player* player, PlayheadModel* model, LessonProgress* progress, QWidget* parent)
    : QWidget(parent)
    , m_player(player)
    , m_model(model)
    , m_progress(progress)
{
    setObjectName(QStringLiteral("narrationPane"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(scroll);
    auto* body = new QWidget(scroll);
    body->setBackgroundRole(QPalette::Base);
    scroll->setWidget(body);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(8);

    m_title = new QLabel(body);
    m_title->setObjectName(QStringLiteral("narrationTitle"));
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    auto* header = new QHBoxLayout;
    m_stepLabel = new QLabel(body);
    m_stepLabel->setObjectName(QStringLiteral("narrationStep"));
    m_stepLabel->setForegroundRole(QPalette::PlaceholderText);
    m_previous = new QToolButton(body);
    m_previous->setObjectName(QStringLiteral("narrationPrevious"));
    m_previous->setIcon(paintedIcon(IconGlyph::StepBack));
    m_previous->setAutoRaise(true);
    m_next = new QToolButton(body);
    m_next->setObjectName(QStringLiteral("narrationNext"));
    m_next->setIcon(paintedIcon(IconGlyph::Step));
    m_next->setAutoRaise(true);
    header->addWidget(m_stepLabel, 1);
    header->addWidget(m_previous);
    header->addWidget(m_next);
    layout->addLayout(header);

    m_text = new QLabel(body);
    m_text->setObjectName(QStringLiteral("narrationText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont textFont = m_text->font();
    textFont.setPointSizeF(textFont.pointSizeF() * 1.12);
    m_text->setFont(textFont);
    layout->addWidget(m_text);

    m_card = new CheckpointCard(body);
    m_card->hide();
    layout->addWidget(m_card);

    auto* rule = new QFrame(body);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Plain);
    rule->setForegroundRole(QPalette::Mid);
    layout->addWidget(rule);

    m_whyTitle = new QLabel(body);
    m_whyTitle->setObjectName(QStringLiteral("whyTitle"));
    m_whyTitle->setFont(titleFont);
    layout->addWidget(m_whyTitle);
    m_why = new QLabel(body);
    m_why->setObjectName(QStringLiteral("whyText"));
    m_why->setWordWrap(true);
    m_why->setTextFormat(Qt::PlainText);
    m_why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_why);
    layout->addStretch(1);
    // Wrapped text takes the pane's width, whatever its longest word.
    for (QLabel* label : {m_title, m_stepLabel, m_text, m_whyTitle, m_why})
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    connect(m_previous, &QToolButton::clicked, this, &NarrationPane::previousStep);
    connect(m_next, &QToolButton::clicked, this, &NarrationPane::nextStep);
    connect(m_player, &Player::traceChanged, this, &NarrationPane::onTraceChanged);
    connect(m_player, &Player::lengthChanged, this, &NarrationPane::onLengthChanged);
    connect(m_player, &Player::positionChanged, this, &NarrationPane::refresh);
    connect(m_player, &Player::barrierReached, this, &NarrationPane::onBarrier);
    connect(m_model, &PlayheadModel::modelChanged, this, &NarrationPane::refreshWhy);
    connect(m_card, &CheckpointCard::answered, this, [this](int index, bool right) {
        if (m_lesson)
            m_progress->recordAnswer(m_lesson->id, index, right);
    });
    connect(m_card, &CheckpointCard::showAnswerRequested, this,
            [this](std::size_t reveal) { m_player->seek(qint64(reveal)); });
    connect(m_card, &CheckpointCard::skipped, this, [this] { m_card->hide(); });

    retranslate();
    onTraceChanged();
}

void NarrationPane::setLesson(const lessons::Lesson* lesson, int program)
{
    m_lesson.reset();
    if (lesson)
        m_lesson = *lesson;
    m_program = program;
    m_asked.clear();
    m_answers.clear();
    m_card->hide();
    m_track.setSteps(m_lesson ? m_lesson->narrationFor(program) : QList<lessons::NarrationStep>{});
    onTraceChanged();
}

void NarrationPane::setLanguage(lessons::Language language)
{
    m_language = language;
    m_card->setLanguage(language);
    refresh();
}

void NarrationPane::onTraceChanged()
{
    m_track.setTrace(m_player->trace());
    m_track.resolve();
    m_sinceResolve.start();
    m_answers.clear();
    m_card->hide();
    refresh();
    refreshWhy();
}

void NarrationPane::onLengthChanged()
{
    if (!m_track.incomplete())
        return;
    // Each resolve reads the trace from its start: while a long run
    // streams, look again only now and then (and once more at its end).
    if (m_sinceResolve.isValid() && m_sinceResolve.elapsed() < kResolveIntervalMs && !m_player->isFinished())
        return;
    m_sinceResolve.start();
    if (m_track.resolve())
        refresh();
}

void NarrationPane::runFinished()
{
    if (m_track.incomplete() && m_track.resolve())
        refresh();
    m_answers.clear();
    const Trace* trace = m_player->trace();
    if (!m_lesson || !trace)
        return;
    std::vector<std::size_t> barriers;
    for (int i = 0; i < m_lesson->checkpoints.size(); ++i) {
        const lessons::Checkpoint& checkpoint = m_lesson->checkpoints[i];
        if (checkpoint.program != m_program)
            continue;
        lessons::CheckpointAnswer answer = lessons::CheckpointAnswer::fromRun(*trace, checkpoint);
        if (!answer.resolved)
            continue;
        if (!m_asked.count(i) && qint64(answer.pause) > m_player->position())
            barriers.push_back(answer.pause);
        m_answers.emplace(i, std::move(answer));
    }
    m_player->setBarriers(std::move(barriers));
}

const lessons::CheckpointAnswer* NarrationPane::answerFor(int index) const
{
    const auto it = m_answers.find(index);
    return it == m_answers.end() ? nullptr : &it->second;
}

bool NarrationPane::isAsking() const
{
    return !m_card->isHidden() && !m_card->isAnswered();
}

void NarrationPane::onBarrier(qint64 position)
{
    m_player->removeBarrier(std::size_t(position));
    for (const auto& [index, answer] : m_answers) {
        if (qint64(answer.pause) != position || m_asked.count(index))
            continue;
        m_asked.insert(index);
        m_card->setLanguage(m_language);
        m_card->ask(index, m_lesson->checkpoints[index], answer);
        m_card->show();
        return;
    }
}

void NarrationPane::nextStep()
{
    const auto& stops = m_track.stops();
    const int next = m_shown + 1;
    if (next < int(stops.size()))
        m_player->seek(qint64(stops[std::size_t(next)].position));
}

void NarrationPane::previousStep()
{
    const auto& stops = m_track.stops();
    if (m_shown > 0)
        m_player->seek(qint64(stops[std::size_t(m_shown - 1)].position));
    else if (m_shown == 0)
        m_player->seek(0);
}

QString NarrationPane::narrationText() const
{
    if (!m_lesson)
        return tr("This program is not part of a lesson, so there is no lesson text. "
                  "The explanation below follows every step of the run.");
    if (m_shown < 0)
        return m_lesson->summary.in(m_language) + QStringLiteral("\n\n")
               + tr("Press Step (\u2192) or Play (Space) to start the run.");
    const int step = m_track.stops()[std::size_t(m_shown)].step;
    return m_track.steps()[step].text.in(m_language);
}

QString NarrationPane::stepText() const
{
    const int count = int(m_track.stops().size());
    if (!m_lesson || count == 0)
        return QString();
    return tr("Step %1 of %2").arg(m_shown + 1).arg(count);
}

QString NarrationPane::whyText() const
{
    return m_why->text();
}

void NarrationPane::refresh()
{
    m_shown = m_player->hasTrace() ? m_track.stopAt(std::size_t(m_player->position())) : -1;
    // An answered question stays while the student watches its answer happen.
    if (!m_card->isHidden() && m_card->isAnswered()) {
        const lessons::CheckpointAnswer* answer = answerFor(m_card->index());
        const std::size_t position = std::size_t(m_player->position());
        if (!answer || position < answer->pause || position > answer->reveal)
            m_card->hide();
    }
    if (m_lesson && m_program >= 0 && m_program < m_lesson->programs.size()) {
        const lessons::Program& program = m_lesson->programs[m_program];
        m_title->setText(m_lesson->programs.size() > 1
                             ? tr("%1 %2 \u2014 %3")
                                   .arg(m_lesson->chapter, m_lesson->title.in(m_language), program.title.in(m_language))
                             : tr("%1 %2").arg(m_lesson->chapter, m_lesson->title.in(m_language)));
    } else {
        m_title->setText(tr("Your own program"));
    }
    m_stepLabel->setText(stepText());
    m_text->setText(narrationText());
    m_previous->setVisible(m_lesson.has_value());
    m_next->setVisible(m_lesson.has_value());
    m_previous->setEnabled(m_shown >= 0);
    m_next->setEnabled(m_shown + 1 < int(m_track.stops().size()));
}

void NarrationPane::refreshWhy()
{
    const Trace* trace = m_model->trace();
    m_why->setText(trace ? WhyNext::explain(m_model->model(), *trace) : tr("Nothing has run yet."));
}

void NarrationPane::retranslate()
{
    m_previous->setToolTip(tr("Go to the previous narration step"));
    m_next->setToolTip(tr("Go to the next narration step"));
    m_whyTitle->setText(tr("Why does this task run next?"));
    refresh();
    refreshWhy();
}

void NarrationPane::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace coroscope
