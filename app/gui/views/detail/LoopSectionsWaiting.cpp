// LoopSections, second half: the sections whose size depends on the run
// (waiting groups, lanes, finished tasks) and the arrangement of them all.

#include "app/gui/views/detail/LoopSections.h"

#include "app/gui/views/LoopView.h"
#include "app/gui/views/ViewStyle.h"
#include "app/gui/views/ViewText.h"

#include <algorithm>
#include <cmath>

namespace coroscope {

namespace {

int fitting(qreal space, qreal cell, qreal gap)
{
    return std::max(1, int(std::floor((space + gap) / (cell + gap))));
}

} // namespace

/// One entry of the waiting area: a wait group or a pseudo-group.
struct LoopSections::Flow {
    const WaitGroup* wait = nullptr;          ///< null for suspended / not started
    const std::vector<TaskId>* tasks = nullptr;
    QString label;
    QString group;
    quint64 nodeKey = 0;
    QColor color;
};

qreal LoopSections::waiting(const QRectF& column, qreal y, qreal maxBottom)
{
    const Model& model = m_in.model;
    const std::size_t count = m_places.waitingTasks + m_places.suspended.size() + m_places.created.size();
    const int panel = beginSection(column, y, tr("Waiting"), tr("%n task(s)", nullptr, int(count)), kWaiting);
    const QRectF c = contentOf(column);
    const qreal top = y + m_headingH;

    std::vector<Flow> flows;
    flows.reserve(m_places.groups.size() + 2);
    for (const WaitGroup& g : m_places.groups) {
        // Labels, names and colours are filled in only for the groups that fit.
        Flow f;
        f.wait = &g;
        f.tasks = &g.tasks;
        f.nodeKey = sceneKey(KeyKind::Node, g.target, quint32(g.kind) + 1);
        flows.push_back(std::move(f));
    }
    if (!m_places.suspended.empty())
        flows.push_back(Flow{nullptr, &m_places.suspended, tr("suspended"), QStringLiteral("suspended"),
                             sceneKey(KeyKind::Group, 1), m_style.activity(Activity::Suspended)});
    if (!m_places.created.empty())
        flows.push_back(Flow{nullptr, &m_places.created, tr("not started (never scheduled)"), QStringLiteral("created"),
                             sceneKey(KeyKind::Group, 2), m_style.activity(Activity::Suspended)});
    if (flows.empty()) {
        text(QRectF(c.left(), top, c.width(), m_chipH), tr("nothing is waiting"), m_style.theme().mutedText, 0.85).key =
            sceneKey(KeyKind::Text, 0, 11);
        return endSection(panel, top + m_chipH);
    }

    const qreal nodeH = 1.35 * m_u;
    const qreal barH = 0.42 * m_u;
    const qreal arrowGap = 0.9 * m_u;
    const qreal rowGap = 0.7 * m_u;
    const qreal groupGap = 1.0 * m_u;
    const qreal moreH = 1.7 * m_u;
    const qreal limit = maxBottom - m_pad; // the panel's padding goes below the content
    const int maxChips = fitting(c.width(), m_chipW, m_gap);
    const QFontMetricsF nodeFm(m_style.font(0.9));
    const QColor arrowInk = m_style.theme().mutedText;

    qreal x = c.left();
    qreal lineTop = top;
    qreal lineH = 0;
    std::size_t placed = 0;
    for (; placed < flows.size(); ++placed) {
        Flow& f = flows[placed];
        const WaitGroup* g = f.wait;
        if (g) {
            f.label = nodeLabel(*g);
            f.group = LoopView::waitingGroup(g->kind, g->target);
            f.color = kindColor(g->kind, g->target);
        }
        const int k = int(f.tasks->size());
        const bool overflow = k > maxChips;
        const int kShown = overflow ? maxChips - 1 : k;
        const int cells = kShown + (overflow ? 1 : 0);
        const bool timerBar = g && g->pending;
        const qreal nodeHeight = nodeH + (timerBar ? barH : 0);
        const qreal chipsW = cells ? cells * (m_chipW + m_gap) - m_gap : 0;
        const qreal gw = std::min(c.width(), std::max({nodeFm.horizontalAdvance(f.label) + 1.4 * m_u, chipsW, 6 * m_u}));
        const qreal below = cells ? arrowGap + m_chipH : (g && g->kind == WaitKind::Timer ? 1.3 * m_u : 0);
        const qreal gh = nodeHeight + below;
        if (x > c.left() && x + gw > c.right() + 0.5) {
            lineTop += lineH + rowGap;
            x = c.left();
            lineH = 0;
        }
        const bool last = placed + 1 == flows.size();
        if (lineTop + gh > limit - (last ? 0 : moreH) && placed > 0)
            break;

        const QRectF nodeRect(x, lineTop, gw, nodeHeight);
        SceneItem node;
        node.key = f.nodeKey;
        node.role = ItemRole::Node;
        node.shape = ItemShape::Rounded;
        node.rect = nodeRect;
        node.fill = m_style.faded(f.color, 0.78);
        node.stroke = f.color;
        node.strokeWidth = 1.5f;
        node.ink = m_style.theme().text;
        node.text = f.label;
        node.group = f.group;
        node.fontSize = 0.9f;
        node.align = Qt::AlignLeft | (timerBar ? Qt::AlignTop : Qt::AlignVCenter);
        if (g && (g->kind == WaitKind::Task || g->kind == WaitKind::Greenlet) && g->target) {
            node.task = g->target;
            node.hasTask = true;
        }
        add(std::move(node));

        if (timerBar) {
            // Countdown on the virtual clock: how much of the wait has passed.
            Nanos since = g->timer.deadline;
            for (const TaskId t : g->tasks)
                since = std::min(since, model.task(t)->since);
            const Nanos span = g->timer.deadline - since;
            const double done = span > 0 ? double(model.now() - since) / double(span) : (g->tasks.empty() ? 0.0 : 1.0);
            SceneItem bar;
            bar.key = sceneKey(KeyKind::Bar, g->target);
            bar.role = ItemRole::Bar;
            bar.rect = QRectF(nodeRect.left() + 0.5 * m_u, nodeRect.bottom() - barH - 0.1 * m_u, nodeRect.width() - m_u,
                              0.26 * m_u);
            bar.fill = m_style.faded(f.color, 0.6);
            bar.ink = f.color;
            bar.progress = float(std::clamp(done, 0.0, 1.0));
            bar.group = f.group;
            add(std::move(bar));
        }
        const qreal chipTop = nodeRect.bottom() + arrowGap;
        for (int j = 0; j < kShown; ++j) {
            const TaskId task = (*f.tasks)[std::size_t(j)];
            const QRectF r(x + j * (m_chipW + m_gap), chipTop, m_chipW, m_chipH);
            chip(task, r, f.group, j);
            // A port under the node straight above the chip, so every
            // waiter's arrow is a short vertical one.
            SceneItem port;
            port.key = sceneKey(KeyKind::Port, task);
            port.role = ItemRole::Text;
            port.rect = QRectF(r.center().x() - 0.5, nodeRect.bottom() - 1, 1, 1);
            add(std::move(port));
            SceneArrow a;
            a.key = sceneKey(KeyKind::Arrow, task);
            a.from = sceneKey(KeyKind::Chip, task);
            a.to = sceneKey(KeyKind::Port, task);
            a.color = arrowInk;
            a.width = 1.3f;
            m_scene.arrows.push_back(a);
        }
        if (overflow)
            more(QRectF(x + kShown * (m_chipW + m_gap), chipTop, m_chipW, m_chipH), tr("+%1 more").arg(k - kShown), f.group);
        if (!cells && g && g->kind == WaitKind::Timer && g->timer.owner) {
            text(QRectF(x, nodeRect.bottom() + 0.1 * m_u, gw, 1.2 * m_u),
                 tr("a callback of %1").arg(name(g->timer.owner)), m_style.theme().mutedText, 0.8);
        }
        x += gw + groupGap;
        lineH = std::max(lineH, gh);
    }
    qreal bottom = lineTop + lineH;
    if (placed < flows.size()) {
        std::size_t tasks = 0;
        for (std::size_t i = placed; i < flows.size(); ++i)
            tasks += flows[i].tasks->size();
        const QString s = tr("+%n more group(s)", nullptr, int(flows.size() - placed)) + QStringLiteral(" \u00b7 ")
            + tr("%n task(s)", nullptr, int(tasks));
        const qreal w = std::min(c.width(), m_fmSmall.horizontalAdvance(s) + 1.6 * m_u);
        more(QRectF(c.left(), bottom + 0.4 * m_u, w, 1.2 * m_u), s, QStringLiteral("waiting"));
        bottom += 1.6 * m_u;
    }
    return endSection(panel, bottom);
}

qreal LoopSections::lanes(const QRectF& column, qreal y, qreal maxBottom, const std::vector<TaskId>& ids,
                          const QString& title, int section)
{
    const Model& model = m_in.model;
    const int panel = beginSection(column, y, title, tr("%n lane(s)", nullptr, int(ids.size())), section);
    const QRectF c = contentOf(column);
    const qreal top = y + m_headingH;
    const qreal rowH = std::max(m_chipH, 2.2 * m_u) + m_gap;
    bool queued = false;
    qreal bottom = top;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const qreal rowTop = top + qreal(i) * rowH;
        const bool last = i + 1 == ids.size();
        if (i > 0 && rowTop + rowH - m_gap + (last ? 0 : rowH) > maxBottom - m_pad) {
            more(QRectF(c.left(), rowTop, m_chipW, m_chipH), tr("+%1 more").arg(ids.size() - i),
                 QStringLiteral("lanes %1").arg(section));
            bottom = rowTop + m_chipH;
            break;
        }
        const TaskId id = ids[i];
        const TaskInfo& t = *model.task(id);
        const qreal nameW = m_fm.horizontalAdvance(name(id)) * 1.08 + 1.4 * m_u;
        const QRectF r(c.left(), rowTop + (rowH - m_gap - m_chipH) / 2,
                       std::clamp(nameW, m_chipW, std::max(m_chipW, c.width() * 0.4)), m_chipH);
        queued = id == m_places.running;
        for (const ReadyEntry& e : m_places.ready)
            queued = queued || e.task == id;
        if (queued) {
            // Its chip is in the running slot or the ready queue: the lane shows its outline.
            SceneItem ghost;
            ghost.role = ItemRole::Text;
            ghost.shape = ItemShape::Pill;
            ghost.rect = r;
            ghost.stroke = m_style.taskFill(id);
            ghost.dashed = true;
            ghost.ink = m_style.theme().mutedText;
            ghost.text = name(id);
            ghost.task = id;
            ghost.hasTask = true;
            ghost.align = Qt::AlignCenter;
            add(std::move(ghost));
        } else {
            chip(id, r, QStringLiteral("lane %1").arg(id), 0, t.state == TaskState::Suspended || t.state == TaskState::Created);
        }
        QString status;
        switch (t.state) {
        case TaskState::Running: {
            const std::vector<FrameInfo> frames = model.frames(id);
            status = frames.empty() ? tr("running")
                                    : tr("running %1() \u00b7 line %2")
                                          .arg(ViewText::text(m_in.trace, frames.back().function))
                                          .arg(frames.back().line);
            break;
        }
        case TaskState::Waiting: status = tr("waiting on %1").arg(ViewText::waitTarget(m_in.trace, model, t.waitKind, t.waitTarget)); break;
        case TaskState::Done:
        case TaskState::Failed:
        case TaskState::Cancelled: status = ViewText::outcome(m_in.trace, t); break;
        case TaskState::Ready: status = tr("ready"); break;
        case TaskState::Suspended:
        case TaskState::Created: status = tr("idle"); break;
        }
        const qreal x = r.right() + m_pad;
        const qreal textW = std::max<qreal>(0, c.right() - x);
        SceneItem& s = text(QRectF(x, rowTop - 0.1 * m_u, textW, 1.2 * m_u), status,
                            t.state == TaskState::Failed ? m_style.theme().error : m_style.theme().text, 0.9);
        s.key = sceneKey(KeyKind::Text, id, 2);
        const QString clock = tr("lane clock %1").arg(ViewText::time(std::max(t.laneTime, model.now())));
        SceneItem& k = text(QRectF(x, rowTop + 1.05 * m_u, textW, 1.1 * m_u), clock, m_style.theme().mutedText, 0.8);
        k.key = sceneKey(KeyKind::Text, id, 5);
        bottom = rowTop + rowH - m_gap;
    }
    return endSection(panel, bottom);
}

