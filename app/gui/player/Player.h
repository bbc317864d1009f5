#pragma once
// Player: plays back one recorded run (DESIGN.md section 2). It owns the
// trace, the playhead, the step granularity and the play speed; views follow
// positionChanged. Playing never re-executes anything: it only moves the
// playhead over the recording.

#include "app/gui/player/Granularity.h"
#include "app/gui/player/StepIndex.h"
#include "core/trace/Event.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace coroscope {

class Trace;

class Player : public QObject {
    Q_OBJECT
public:
    /// What moved the playhead last, for listeners of positionChanged that
    /// treat the student's own steps differently from jumps (a checkpoint
    /// stops Play, Step and Run to end, not a click on the timeline).
    enum class MoveCause : std::uint8_t {
        Load,     ///< a new trace rewound it
        Seek,     ///< seek(): timeline, narration, restoring after a re-run
        Step,     ///< stepForward()
        StepBack, ///< stepBack()
        Play,     ///< the play clock
        Reset,    ///< reset()
        RunToEnd, ///< runToEnd()
    };

    static constexpr double kMinSpeed = 0.25;
    static constexpr double kMaxSpeed = 8.0;
    /// Wall-clock time between two steps at 1x.
    static constexpr double kBaseStepMs = 500.0;
    /// The play clock never credits more than this per frame, so a stalled
    /// GUI does not make the playhead leap when it wakes up.
    static constexpr double kMaxFrameMs = 250.0;

    explicit Player(QObject* parent = nullptr);
    ~Player() override;

    /// Takes a recording and rewinds to position 0. A null trace unloads.
    /// The previous recording stays alive until the signals have been emitted.
    /// A non-negative `available` reads no further than that many events (a
    /// run that is still recording announces its events with traceAppended).
    void setTrace(std::shared_ptr<const Trace> trace, qint64 available = -1);
    const Trace* trace() const { return m_trace.get(); }
    /// The recording, for holders that must keep it alive.
    std::shared_ptr<const Trace> sharedTrace() const { return m_trace; }
    bool hasTrace() const { return m_trace != nullptr; }
    /// Re-reads the trace's length after the (GUI-thread) owner appended to
    /// it: the Player only ever reads events [0, length()). A non-negative
    /// `available` lets it read no further than that many events, so a
    /// stream that grew by millions is indexed a slice per frame.
    void traceAppended(qint64 available = -1);
    /// True once the trace ends with a RunEnd event: no more events will come.
    bool isFinished() const;

    /// Events played: 0 = the start, length() = the end.
    qint64 position() const { return qint64(m_position); }
    qint64 length() const { return qint64(m_length); }
    bool atStart() const { return m_position == 0; }
    bool atEnd() const { return m_position == m_length; }

    Granularity granularity() const { return m_granularity; }
    void setGranularity(Granularity g);

    double speed() const { return m_speed; }
    /// Clamped to [kMinSpeed, kMaxSpeed].
    void setSpeed(double speed);
    bool isPlaying() const { return m_playing; }
    /// Wall-clock milliseconds between two steps at the current speed.
    double stepIntervalMs() const { return kBaseStepMs / m_speed; }

    /// The loop's virtual time at the playhead.
    Nanos virtualTime() const { return m_index.timeAt(m_position); }
    /// The line most recently reached by any task at the playhead.
    StepIndex::LineMark currentLine() const { return m_index.lineAt(m_position); }
    /// The stop index of the playhead's granularity (for "step 3 of 12").
    const StepIndex& index() const { return m_index; }
    MoveCause lastMoveCause() const { return m_cause; }

    /// Credits `ms` of wall time to the play clock and takes every step it
    /// pays for. The frame timer calls this while playing; tests call it
    /// directly instead of waiting.
    void advancePlayClock(double ms);
    /// The frame timer that drives playback; exposed so tests can check
    /// that it stops when nothing moves.
    const QTimer& frameTimer() const { return m_frameTimer; }

    /// Positions where Play, Step and Run to end stop and pause (a lesson's
    /// checkpoints): a forward move from before a barrier to past it ends
    /// on the barrier and emits barrierReached. Seeks jump over barriers.
    /// A barrier stays until it is removed, but never stops a move that
    /// starts on it, so the student can go on after the question.
    void setBarriers(std::vector<std::size_t> positions);
    void removeBarrier(std::size_t position);
    const std::vector<std::size_t>& barriers() const { return m_barriers; }

public slots:
    /// Moves the playhead, clamped to [0, length()]. Keeps playing.
    void seek(qint64 position);
    /// One step of the current granularity; manual steps pause playback.
    void stepForward();
    void stepBack();
    void play();
    void pause();
    void togglePlay();
    /// Back to position 0, paused.
    void reset();
    /// To the end of what is recorded, paused.
    void runToEnd();
    /// The next speed on the ladder 0.25, 0.5, 1, 2, 4, 8.
    void faster();
    void slower();

signals:
    void traceChanged();
    void positionChanged(qint64 position);
    void lengthChanged(qint64 length);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void granularityChanged(coroscope::Granularity granularity);
    /// A forward move stopped at a barrier; playback is paused.
    void barrierReached(qint64 position);

private:
    void moveTo(std::size_t position, MoveCause cause);
    void setPlaying(bool playing);
    void onFrame();

    std::shared_ptr<const Trace> m_trace;
    StepIndex m_index;
    std::size_t m_position = 0;   ///< invariant: m_position <= m_length
    std::size_t m_length = 0;     ///< events of m_trace the Player may read
    Granularity m_granularity = Granularity::Line;
    double m_speed = 1.0;
    bool m_playing = false;
    MoveCause m_cause = MoveCause::Load;
    std::vector<std::size_t> m_barriers; ///< ascending
    double m_credit = 0.0;        ///< wall ms credited and not yet spent on a step
    QTimer m_frameTimer;          ///< runs only while playing
    QElapsedTimer m_wall;         ///< measures real time between frames
};

} // namespace coroscope
