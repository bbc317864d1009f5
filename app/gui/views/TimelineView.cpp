#include "app/gui/views/TimelineView.h"

#include "app/gui/views/SceneTween.h"
#include "app/gui/views/ViewText.h"
#include "core/trace/Seeker.h"
#include "core/trace/Trace.h"

#include <QFontMetricsF>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace coroscope {

namespace {

/// The narrowest range a zoom reaches: 1 µs of virtual time, or 8 events.
std::int64_t minSpan(TimelineAxis axis)
{
    return axis == TimelineAxis::Time ? 1000 : 8;
}

} // namespace

TimelineView::TimelineView(QWidget* parent)
    : QWidget(parent)
    , m_ownClock(new AnimationClock(this))
{
    setObjectName(QStringLiteral("timelineView"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(240, 100);
    setToolTip(tr("Click or drag to seek \u00b7 wheel or +/- to zoom \u00b7 Shift+wheel to scroll lanes \u00b7 0 to fit"));
    setClock(m_ownClock);
}

void TimelineView::setViewStyle(const ViewStyle& style)
{
    m_style = style;
    update();
}

void TimelineView::setSource(const Trace* trace, const Seeker* seeker)
{
    m_trace = trace;
    m_seeker = trace ? seeker : nullptr;
    m_position = m_fromPosition = 0;
    m_time = m_fromTime = 0;
    m_firstLane = 0;
    fitAll();
}

void TimelineView::clear()
{
    setSource(nullptr, nullptr);
}

void TimelineView::sourceGrew()
{
    if (m_fit)
        fitAll();
    else
        update();
}

void TimelineView::setPlayhead(std::size_t position, Nanos time, std::size_t fromPosition, Nanos fromTime)
{
    m_position = position;
    m_time = time;
    m_fromPosition = fromPosition;
    m_fromTime = fromTime;
    m_lastSeek = SIZE_MAX;
    keepPlayheadVisible();
    update();
}

void TimelineView::setClock(AnimationClock* clock)
{
    if (m_clock)
        disconnect(m_clock, nullptr, this, nullptr);
    m_clock = clock ? clock : m_ownClock;
    connect(m_clock, &AnimationClock::advanced, this, [this] {
        if (m_position != m_fromPosition)
            update();
    });
}

void TimelineView::setAxisMode(AxisMode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    fitAll();
}

TimelineAxis TimelineView::axis() const
{
    switch (m_mode) {
    case AxisMode::Time: return TimelineAxis::Time;
    case AxisMode::Events: return TimelineAxis::Events;
    case AxisMode::Auto: break;
    }
    return m_seeker && m_seeker->head().now() > 0 ? TimelineAxis::Time : TimelineAxis::Events;
}

std::int64_t TimelineView::runEnd() const
{
    if (!m_seeker)
        return 1;
    const std::int64_t end = axis() == TimelineAxis::Time ? std::int64_t(m_seeker->head().now())
                                                          : std::int64_t(m_seeker->indexed());
    return std::max<std::int64_t>(1, end);
}

void TimelineView::setRange(std::int64_t from, std::int64_t to)
{
    m_fit = false;
    m_from = from;
    m_to = std::max(to, from + 1);
    update();
}

void TimelineView::fitAll()
{
    m_fit = true;
    m_from = 0;
    m_to = runEnd();
    update();
}

void TimelineView::zoomBy(double factor, qreal anchorX)
{
    if (factor <= 0)
        return;
    const TimelineLayout l = layoutFor(QSizeF(size()));
    const double anchor = l.valueAt(std::clamp(anchorX, l.plot.left(), l.plot.right()));
    const double fraction = (anchor - double(m_from)) / double(m_to - m_from);
    const std::int64_t end = runEnd();
    const double span = std::max(double(minSpan(axis())), double(m_to - m_from) / factor);
    if (span >= double(end)) {
        fitAll();
        return;
    }
    std::int64_t from = std::llround(anchor - fraction * span);
    from = std::clamp<std::int64_t>(from, 0, std::max<std::int64_t>(0, end - std::int64_t(span)));
    setRange(from, from + std::int64_t(std::llround(span)));
}

void TimelineView::setFirstLane(std::size_t lane)
{
    m_firstLane = lane;
    update();
}

void TimelineView::setSelectedTask(TaskId task)
{
    m_selected = task;
    m_hasSelection = true;
    update();
}

double TimelineView::playheadValue() const
{
    const double t = m_clock ? m_clock->eased() : 1.0;
    if (axis() == TimelineAxis::Time)
        return double(m_fromTime) + (double(m_time) - double(m_fromTime)) * t;
    return double(m_fromPosition) + (double(m_position) - double(m_fromPosition)) * t;
}

void TimelineView::keepPlayheadVisible()
{
    if (m_fit) {
        m_to = runEnd();
        return;
    }
    const double v = axis() == TimelineAxis::Time ? double(m_time) : double(m_position);
    const std::int64_t span = m_to - m_from;
    if (v < double(m_from) || v > double(m_to)) {
        // Page so that the playhead lands a tenth into the view.
        m_from = std::max<std::int64_t>(0, std::llround(v - 0.1 * double(span)));
        m_to = m_from + span;
    }
}

TimelineLayout TimelineView::layoutFor(QSizeF size) const
{
    if (!m_seeker) {
        TimelineLayout empty;
        empty.size = size;
        return empty;
    }
    const TimelineLayout::Input input{*m_trace, m_seeker->timeline(), m_seeker->head(), m_style, size, axis(), m_from,
                                      m_to, m_firstLane, playheadValue(), m_selected, m_hasSelection};
    return TimelineLayout::compute(input);
}

std::size_t TimelineView::positionAt(qreal x, QSizeF size) const
{
    if (!m_seeker)
        return 0;
    TimelineLayout::Input input{*m_trace, m_seeker->timeline(), m_seeker->head(), m_style, size, axis(), m_from, m_to,
                                m_firstLane, 0.0, 0, false};
    input.bars = false;
    const TimelineLayout l = TimelineLayout::compute(input);
    const double v = std::clamp(l.valueAt(x), double(l.from), double(l.to));
    const std::size_t indexed = m_seeker->indexed();
    if (l.axis == TimelineAxis::Events)
        return std::size_t(std::clamp<std::int64_t>(std::llround(v), 0, std::int64_t(indexed)));
    // On the time axis a click means "the moment the clock reaches t":
    // just after the event that moved the clock to t or past it.
    const Nanos t = Nanos(std::llround(v));
    if (t <= 0)
        return 0;
    const std::size_t i = m_seeker->firstIndexAtTime(t);
    return i == Seeker::npos ? indexed : std::min(indexed, i + 1);
}

void TimelineView::render(QPainter& painter, QSize size) const
{
    if (!m_seeker) {
        painter.fillRect(QRect(QPoint(0, 0), size), m_style.theme().base);
        painter.setPen(m_style.theme().mutedText);
        painter.setFont(m_style.font());
        painter.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Run a program to see each task's life over time."));
        return;
    }
    paintLayout(painter, layoutFor(QSizeF(size)), m_style);
}

QImage TimelineView::renderImage(QSize size, qreal devicePixelRatio) const
{
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(m_style.theme().base);
    QPainter painter(&image);
    render(painter, size);
    return image;
}

void TimelineView::paintLayout(QPainter& p, const TimelineLayout& l, const ViewStyle& st)
{
    const ThemeColors& theme = st.theme();
    const qreal u = st.unit();
    p.save();
    p.fillRect(QRectF(QPointF(0, 0), l.size), theme.base);

    // Ruler and grid.
    p.fillRect(l.ruler, theme.alternateBase);
    QFont small = st.font(0.8);
    p.setFont(small);
    const QFontMetricsF fm(small);
    // The playhead's value tag sits on the ruler; tick labels it would cover give way.
    QString tagText;
    QRectF tag;
    if (l.playheadVisible) {
        const double v = l.valueAt(l.playheadX);
        tagText = l.axis == TimelineAxis::Time ? ViewText::time(Nanos(std::llround(v)))
                                               : QStringLiteral("#%1").arg(std::llround(v));
        const qreal w = fm.horizontalAdvance(tagText) + 0.8 * u;
        tag = QRectF(l.playheadX - w / 2, l.ruler.bottom() - fm.height() - 2, w, fm.height() + 2);
        tag.moveLeft(std::clamp(tag.left(), l.ruler.left(), l.ruler.right() - w));
    }
    QColor grid = theme.border;
    grid.setAlphaF(0.6f);
    for (const TimelineLayout::Tick& t : l.ticks) {
        p.setPen(QPen(grid, 1));
        p.drawLine(QPointF(t.x, l.ruler.top() + l.ruler.height() * 0.6), QPointF(t.x, l.plot.bottom()));
        p.setPen(theme.mutedText);
        const qreal tw = fm.horizontalAdvance(t.label);
        const QRectF labelRect(t.x + 3, l.ruler.top() + 1, tw, fm.height());
        if (labelRect.right() <= l.ruler.right() && !labelRect.adjusted(-0.3 * u, 0, 0.3 * u, 0).intersects(tag))
            p.drawText(QPointF(labelRect.left(), l.ruler.top() + fm.ascent() + 1), t.label);
    }

    // Lanes: a quiet stripe every other lane, the task's marker and name, the bars.
    const QFont label = st.font(0.9);
    const QFontMetricsF lfm(label);
    for (std::size_t i = 0; i < l.lanes.size(); ++i) {
        const TimelineLayout::Lane& lane = l.lanes[i];
        if ((l.firstLane + i) % 2 == 1)
            p.fillRect(QRectF(l.plot.left(), lane.rect.top(), l.plot.width(), lane.rect.height()), theme.alternateBase);
        if (lane.selected)
            p.fillRect(QRectF(0, lane.rect.top(), l.labels.width(), lane.rect.height()), st.faded(theme.highlight, 0.75));
        const qreal m = 0.7 * u;
        const QRectF marker(0.4 * u, lane.rect.center().y() - m / 2, m, m);
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(Qt::NoPen);
        p.setBrush(lane.marker);
        p.drawRoundedRect(marker, m * 0.25, m * 0.25);
        p.setRenderHint(QPainter::Antialiasing, false);
        p.setFont(label);
        p.setPen(theme.text);
        const QRectF text(marker.right() + 0.4 * u, lane.rect.top(), l.labels.width() - marker.right() - 0.8 * u,
                          lane.rect.height());
        // Both ends of a long name stay: workers differ by their last characters.
        p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, lfm.elidedText(lane.label, Qt::ElideMiddle, text.width()));
        for (const TimelineLayout::Bar& b : lane.bars)
            p.fillRect(b.rect, st.activity(b.activity));
    }
    if (l.lanes.empty()) {
        p.setPen(theme.mutedText);
        p.setFont(st.font());
        p.drawText(l.plot, Qt::AlignCenter, tr("No task has run yet."));
    }

    // The playhead over everything, with its value on the ruler.
    if (l.playheadVisible) {
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(QPen(theme.highlight, std::max<qreal>(2.0, st.hairline() * 2)));
        p.drawLine(QPointF(l.playheadX, l.ruler.top()), QPointF(l.playheadX, l.plot.bottom()));
        p.setPen(Qt::NoPen);
        p.setBrush(theme.highlight);
        p.drawRoundedRect(tag, tag.height() / 2, tag.height() / 2);
        p.setPen(theme.highlightedText);
        p.setFont(small);
        p.drawText(tag, Qt::AlignCenter, tagText);
    }

    // Legend: what the colours mean, and where we are.
    p.setRenderHint(QPainter::Antialiasing, true);
    qreal x = l.legend.left();
    const qreal sw = 0.8 * u;
    p.setFont(small);
    for (const Activity a : {Activity::Running, Activity::Ready, Activity::Waiting, Activity::Suspended, Activity::Blocked,
                             Activity::Idle}) {
        const QString name = ViewText::activityName(a);
        const qreal need = sw + 0.3 * u + fm.horizontalAdvance(name) + 0.9 * u;
        if (x + need > l.legend.right())
            break;
        p.setPen(Qt::NoPen);
        p.setBrush(st.activity(a));
        p.drawRoundedRect(QRectF(x, l.legend.center().y() - sw / 2, sw, sw), 2, 2);
        p.setPen(theme.mutedText);
        p.drawText(QRectF(x + sw + 0.3 * u, l.legend.top(), need, l.legend.height()), Qt::AlignLeft | Qt::AlignVCenter, name);
        x += need;
    }
    QString where = l.axis == TimelineAxis::Time ? tr("over virtual time") : tr("over event index");
    if (l.laneTotal > l.lanes.size() && !l.lanes.empty())
        where += QStringLiteral(" \u00b7 ")
            + tr("lanes %1\u2013%2 of %3").arg(l.firstLane + 1).arg(l.firstLane + l.lanes.size()).arg(l.laneTotal);
    const qreal ww = fm.horizontalAdvance(where);
    if (x + ww + u <= l.legend.right()) {
        p.setPen(theme.mutedText);
        p.drawText(l.legend, Qt::AlignRight | Qt::AlignVCenter, where);
    }
    p.restore();
}

void TimelineView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    render(painter, size());
}

