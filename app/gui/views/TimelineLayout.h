#pragma once
// TimelineLayout: the Gantt chart's geometry, computed apart from painting.
// One lane per task (the loop first), each a row of bars coloured by
// activity (running / ready / waiting / suspended / blocked / idle) over
// virtual time or over event indices. Bars come from Timeline::query with a
// minimum length of one pixel, so a lane costs O(pixels) whatever the
// length of the trace: a million-event run draws as fast as a small one.

#include "core/trace/Timeline.h"

#include <QColor>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <vector>

namespace coroscope {

class Trace;
class ViewStyle;

class TimelineLayout {
public:
    struct Input {
        const Trace& trace;
        const Timeline& timeline;
        const Model& head;        ///< the Model after every indexed event (open intervals, names)
        const ViewStyle& style;
        QSizeF size;
        TimelineAxis axis = TimelineAxis::Time;
        std::int64_t from = 0;    ///< visible range on the axis
        std::int64_t to = 1;
        std::size_t firstLane = 0; ///< index of the first lane shown
        double playhead = 0;      ///< the playhead on the axis (may be between events while animating)
        TaskId selected = 0;
        bool hasSelection = false;
        bool bars = true;         ///< false: geometry only (for mapping clicks)
    };
    struct Bar {
        QRectF rect;
        Activity activity = Activity::Running;
        WaitKind waitKind = WaitKind::None;
        std::uint32_t merged = 1; ///< segments it stands for
    };
    struct Lane {
        TaskId task = 0;
        QRectF rect;              ///< the whole row, label column included
        QString label;
        QColor marker;            ///< the task's colour
        bool selected = false;
        std::vector<Bar> bars;
    };
    struct Tick {
        qreal x = 0;
        QString label;
    };

    QSizeF size;
    QRectF ruler;                 ///< the scale above the lanes
    QRectF plot;                  ///< where bars are drawn (lanes' right part)
    QRectF labels;                ///< the lane names column
    QRectF legend;                ///< the activity colours key, at the bottom
    TimelineAxis axis = TimelineAxis::Time;
    std::int64_t from = 0;
    std::int64_t to = 1;
    std::size_t firstLane = 0;
    std::size_t laneTotal = 0;    ///< lanes with something in the visible range
    std::size_t laneCapacity = 0; ///< lanes that fit
    std::vector<Lane> lanes;      ///< the visible lanes, top first
    std::vector<Tick> ticks;
    qreal playheadX = 0;
    bool playheadVisible = false;

    /// The layout for `input`; pure.
    static TimelineLayout compute(const Input& input);
    /// The lanes with something in [from, to] on `axis`, in display order:
    /// the loop (0) first, then task ids ascending. A long run shows the
    /// tasks alive in the visible range, not the first ones ever created.
    static std::vector<TaskId> laneOrder(const Timeline& timeline, const Model& head, TimelineAxis axis,
                                         std::int64_t from, std::int64_t to);
    /// The "nice" tick step for showing `span` units in about `pixels / minGap` ticks.
    static std::int64_t tickStep(std::int64_t span, qreal pixels, qreal minGap);

    qreal xOf(double value) const;
    double valueAt(qreal x) const;
    /// The visible lane under y, or -1.
    int laneAt(qreal y) const;
    std::size_t barCount() const;
};

} // namespace coroscope
