#pragma once
// VisualView: the base of the painted views (loop, greenlets, generators,
// inspector). A view is given the Model at the playhead and the Model it
// comes from; its pure layout function turns each into a Scene, and painting
// blends the two by the animation clock's progress. render() draws the same
// picture into any QPainter without timers, for export and tests.

#include "app/gui/views/AnimationClock.h"
#include "app/gui/views/LayoutInput.h"
#include "app/gui/views/Scene.h"
#include "app/gui/views/ViewStyle.h"
#include "core/trace/Model.h"

#include <QImage>
#include <QPointer>
#include <QWidget>

namespace coroscope {

class Trace;

class VisualView : public QWidget {
    Q_OBJECT
public:
    explicit VisualView(QWidget* parent = nullptr);
    ~VisualView() override;

    void setViewStyle(const ViewStyle& style);
    const ViewStyle& viewStyle() const { return m_style; }

    /// Shows `now` (the state at the playhead) moving from `before` (the
    /// state it was showing, or any other). The models are copied (their
    /// storage is shared, so this is cheap); `trace` holds their text and
    /// must stay alive until the next show or clear. Does not restart the
    /// clock: whoever steps the playhead restarts the shared clock once.
    void showModels(const Trace& trace, const Model& now, const Model& before);
    /// Shows `model` with nothing to animate.
    void showModel(const Trace& trace, const Model& model) { showModels(trace, model, model); }
    void clear();
    bool hasModel() const { return m_trace != nullptr; }
    const Trace* trace() const { return m_trace; }
    const Model& model() const { return m_now; }
    const Model& previousModel() const { return m_before; }

    /// The clock the picture follows. Views share one; a view owns its own until given another.
    void setClock(AnimationClock* clock);
    AnimationClock* clock() const { return m_clock; }

    void setSelectedTask(TaskId task);
    void clearSelection();
    TaskId selectedTask() const { return m_selected; }
    bool hasSelection() const { return m_hasSelection; }

    /// The layout of the playhead's state at `size`, with no animation.
    Scene targetScene(QSizeF size) const;
    /// The layout of the state the animation starts from.
    Scene startScene(QSizeF size) const;
    /// The picture at the clock's progress.
    Scene sceneAt(QSizeF size) const;
    /// Draws sceneAt(size) with `painter` (origin at the top left).
    void render(QPainter& painter, QSize size) const;
    /// render() into a new image of `size` logical pixels.
    QImage renderImage(QSize size, qreal devicePixelRatio = 1.0) const;

signals:
    /// The user clicked something that stands for a task.
    void taskSelected(coroscope::TaskId task);

protected:
    /// The view's pure layout function.
    virtual Scene buildScene(const LayoutInput& input) const = 0;
    /// What the view shows before there is a run.
    virtual QString emptyHint() const = 0;
    /// False for views whose picture changes at once (the inspector).
    virtual bool animates() const { return true; }
    /// How much larger than the style to draw at `size`. It depends on the
    /// size only, never on the content, so steps never change the scale.
    virtual qreal fitScale(QSizeF size) const { return 1.0; }
    /// The style the picture at `size` is laid out and painted with.
    ViewStyle styleFor(QSizeF size) const;
    /// A fit scale for pictures that read better larger when there is room:
    /// 1 in a docked pane, up to 1.45 on a full screen.
    static qreal roomyScale(QSizeF size);
    /// Drops the cached scenes and repaints; subclasses call it when their own inputs change.
    void invalidate();

    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;

private:
    Scene layoutFor(const Model& model, QSizeF size) const;
    Scene emptyScene(QSizeF size) const;
    void refreshScenes(QSizeF size) const;

    ViewStyle m_style;
    const Trace* m_trace = nullptr;
    Model m_now;
    Model m_before;
    bool m_moving = false;            ///< m_before differs from m_now
    QPointer<AnimationClock> m_clock;
    AnimationClock* m_ownClock;
    TaskId m_selected = 0;
    bool m_hasSelection = false;

    struct Cache {
        QSizeF size;
        bool valid = false;
        ViewStyle style;   ///< m_style at the fit scale of `size`
        Scene target;
        Scene start;
    };
    mutable Cache m_cache;
};

/// Outlines the items that stand for `task` in the theme's highlight colour.
void markSelection(Scene& scene, TaskId task, const ViewStyle& style);

} // namespace coroscope