qreal LoopSections::finished(const QRectF& column, qreal y, qreal maxBottom)
{
    const auto& done = m_places.finished;
    const int n = int(done.size());
    const int panel = beginSection(column, y, tr("Finished"), tr("%n task(s) \u00b7 latest first", nullptr, n), kFinished);
    const QRectF c = contentOf(column);
    const qreal top = y + m_headingH;
    const qreal minCell = std::min(c.width(), std::max(m_chipW * 2.3, m_chipW + 4 * m_u));
    const int perLine = fitting(c.width(), minCell, m_gap);
    const qreal cellW = (c.width() - (perLine - 1) * m_gap) / perLine;
    const int lines = std::max(1, int(std::floor((maxBottom - m_pad - top + m_gap) / (m_chipH + m_gap))));
    const int capacity = perLine * lines;
    const int shown = n <= capacity ? n : capacity - 1;
    auto cell = [&](int i) {
        return QRectF(c.left() + (i % perLine) * (cellW + m_gap), top + (i / perLine) * (m_chipH + m_gap), cellW, m_chipH);
    };
    const QString group = QStringLiteral("finished");
    for (int i = 0; i < shown; ++i) {
        const TaskId id = done[std::size_t(i)];
        const QRectF r = cell(i);
        chip(id, QRectF(r.left(), r.top(), m_chipW, m_chipH), group, i, true);
        const TaskInfo& t = *m_in.model.task(id);
        const bool bad = t.state == TaskState::Failed || (t.hasOutcome && t.outcomeKind == FutureOutcome::Exception);
        SceneItem& o = text(QRectF(r.left() + m_chipW + 0.4 * m_u, r.top(), r.width() - m_chipW - 0.4 * m_u, r.height()),
                            ViewText::outcome(m_in.trace, t), bad ? m_style.theme().error : m_style.theme().text, 0.9,
                            bad);
        o.key = sceneKey(KeyKind::Text, id, 1);
        o.mono = !bad;
    }
    if (shown < n)
        more(cell(shown).adjusted(0, 0, -(cellW - m_chipW), 0), tr("+%1 earlier").arg(n - shown), group);
    const int cells = std::min(n, capacity);
    const int used = (cells + perLine - 1) / perLine;
    return endSection(panel, top + used * (m_chipH + m_gap) - m_gap);
}

