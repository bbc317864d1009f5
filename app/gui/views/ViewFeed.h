#pragma once
// ViewFeed: connects a recorded run to the views. It follows a
// PlayheadModel (the window's, so the views and the panes that read the run
// share one Seeker and every seek is done once), turns each playhead move
// into (Model at the playhead, Model it was showing), hands both to every
// view, restarts the one shared animation clock, and keeps the selected
// task the same in every view.
//
// Wiring in the main window (Player from app/gui/player):
//     feed = new ViewFeed(playheadModel, parent);  the window's PlayheadModel
//     player->seek(position);                 on ViewFeed::seekRequested
// The PlayheadModel follows the Player; the feed follows the PlayheadModel.
// A feed made without one owns a private PlayheadModel and is driven with
// setTrace / traceAppended / follow (tests, side-by-side comparisons).
// This header does not include the Seeker, so it can sit beside Player.h.

#include "core/trace/Model.h"

#include <QObject>
#include <QPointer>
#include <QVector>

#include <memory>

namespace coroscope {

class AnimationClock;
class PlayheadModel;
class Seeker;
class TimelineView;
class Trace;
class ViewStyle;
class VisualView;

class ViewFeed : public QObject {
    Q_OBJECT
public:
    /// A feed over a private PlayheadModel.
    explicit ViewFeed(QObject* parent = nullptr);
    /// A feed that follows `playhead` (which must outlive it) and seeks
    /// through it: its trace, Seeker and position are the playhead's.
    explicit ViewFeed(PlayheadModel* playhead, QObject* parent = nullptr);
    ~ViewFeed() override;

    /// The view follows the playhead, shares the clock and the selection.
    void addView(VisualView* view);
    void setTimeline(TimelineView* timeline);
    void setViewStyle(const ViewStyle& style);

    AnimationClock* clock() const { return m_clock; }
    const Trace* trace() const;
    const Seeker* seeker() const;
    PlayheadModel* playhead() const { return m_playhead; }
    /// The Model at the playhead and the one shown before it.
    const Model& model() const { return m_now; }
    const Model& previousModel() const { return m_before; }
    qint64 position() const { return qint64(m_now.position()); }

public slots:
    /// A new run (or none) for the playhead: indexes it and shows position
    /// 0. `trace` must outlive the feed or the next setTrace.
    void setTrace(const coroscope::Trace* trace);
    /// setTrace() that also keeps the trace alive while the feed uses it.
    void setSharedTrace(std::shared_ptr<const coroscope::Trace> trace);
    /// Indexes events appended since the last call.
    void traceAppended();
    /// Seeks the playhead to `position`; every view moves there, animating
    /// from where it was.
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
    /// The playhead took a new trace: views drop the old one, show position 0.
    void onTraceReplaced();
    /// The playhead moved: views animate from what they showed.
    void onModelChanged();
    void onHeadChanged();

    PlayheadModel* m_playhead;
    Model m_now;
    Model m_before;
    AnimationClock* m_clock;
    QVector<QPointer<VisualView>> m_views;
    QPointer<TimelineView> m_timeline;
};

} // namespace coroscope
