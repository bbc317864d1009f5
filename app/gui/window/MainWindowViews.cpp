// MainWindow, continued: the visualisation views in their panes, fed from
// the PlayheadModel through one ViewFeed, styled by the theme and the type scale.

#include "app/gui/window/MainWindow.h"

#include "app/gui/player/Player.h"
#include "app/gui/theme/ThemeManager.h"
#include "app/gui/views/AnimationClock.h"
#include "app/gui/views/GeneratorView.h"
#include "app/gui/views/GreenletView.h"
#include "app/gui/views/InspectorView.h"
#include "app/gui/views/LoopView.h"
#include "app/gui/views/TimelineView.h"
#include "app/gui/views/ViewFeed.h"
#include "app/gui/views/ViewStyle.h"
#include "app/gui/window/PaneSet.h"

#include <QScrollArea>

#include <algorithm>

namespace coroscope {

namespace {

/// The share of the play interval one step's animation may take, so a
/// playing run finishes each transition before the next step starts.
constexpr double kAnimationShare = 0.8;

} // namespace

void MainWindow::createViews()
{
    // The views read the Model through the window's PlayheadModel: one Seeker, one seek per move.
    m_feed = new ViewFeed(m_playhead, this);
    m_loopView = new LoopView(this);
    m_loopView->setObjectName(QStringLiteral("loopView"));
    m_greenletView = new GreenletView(this);
    m_greenletView->setObjectName(QStringLiteral("greenletView"));
    m_generatorView = new GeneratorView(this);
    m_generatorView->setObjectName(QStringLiteral("generatorView"));
    m_timelineView = new TimelineView(this);
    m_timelineView->setObjectName(QStringLiteral("timelineView"));
    m_inspectorView = new InspectorView(this);
    m_inspectorView->setObjectName(QStringLiteral("inspectorView"));

    // The inspector grows taller than its pane when a task has many frames
    // (heightForWidth); it scrolls rather than squeezing.
    auto* inspectorScroll = new QScrollArea(this);
    inspectorScroll->setObjectName(QStringLiteral("inspectorScroll"));
    inspectorScroll->setFrameShape(QFrame::NoFrame);
    inspectorScroll->setWidgetResizable(true);
    inspectorScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QSizePolicy policy = m_inspectorView->sizePolicy();
    policy.setHeightForWidth(true);
    m_inspectorView->setSizePolicy(policy);
    inspectorScroll->setWidget(m_inspectorView);

    // The selection is shared through the feed: a task picked in the loop
    // view (or any other) is the one the inspector describes.
    for (VisualView* view : std::initializer_list<VisualView*>{m_loopView, m_greenletView, m_generatorView,
                                                                m_inspectorView})
        m_feed->addView(view);
    m_feed->setTimeline(m_timelineView);

    connect(m_feed, &ViewFeed::seekRequested, m_player, &Player::seek);
    auto fitAnimation = [this] {
        m_feed->setAnimationMs(
            std::min(AnimationClock::kDefaultDurationMs, m_player->stepIntervalMs() * kAnimationShare));
    };
    connect(m_player, &Player::speedChanged, m_feed, fitAnimation);
    fitAnimation();

    m_panes->setWidget(PaneId::LoopView, m_loopView);
    m_panes->setWidget(PaneId::Greenlets, m_greenletView);
    m_panes->setWidget(PaneId::Generators, m_generatorView);
    m_panes->setWidget(PaneId::Timeline, m_timelineView);
    m_panes->setWidget(PaneId::Inspector, inspectorScroll);
}

LoopView* MainWindow::loopView() const
{
    return m_loopView;
}

GreenletView* MainWindow::greenletView() const
{
    return m_greenletView;
}

GeneratorView* MainWindow::generatorView() const
{
    return m_generatorView;
}

TimelineView* MainWindow::timelineView() const
{
    return m_timelineView;
}

InspectorView* MainWindow::inspectorView() const
{
    return m_inspectorView;
}

void MainWindow::applyViewStyle()
{
    if (!m_feed)
        return;
    m_feed->setViewStyle(ViewStyle(m_theme->colors(), m_theme->baseFont(), m_theme->fontScale()));
}

} // namespace coroscope
