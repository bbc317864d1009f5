#pragma once
// InspectorView: everything about one task at the playhead — its state and
// what it waits on, its frames with their locals (top first), its switch
// count, the time it spent running, ready, waiting, suspended and blocked,
// who awaits it, and its result or exception. It shows the selected task,
// or the running one while nothing is selected.
//
// Scene: rows are Text items in group "field" with the label as their text
// and a value item in group "value <label>"; frames are Frame items in
// "frames" (order 0 = top) and locals Text items in "locals".

#include "app/gui/views/VisualView.h"

namespace coroscope {

class InspectorView : public VisualView {
    Q_OBJECT
public:
    explicit InspectorView(QWidget* parent = nullptr);

    /// The pure layout function. The scene's height grows past input.size
    /// when the content needs it (see heightForWidth).
    static Scene layout(const LayoutInput& input);
    /// The task the inspector describes for this input.
    static TaskId subject(const LayoutInput& input);
    /// The text of the value row labelled `label`, or an empty string.
    static QString value(const Scene& scene, const QString& label);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override { return QSize(320, 420); }

protected:
    Scene buildScene(const LayoutInput& input) const override { return layout(input); }
    QString emptyHint() const override;
    bool animates() const override { return false; }
};

} // namespace coroscope
