#include "app/gui/player/Player.h"

#include "core/trace/Trace.h"

#include <algorithm>
#include <array>

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

void Player::setTrace(std::shared_ptr<const Trace> trace)
{
    setPlaying(false);
    m_trace = std::move(trace);
    m_index.clear();
    m_position = 0;
    m_length = m_trace ? m_trace->size() : 0;
    if (m_trace)
        m_index.update(*m_trace, m_length);
    emit traceChanged();
    emit lengthChanged(qint64(m_length));
    emit positionChanged(0);
}

void Player::traceAppended()
{
    if (!m_trace || m_trace->size() == m_length)
        return;
    m_length = m_trace->size();
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

void Player::moveTo(std::size_t position)
{
    position = std::min(position, m_length);
    if (position == m_position)
        return;
    m_position = position;
    emit positionChanged(qint64(position));
}

void Player::seek(qint64 position)
{
    moveTo(std::size_t(std::max<qint64>(0, position)));
}

void Player::stepForward()
{
    setPlaying(false);
    moveTo(m_index.nextStop(m_granularity, m_position, m_length));
}

void Player::stepBack()
{
    setPlaying(false);
    moveTo(m_index.previousStop(m_granularity, m_position));
}

void Player::reset()
{
    setPlaying(false);
    moveTo(0);
}

void Player::runToEnd()
{
    setPlaying(false);
    moveTo(m_length);
}

void Player::play()
{
    if (!m_trace || m_playing)
        return;
    // A finished recording restarts from the top, like any media player.
    if (atEnd() && isFinished())
        moveTo(0);
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
        moveTo(m_index.nextStop(m_granularity, m_position, m_length));
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
