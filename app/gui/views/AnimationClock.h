#pragma once
// AnimationClock: the one driver of every view's animation. A step restarts
// it at progress 0; a frame timer (~60 fps) advances it by wall time and
// stops as soon as it reaches 1, so nothing ticks while nothing moves.
// Tests set the progress directly instead of waiting.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace coroscope {

class AnimationClock : public QObject {
    Q_OBJECT
public:
    static constexpr int kFrameMs = 16;
    static constexpr double kDefaultDurationMs = 320.0;

    explicit AnimationClock(QObject* parent = nullptr);

    /// Wall milliseconds from progress 0 to 1. 0 makes every step instant.
    double durationMs() const { return m_durationMs; }
    void setDurationMs(double ms);

    /// Linear progress in [0, 1]; 1 when at rest.
    double progress() const { return m_progress; }
    /// Progress through SceneTween::ease: what views draw with.
    double eased() const;
    bool isRunning() const { return m_timer.isActive(); }
    /// The frame timer; exposed so tests can check it stops.
    const QTimer& frameTimer() const { return m_timer; }

public slots:
    /// Starts a transition at progress 0 (at once at 1 if the duration is 0).
    void restart();
    /// Jumps to `progress` (clamped) and stops the frame timer.
    void setProgress(double progress);
    /// Jumps to the end of the transition.
    void finish() { setProgress(1.0); }

signals:
    /// Progress changed; views repaint.
    void advanced(double progress);
    /// The transition reached 1 and the frame timer stopped.
    void finished();

private:
    void onFrame();

    QTimer m_timer;
    QElapsedTimer m_wall;
    double m_durationMs = kDefaultDurationMs;
    double m_progress = 1.0;
};

} // namespace coroscope
