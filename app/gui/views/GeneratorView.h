#pragma once
// GeneratorView: stackless coroutines frozen in place. Every generator and
// coroutine task that is not running is drawn as a greyed card at the line
// of its yield / await, with its frames and their locals; an arrow comes
// from whoever will resume it (the task that last switched to it, else its
// parent; the event loop for asyncio tasks). Running ones are drawn in full
// colour, so the picture shows who is live and who is frozen.
//
// Scene groups: card header chips are in "frozen" (suspended/waiting/not
// started), "live" (running) or "resumers" (tasks of other kinds, and the
// event loop as task 0, that resume a frozen one); a card's frames are Frame
// items in "frames <id>" (order 0 = top frame) and their locals Text items in
// "locals <id>". The resume arrow into a card has key resumeArrow(id).

#include "app/gui/views/VisualView.h"

namespace coroscope {

class GeneratorView : public VisualView {
    Q_OBJECT
public:
    explicit GeneratorView(QWidget* parent = nullptr);

    /// The pure layout function.
    static Scene layout(const LayoutInput& input);
    static constexpr quint64 resumeArrow(TaskId frozen) { return sceneKey(KeyKind::Arrow, frozen, 3); }
    static constexpr quint64 cardKey(TaskId task) { return sceneKey(KeyKind::Card, task); }

protected:
    Scene buildScene(const LayoutInput& input) const override { return layout(input); }
    QString emptyHint() const override;
    qreal fitScale(QSizeF size) const override { return roomyScale(size); }
};

} // namespace coroscope
