#include "app/gui/views/InspectorView.h"

#include "app/gui/views/ViewText.h"
#include "core/trace/Trace.h"

#include <QFontMetricsF>

#include <algorithm>

namespace coroscope {

namespace {

struct Row {
    QString label;
    QString value;
    QColor ink;     ///< invalid: the theme's text colour
    bool mono = false;
};

/// The task future of `task` (kind Task, owned by it), or 0.
FutureId taskFuture(const Model& model, TaskId task)
{
    for (std::size_t i = 1; i < model.futureSlots(); ++i) {
        const FutureInfo* f = model.future(FutureId(i));
        if (f && f->kind == FutureKind::Task && f->owner == task)
            return f->id;
    }
    return 0;
}

/// A byte count as "312 B" or "9.4 KB" (1 KB = 1024 bytes).
QString bytesText(std::uint64_t bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    return QStringLiteral("%1 KB").arg(double(bytes) / 1024.0, 0, 'f', 1);
}

} // namespace

InspectorView::InspectorView(QWidget* parent)
    : VisualView(parent)
{
    setObjectName(QStringLiteral("inspectorView"));
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QString InspectorView::emptyHint() const
{
    return tr("Click a task in any view to inspect its state, frames, locals and timings.");
}

TaskId InspectorView::subject(const LayoutInput& in)
{
    if (in.hasSelection && (in.selected == 0 || in.model.task(in.selected)))
        return in.selected;
    return in.model.running();
}

QString InspectorView::value(const Scene& scene, const QString& label)
{
    const QString group = QStringLiteral("value ") + label;
    for (const SceneItem& item : scene.items) {
        if (item.group == group)
            return item.text;
    }
    return QString();
}

int InspectorView::heightForWidth(int width) const
{
    if (!hasModel())
        return sizeHint().height();
    return int(std::ceil(targetScene(QSizeF(width, 0)).size.height()));
}

Scene InspectorView::layout(const LayoutInput& in)
{
    const ViewStyle& st = in.style;
    const Model& model = in.model;
    const Trace& trace = in.trace;
    const qreal u = st.unit();
    const qreal pad = 0.7 * u;
    const qreal w = in.size.width();
    const TaskId id = subject(in);
    const TaskInfo* t = model.task(id);
    Scene scene;
    scene.background = st.theme().base;
    auto add = [&](SceneItem item) -> SceneItem& { return scene.add(std::move(item)); };

    // Header: the task's chip and what kind of thing it is.
    const QString name = ViewText::taskName(trace, model, id);
    const qreal chipW = std::min(w - 2 * pad, QFontMetricsF(st.font(1.0, true)).horizontalAdvance(name) + 2.4 * u);
    SceneItem chip;
    chip.key = sceneKey(KeyKind::Chip, id);
    chip.role = ItemRole::Chip;
    chip.shape = ItemShape::Pill;
    chip.rect = QRectF(pad, pad, chipW, 1.5 * u);
    chip.fill = id ? st.taskFill(id) : st.theme().button;
    chip.stroke = id ? QColor() : st.theme().border;
    chip.ink = id ? st.taskOnFill(id) : st.theme().text;
    chip.text = name;
    chip.group = QStringLiteral("subject");
    chip.task = id;
    chip.hasTask = true;
    chip.bold = true;
    chip.align = Qt::AlignCenter;
    add(chip);
    SceneItem kind;
    kind.rect = QRectF(pad + chipW + 0.6 * u, pad, std::max<qreal>(0, w - 2 * pad - chipW - 0.6 * u), 1.5 * u);
    kind.text = id ? tr("#%1 \u00b7 %2").arg(id).arg(ViewText::kindName(t ? t->kind : TaskKind::Main))
                   : tr("the scheduler itself");
    kind.ink = st.theme().mutedText;
    kind.fontSize = 0.9f;
    add(kind);
    qreal y = pad + 1.5 * u + 0.3 * u;
    if (!in.hasSelection) {
        SceneItem hint;
        hint.rect = QRectF(pad, y, w - 2 * pad, 1.2 * u);
        hint.text = tr("Showing the running task; click a task to pin it.");
        hint.ink = st.theme().mutedText;
        hint.fontSize = 0.8f;
        add(hint);
        y += 1.3 * u;
    }
    y += 0.4 * u;

    std::vector<Row> rows;
    if (id == 0 || !t) {
        rows.push_back({tr("Clock"), ViewText::time(model.now()), {}, true});
        rows.push_back({tr("Ready"), tr("%n callback(s) queued", nullptr, int(model.readyCount())), {}, false});
        QString timers = tr("%n pending", nullptr, int(model.timers().size()));
        if (!model.timers().empty())
            timers += tr(", next at %1").arg(ViewText::time(model.timers().front().deadline));
        rows.push_back({tr("Timers"), timers, {}, false});
        rows.push_back({tr("Timers fired"), QString::number(model.timersFired()), {}, false});
        rows.push_back({tr("Idle"), ViewText::time(model.timeIn(0, Activity::Idle)), {}, true});
        rows.push_back({tr("Blocked"), ViewText::time(model.timeIn(0, Activity::Blocked)), {}, true});
    } else {
        rows.push_back({tr("State"), tr("%1 since %2 (event %3)").arg(ViewText::stateName(t->state), ViewText::time(t->since))
                                         .arg(t->sinceEvent),
                        {}, false});
        if (t->state == TaskState::Waiting)
            rows.push_back({tr("Waits on"), ViewText::waitDescription(trace, model, *t), {}, false});
        if (t->state == TaskState::Ready) {
            const std::vector<ReadyEntry> queue = model.readyQueue();
            for (std::size_t i = 0; i < queue.size(); ++i) {
                if (queue[i].task == id) {
                    rows.push_back({tr("Queue"), tr("%1 of %2 in the ready queue").arg(i + 1).arg(queue.size()), {}, false});
                    break;
                }
            }
        }
        if (t->line)
            rows.push_back({tr("Line"), QString::number(t->line), {}, false});
        if (t->parent)
            rows.push_back({tr("Parent"), ViewText::taskName(trace, model, t->parent), {}, false});
        rows.push_back({tr("Created"), tr("at %1").arg(ViewText::time(t->createdAt)), {}, false});
        rows.push_back({tr("Switches"), tr("%n time(s) given the thread", nullptr, int(t->switches)), {}, false});
        if (t->hasMemory) {
            // Measured when it last stopped: a stackful task keeps a machine
            // stack (and the interpreter frames on it), a stackless one only its frame.
            const std::uint64_t rest = t->memoryBytes - std::min<std::uint64_t>(t->memoryBytes, t->memoryPart);
            QString memory;
            if (t->memoryKind == MemoryKind::Frames)
                memory = tr("suspended frame: %1").arg(bytesText(t->memoryBytes));
            else if (rest)
                memory = tr("machine stack in use: %1, plus %2 of interpreter frames")
                             .arg(bytesText(t->memoryPart), bytesText(rest));
            else
                memory = tr("machine stack in use: %1").arg(bytesText(t->memoryPart));
            rows.push_back({tr("Memory"), memory, {}, false});
        }
        rows.push_back({tr("Running"), ViewText::time(model.timeIn(id, Activity::Running)), {}, true});
        rows.push_back({tr("Ready"), ViewText::time(model.timeIn(id, Activity::Ready)), {}, true});
        rows.push_back({tr("Waiting"), ViewText::time(model.timeIn(id, Activity::Waiting)), {}, true});
        const Nanos suspended = model.timeIn(id, Activity::Suspended);
        if (suspended)
            rows.push_back({tr("Suspended"), ViewText::time(suspended), {}, true});
        const Nanos blocked = model.timeIn(id, Activity::Blocked);
        if (blocked)
            rows.push_back({tr("Blocked"), ViewText::time(blocked), st.activity(Activity::Blocked), true});
        if (t->laneTime > model.now())
            rows.push_back({tr("Lane clock"), ViewText::time(t->laneTime), {}, true});
        if (const FutureId f = taskFuture(model, id)) {
            QStringList names;
            for (const TaskId waiter : model.waitersOf(f))
                names << ViewText::taskName(trace, model, waiter);
            if (!names.isEmpty())
                rows.push_back({tr("Awaited by"), names.join(QStringLiteral(", ")), {}, false});
        }
        const bool finished = t->state == TaskState::Done || t->state == TaskState::Failed || t->state == TaskState::Cancelled;
        if (finished) {
            const bool bad = t->state == TaskState::Failed || (t->hasOutcome && t->outcomeKind == FutureOutcome::Exception);
            rows.push_back({bad ? tr("Exception") : tr("Result"), ViewText::outcome(trace, *t),
                            bad ? st.theme().error : QColor(), !bad});
        }
        if (t->exception.length)
            rows.push_back({tr("Traceback"), ViewText::text(trace, t->exception), st.theme().error, true});
    }

    const QFontMetricsF labelFm(st.font(0.9, true));
    qreal labelW = 0;
    for (const Row& r : rows)
        labelW = std::max(labelW, labelFm.horizontalAdvance(r.label));
    labelW += 0.8 * u;
    const qreal valueX = pad + labelW;
    const qreal valueW = std::max(4 * u, w - pad - valueX);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        const QFontMetricsF fm(st.font(0.9, false, r.mono));
        const qreal vh = std::max(fm.height(), fm.boundingRect(QRectF(0, 0, valueW, 1e6), Qt::TextWordWrap, r.value).height());
        SceneItem label;
        label.rect = QRectF(pad, y, labelW, fm.height());
        label.text = r.label;
        label.ink = st.theme().mutedText;
        label.fontSize = 0.9f;
        label.bold = true;
        label.group = QStringLiteral("field");
        label.order = int(i);
        add(label);
        SceneItem v;
        v.rect = QRectF(valueX, y, valueW, vh);
        v.text = r.value;
        v.ink = r.ink.isValid() ? r.ink : st.theme().text;
        v.fontSize = 0.9f;
        v.mono = r.mono;
        v.wrap = true;
        v.align = Qt::AlignLeft | Qt::AlignTop;
        v.group = QStringLiteral("value ") + r.label;
        add(v);
        y += vh + 0.35 * u;
    }

    if (t && t->depth) {
        y += 0.4 * u;
        SceneItem heading;
        heading.role = ItemRole::Heading;
        heading.rect = QRectF(pad, y, w - 2 * pad, 1.3 * u);
        heading.text = tr("Frames, top first").toUpper();
        heading.ink = st.theme().mutedText;
        heading.fontSize = 0.85f;
        heading.bold = true;
        add(heading);
        y += 1.4 * u;
        const std::vector<FrameInfo> frames = model.frames(id);
        const QFontMetricsF monoFm(st.font(0.85, false, true));
        for (int k = int(frames.size()) - 1; k >= 0; --k) {
            const FrameInfo& f = frames[std::size_t(k)];
            const QString fn = ViewText::text(trace, f.function);
            const QString locals = ViewText::text(trace, f.locals);
            const qreal innerW = w - 2 * pad - 0.8 * u;
            const qreal lh = locals.isEmpty()
                ? 0
                : monoFm.boundingRect(QRectF(0, 0, innerW, 1e6), Qt::TextWordWrap, locals).height() + 0.2 * u;
            const qreal fh = 1.4 * u + lh + 0.2 * u;
            SceneItem frame;
            frame.key = sceneKey(KeyKind::Frame, id, quint32(k + 1));
            frame.role = ItemRole::Frame;
            frame.shape = ItemShape::Rounded;
            frame.rect = QRectF(pad, y, w - 2 * pad, fh);
            frame.fill = k == int(frames.size()) - 1 ? st.theme().base : st.panel();
            frame.stroke = k == int(frames.size()) - 1 ? st.taskFill(id) : st.panelBorder();
            frame.ink = st.theme().text;
            frame.text = tr("%1()  line %2").arg(fn.isEmpty() ? QStringLiteral("?") : fn).arg(f.line);
            frame.mono = true;
            frame.fontSize = 0.9f;
            frame.align = Qt::AlignLeft | Qt::AlignTop;
            frame.group = QStringLiteral("frames");
            frame.order = int(frames.size()) - 1 - k;
            add(frame);
            if (!locals.isEmpty()) {
                SceneItem l;
                l.rect = QRectF(pad + 0.4 * u, y + 1.35 * u, innerW, lh);
                l.text = locals;
                l.ink = st.theme().mutedText;
                l.fontSize = 0.85f;
                l.mono = true;
                l.wrap = true;
                l.align = Qt::AlignLeft | Qt::AlignTop;
                l.group = QStringLiteral("locals");
                l.order = frame.order;
                add(l);
            }
            y += fh + 0.3 * u;
        }
    }
    scene.size = QSizeF(w, std::max(in.size.height(), y + pad));
    return scene;
}

} // namespace coroscope
