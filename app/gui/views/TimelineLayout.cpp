#include "app/gui/views/TimelineLayout.h"

#include "app/gui/views/ViewStyle.h"
#include "app/gui/views/ViewText.h"

#include <algorithm>
#include <cmath>

namespace coroscope {

std::vector<TaskId> TimelineLayout::laneOrder(const Timeline& timeline, const Model& head, TimelineAxis axis,
                                              std::int64_t from, std::int64_t to)
{
    const bool time = axis == TimelineAxis::Time;
    // A lane's extent: its first closed segment to its last, or to now while
    // it is in an open interval.
    auto overlaps = [&](TaskId id) {
        std::int64_t begin = 0;
        std::int64_t end = 0;
        bool any = false;
        if (const std::size_t n = timeline.segmentCount(id)) {
            const Segment& first = timeline.segment(id, 0);
            const Segment& last = timeline.segment(id, n - 1);
            begin = time ? first.begin : std::int64_t(first.beginEvent);
            end = time ? last.end : std::int64_t(last.endEvent);
            any = true;
        }
        Interval open;
        if (id != 0 && head.openInterval(id, open)) {
            if (!any)
                begin = time ? open.begin : std::int64_t(open.beginEvent);
            end = time ? open.end : std::int64_t(head.position());
            any = true;
        }
        return any && begin <= to && end >= from;
    };
    std::vector<TaskId> order;
    if (overlaps(0))
        order.push_back(0);
    for (const TaskId id : head.taskIds()) {
        if (overlaps(id))
            order.push_back(id);
    }
    return order;
}

std::int64_t TimelineLayout::tickStep(std::int64_t span, qreal pixels, qreal minGap)
{
    if (span <= 0 || pixels <= 0)
        return 1;
    const double raw = double(span) * minGap / pixels;
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(raw, 1.0))));
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * magnitude >= raw)
            return std::max<std::int64_t>(1, std::int64_t(m * magnitude));
    }
    return std::max<std::int64_t>(1, std::int64_t(10 * magnitude));
}

qreal TimelineLayout::xOf(double value) const
{
    const double span = double(to - from);
    return plot.left() + (value - double(from)) / span * plot.width();
}

double TimelineLayout::valueAt(qreal x) const
{
    const double span = double(to - from);
    return double(from) + (x - plot.left()) / plot.width() * span;
}

int TimelineLayout::laneAt(qreal y) const
{
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        if (y >= lanes[i].rect.top() && y < lanes[i].rect.bottom())
            return int(i);
    }
    return -1;
}

std::size_t TimelineLayout::barCount() const
{
    std::size_t n = 0;
    for (const Lane& l : lanes)
        n += l.bars.size();
    return n;
}

TimelineLayout TimelineLayout::compute(const Input& in)
{
    const ViewStyle& st = in.style;
    const qreal u = st.unit();
    const qreal pad = 0.5 * u;
    const qreal w = in.size.width();
    const qreal h = in.size.height();
    TimelineLayout l;
    l.size = in.size;
    l.axis = in.axis;
    l.from = in.from;
    l.to = std::max(in.to, in.from + 1);

    const qreal labelsW = std::clamp(w * 0.16, 7 * u, 13 * u);
    const qreal rulerH = 1.7 * u;
    const qreal legendH = 1.5 * u;
    l.ruler = QRectF(labelsW, pad * 0.5, std::max<qreal>(1, w - labelsW - pad), rulerH);
    l.legend = QRectF(pad, h - legendH, std::max<qreal>(0, w - 2 * pad), legendH);
    const qreal lanesTop = l.ruler.bottom() + 0.2 * u;
    const qreal lanesBottom = std::max(lanesTop, l.legend.top() - 0.2 * u);
    l.plot = QRectF(labelsW, lanesTop, l.ruler.width(), lanesBottom - lanesTop);
    l.labels = QRectF(0, lanesTop, labelsW, lanesBottom - lanesTop);

    const qreal laneH = 1.35 * u;
    const qreal pitch = laneH + 0.15 * u;
    l.laneCapacity = std::size_t(std::max(0.0, std::floor((lanesBottom - lanesTop + 0.15 * u) / pitch)));
    const std::vector<TaskId> order = laneOrder(in.timeline, in.head, in.axis, l.from, l.to);
    l.laneTotal = order.size();
    l.firstLane = std::min(in.firstLane, l.laneTotal > l.laneCapacity ? l.laneTotal - l.laneCapacity : 0);

    // One pixel in axis units: shorter segments merge into spans of about this length.
    const std::int64_t span = l.to - l.from;
    const std::int64_t pixel = std::max<std::int64_t>(1, std::int64_t(std::ceil(double(span) / std::max<qreal>(1, l.plot.width()))));
    const bool time = in.axis == TimelineAxis::Time;
    std::vector<Span> spans;
    const std::size_t end = std::min(l.laneTotal, l.firstLane + l.laneCapacity);
    l.lanes.reserve(end - l.firstLane);
    for (std::size_t i = l.firstLane; i < end; ++i) {
        const TaskId id = order[i];
        Lane lane;
        lane.task = id;
        lane.rect = QRectF(0, lanesTop + qreal(i - l.firstLane) * pitch, w, laneH);
        lane.label = ViewText::taskName(in.trace, in.head, id);
        lane.marker = id ? st.taskFill(id) : st.theme().mutedText;
        lane.selected = in.hasSelection && in.selected == id;
        spans.clear();
        if (in.bars)
            in.timeline.query(id, l.from, l.to, pixel, in.axis, spans, &in.head);
        lane.bars.reserve(spans.size());
        const qreal top = lane.rect.top() + laneH * 0.15;
        for (const Span& s : spans) {
            const double b = time ? double(s.begin) : double(s.beginEvent);
            const double e = time ? double(s.end) : double(s.endEvent);
            qreal x1 = std::max(l.plot.left(), l.xOf(b));
            qreal x2 = std::min(l.plot.right(), l.xOf(e));
            if (x2 < x1 + 1) {
                if (x1 >= l.plot.right())
                    continue;
                x2 = std::min(l.plot.right(), x1 + 1);
            }
            lane.bars.push_back(Bar{QRectF(x1, top, x2 - x1, laneH * 0.7), s.activity, s.waitKind, s.merged});
        }
        l.lanes.push_back(std::move(lane));
    }

    const std::int64_t step = tickStep(span, l.ruler.width(), 9 * u);
    std::int64_t v = (l.from + step - 1) / step * step;
    if (l.from < 0)
        v = l.from / step * step;
    for (; v <= l.to; v += step) {
        const qreal x = l.xOf(double(v));
        l.ticks.push_back(Tick{x, time ? ViewText::time(v) : QStringLiteral("#%1").arg(v)});
    }
    l.playheadX = l.xOf(in.playhead);
    l.playheadVisible = l.playheadX >= l.plot.left() - 0.5 && l.playheadX <= l.plot.right() + 0.5;
    return l;
}

} // namespace coroscope
