#include "app/gui/whatif/WhatIfController.h"

#include "app/gui/player/Player.h"
#include "app/gui/run/PlayheadModel.h"
#include "app/gui/run/RunSession.h"
#include "app/gui/theme/ThemeManager.h"
#include "app/gui/views/ViewStyle.h"
#include "app/gui/whatif/WhatIfChart.h"
#include "app/gui/whatif/WhatIfComparison.h"
#include "app/gui/whatif/WhatIfRunner.h"
#include "app/gui/whatif/WhatIfToggles.h"
#include "core/trace/Seeker.h"
#include "lessons/loader/Lesson.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>

namespace coroscope {

namespace {

/// The comparison dock's share of the window's height when it first opens.
constexpr double kDockShare = 0.4;

} // namespace

WhatIfController::WhatIfController(QMainWindow* window, ThemeManager* theme)
    : QObject(window)
    , m_window(window)
    , m_theme(theme)
    , m_toggles(new WhatIfToggles(window))
    , m_comparison(new WhatIfComparison(window))
    , m_dock(new QDockWidget(window))
    , m_runner(new WhatIfRunner(this))
{
    m_dock->setObjectName(QStringLiteral("whatIfDock"));
    m_dock->setWidget(m_comparison);
    m_dock->installEventFilter(this);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock, Qt::Vertical);
    m_dock->hide();

    // Hiding the dock from View > Panes is closing it: the what-if turns off.
    connect(m_dock->toggleViewAction(), &QAction::triggered, this, [this](bool shown) {
        if (!shown && !active().isEmpty())
            setActive(QString());
    });
    connect(m_toggles, &WhatIfToggles::activeChanged, this, &WhatIfController::onActiveChanged);
    connect(m_comparison, &WhatIfComparison::turnOffRequested, this, [this] { setActive(QString()); });
    connect(m_runner, &WhatIfRunner::finished, this, &WhatIfController::onFinished);
    if (m_theme) {
        connect(m_theme, &ThemeManager::themeChanged, this, &WhatIfController::applyStyle);
        connect(m_theme, &ThemeManager::fontScaleChanged, this, &WhatIfController::applyStyle);
    }
    applyStyle();
    retranslate();
}

WhatIfController::~WhatIfController() = default;

void WhatIfController::setProgram(const lessons::Lesson* lesson, int program)
{
    // A restored window layout may show the dock with nothing in it.
    if (active().isEmpty())
        m_dock->hide();
    if (lesson == m_lesson && program == m_program)
        return;
    // Off first, while the old lesson is still the one the toggles name.
    setActive(QString());
    m_lesson = lesson;
    m_program = program;
    m_toggles->setProgram(lesson, program);
}

void WhatIfController::setLanguage(lessons::Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    m_toggles->setLanguage(language);
    const lessons::WhatIf* whatIf = activeWhatIf();
    if (!whatIf)
        return;
    // The labels follow the language; the comparison stays as it is.
    nameRuns(*whatIf);
    const QString label = whatIf->label.in(language);
    const QString explain = whatIf->explain.in(language);
    if (m_runner->isReady())
        m_comparison->showResult(m_runner->result(), label, explain);
    else if (m_comparison->state() == WhatIfComparison::State::Running)
        m_comparison->showRunning(label, explain);
}

void WhatIfController::followRun(Player* player, PlayheadModel* playhead, RunSession* session)
{
    m_player = player;
    m_playhead = playhead;
    m_session = session;
    connect(m_playhead, &PlayheadModel::modelChanged, this, &WhatIfController::showPlayhead);
    connect(m_comparison->chart(), &WhatIfChart::cursorChanged, this, &WhatIfController::seekTo);
    showPlayhead();
}

bool WhatIfController::playsOriginal() const
{
    return m_session && m_playhead && m_playhead->hasTrace() && m_runner->isReady()
           && m_session->source() == m_runner->spec(WhatIfRunner::Side::Original).source;
}

void WhatIfController::showPlayhead()
{
    m_comparison->chart()->setPlayheadTime(playsOriginal() ? m_playhead->model().now() : -1);
}

void WhatIfController::seekTo(Nanos time)
{
    if (!playsOriginal() || !m_player || !m_playhead->seeker())
        return;
    // The state during `time`: every event up to the first one after it.
    const std::size_t after = m_playhead->seeker()->firstIndexAtTime(time + 1);
    m_player->seek(after == Seeker::npos ? m_player->length() : qint64(after));
}

void WhatIfController::setActive(const QString& id)
{
    m_toggles->setActive(id);
}

QString WhatIfController::active() const
{
    return m_toggles->active();
}

const lessons::WhatIf* WhatIfController::activeWhatIf() const
{
    return m_lesson && !active().isEmpty() ? m_lesson->whatIf(active()) : nullptr;
}

void WhatIfController::onActiveChanged(const QString& id)
{
    m_runner->clear();
    const lessons::WhatIf* whatIf = m_lesson && !id.isEmpty() ? m_lesson->whatIf(id) : nullptr;
    if (!whatIf) {
        m_comparison->clear();
        m_dock->hide();
        return;
    }
    const QString label = whatIf->label.in(m_language);
    nameRuns(*whatIf);
    QString error;
    const std::optional<lessons::RunSpec> variant = m_lesson->runSpec(*whatIf, &error);
    if (!variant) {
        m_comparison->showError(label, tr("This what-if cannot be made: %1").arg(error));
    } else {
        m_comparison->showRunning(label, whatIf->explain.in(m_language));
        m_runner->start(m_lesson->runSpec(whatIf->program), *variant);
    }
    showDock();
}

void WhatIfController::nameRuns(const lessons::WhatIf& whatIf)
{
    const auto title = [this](int program) {
        return program >= 0 && program < m_lesson->programs.size() ? m_lesson->programs[program].title.in(m_language)
                                                                     : QString();
    };
    if (whatIf.compareProgram >= 0)
        m_comparison->setRunNames(title(whatIf.program), title(whatIf.compareProgram));
    else
        m_comparison->setRunNames(QString(), QString());
}

void WhatIfController::showDock()
{
    if (!m_placed && !m_dock->isFloating()) {
        // Under the bottom panes, across the whole window: the two timelines
        // need width. Once shown, the dock stays wherever the student puts it.
        m_placed = true;
        m_window->removeDockWidget(m_dock);
        m_window->addDockWidget(Qt::BottomDockWidgetArea, m_dock, Qt::Vertical);
        m_dock->show();
        m_window->resizeDocks({m_dock}, {int(m_window->height() * kDockShare)}, Qt::Vertical);
    }
    m_dock->show();
    m_dock->raise();
}

void WhatIfController::onFinished()
{
    const lessons::WhatIf* whatIf = activeWhatIf();
    if (!whatIf)
        return;
    m_comparison->showResult(m_runner->result(), whatIf->label.in(m_language), whatIf->explain.in(m_language));
    showPlayhead();
}

void WhatIfController::applyStyle()
{
    const ViewStyle style = m_theme ? ViewStyle(m_theme->colors(), m_theme->baseFont(), m_theme->fontScale())
                                    : ViewStyle();
    m_comparison->setViewStyle(style);
}

void WhatIfController::retranslate()
{
    m_dock->setWindowTitle(tr("What-if comparison"));
}

bool WhatIfController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_dock) {
        // Closing the dock is turning the what-if off.
        if (event->type() == QEvent::Close && !active().isEmpty())
            setActive(QString());
        else if (event->type() == QEvent::LanguageChange)
            retranslate();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace coroscope
