#pragma once
// LoopView: the event loop as a student should picture it. The one thread's
// running slot ("running: Task-2" or the event loop itself); the ready queue
// as a FIFO of task chips, front first; the waiting area grouped by what the
// tasks wait on (timers in firing order with a countdown on the virtual
// clock, futures, tasks, I/O, locks, queues, events), each group's waiters
// pointing at it; executor worker lanes and simulated server lanes; and the
// finished tasks with their result or exception.
//
// Scene groups, for tests and hit tests: "running", "ready",
// "waiting <kind> <target>" (e.g. "waiting timer 3"), "suspended",
// "created", "lane <task>", "finished".

#include "app/gui/views/VisualView.h"

namespace coroscope {

class LoopView : public VisualView {
    Q_OBJECT
public:
    explicit LoopView(QWidget* parent = nullptr);

    /// The pure layout function: the loop at `input.model` as a Scene.
    static Scene layout(const LayoutInput& input);
    /// The group name of tasks waiting on (kind, target).
    static QString waitingGroup(WaitKind kind, std::uint32_t target);

protected:
    Scene buildScene(const LayoutInput& input) const override { return layout(input); }
    QString emptyHint() const override;
    qreal fitScale(QSizeF size) const override { return roomyScale(size); }
};

} // namespace coroscope
