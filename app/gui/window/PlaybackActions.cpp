#include "app/gui/window/PlaybackActions.h"

#include "app/gui/panes/ClockDisplay.h"
#include "app/gui/player/Player.h"
#include "app/gui/theme/PaintedIcon.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QToolBar>

namespace coroscope {

namespace {
constexpr double kSpeeds[] = {0.25, 0.5, 1.0, 2.0, 4.0, 8.0};
constexpr Granularity kGranularities[] = {Granularity::Event, Granularity::Line, Granularity::Switch};
} // namespace

PlaybackActions::PlaybackActions(Player* player, QWidget* window)
    : QObject(window)
    , m_player(player)
{
    m_reset = makeAction("actionReset", window);
    m_reset->setIcon(paintedIcon(IconGlyph::Reset));
    m_reset->setShortcut(QKeySequence(Qt::Key_Home));
    connect(m_reset, &QAction::triggered, player, &Player::reset);

    m_stepBack = makeAction("actionStepBack", window);
    m_stepBack->setIcon(paintedIcon(IconGlyph::StepBack));
    connect(m_stepBack, &QAction::triggered, player, &Player::stepBack);

    m_playPause = makeAction("actionPlayPause", window);
    m_playPause->setShortcut(QKeySequence(Qt::Key_Space));
    connect(m_playPause, &QAction::triggered, player, &Player::togglePlay);

    m_step = makeAction("actionStep", window);
    m_step->setIcon(paintedIcon(IconGlyph::Step));
    connect(m_step, &QAction::triggered, player, &Player::stepForward);

    m_runToEnd = makeAction("actionRunToEnd", window);
    m_runToEnd->setIcon(paintedIcon(IconGlyph::RunToEnd));
    m_runToEnd->setShortcut(QKeySequence(Qt::Key_End));
    connect(m_runToEnd, &QAction::triggered, player, &Player::runToEnd);

    m_faster = makeAction("actionFaster", window);
    m_faster->setIcon(paintedIcon(IconGlyph::Faster));
    // "+" is Shift+= on most keyboards: accept the key either way.
    m_faster->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)});
    connect(m_faster, &QAction::triggered, player, &Player::faster);

    m_slower = makeAction("actionSlower", window);
    m_slower->setIcon(paintedIcon(IconGlyph::Slower));
    m_slower->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence(Qt::Key_Underscore)});
    connect(m_slower, &QAction::triggered, player, &Player::slower);

    m_granularityGroup = new QActionGroup(this);
    m_granularityGroup->setExclusive(true);
    m_byEvent = makeAction("actionGranularityEvent", window);
    m_byLine = makeAction("actionGranularityLine", window);
    m_bySwitch = makeAction("actionGranularitySwitch", window);
    for (Granularity g : kGranularities) {
        QAction* a = granularityAction(g);
        a->setCheckable(true);
        m_granularityGroup->addAction(a);
        connect(a, &QAction::triggered, player, [player, g] { player->setGranularity(g); });
    }
    m_byEvent->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_byLine->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_bySwitch->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));

    m_speedCombo = new QComboBox(window);
    m_speedCombo->setObjectName(QStringLiteral("speedCombo"));
    for (double s : kSpeeds)
        m_speedCombo->addItem(speedText(s), s);
    m_speedCombo->setFocusPolicy(Qt::TabFocus);
    connect(m_speedCombo, &QComboBox::activated, player,
            [this](int index) { m_player->setSpeed(m_speedCombo->itemData(index).toDouble()); });

    m_granularityCombo = new QComboBox(window);
    m_granularityCombo->setObjectName(QStringLiteral("granularityCombo"));
    for (Granularity g : kGranularities)
        m_granularityCombo->addItem(QString(), int(g));
    m_granularityCombo->setFocusPolicy(Qt::TabFocus);
    connect(m_granularityCombo, &QComboBox::activated, player, [this](int index) {
        m_player->setGranularity(Granularity(m_granularityCombo->itemData(index).toInt()));
    });

    m_clock = new ClockDisplay(window);
    m_stepLabel = new QLabel(window);
    m_stepLabel->setObjectName(QStringLiteral("stepLabel"));
    m_stepLabel->setMinimumWidth(m_stepLabel->fontMetrics().horizontalAdvance(QStringLiteral("event 000000 / 000000")));

    connect(player, &Player::traceChanged, this, &PlaybackActions::refreshEnabled);
    connect(player, &Player::positionChanged, this, &PlaybackActions::refreshEnabled);
    connect(player, &Player::lengthChanged, this, &PlaybackActions::refreshEnabled);
    connect(player, &Player::playingChanged, this, &PlaybackActions::refreshPlayState);
    connect(player, &Player::speedChanged, this, &PlaybackActions::refreshSpeed);
    connect(player, &Player::granularityChanged, this, &PlaybackActions::refreshGranularity);
    connect(player, &Player::positionChanged, this, [this] {
        m_clock->setTime(m_player->virtualTime());
        refreshStepLabel();
    });
    connect(player, &Player::lengthChanged, this, &PlaybackActions::refreshStepLabel);

    retranslate();
    refreshEnabled();
    refreshSpeed();
    refreshGranularity();
}

QAction* PlaybackActions::makeAction(const char* objectName, QWidget* window)
{
    auto* a = new QAction(window);
    a->setObjectName(QLatin1String(objectName));
    a->setShortcutContext(Qt::WindowShortcut);
    window->addAction(a);
    return a;
}

QAction* PlaybackActions::granularityAction(Granularity g) const
{
    switch (g) {
    case Granularity::Event: return m_byEvent;
    case Granularity::Line: return m_byLine;
    case Granularity::Switch: return m_bySwitch;
    }
    return m_byLine;
}

