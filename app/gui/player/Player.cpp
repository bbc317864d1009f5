#include "app/gui/player/Player.h"

#include "core/trace/Trace.h"

#include <algorithm>
#include <array>
#include <utility>

namespace coroscope {

namespace {
constexpr std::array<double, 6> kSpeedLadder{0.25, 0.5, 1.0, 2.0, 4.0, 8.0};
constexpr int kFrameMs = 16;
} // namespace

Player::Player(QObject* parent)
    : QObject(parent)
{
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    m_frameTimer.setInterval(kFrameMs);
    connect(&m_frameTimer, &QTimer::timeout, this, &Player::onFrame);
}

Player::~Player() = default;

void Player::setTrace(std::shared_ptr<const Trace> trace, qint64 available)
{
    setPlaying(false);
    // The old recording lives until every listener has moved to the new one:
    // views that hold a plain pointer to it switch in their traceChanged slot.
    const std::shared_ptr<const Trace> previous = std::exchange(m_trace, std::move(trace));
    m_barriers.clear();
    m_index.clear();
    m_position = 0;
    m_cause = MoveCause::Load;
    m_length = !m_trace ? 0
             : available < 0 ? m_trace->size()
                             : std::min(m_trace->size(), std::size_t(available));
    if (m_trace)
        m_index.update(*m_trace, m_length);
    emit traceChanged();
    emit lengthChanged(qint64(m_length));
    emit positionChanged(0);
}

void Player::traceAppended(qint64 available)
{
    if (!m_trace)
        return;
    const std::size_t size = available < 0 ? m_trace->size() : std::min(m_trace->size(), std::size_t(available));
    if (size <= m_length)
        return;
    m_length = size;
    m_index.update(*m_trace, m_length);
    emit lengthChanged(qint64(m_length));
}

bool Player::isFinished() const
{
    return m_trace && m_length > 0 && (*m_trace)[m_length - 1].kind == EventKind::RunEnd;
}

void Player::setGranularity(Granularity g)
{
    if (g == m_granularity)
        return;
    m_granularity = g;
    emit granularityChanged(g);
}

void Player::setSpeed(double speed)
{
    speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    if (speed == m_speed)
        return;
    m_speed = speed;
    emit speedChanged(speed);
}

void Player::faster()
{
    auto it = std::upper_bound(kSpeedLadder.begin(), kSpeedLadder.end(), m_speed);
    if (it != kSpeedLadder.end())
        setSpeed(*it);
}

void Player::slower()
{
    auto it = std::lower_bound(kSpeedLadder.begin(), kSpeedLadder.end(), m_speed);
    if (it != kSpeedLadder.begin())
        setSpeed(*std::prev(it));
}

void Player::moveTo(std::size_t position, MoveCause cause)
{
    position = std::min(position, m_length);
    if (position == m_position)
        return;
    bool stopped = false;
    if (position > m_position && (cause == MoveCause::Step || cause == MoveCause::Play || cause == MoveCause::RunToEnd)) {
        const auto barrier = std::upper_bound(m_barriers.begin(), m_barriers.end(), m_position);
        if (barrier != m_barriers.end() && *barrier < position) {
            position = *barrier;
            stopped = true;
        } else if (barrier != m_barriers.end() && *barrier == position) {
            stopped = true;
        }
    }
    m_cause = cause;
    m_position = position;
    if (stopped)
        setPlaying(false);
    emit positionChanged(qint64(position));
    if (stopped)
        emit barrierReached(qint64(position));
}

void Player::setBarriers(std::vector<std::size_t> positions)
{
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
    m_barriers = std::move(positions);
}

void Player::removeBarrier(std::size_t position)
{
    const auto it = std::lower_bound(m_barriers.begin(), m_barriers.end(), position);
    if (it != m_barriers.end() && *it == position)
        m_barriers.erase(it);
}

void Player::seek(qint64 position)
{
    moveTo(std::size_t(std::max<qint64>(0, position)), MoveCause::Seek);
}

void Player::stepForward()
{
    setPlaying(false);
    moveTo(m_index.nextStop(m_granularity, m_position, m_length), MoveCause::Step);
}

void Player::stepBack()
{
    setPlaying(false);
    moveTo(m_index.previousStop(m_granularity, m_position), MoveCause::StepBack);
}

void Player::reset()
{
    setPlaying(false);
    moveTo(0, MoveCause::Reset);
}

void Player::runToEnd()
{
    setPlaying(false);
    moveTo(m_length, MoveCause::RunToEnd);
}

void Player::play()
{
    if (!m_trace || m_playing)
        return;
    // A finished recording restarts from the top, like any media player.
    if (atEnd() && isFinished())
        moveTo(0, MoveCause::Reset);
    setPlaying(true);
    // The first step shows at once: pressing Play must visibly do something.
    advancePlayClock(stepIntervalMs());
}

void Player::pause()
{
    setPlaying(false);
}

void Player::togglePlay()
{
    if (m_playing)
        pause();
    else
        play();
}

void Player::setPlaying(bool playing)
{
    if (playing == m_playing)
        return;
    m_playing = playing;
    m_credit = 0.0;
    if (playing) {
        m_wall.start();
        m_frameTimer.start();
    } else {
        m_frameTimer.stop();
    }
    emit playingChanged(playing);
}

void Player::advancePlayClock(double ms)
{
    if (!m_playing)
        return;
    m_credit += ms * m_speed;
    while (m_playing && m_credit >= kBaseStepMs) {
        m_credit -= kBaseStepMs;
        if (atEnd()) {
            // A streaming run waits for more events; a finished one stops.
            if (isFinished())
                setPlaying(false);
            else
                m_credit = 0.0;
            return;
        }
        moveTo(m_index.nextStop(m_granularity, m_position, m_length), MoveCause::Play);
        if (atEnd() && isFinished())
            setPlaying(false);
    }
}

void Player::onFrame()
{
    const double elapsed = double(m_wall.restart());
    advancePlayClock(std::min(elapsed, kMaxFrameMs));
}

} // namespace coroscope
