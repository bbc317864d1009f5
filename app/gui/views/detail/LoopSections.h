#pragma once
// Internals of LoopView::layout: where each task goes (LoopPlaces) and the
// geometry of each section (LoopSections).

#include "app/gui/views/LayoutInput.h"
#include "app/gui/views/Scene.h"
#include "core/trace/Model.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>

#include <vector>

namespace coroscope {

class ViewStyle;

/// Tasks waiting on one thing; a pending timer is a group even with no waiter.
struct WaitGroup {
    WaitKind kind = WaitKind::None;
    std::uint32_t target = 0;
    std::vector<TaskId> tasks; ///< ascending ids
    TimerInfo timer;           ///< valid when `pending`
    bool pending = false;      ///< a pending timer (kind Timer)
};

/// Exactly one place per task; derived from the Model alone.
struct LoopPlaces {
    TaskId running = 0;
    std::vector<ReadyEntry> ready;   ///< front first; a task in it appears nowhere else
    std::vector<bool> ownsChip;      ///< per ready entry: it holds its task's chip (false: the task's chip is elsewhere)
    std::vector<WaitGroup> groups;   ///< timers in firing order, then by kind and target
    std::size_t waitingTasks = 0;
    std::vector<TaskId> suspended;
    std::vector<TaskId> created;     ///< never started and not queued (e.g. never awaited)
    std::vector<TaskId> finished;    ///< most recently finished first
    std::vector<TaskId> threads;     ///< executor worker lanes
    std::vector<TaskId> servers;     ///< simulated server lanes

    static LoopPlaces of(const Model& model);
};

class LoopSections {
    Q_DECLARE_TR_FUNCTIONS(coroscope::LoopView)
public:
    LoopSections(const LayoutInput& input, const LoopPlaces& places);
    Scene build();

private:
    struct Flow;
    /// Section ids (panel keys), so a panel keeps its identity when it moves.
    enum SectionId { kThread = 1, kReady, kWaiting, kThreads, kServers, kFinished };

    // Sections; each takes the column and its top, returns the bottom.
    qreal header(qreal y);
    qreal thread(const QRectF& column, qreal y);
    qreal readyQueue(const QRectF& column, qreal y, int maxLines);
    qreal waiting(const QRectF& column, qreal y, qreal maxBottom);
    qreal lanes(const QRectF& column, qreal y, qreal maxBottom, const std::vector<TaskId>& lanes, const QString& title,
                int section);
    qreal finished(const QRectF& column, qreal y, qreal maxBottom);

    int beginSection(const QRectF& column, qreal y, const QString& title, const QString& note, int id);
    qreal endSection(int panel, qreal contentBottom);
    QRectF contentOf(const QRectF& column) const;

    SceneItem& add(SceneItem item);
    SceneItem& chip(TaskId task, const QRectF& rect, const QString& group, int order, bool faded = false);
    SceneItem& callbackChip(const ReadyEntry& entry, const QRectF& rect, const QString& group, int order);
    SceneItem& text(const QRectF& rect, const QString& s, const QColor& ink, qreal size = 1.0, bool bold = false);
    SceneItem& more(const QRectF& rect, const QString& s, const QString& group);
    QString name(TaskId task) const;
    qreal textWidth(const QString& s, qreal size = 1.0, bool bold = false) const;
    QColor kindColor(WaitKind kind, std::uint32_t target) const;
    QString nodeLabel(const WaitGroup& g) const;
    QString runningDetail(TaskId task) const;

    const LayoutInput& m_in;
    const LoopPlaces& m_places;
    const ViewStyle& m_style;
    Scene m_scene;
    QFontMetricsF m_fm;       ///< the base font
    QFontMetricsF m_fmSmall;  ///< 0.85 of it
    qreal m_u;                ///< size unit
    qreal m_pad;
    qreal m_gap;
    qreal m_chipH;
    qreal m_chipW;
    qreal m_headingH;
};

} // namespace coroscope
