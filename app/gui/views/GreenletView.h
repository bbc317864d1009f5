#pragma once
// GreenletView: stackful coroutines as they are. One column per greenlet
// (and the main greenlet), each with its own machine stack of frames, bottom
// frame at the bottom; the last switch drawn as an arrow from the frame that
// called switch() to the frame that resumes; parent links as dashed arcs
// over the columns; dead greenlets greyed.
//
// Scene groups: column header chips are in "greenlets" (order = column);
// a greenlet's frames are Frame items in "stack <id>" (order 0 = top frame).
// The switch arrow has key sceneKey(KeyKind::Arrow, 0, 1); parent links
// sceneKey(KeyKind::Arrow, child, 2).

#include "app/gui/views/VisualView.h"

namespace coroscope {

class GreenletView : public VisualView {
    Q_OBJECT
public:
    explicit GreenletView(QWidget* parent = nullptr);

    /// The pure layout function.
    static Scene layout(const LayoutInput& input);
    static constexpr quint64 kSwitchArrow = sceneKey(KeyKind::Arrow, 0, 1);
    static constexpr quint64 parentArrow(TaskId child) { return sceneKey(KeyKind::Arrow, child, 2); }

protected:
    Scene buildScene(const LayoutInput& input) const override { return layout(input); }
    QString emptyHint() const override;
    qreal fitScale(QSizeF size) const override { return roomyScale(size); }
};

} // namespace coroscope
