#include "app/gui/views/AnimationClock.h"

#include "app/gui/views/SceneTween.h"

#include <algorithm>

namespace coroscope {

AnimationClock::AnimationClock(QObject* parent)
    : QObject(parent)
{
    m_timer.setInterval(kFrameMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &AnimationClock::onFrame);
}

void AnimationClock::setDurationMs(double ms)
{
    m_durationMs = std::max(0.0, ms);
}

double AnimationClock::eased() const
{
    return SceneTween::ease(m_progress);
}

void AnimationClock::restart()
{
    if (m_durationMs <= 0) {
        setProgress(1.0);
        return;
    }
    m_progress = 0.0;
    m_wall.start();
    m_timer.start();
    emit advanced(m_progress);
}

void AnimationClock::setProgress(double progress)
{
    m_timer.stop();
    const double p = std::clamp(progress, 0.0, 1.0);
    const bool changed = p != m_progress;
    m_progress = p;
    if (changed)
        emit advanced(m_progress);
    if (m_progress >= 1.0)
        emit finished();
}

void AnimationClock::onFrame()
{
    m_progress = std::min(1.0, double(m_wall.nsecsElapsed()) / 1e6 / m_durationMs);
    emit advanced(m_progress);
    if (m_progress >= 1.0) {
        m_timer.stop();
        emit finished();
    }
}

} // namespace coroscope
