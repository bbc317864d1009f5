#include "app/gui/views/ViewFeed.h"

#include "app/gui/views/AnimationClock.h"
#include "app/gui/views/TimelineView.h"
#include "app/gui/views/VisualView.h"
#include "core/trace/Seeker.h"
#include "core/trace/Trace.h"

namespace coroscope {

ViewFeed::ViewFeed(QObject* parent)
    : QObject(parent)
    , m_clock(new AnimationClock(this))
{
}

ViewFeed::~ViewFeed() = default;

void ViewFeed::addView(VisualView* view)
{
    m_views.push_back(view);
    view->setClock(m_clock);
    connect(view, &VisualView::taskSelected, this, &ViewFeed::selectTask);
    if (m_trace)
        view->showModel(*m_trace, m_now);
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
    timeline->setSource(m_trace, m_seeker.get());
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
    m_clock->finish();
    // Views drop their pointers into the old trace before the Seeker goes.
    for (const auto& v : m_views) {
        if (v)
            v->clear();
    }
    if (m_timeline)
        m_timeline->clear();
    m_trace = trace;
    m_seeker = trace ? std::make_unique<Seeker>(*trace) : nullptr;
    m_now = Model();
    m_before = Model();
    if (!trace)
        return;
    m_seeker->update();
    if (m_timeline)
        m_timeline->setSource(m_trace, m_seeker.get());
    for (const auto& v : m_views) {
        if (v)
            v->showModel(*m_trace, m_now);
    }
}

void ViewFeed::setSharedTrace(std::shared_ptr<const Trace> trace)
{
    // The new trace is held before the old one is released, and the views
    // let go of the old one inside setTrace first.
    std::shared_ptr<const Trace> old = std::move(m_keepAlive);
    m_keepAlive = trace;
    setTrace(trace.get());
}

void ViewFeed::traceAppended()
{
    if (!m_seeker)
        return;
    m_seeker->update();
    if (m_timeline)
        m_timeline->sourceGrew();
}

void ViewFeed::follow(qint64 position)
{
    if (!m_seeker)
        return;
    const std::size_t target = std::size_t(std::max<qint64>(0, position));
    if (target > m_seeker->indexed())
        traceAppended();
    if (std::min(target, m_seeker->indexed()) == m_now.position())
        return;
    m_before = m_now;
    m_now = m_seeker->seek(target);
    for (const auto& v : m_views) {
        if (v)
            v->showModels(*m_trace, m_now, m_before);
    }
    if (m_timeline)
        m_timeline->setPlayhead(m_now.position(), m_now.now(), m_before.position(), m_before.now());
    m_clock->restart();
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
