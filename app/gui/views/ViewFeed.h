#pragma once
// ViewFeed: connects a recorded run to the views. It owns the Seeker over
// the trace, turns each playhead move into (Model at the playhead, Model it
// was showing), hands both to every view, restarts the one shared animation
// clock, and keeps the selected task the same in every view.
//
// Wiring in the main window (Player from app/gui/player):
//     feed->setSharedTrace(player->sharedTrace());  on Player::traceChanged
//     feed->traceAppended();                  on Player::lengthChanged
//     feed->follow(position);                 on Player::positionChanged
//     player->seek(position);                 on ViewFeed::seekRequested
// This header does not include the Seeker, so it can sit beside Player.h.

#include "core/trace/Model.h"

#include <QObject>
#include <QPointer>
#include <QVector>

#include <memory>

namespace coroscope {

class AnimationClock;
class Seeker;
class TimelineView;
class Trace;
class ViewStyle;
class VisualView;

class ViewFeed : public QObject {
    Q_OBJECT
public:
    explicit ViewFeed(QObject* parent = nullptr);
    ~ViewFeed() override;

    /// The view follows the playhead, shares the clock and the selection.
    void addView(VisualView* view);
    void setTimeline(TimelineView* timeline);
    void setViewStyle(const ViewStyle& style);

    AnimationClock* clock() const { return m_clock; }
    const Trace* trace() const { return m_trace; }
    const Seeker* seeker() const { return m_seeker.get(); }
    /// The Model at the playhead and the one shown before it.
    const Model& model() const { return m_now; }
    const Model& previousModel() const { return m_before; }
    qint64 position() const { return qint64(m_now.position()); }

public slots:
    /// A new run (or none): indexes it and shows position 0. `trace` must
    /// outlive the feed or the next setTrace.
    void setTrace(const coroscope::Trace* trace);
    /// setTrace() that also keeps the trace alive while the feed uses it.
    void setSharedTrace(std::shared_ptr<const coroscope::Trace> trace);
    /// Indexes events appended since the last call.
    void traceAppended();
    /// Moves every view to `position`, animating from where they were.
    void follow(qint64 position);
    void selectTask(coroscope::TaskId task);
    /// The length of one step's animation; keep it below the player's step interval.
    void setAnimationMs(double ms);

signals:
    /// The timeline asks the player to seek.
    void seekRequested(qint64 position);
    /// The user picked a task in some view.
    void taskSelected(coroscope::TaskId task);

private:
    const Trace* m_trace = nullptr;
    std::shared_ptr<const Trace> m_keepAlive; ///< set by setSharedTrace
    std::unique_ptr<Seeker> m_seeker;
    Model m_now;
    Model m_before;
    AnimationClock* m_clock;
    QVector<QPointer<VisualView>> m_views;
    QPointer<TimelineView> m_timeline;
};

} // namespace coroscope
