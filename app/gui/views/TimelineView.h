#pragma once
// TimelineView: the Gantt chart of a run. A lane per task, bars coloured by
// activity, the task's colour as the lane marker, a playhead; click or drag
// to seek, wheel or Ctrl++/Ctrl+- to zoom around the pointer (plain +/-
// are the window's speed keys), Shift+wheel to scroll the lanes, 0 to fit
// the whole run. Lays out over virtual time, or over event indices (useful
// while the virtual clock does not move; Auto picks it by itself when the
// whole run happens at t = 0).

#include "app/gui/views/AnimationClock.h"
#include "app/gui/views/TimelineLayout.h"
#include "app/gui/views/ViewStyle.h"

#include <QImage>
#include <QPointer>
#include <QWidget>

namespace coroscope {

class Seeker;
class Trace;

class TimelineView : public QWidget {
    Q_OBJECT
public:
    enum class AxisMode : std::uint8_t { Auto, Time, Events };

    explicit TimelineView(QWidget* parent = nullptr);

    void setViewStyle(const ViewStyle& style);
    const ViewStyle& viewStyle() const { return m_style; }

    /// The run to draw. `seeker` indexes `trace` (its Timeline, head Model
    /// and time index); both must stay alive until the next setSource or clear.
    void setSource(const Trace* trace, const Seeker* seeker);
    void clear();
    /// Call after the seeker indexed more events; keeps the view fitted if it was.
    void sourceGrew();

    /// The playhead at `position` (events applied) where the loop clock reads
    /// `time`, moving from (`fromPosition`, `fromTime`) by the clock.
    void setPlayhead(std::size_t position, Nanos time, std::size_t fromPosition, Nanos fromTime);
    void setPlayhead(std::size_t position, Nanos time) { setPlayhead(position, time, position, time); }
    std::size_t playheadPosition() const { return m_position; }

    void setClock(AnimationClock* clock);
    AnimationClock* clock() const { return m_clock; }

    void setAxisMode(AxisMode mode);
    AxisMode axisMode() const { return m_mode; }
    /// The axis in use (Auto resolved).
    TimelineAxis axis() const;

    /// The visible range on the axis.
    std::int64_t rangeFrom() const { return m_from; }
    std::int64_t rangeTo() const { return m_to; }
    void setRange(std::int64_t from, std::int64_t to);
    /// Shows the whole run, and keeps showing it as the run grows.
    void fitAll();
    bool isFitted() const { return m_fit; }
    /// Zooms by `factor` (> 1 zooms in) keeping the value under `anchorX` in place.
    void zoomBy(double factor, qreal anchorX);
    void setFirstLane(std::size_t lane);
    std::size_t firstLane() const { return m_firstLane; }

    void setSelectedTask(TaskId task);

    /// The layout for `size` at the clock's progress.
    TimelineLayout layoutFor(QSizeF size) const;
    /// The playhead position a click at x (in a view of `size`) seeks to.
    std::size_t positionAt(qreal x, QSizeF size) const;
    /// Draws the chart; no timers involved, so the same state gives the same pixels.
    void render(QPainter& painter, QSize size) const;
    QImage renderImage(QSize size, qreal devicePixelRatio = 1.0) const;
    /// Paints a layout (public so export paths can reuse it).
    static void paintLayout(QPainter& painter, const TimelineLayout& layout, const ViewStyle& style);

signals:
    /// The user clicked or dragged on the chart: seek the playhead to this
    /// position (number of events applied).
    void seekRequested(std::size_t eventIndex);
    void taskSelected(coroscope::TaskId task);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    std::int64_t runEnd() const;
    double playheadValue() const;
    void keepPlayheadVisible();
    void seekTo(qreal x);

    ViewStyle m_style;
    const Trace* m_trace = nullptr;
    const Seeker* m_seeker = nullptr;
    QPointer<AnimationClock> m_clock;
    AnimationClock* m_ownClock;
    AxisMode m_mode = AxisMode::Auto;
    std::int64_t m_from = 0;
    std::int64_t m_to = 1;
    bool m_fit = true;
    std::size_t m_firstLane = 0;
    std::size_t m_position = 0;
    Nanos m_time = 0;
    std::size_t m_fromPosition = 0;
    Nanos m_fromTime = 0;
    TaskId m_selected = 0;
    bool m_hasSelection = false;
    bool m_dragging = false;
    bool m_panning = false;
    qreal m_panX = 0;
    std::size_t m_lastSeek = SIZE_MAX;
};

} // namespace coroscope