QList<QAction*> PlaybackActions::allActions() const
{
    return {m_reset, m_stepBack, m_playPause, m_step, m_runToEnd, m_faster, m_slower, m_byEvent, m_byLine, m_bySwitch};
}

void PlaybackActions::addToMenu(QMenu* menu) const
{
    menu->addActions({m_reset, m_stepBack, m_playPause, m_step, m_runToEnd});
    menu->addSeparator();
    menu->addActions({m_faster, m_slower});
    menu->addSeparator();
    menu->addActions({m_byEvent, m_byLine, m_bySwitch});
}

void PlaybackActions::addToToolBar(QToolBar* bar) const
{
    bar->addActions({m_reset, m_stepBack, m_playPause, m_step, m_runToEnd});
    bar->addSeparator();
    bar->addWidget(m_speedCombo);
    bar->addWidget(m_granularityCombo);
    bar->addSeparator();
    bar->addWidget(m_clock);
    bar->addWidget(m_stepLabel);
}

void PlaybackActions::setPresenterKeys(bool on)
{
    m_presenterKeys = on;
    if (on) {
        m_stepBack->setShortcuts({QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_PageUp)});
        m_step->setShortcuts({QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_PageDown)});
    } else {
        m_stepBack->setShortcuts({QKeySequence(Qt::Key_Left)});
        m_step->setShortcuts({QKeySequence(Qt::Key_Right)});
    }
}

void PlaybackActions::describe(QAction* action, const QString& text, const QString& tip)
{
    action->setText(text);
    const QList<QKeySequence> keys = action->shortcuts();
    QStringList names;
    for (const QKeySequence& k : keys)
        names << k.toString(QKeySequence::NativeText);
    action->setToolTip(names.isEmpty() ? tip : tr("%1 (%2)").arg(tip, names.join(tr(", "))));
    action->setStatusTip(tip);
}

void PlaybackActions::retranslate()
{
    setPresenterKeys(m_presenterKeys);
    describe(m_reset, tr("&Reset"), tr("Back to the start of the run"));
    describe(m_stepBack, tr("Step &Back"), tr("Go back one step"));
    describe(m_step, tr("&Step"), tr("Go forward one step"));
    describe(m_runToEnd, tr("Run to &End"), tr("Jump to the end of the run"));
    describe(m_faster, tr("&Faster"), tr("Play faster"));
    describe(m_slower, tr("S&lower"), tr("Play slower"));
    describe(m_byEvent, tr("Step by &Event"), tr("Each step shows one event of the runtime"));
    describe(m_byLine, tr("Step by &Line"), tr("Each step runs to the next source line of any task"));
    describe(m_bySwitch, tr("Step by S&witch"), tr("Each step runs until control moves to another task"));
    m_speedCombo->setToolTip(tr("Playback speed"));
    m_granularityCombo->setToolTip(tr("What one step is: an event, a source line, or a task switch"));
    m_granularityCombo->setItemText(0, tr("by event"));
    m_granularityCombo->setItemText(1, tr("by line"));
    m_granularityCombo->setItemText(2, tr("by switch"));
    refreshPlayState();
    refreshStepLabel();
}

QString PlaybackActions::speedText(double speed)
{
    return QStringLiteral("%1\u00D7").arg(speed);
}

void PlaybackActions::refreshEnabled()
{
    const bool loaded = m_player->hasTrace();
    const bool canGoBack = loaded && !m_player->atStart();
    const bool canGoOn = loaded && !m_player->atEnd();
    m_reset->setEnabled(canGoBack);
    m_stepBack->setEnabled(canGoBack);
    m_step->setEnabled(canGoOn);
    m_runToEnd->setEnabled(canGoOn);
    m_playPause->setEnabled(loaded && (m_player->isPlaying() || canGoOn || m_player->isFinished()));
}

void PlaybackActions::refreshPlayState()
{
    const bool playing = m_player->isPlaying();
    m_playPause->setIcon(paintedIcon(playing ? IconGlyph::Pause : IconGlyph::Play));
    describe(m_playPause, playing ? tr("&Pause") : tr("&Play"),
             playing ? tr("Pause playback") : tr("Play the run step by step"));
    refreshEnabled();
}

void PlaybackActions::refreshStepLabel()
{
    if (!m_player->hasTrace()) {
        m_stepLabel->setText(tr("no run"));
        m_stepLabel->setToolTip(tr("Nothing has run yet"));
        return;
    }
    m_stepLabel->setText(tr("event %1 / %2").arg(m_player->position()).arg(m_player->length()));
    m_stepLabel->setToolTip(tr("Events played so far, out of the events recorded"));
}

void PlaybackActions::refreshSpeed()
{
    const double speed = m_player->speed();
    int index = m_speedCombo->findData(speed);
    if (index < 0) {
        // A speed set in code between two rungs gets its own entry, in order.
        index = 0;
        while (index < m_speedCombo->count() && m_speedCombo->itemData(index).toDouble() < speed)
            ++index;
        m_speedCombo->insertItem(index, speedText(speed), speed);
    }
    m_speedCombo->setCurrentIndex(index);
    m_faster->setEnabled(m_player->speed() < Player::kMaxSpeed);
    m_slower->setEnabled(m_player->speed() > Player::kMinSpeed);
}

void PlaybackActions::refreshGranularity()
{
    granularityAction(m_player->granularity())->setChecked(true);
    m_granularityCombo->setCurrentIndex(m_granularityCombo->findData(int(m_player->granularity())));
}

} // namespace coroscope
