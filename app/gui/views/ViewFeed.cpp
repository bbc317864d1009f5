#include "app/gui/views/ViewFeed.h"

#include "app/gui/run/PlayheadModel.h"
#include "app/gui/views/AnimationClock.h"
#include "app/gui/views/TimelineView.h"
#include "app/gui/views/VisualView.h"
#include "core/trace/Trace.h"

#include <utility>

namespace coroscope {

ViewFeed::ViewFeed(QObject* parent)
    : ViewFeed(nullptr, parent)
{
}

ViewFeed::ViewFeed(PlayheadModel* playhead, QObject* parent)
    : QObject(parent)
    , m_playhead(playhead ? playhead : new PlayheadModel(this))
    , m_clock(new AnimationClock(this))
{
    m_now = m_playhead->model();
    m_before = m_now;
    connect(m_playhead, &PlayheadModel::traceReplaced, this, &ViewFeed::onTraceReplaced);
    connect(m_playhead, &PlayheadModel::modelChanged, this, &ViewFeed::onModelChanged);
    connect(m_playhead, &PlayheadModel::headChanged, this, &ViewFeed::onHeadChanged);
}

ViewFeed::~ViewFeed() = default;

const Trace* ViewFeed::trace() const
{
    return m_playhead->trace();
}

const Seeker* ViewFeed::seeker() const
{
    return m_playhead->seeker();
}

void ViewFeed::addView(VisualView* view)
{
    m_views.push_back(view);
    view->setClock(m_clock);
    connect(view, &VisualView::taskSelected, this, &ViewFeed::selectTask);
    if (const Trace* trace = m_playhead->trace())
        view->showModel(*trace, m_now);
    else
        view->clear();
}

void ViewFeed::setTimeline(TimelineView* timeline)
{
    if (m_timeline)
        disconnect(m_timeline, nullptr, this, nullptr);
    m_timeline = timeline;
    if (!timeline)
        return;
    timeline->setClock(m_clock);
    timeline->setSource(m_playhead->trace(), m_playhead->seeker());
    timeline->setPlayhead(m_now.position(), m_now.now());
    connect(timeline, &TimelineView::seekRequested, this, [this](std::size_t p) { emit seekRequested(qint64(p)); });
    connect(timeline, &TimelineView::taskSelected, this, &ViewFeed::selectTask);
}

void ViewFeed::setViewStyle(const ViewStyle& style)
{
    for (const auto& v : m_views) {
        if (v)
            v->setViewStyle(style);
    }
    if (m_timeline)
        m_timeline->setViewStyle(style);
}

void ViewFeed::setTrace(const Trace* trace)
{
    // Not owned: an aliasing pointer with no control block.
    setSharedTrace(std::shared_ptr<const Trace>(std::shared_ptr<const Trace>(), trace));
}

void ViewFeed::setSharedTrace(std::shared_ptr<const Trace> trace)
{
    m_playhead->setTrace(std::move(trace));
    m_playhead->traceAppended();
}

void ViewFeed::traceAppended()
{
    m_playhead->traceAppended();
}

void ViewFeed::follow(qint64 position)
{
    m_playhead->seek(position);
}

void ViewFeed::onTraceReplaced()
{
    m_clock->finish();
    // Views drop their pointers into the old trace while it is still alive.
    for (const auto& v : m_views) {
        if (v)
            v->clear();
    }
    if (m_timeline)
        m_timeline->clear();
    m_now = m_playhead->model();
    m_before = m_now;
    const Trace* trace = m_playhead->trace();
    if (!trace)
        return;
    if (m_timeline)
        m_timeline->setSource(trace, m_playhead->seeker());
    for (const auto& v : m_views) {
        if (v)
            v->showModel(*trace, m_now);
    }
}

void ViewFeed::onModelChanged()
{
    const Trace* trace = m_playhead->trace();
    const Model& at = m_playhead->model();
    if (!trace || at.position() == m_now.position())
        return;
    m_before = m_now;
    m_now = at;
    for (const auto& v : m_views) {
        if (v)
            v->showModels(*trace, m_now, m_before);
    }
    if (m_timeline)
        m_timeline->setPlayhead(m_now.position(), m_now.now(), m_before.position(), m_before.now());
    m_clock->restart();
}

void ViewFeed::onHeadChanged()
{
    if (m_timeline && m_playhead->trace())
        m_timeline->sourceGrew();
}

void ViewFeed::selectTask(TaskId task)
{
    for (const auto& v : m_views) {
        if (v)
            v->setSelectedTask(task);
    }
    if (m_timeline)
        m_timeline->setSelectedTask(task);
    emit taskSelected(task);
}

void ViewFeed::setAnimationMs(double ms)
{
    m_clock->setDurationMs(ms);
}

} // namespace coroscope