Scene LoopSections::build()
{
    const qreal w = m_in.size.width();
    const qreal h = m_in.size.height();
    m_scene.size = m_in.size;
    m_scene.background = m_style.theme().base;
    const qreal top = header(m_pad * 0.6);
    const qreal spacing = 0.55 * m_u;
    // A section that must keep room below: its heading and one row.
    const qreal minSection = m_headingH + m_chipH + m_pad + spacing;
    const qreal minLanes = m_headingH + std::max(m_chipH, 2.2 * m_u) + m_pad + spacing;
    const bool wide = w >= 62 * m_u;
    QRectF left(m_pad, top, w - 2 * m_pad, h - top - m_pad);
    QRectF right;
    if (wide) {
        const qreal lw = std::floor((w - 3 * m_pad) * 0.6);
        left.setWidth(lw);
        right = QRectF(left.right() + m_pad, top, w - lw - 3 * m_pad, left.height());
    }
    qreal y = thread(left, top) + spacing;
    y = readyQueue(left, y, h - y > 24 * m_u ? 2 : 1) + spacing;

    const bool hasThreads = !m_places.threads.empty();
    const bool hasServers = !m_places.servers.empty();
    const bool hasFinished = !m_places.finished.empty();
    if (wide) {
        waiting(left, y, left.bottom());
        qreal yr = top;
        const qreal reserveFinished = hasFinished ? minSection : 0;
        if (hasThreads)
            yr = lanes(right, yr, right.bottom() - reserveFinished - (hasServers ? minLanes : 0), m_places.threads,
                       tr("Executor threads"), kThreads) + spacing;
        if (hasServers)
            yr = lanes(right, yr, right.bottom() - reserveFinished, m_places.servers, tr("Servers"), kServers) + spacing;
        if (hasFinished)
            finished(right, yr, right.bottom());
        else if (!hasThreads && !hasServers)
            finished(right, yr, right.bottom());
    } else {
        const qreal reserve = (hasThreads ? minLanes : 0) + (hasServers ? minLanes : 0) + (hasFinished ? minSection : 0);
        y = waiting(left, y, std::max(y + minSection, left.bottom() - reserve)) + spacing;
        if (hasThreads)
            y = lanes(left, y, left.bottom() - (hasServers ? minLanes : 0) - (hasFinished ? minSection : 0),
                      m_places.threads, tr("Executor threads"), kThreads) + spacing;
        if (hasServers)
            y = lanes(left, y, left.bottom() - (hasFinished ? minSection : 0), m_places.servers, tr("Servers"), kServers)
                + spacing;
        if (hasFinished)
            finished(left, y, left.bottom());
    }
    return std::move(m_scene);
}

} // namespace coroscope
