#include "app/gui/views/detail/LoopSections.h"

#include "app/gui/views/LoopView.h"
#include "app/gui/views/ViewStyle.h"
#include "app/gui/views/ViewText.h"
#include "core/trace/Trace.h"

#include <algorithm>
#include <cmath>

namespace coroscope {

namespace {

int fitting(qreal space, qreal cell, qreal gap)
{
    return std::max(1, int(std::floor((space + gap) / (cell + gap))));
}

} // namespace

LoopSections::LoopSections(const LayoutInput& input, const LoopPlaces& places)
    : m_in(input)
    , m_places(places)
    , m_style(input.style)
    , m_fm(input.style.font())
    , m_fmSmall(input.style.font(0.85))
{
    m_u = m_style.unit();
    m_pad = 0.6 * m_u;
    m_gap = 0.4 * m_u;
    m_chipH = 1.5 * m_u;
    m_headingH = 1.4 * m_u;
    const qreal w = input.size.width();
    m_chipW = std::clamp(w * 0.1, 5.5 * m_u, 8.5 * m_u);
    m_chipW = std::min(m_chipW, std::max(3.0 * m_u, (w - 4 * m_pad) / 2));
}

SceneItem& LoopSections::add(SceneItem item)
{
    return m_scene.add(std::move(item));
}

QString LoopSections::name(TaskId task) const
{
    return ViewText::taskName(m_in.trace, m_in.model, task);
}

qreal LoopSections::textWidth(const QString& s, qreal size, bool bold) const
{
    if (size == 1.0 && !bold)
        return m_fm.horizontalAdvance(s);
    if (size == 0.85 && !bold)
        return m_fmSmall.horizontalAdvance(s);
    return QFontMetricsF(m_style.font(size, bold)).horizontalAdvance(s);
}

SceneItem& LoopSections::chip(TaskId task, const QRectF& rect, const QString& group, int order, bool faded)
{
    SceneItem c;
    c.key = sceneKey(KeyKind::Chip, task);
    c.role = ItemRole::Chip;
    c.shape = ItemShape::Pill;
    c.layer = ItemLayer::Front;
    c.rect = rect;
    const QColor fill = m_style.taskFill(task);
    c.fill = faded ? m_style.faded(fill) : fill;
    c.stroke = faded ? fill : QColor();
    c.ink = faded ? m_style.theme().text : m_style.taskOnFill(task);
    c.text = name(task);
    c.group = group;
    c.task = task;
    c.hasTask = true;
    c.order = order;
    c.bold = !faded;
    c.align = Qt::AlignCenter;
    return add(std::move(c));
}

SceneItem& LoopSections::callbackChip(const ReadyEntry& entry, const QRectF& rect, const QString& group, int order)
{
    if (entry.task) {
        // The step of a task whose chip is elsewhere (a running task that
        // queued its own next step): an outline in the task's colour.
        SceneItem& c = chip(entry.task, rect, group, order, true);
        c.key = sceneKey(KeyKind::Callback, entry.handle);
        c.dashed = true;
        return c;
    }
    SceneItem c;
    c.key = sceneKey(KeyKind::Callback, entry.handle);
    c.role = ItemRole::Chip;
    c.shape = ItemShape::Pill;
    c.layer = ItemLayer::Front;
    c.rect = rect;
    c.fill = m_style.theme().button;
    c.stroke = m_style.theme().border;
    c.ink = m_style.theme().text;
    c.text = entry.label.length ? ViewText::text(m_in.trace, entry.label) : tr("callback");
    c.group = group;
    c.order = order;
    c.fontSize = 0.85f;
    c.align = Qt::AlignCenter;
    return add(std::move(c));
}

SceneItem& LoopSections::text(const QRectF& rect, const QString& s, const QColor& ink, qreal size, bool bold)
{
    return m_scene.addText(rect, s, ink, size, bold);
}

SceneItem& LoopSections::more(const QRectF& rect, const QString& s, const QString& group)
{
    SceneItem m;
    m.key = sceneKey(KeyKind::More, 0, quint32(qHash(group)));
    m.role = ItemRole::More;
    m.shape = ItemShape::Pill;
    m.layer = ItemLayer::Front;
    m.rect = rect;
    m.stroke = m_style.theme().border;
    m.dashed = true;
    m.ink = m_style.theme().mutedText;
    m.text = s;
    m.group = group;
    m.fontSize = 0.85f;
    m.align = Qt::AlignCenter;
    return add(std::move(m));
}

QRectF LoopSections::contentOf(const QRectF& column) const
{
    return column.adjusted(m_pad, 0, -m_pad, 0);
}

int LoopSections::beginSection(const QRectF& column, qreal y, const QString& title, const QString& note, int id)
{
    SceneItem panel;
    panel.key = sceneKey(KeyKind::Section, quint32(id));
    panel.role = ItemRole::Panel;
    panel.shape = ItemShape::Rounded;
    panel.layer = ItemLayer::Back;
    panel.rect = QRectF(column.left(), y, column.width(), m_headingH);
    panel.fill = m_style.panel();
    panel.stroke = m_style.panelBorder();
    add(std::move(panel));
    const int index = int(m_scene.items.size()) - 1;
    const QRectF c = contentOf(column);
    const QRectF row(c.left(), y + 0.25 * m_u, c.width(), m_headingH - 0.25 * m_u);
    const QString heading = title.toUpper();
    SceneItem& h = text(row, heading, m_style.theme().mutedText, 0.85, true);
    h.role = ItemRole::Heading;
    if (!note.isEmpty()) {
        const qreal used = textWidth(heading, 0.85, true) + m_u;
        SceneItem& n = text(QRectF(c.left() + used, row.top(), std::max<qreal>(0, c.width() - used), row.height()), note,
                            m_style.theme().mutedText, 0.85);
        n.align = Qt::AlignRight | Qt::AlignVCenter;
    }
    return index;
}

qreal LoopSections::endSection(int panel, qreal contentBottom)
{
    QRectF& r = m_scene.items[panel].rect;
    r.setBottom(contentBottom + m_pad);
    return r.bottom();
}

QColor LoopSections::kindColor(WaitKind kind, std::uint32_t target) const
{
    switch (kind) {
    case WaitKind::Timer: return m_style.activity(Activity::Waiting);
    case WaitKind::Future:
    case WaitKind::Executor: return m_style.theme().link;
    case WaitKind::Task:
    case WaitKind::Greenlet: return m_style.taskFill(target);
    case WaitKind::Io: return m_style.activity(Activity::Ready);
    default: return m_style.theme().mutedText;
    }
}

QString LoopSections::nodeLabel(const WaitGroup& g) const
{
    const Model& model = m_in.model;
    if (g.kind == WaitKind::Timer) {
        if (!g.pending)
            return tr("timer #%1 (fired)").arg(g.target);
        const Nanos left = g.timer.deadline - model.now();
        if (left <= 0)
            return tr("timer #%1 \u00b7 due now").arg(g.target);
        return tr("timer #%1 \u00b7 at %2 \u00b7 in %3")
            .arg(g.target)
            .arg(ViewText::time(g.timer.deadline), ViewText::duration(left));
    }
    if (g.kind == WaitKind::Io && !g.tasks.empty()) {
        // The host of the first waiter's latest I/O.
        for (std::size_t i = model.ioCount(); i-- > 0;) {
            const IoEntry& io = model.io(i);
            if (io.task == g.tasks.front())
                return tr("I/O \u2192 %1").arg(ViewText::text(m_in.trace, io.host));
        }
    }
    QString label = ViewText::waitTarget(m_in.trace, model, g.kind, g.target);
    if (g.kind == WaitKind::Future || g.kind == WaitKind::Executor) {
        if (const FutureInfo* f = model.future(g.target))
            label += f->done ? tr(" \u00b7 resolved") : tr(" \u00b7 pending");
    } else if (g.kind == WaitKind::Task) {
        if (const TaskInfo* t = model.task(g.target))
            label += QStringLiteral(" \u00b7 ") + ViewText::stateName(t->state);
    }
    return label;
}

QString LoopSections::runningDetail(TaskId task) const
{
    const Model& model = m_in.model;
    if (task == 0) {
        if (model.ended())
            return tr("the run has ended");
        if (!m_places.ready.empty())
            return tr("takes the next callback from the front of the ready queue");
        if (!model.timers().empty())
            return tr("nothing is ready: sleeps until the next timer at %1").arg(ViewText::time(model.timers().front().deadline));
        if (m_places.waitingTasks)
            return tr("nothing is ready and no timer is pending");
        return tr("idle");
    }
    const TaskInfo* t = model.task(task);
    QString where;
    const std::vector<FrameInfo> frames = model.frames(task);
    if (!frames.empty() && frames.back().function.length)
        where = tr("line %1 in %2()").arg(frames.back().line).arg(ViewText::text(m_in.trace, frames.back().function));
    else if (t && t->line)
        where = tr("line %1").arg(t->line);
    QString why;
    switch (model.lastSwitchWhy()) {
    case SwitchWhy::Start: why = tr("just started"); break;
    case SwitchWhy::Resume: why = tr("resumed by the loop"); break;
    case SwitchWhy::Switch: why = tr("switched to"); break;
    case SwitchWhy::Throw: why = tr("an exception was thrown in"); break;
    default: break;
    }
    if (where.isEmpty())
        return why;
    return why.isEmpty() ? where : where + QStringLiteral(" \u00b7 ") + why;
}

qreal LoopSections::header(qreal y)
{
    const QRectF row(m_pad, y, m_in.size.width() - 2 * m_pad, 1.6 * m_u);
    const Model& model = m_in.model;
    const QString clock = tr("t = %1").arg(ViewText::time(model.now()));
    const qreal clockW = QFontMetricsF(m_style.font(1.1, true, true)).horizontalAdvance(clock) + m_u * 0.2;
    SceneItem& c = text(QRectF(row.right() - clockW, row.top(), clockW, row.height()), clock, m_style.theme().text, 1.1, true);
    c.mono = true;
    c.align = Qt::AlignRight | Qt::AlignVCenter;
    const QString title = tr("Event loop");
    const qreal titleW = textWidth(title, 1.1, true) + m_u;
    text(QRectF(row.left(), row.top(), titleW, row.height()), title, m_style.theme().text, 1.1, true);
    const QString facts = tr("step %1 \u00b7 %n timer(s) fired", nullptr, int(model.timersFired())).arg(model.position());
    const qreal factsLeft = row.left() + titleW;
    SceneItem& f = text(QRectF(factsLeft, row.top(), std::max<qreal>(0, row.right() - clockW - m_u - factsLeft), row.height()),
                        facts, m_style.theme().mutedText, 0.85);
    f.align = Qt::AlignLeft | Qt::AlignVCenter;
    return row.bottom() + 0.3 * m_u;
}

qreal LoopSections::thread(const QRectF& column, qreal y)
{
    const int panel = beginSection(column, y, tr("The thread"), tr("one task runs at a time"), kThread);
    const QRectF c = contentOf(column);
    const qreal top = y + m_headingH;
    // The one chip here grows to show its whole name ("event loop" among
    // them) up to a third of the section; the text beside it keeps the rest.
    const TaskId running = m_places.running;
    const qreal nameW = textWidth(name(running), 1.0, true) + 1.2 * m_u;
    const qreal chipW = std::max(m_chipW, std::min(nameW, c.width() / 3));
    const QRectF slotRect(c.left(), top, chipW + 0.8 * m_u, m_chipH + 0.8 * m_u);
    SceneItem slot;
    slot.key = sceneKey(KeyKind::Slot, 0);
    slot.role = ItemRole::Slot;
    slot.shape = ItemShape::Rounded;
    slot.rect = slotRect;
    slot.fill = m_style.theme().base;
    slot.stroke = m_style.theme().highlight;
    slot.strokeWidth = 1.5f;
    slot.dashed = true;
    slot.group = QStringLiteral("running");
    add(std::move(slot));
    const QRectF chipRect = slotRect.adjusted(0.4 * m_u, 0.4 * m_u, -0.4 * m_u, -0.4 * m_u);
    SceneItem& ch = chip(running, chipRect, QStringLiteral("running"), 0);
    if (running == 0) {
        ch.fill = m_style.theme().button;
        ch.stroke = m_style.theme().border;
        ch.ink = m_style.theme().text;
    }
    const qreal x = slotRect.right() + m_pad;
    const qreal w = std::max<qreal>(0, c.right() - x);
    const QString line1 = running ? tr("running: %1").arg(name(running)) : tr("the event loop runs");
    text(QRectF(x, slotRect.top() + 0.1 * m_u, w, 1.3 * m_u), line1, m_style.theme().text, 1.0, true);
    text(QRectF(x, slotRect.top() + 1.35 * m_u, w, 1.2 * m_u), runningDetail(running), m_style.theme().mutedText, 0.85);
    return endSection(panel, slotRect.bottom());
}

qreal LoopSections::readyQueue(const QRectF& column, qreal y, int maxLines)
{
    const auto& ready = m_places.ready;
    const int n = int(ready.size());
    const int panel = beginSection(column, y, tr("Ready queue"), tr("%n ready \u00b7 first in, first out", nullptr, n), kReady);
    const QRectF c = contentOf(column);
    const qreal top = y + m_headingH;
    const QString next = tr("next \u25b8");
    const qreal labelW = textWidth(next, 0.85) + 0.5 * m_u;
    text(QRectF(c.left(), top, labelW, m_chipH), next, m_style.theme().mutedText, 0.85);
    const qreal x0 = c.left() + labelW;
    if (n == 0) {
        // Keyed, so it fades in while the last chip leaves instead of showing under it.
        text(QRectF(x0, top, std::max<qreal>(0, c.right() - x0), m_chipH), tr("empty: nothing is ready to run"),
             m_style.theme().mutedText, 0.85)
            .key = sceneKey(KeyKind::Text, 0, 10);
        return endSection(panel, top + m_chipH);
    }
    const int perLine = fitting(c.right() - x0, m_chipW, m_gap);
    const int capacity = perLine * std::max(1, maxLines);
    const int shown = n <= capacity ? n : capacity - 1;
    auto cell = [&](int i) {
        return QRectF(x0 + (i % perLine) * (m_chipW + m_gap), top + (i / perLine) * (m_chipH + m_gap), m_chipW, m_chipH);
    };
    const QString group = QStringLiteral("ready");
    for (int i = 0; i < shown; ++i) {
        if (ready[i].task && m_places.ownsChip[i])
            chip(ready[i].task, cell(i), group, i);
        else
            callbackChip(ready[i], cell(i), group, i);
    }
    if (shown < n)
        more(cell(shown), tr("+%1 more").arg(n - shown), group);
    const int cells = std::min(n, capacity);
    const int lines = (cells + perLine - 1) / perLine;
    return endSection(panel, top + lines * (m_chipH + m_gap) - m_gap);
}

} // namespace coroscope