void TimelineView::seekTo(qreal x)
{
    const std::size_t p = positionAt(x, QSizeF(size()));
    if (p == m_lastSeek)
        return;
    m_lastSeek = p;
    emit seekRequested(p);
}

void TimelineView::mousePressEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (!m_seeker) {
        QWidget::mousePressEvent(event);
        return;
    }
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_panX = pos.x();
        return;
    }
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const TimelineLayout l = layoutFor(QSizeF(size()));
    if (pos.x() < l.plot.left()) {
        const int lane = l.laneAt(pos.y());
        if (lane >= 0) {
            const TaskId task = l.lanes[std::size_t(lane)].task;
            setSelectedTask(task);
            emit taskSelected(task);
        }
        return;
    }
    m_dragging = true;
    m_lastSeek = SIZE_MAX;
    seekTo(pos.x());
}

void TimelineView::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (m_dragging) {
        seekTo(pos.x());
    } else if (m_panning) {
        const TimelineLayout l = layoutFor(QSizeF(size()));
        const double shift = (m_panX - pos.x()) / std::max<qreal>(1, l.plot.width()) * double(m_to - m_from);
        m_panX = pos.x();
        const std::int64_t span = m_to - m_from;
        const std::int64_t from = std::clamp<std::int64_t>(m_from + std::llround(shift), 0,
                                                           std::max<std::int64_t>(0, runEnd() - span));
        setRange(from, from + span);
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event)
{
    m_dragging = false;
    m_panning = false;
    QWidget::mouseReleaseEvent(event);
}

