#include "app/gui/views/GreenletView.h"

#include "app/gui/views/ViewText.h"
#include "app/gui/views/detail/SwitchScan.h"
#include "core/trace/Trace.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace coroscope {

namespace {

bool isGreenlet(TaskKind k)
{
    return k == TaskKind::Greenlet || k == TaskKind::Main;
}

bool isDead(TaskState s)
{
    return s == TaskState::Done || s == TaskState::Failed || s == TaskState::Cancelled;
}

/// The bend that puts an arrow's control point `lift` pixels above the
/// straight line (the curve's middle rises half of it).
float upwardBend(QPointF from, QPointF to, qreal lift)
{
    const qreal dx = to.x() - from.x();
    const qreal len = std::hypot(dx, to.y() - from.y());
    if (len < 1)
        return 0;
    // The painter offsets the middle along (-dy, dx) / len: downwards when going right.
    return float((dx >= 0 ? -lift : lift) / len);
}

} // namespace

GreenletView::GreenletView(QWidget* parent)
    : VisualView(parent)
{
    setObjectName(QStringLiteral("greenletView"));
}

QString GreenletView::emptyHint() const
{
    return tr("Run a program to see its greenlets: one column per greenlet, each with its own stack.");
}

Scene GreenletView::layout(const LayoutInput& in)
{
    const ViewStyle& st = in.style;
    const Model& model = in.model;
    const qreal u = st.unit();
    const qreal pad = 0.7 * u;
    const qreal chipH = 1.5 * u;
    const qreal w = in.size.width();
    const qreal h = in.size.height();
    Scene scene;
    scene.size = in.size;
    scene.background = st.theme().base;
    auto add = [&](SceneItem item) -> SceneItem& { return scene.add(std::move(item)); };
    auto text = [&](const QRectF& r, const QString& s, const QColor& ink, float size, bool bold) -> SceneItem& {
        return scene.addText(r, s, ink, size, bold);
    };

    const QString title = tr("Greenlets");
    const qreal titleW = QFontMetricsF(st.font(1.1, true)).horizontalAdvance(title) + u;
    text(QRectF(pad, pad * 0.6, titleW, 1.6 * u), title, st.theme().text, 1.1f, true);
    text(QRectF(pad + titleW, pad * 0.6, std::max<qreal>(0, w - 2 * pad - titleW), 1.6 * u),
         tr("each greenlet owns a machine stack; switch() jumps from one stack to another"), st.theme().mutedText, 0.85f,
         false);
    const qreal titleBottom = pad * 0.6 + 1.6 * u;

    std::vector<TaskId> ids;
    for (const TaskId id : model.taskIds()) {
        if (isGreenlet(model.task(id)->kind))
            ids.push_back(id);
    }
    if (ids.empty()) {
        SceneItem& t = text(QRectF(pad, titleBottom + u, w - 2 * pad, 3 * u),
                            tr("No greenlets in this run yet."), st.theme().mutedText, 1.0f, false);
        t.align = Qt::AlignCenter;
        return scene;
    }

    SwitchInfo sw;
    const bool hasSwitch = SwitchScan::lastSwitch(in.trace, model.position(), sw);
    const TaskId running = model.running();

    // Columns: every greenlet if they fit; otherwise the running one and the
    // two ends of the last switch first, then the lowest ids.
    // Narrow enough for three columns in half a projector screen at presenter
    // scale: the switch between two stacks is the picture.
    const qreal minColW = 6.5 * u;
    const qreal maxColW = 24 * u;
    const int fit = std::max(1, int(std::floor((w - 2 * pad + pad) / (minColW + pad))));
    std::vector<TaskId> shown;
    std::size_t hidden = 0;
    if (int(ids.size()) <= fit) {
        shown = ids;
    } else {
        const int room = std::max(1, fit - 1);
        auto want = [&](TaskId id) {
            if (int(shown.size()) < room && std::find(ids.begin(), ids.end(), id) != ids.end()
                && std::find(shown.begin(), shown.end(), id) == shown.end())
                shown.push_back(id);
        };
        want(running);
        if (hasSwitch) {
            want(sw.from);
            want(sw.to);
        }
        for (const TaskId id : ids)
            want(id);
        std::sort(shown.begin(), shown.end());
        hidden = ids.size() - shown.size();
    }
    const int n = int(shown.size());
    const qreal avail = w - 2 * pad - (hidden ? minColW * 0.6 + pad : 0);
    const qreal colW = std::max(4 * u, std::min(maxColW, (avail - (n - 1) * pad) / n));
    auto columnOf = [&](TaskId id) {
        auto it = std::find(shown.begin(), shown.end(), id);
        return it == shown.end() ? -1 : int(it - shown.begin());
    };
    bool anyParent = false;
    for (const TaskId id : shown)
        anyParent = anyParent || columnOf(model.task(id)->parent) >= 0;
    const qreal arcSpace = anyParent ? 2.4 * u : 0.4 * u;
    const qreal headerTop = titleBottom + arcSpace;
    const qreal stackTop = headerTop + chipH + 1.7 * u;
    const qreal frameH = 2.5 * u;
    const qreal frameGap = 0.3 * u;
    // Every stack is as tall as the deepest one needs plus room to grow, so
    // the bottoms line up and a short run does not draw empty towers.
    std::size_t deepest = 0;
    for (const TaskId id : shown)
        deepest = std::max<std::size_t>(deepest, model.task(id)->depth);
    const qreal stackH = std::clamp(qreal(std::max<std::size_t>(deepest + 2, 4)) * (frameH + frameGap) + 0.6 * u,
                                    frameH + u, std::max(frameH + u, h - stackTop - pad - 1.4 * u));

    for (int i = 0; i < n; ++i) {
        const TaskId id = shown[std::size_t(i)];
        const TaskInfo& t = *model.task(id);
        const bool dead = isDead(t.state);
        const qreal x = pad + i * (colW + pad);
        const QColor fill = st.taskFill(id);

        SceneItem chip;
        chip.key = sceneKey(KeyKind::Chip, id);
        chip.role = ItemRole::Chip;
        chip.shape = ItemShape::Pill;
        chip.layer = ItemLayer::Front;
        chip.rect = QRectF(x, headerTop, colW, chipH);
        chip.fill = dead ? st.faded(fill, 0.7) : fill;
        chip.stroke = dead ? st.faded(fill, 0.3) : QColor();
        chip.ink = dead ? st.theme().mutedText : st.taskOnFill(id);
        chip.text = ViewText::taskName(in.trace, model, id);
        chip.group = QStringLiteral("greenlets");
        chip.order = i;
        chip.task = id;
        chip.hasTask = true;
        chip.bold = !dead;
        chip.align = Qt::AlignCenter;
        add(std::move(chip));

        QString state;
        QColor stateInk = st.theme().mutedText;
        switch (t.state) {
        case TaskState::Running:
            state = tr("running");
            stateInk = st.theme().text;
            break;
        case TaskState::Suspended: state = t.line ? tr("suspended at line %1").arg(t.line) : tr("suspended"); break;
        case TaskState::Created: state = tr("not started"); break;
        case TaskState::Ready: state = tr("ready"); break;
        case TaskState::Waiting: state = tr("waiting on %1").arg(ViewText::waitTarget(in.trace, model, t.waitKind, t.waitTarget)); break;
        default: state = tr("dead \u00b7 %1").arg(ViewText::outcome(in.trace, t)); break;
        }
        SceneItem& s = text(QRectF(x, headerTop + chipH + 0.2 * u, colW, 1.3 * u), state, stateInk, 0.85f,
                            t.state == TaskState::Running);
        s.align = Qt::AlignHCenter | Qt::AlignVCenter;
        s.key = sceneKey(KeyKind::Text, id, 3);

        const QRectF stack(x, stackTop, colW, stackH);
        SceneItem panel;
        panel.key = sceneKey(KeyKind::Column, id);
        panel.role = ItemRole::Panel;
        panel.shape = ItemShape::Rounded;
        panel.layer = ItemLayer::Back;
        panel.rect = stack;
        panel.fill = dead ? st.faded(st.panel(), 0.5) : st.panel();
        panel.stroke = t.state == TaskState::Running ? fill : st.panelBorder();
        panel.strokeWidth = t.state == TaskState::Running ? 2.0f : 1.0f;
        panel.dashed = dead;
        panel.group = QStringLiteral("stack %1").arg(id);
        panel.task = id;
        panel.hasTask = true;
        add(std::move(panel));

        SceneItem& caption = text(QRectF(x, stack.bottom() + 0.2 * u, colW, 1.2 * u),
                                  dead ? tr("dead: its stack is gone") : tr("%n frame(s) on its stack", nullptr, int(t.depth)),
                                  st.theme().mutedText, 0.8f, false);
        caption.align = Qt::AlignHCenter | Qt::AlignTop;
        const std::vector<FrameInfo> frames = model.frames(id);
        const int capacity = std::max(1, int(std::floor((stack.height() - 0.6 * u + frameGap) / (frameH + frameGap))));
        const int total = int(frames.size());
        const bool cut = total > capacity;
        const int visible = cut ? capacity - 1 : total;
        if (total == 0) {
            SceneItem& e = text(stack.adjusted(0.3 * u, 0.3 * u, -0.3 * u, -0.5 * u),
                                dead ? tr("stack released") : tr("empty stack"), st.theme().mutedText, 0.85f, false);
            e.align = Qt::AlignHCenter | Qt::AlignBottom;
        }
        // Bottom-up: slot 0 is the bottom of the column.
        int slot = 0;
        auto slotRect = [&](int k) {
            const qreal bottom = stack.bottom() - 0.3 * u - k * (frameH + frameGap);
            return QRectF(x + 0.3 * u, bottom - frameH, colW - 0.6 * u, frameH);
        };
        if (cut) {
            SceneItem more;
            more.key = sceneKey(KeyKind::More, id);
            more.role = ItemRole::More;
            more.shape = ItemShape::Rounded;
            more.rect = slotRect(slot++);
            more.stroke = st.panelBorder();
            more.dashed = true;
            more.ink = st.theme().mutedText;
            more.text = tr("\u2026 %n older frame(s)", nullptr, total - visible);
            more.group = QStringLiteral("stack %1").arg(id);
            more.fontSize = 0.85f;
            more.align = Qt::AlignCenter;
            add(std::move(more));
        }
        for (int k = total - visible; k < total; ++k, ++slot) {
            const FrameInfo& f = frames[std::size_t(k)];
            const bool top = k == total - 1;
            const QRectF r = slotRect(slot);
            SceneItem fr;
            fr.key = sceneKey(KeyKind::Frame, id, quint32(k + 1));
            fr.role = ItemRole::Frame;
            fr.shape = ItemShape::Rounded;
            fr.rect = r;
            fr.fill = dead ? st.faded(st.theme().base, 0.3) : st.theme().base;
            fr.stroke = top && t.state == TaskState::Running ? fill : st.panelBorder();
            fr.strokeWidth = top && t.state == TaskState::Running ? 2.5f : 1.0f;
            fr.ink = t.state == TaskState::Running ? st.theme().text : st.theme().mutedText;
            const QString fn = ViewText::text(in.trace, f.function);
            fr.text = (top && t.state == TaskState::Running ? QStringLiteral("\u25b6 ") : QString())
                + tr("%1()  line %2").arg(fn.isEmpty() ? QStringLiteral("?") : fn).arg(f.line);
            fr.group = QStringLiteral("stack %1").arg(id);
            fr.order = total - 1 - k;
            fr.mono = true;
            fr.fontSize = 0.9f;
            fr.align = Qt::AlignLeft | Qt::AlignTop;
            fr.task = id;
            fr.hasTask = true;
            add(std::move(fr));
            const QString locals = ViewText::text(in.trace, f.locals);
            SceneItem& l = text(QRectF(r.left() + 0.35 * u, r.top() + 1.25 * u, r.width() - 0.7 * u, 1.1 * u),
                                locals.isEmpty() ? tr("no locals yet") : locals, st.theme().mutedText, 0.8f, false);
            l.mono = !locals.isEmpty();
            l.key = sceneKey(KeyKind::Text, id, 0x1000u + quint32(k));
            l.group = QStringLiteral("locals %1").arg(id);
            l.order = total - 1 - k;
        }
    }
    if (hidden) {
        SceneItem& m = text(QRectF(w - pad - minColW * 0.6, headerTop, minColW * 0.6, chipH),
                            tr("+%1 more").arg(hidden), st.theme().mutedText, 0.85f, false);
        m.role = ItemRole::More;
        m.align = Qt::AlignCenter;
    }

    // Parent links: arcs over the columns, higher for columns further apart.
    for (const TaskId id : shown) {
        const TaskId parent = model.task(id)->parent;
        const int from = columnOf(id);
        const int to = columnOf(parent);
        if (to < 0 || parent == id)
            continue;
        const QPointF a = scene.find(sceneKey(KeyKind::Chip, id))->rect.center();
        const QPointF b = scene.find(sceneKey(KeyKind::Chip, parent))->rect.center();
        SceneArrow arc;
        arc.key = parentArrow(id);
        arc.from = sceneKey(KeyKind::Chip, id);
        arc.to = sceneKey(KeyKind::Chip, parent);
        arc.color = st.theme().mutedText;
        arc.dashed = true;
        arc.width = 1.2f;
        const qreal lift = std::min(arcSpace + chipH * 0.5 - 0.3 * u, chipH * 0.5 + 0.8 * u + 0.25 * u * std::abs(from - to));
        arc.bend = upwardBend(a, b, 2 * lift);
        arc.label = n <= 4 ? tr("parent") : QString();
        scene.arrows.push_back(arc);
    }

    // The last switch: from the frame that called switch() to the frame that resumes.
    if (hasSwitch && sw.from != sw.to && columnOf(sw.from) >= 0 && columnOf(sw.to) >= 0) {
        auto anchor = [&](TaskId id) {
            const TaskInfo& t = *model.task(id);
            const quint64 top = sceneKey(KeyKind::Frame, id, t.depth);
            return t.depth && scene.find(top) ? top : sceneKey(KeyKind::Chip, id);
        };
        SceneArrow a;
        a.key = kSwitchArrow;
        a.from = anchor(sw.from);
        a.to = anchor(sw.to);
        a.color = st.theme().highlight;
        a.width = 2.5f;
        const QPointF pa = scene.find(a.from)->rect.center();
        const QPointF pb = scene.find(a.to)->rect.center();
        a.bend = upwardBend(pa, pb, 2.4 * u);
        switch (sw.why) {
        case SwitchWhy::Switch: a.label = tr("switch()"); break;
        case SwitchWhy::Return: a.label = tr("returned to parent"); break;
        case SwitchWhy::Throw: a.label = tr("throw()"); break;
        case SwitchWhy::Start: a.label = tr("start"); break;
        default: a.label = QString::fromLatin1(toString(sw.why).data()); break;
        }
        scene.arrows.push_back(a);
    }
    return scene;
}

} // namespace coroscope