void TimelineView::wheelEvent(QWheelEvent* event)
{
    const QPoint d = event->angleDelta();
    if (event->modifiers() & Qt::ShiftModifier) {
        const int steps = (d.y() ? d.y() : d.x()) / 40; // three lanes a notch
        const std::int64_t lane = std::max<std::int64_t>(0, std::int64_t(m_firstLane) - steps);
        setFirstLane(std::size_t(lane));
    } else if (d.y() != 0) {
        zoomBy(std::pow(1.2, d.y() / 120.0), event->position().x());
    } else if (d.x() != 0) {
        const std::int64_t span = m_to - m_from;
        const std::int64_t from = std::clamp<std::int64_t>(m_from - span * d.x() / 1200, 0,
                                                           std::max<std::int64_t>(0, runEnd() - span));
        setRange(from, from + span);
    }
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent* event)
{
    const TimelineLayout l = layoutFor(QSizeF(size()));
    const qreal anchor = l.playheadVisible ? l.playheadX : l.plot.center().x();
    // Plain + and - belong to the window (play speed); the chart zooms with Ctrl.
    const bool ctrl = event->modifiers().testFlag(Qt::ControlModifier);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        if (!ctrl)
            return QWidget::keyPressEvent(event);
        zoomBy(1.5, anchor);
        break;
    case Qt::Key_Minus:
        if (!ctrl)
            return QWidget::keyPressEvent(event);
        zoomBy(1 / 1.5, anchor);
        break;
    case Qt::Key_0: fitAll(); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

} // namespace coroscope
