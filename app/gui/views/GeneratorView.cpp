#include "app/gui/views/GeneratorView.h"

#include "app/gui/views/ViewText.h"
#include "app/gui/views/detail/SwitchScan.h"
#include "core/trace/Trace.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace coroscope {

namespace {

bool isStackless(TaskKind k)
{
    return k == TaskKind::Generator || k == TaskKind::CoroutineTask;
}

bool isFinal(TaskState s)
{
    return s == TaskState::Done || s == TaskState::Failed || s == TaskState::Cancelled;
}

constexpr int kMaxFrames = 4;

} // namespace

GeneratorView::GeneratorView(QWidget* parent)
    : VisualView(parent)
{
    setObjectName(QStringLiteral("generatorView"));
}

QString GeneratorView::emptyHint() const
{
    return tr("Run a program to see its generators and coroutines frozen at yield and await.");
}

Scene GeneratorView::layout(const LayoutInput& in)
{
    const ViewStyle& st = in.style;
    const Model& model = in.model;
    const qreal u = st.unit();
    const qreal pad = 0.7 * u;
    const qreal w = in.size.width();
    const qreal h = in.size.height();
    Scene scene;
    scene.size = in.size;
    scene.background = st.theme().base;
    auto add = [&](SceneItem item) -> SceneItem& { return scene.add(std::move(item)); };
    auto text = [&](const QRectF& r, const QString& s, const QColor& ink, float size) -> SceneItem& {
        return scene.addText(r, s, ink, size);
    };

    const QString title = tr("Generators and coroutines");
    const qreal titleW = QFontMetricsF(st.font(1.1, true)).horizontalAdvance(title) + u;
    text(QRectF(pad, pad * 0.6, titleW, 1.6 * u), title, st.theme().text, 1.1f).bold = true;
    text(QRectF(pad + titleW, pad * 0.6, std::max<qreal>(0, w - 2 * pad - titleW), 1.6 * u),
         tr("a frozen frame keeps its locals on the heap until someone resumes it"), st.theme().mutedText, 0.85f);
    const qreal top = pad * 0.6 + 1.6 * u + 0.6 * u;

    std::vector<TaskId> subjects;
    for (const TaskId id : model.taskIds()) {
        const TaskInfo& t = *model.task(id);
        if (isStackless(t.kind) && !isFinal(t.state))
            subjects.push_back(id);
    }
    if (subjects.empty()) {
        text(QRectF(pad, top + u, w - 2 * pad, 3 * u), tr("No generator or coroutine is alive at this step."),
             st.theme().mutedText, 1.0f)
            .align = Qt::AlignCenter;
        return scene;
    }

    // Who resumes each frozen one: the task that last switched to it, else
    // its parent (a generator's caller); the loop for a task never run.
    // Only the first cards can fit on a screen; the scan looks for those.
    constexpr std::size_t kMaxScanned = 256;
    std::unordered_map<TaskId, TaskId> last;
    for (const TaskId id : subjects) {
        if (last.size() == kMaxScanned)
            break;
        if (model.task(id)->state != TaskState::Running)
            last.emplace(id, 0);
    }
    SwitchScan::lastResumers(in.trace, model.position(), last);
    std::vector<std::pair<TaskId, TaskId>> resumes; // (frozen, resumer)
    std::vector<TaskId> resumers;                    // not subjects themselves
    for (const TaskId id : subjects) {
        const TaskInfo& t = *model.task(id);
        if (t.state == TaskState::Running)
            continue;
        auto it = last.find(id);
        TaskId r = it != last.end() ? it->second : (t.kind == TaskKind::CoroutineTask ? 0 : t.parent);
        if (r == id)
            r = t.parent;
        if (r != 0 && !model.task(r))
            continue;
        resumes.emplace_back(id, r);
        if (!std::binary_search(subjects.begin(), subjects.end(), r))
            resumers.push_back(r);
    }
    std::sort(resumers.begin(), resumers.end());
    resumers.erase(std::unique(resumers.begin(), resumers.end()), resumers.end());

    const qreal chipH = 1.45 * u;
    const qreal frameH = 2.45 * u;
    const qreal frameGap = 0.3 * u;
    // Between cards: room for an arrow and its label.
    const QFontMetricsF labelFm(st.font(0.8));
    const qreal gap = std::max({4.0 * u, labelFm.horizontalAdvance(tr("next() / send()")) + 3.5 * u,
                                labelFm.horizontalAdvance(tr("loop resumes")) + 3.5 * u});
    auto cardHeight = [&](TaskId id, int maxFrames) {
        const int frames = std::min<int>(model.task(id)->depth, maxFrames);
        const bool cut = model.task(id)->depth > maxFrames;
        return 0.4 * u + chipH + 1.4 * u + frames * (frameH + frameGap) + (cut ? 1.3 * u : 0) + 0.2 * u;
    };

    // One card: a chip, a state line, the frames from the top down.
    auto card = [&](TaskId id, const QRectF& r, const QString& group, int order, int maxFrames) {
        const bool loop = id == 0;
        const TaskInfo* t = loop ? nullptr : model.task(id);
        const bool live = loop || t->state == TaskState::Running || !isStackless(t->kind);
        const QColor fill = st.taskFill(id);
        SceneItem back;
        back.key = cardKey(id);
        back.role = ItemRole::Panel;
        back.shape = ItemShape::Rounded;
        back.layer = ItemLayer::Back;
        back.rect = r;
        back.fill = live ? st.theme().base : st.faded(fill, 0.88);
        back.stroke = live ? fill : st.faded(fill, 0.35);
        back.strokeWidth = live ? 2.0f : 1.2f;
        back.dashed = false; // frozen reads from the faded fill; dashed outlines cost too much to draw by the dozen
        back.group = group;
        back.task = id;
        back.hasTask = !loop;
        add(std::move(back));

        const QString name = ViewText::taskName(in.trace, model, id);
        const qreal chipW = std::min(r.width() - 0.8 * u, QFontMetricsF(st.font(1.0, true)).horizontalAdvance(name) + 2.2 * u);
        SceneItem chip;
        chip.key = sceneKey(KeyKind::Chip, id);
        chip.role = ItemRole::Chip;
        chip.shape = ItemShape::Pill;
        chip.layer = ItemLayer::Front;
        chip.rect = QRectF(r.left() + 0.4 * u, r.top() + 0.4 * u, chipW, chipH);
        chip.fill = live ? fill : st.faded(fill, 0.55);
        chip.ink = live ? st.taskOnFill(id) : st.theme().text;
        chip.text = name;
        chip.group = group;
        chip.order = order;
        chip.task = id;
        chip.hasTask = true;
        chip.bold = true;
        chip.align = Qt::AlignCenter;
        if (loop) {
            chip.fill = st.theme().button;
            chip.stroke = st.theme().border;
            chip.ink = st.theme().text;
        }
        add(std::move(chip));

        QString state;
        if (loop) {
            state = tr("steps each ready task with send()");
        } else {
            const bool gen = t->kind == TaskKind::Generator;
            switch (t->state) {
            case TaskState::Running: state = tr("running \u00b7 line %1").arg(t->line); break;
            case TaskState::Created: state = tr("created, not started"); break;
            case TaskState::Ready: state = tr("ready \u00b7 frozen at line %1").arg(t->line); break;
            case TaskState::Waiting:
                state = tr("frozen at %1 \u00b7 line %2 \u00b7 on %3")
                            .arg(gen ? QStringLiteral("yield") : QStringLiteral("await"))
                            .arg(t->line)
                            .arg(ViewText::waitTarget(in.trace, model, t->waitKind, t->waitTarget));
                break;
            default:
                state = tr("frozen at %1 \u00b7 line %2").arg(gen ? QStringLiteral("yield") : QStringLiteral("await")).arg(t->line);
                break;
            }
        }
        SceneItem& s = text(QRectF(r.left() + 0.5 * u, r.top() + 0.4 * u + chipH + 0.1 * u, r.width() - u, 1.2 * u), state,
                            live ? st.theme().text : st.theme().mutedText, 0.85f);
        s.key = sceneKey(KeyKind::Text, id, 4);
        if (loop)
            return;

        const std::vector<FrameInfo> frames = model.frames(id);
        const int total = int(frames.size());
        const int shownFrames = std::min(total, maxFrames);
        qreal y = r.top() + 0.4 * u + chipH + 1.4 * u;
        for (int k = total - 1; k >= total - shownFrames; --k, y += frameH + frameGap) {
            const FrameInfo& f = frames[std::size_t(k)];
            const QRectF fr(r.left() + 0.4 * u, y, r.width() - 0.8 * u, frameH);
            SceneItem frame;
            frame.key = sceneKey(KeyKind::Frame, id, quint32(k + 1));
            frame.role = ItemRole::Frame;
            frame.shape = ItemShape::Rounded;
            frame.rect = fr;
            frame.fill = live ? st.panel() : st.faded(st.theme().base, 0.15);
            frame.stroke = st.panelBorder();
            frame.ink = live ? st.theme().text : st.theme().mutedText;
            const QString fn = ViewText::text(in.trace, f.function);
            frame.text = tr("%1()  line %2").arg(fn.isEmpty() ? QStringLiteral("?") : fn).arg(f.line);
            frame.group = QStringLiteral("frames %1").arg(id);
            frame.order = total - 1 - k;
            frame.mono = true;
            frame.fontSize = 0.9f;
            frame.align = Qt::AlignLeft | Qt::AlignTop;
            frame.task = id;
            frame.hasTask = true;
            add(std::move(frame));
            const QString locals = ViewText::text(in.trace, f.locals);
            SceneItem& l = text(QRectF(fr.left() + 0.35 * u, fr.top() + 1.2 * u, fr.width() - 0.7 * u, 1.1 * u),
                                locals.isEmpty() ? tr("no locals yet") : locals, st.theme().mutedText, 0.8f);
            l.mono = !locals.isEmpty();
            l.key = sceneKey(KeyKind::Text, id, 0x1000u + quint32(k));
            l.group = QStringLiteral("locals %1").arg(id);
            l.order = total - 1 - k;
        }
        if (total > shownFrames) {
            text(QRectF(r.left() + 0.5 * u, y - 0.1 * u, r.width() - u, 1.2 * u),
                 tr("\u2026 %n frame(s) below", nullptr, total - shownFrames), st.theme().mutedText, 0.8f);
        }
    };

    // Resumers on the left, the stackless cards to the right of them.
    qreal areaLeft = pad;
    if (!resumers.empty()) {
        const qreal lw = std::clamp(w * 0.24, 11 * u, 20 * u);
        qreal y = top;
        for (std::size_t i = 0; i < resumers.size(); ++i) {
            const TaskId id = resumers[i];
            const qreal ch = id == 0 ? 0.4 * u + chipH + 1.6 * u : cardHeight(id, 1);
            if (y + ch > h - pad && i > 0)
                break;
            card(id, QRectF(pad, y, lw, ch), QStringLiteral("resumers"), int(i), 1);
            y += ch + 1.2 * u;
        }
        areaLeft = pad + lw + gap;
    }
    const qreal areaW = std::max(8 * u, w - pad - areaLeft);
    const int cols = std::max(1, int(std::floor((areaW + gap) / (16 * u + gap))));
    const qreal cardW = std::min(28 * u, (areaW - (cols - 1) * gap) / cols);
    std::vector<qreal> colY(std::size_t(cols), top);
    int frozenOrder = 0;
    int liveOrder = 0;
    std::size_t hidden = 0;
    for (const TaskId id : subjects) {
        const qreal ch = cardHeight(id, kMaxFrames);
        // The shortest column that has room, leftmost first.
        int best = -1;
        for (int c = 0; c < cols; ++c) {
            if (colY[std::size_t(c)] + ch <= h - pad && (best < 0 || colY[std::size_t(c)] < colY[std::size_t(best)]))
                best = c;
        }
        if (best < 0) {
            ++hidden;
            continue;
        }
        const bool live = model.task(id)->state == TaskState::Running;
        const QRectF r(areaLeft + best * (cardW + gap), colY[std::size_t(best)], cardW, ch);
        card(id, r, live ? QStringLiteral("live") : QStringLiteral("frozen"), live ? liveOrder++ : frozenOrder++,
             kMaxFrames);
        colY[std::size_t(best)] += ch + 1.2 * u;
    }
    if (hidden) {
        SceneItem& m = text(QRectF(areaLeft, h - pad - 1.2 * u, areaW, 1.2 * u),
                            tr("+%n more not shown", nullptr, int(hidden)), st.theme().mutedText, 0.85f);
        m.role = ItemRole::More;
        m.align = Qt::AlignRight | Qt::AlignVCenter;
    }

    std::unordered_set<TaskId> drawn; // tasks whose card is in the scene
    for (const SceneItem& item : scene.items) {
        if (item.role == ItemRole::Panel && (item.key >> 56) == quint64(KeyKind::Card))
            drawn.insert(TaskId(item.key & 0xffffffffu));
    }
    // The loop resumes every asyncio task: past a few, one arrow per card
    // would only cross the picture, so the loop card says it instead.
    std::size_t byLoop = 0;
    for (const auto& [frozen, resumer] : resumes)
        byLoop += resumer == 0 && drawn.count(frozen);
    constexpr std::size_t kMaxLoopArrows = 4;
    if (byLoop > kMaxLoopArrows) {
        for (SceneItem& item : scene.items) {
            if (item.key == sceneKey(KeyKind::Text, 0, 4))
                item.text = tr("resumes each frozen task when what it awaits is done");
        }
    }
    for (const auto& [frozen, resumer] : resumes) {
        if (!drawn.count(frozen) || !drawn.count(resumer) || (resumer == 0 && byLoop > kMaxLoopArrows))
            continue;
        const TaskInfo& t = *model.task(frozen);
        SceneArrow a;
        a.key = resumeArrow(frozen);
        a.from = cardKey(resumer);
        a.to = cardKey(frozen);
        a.color = resumer == 0 ? st.theme().mutedText : st.taskInk(resumer);
        a.width = 1.6f;
        a.bend = 0.08f;
        if (t.kind == TaskKind::Generator)
            a.label = model.task(resumer) && model.task(resumer)->kind == TaskKind::Generator ? tr("yield from")
                                                                                               : tr("next() / send()");
        else
            a.label = resumer == 0 ? tr("loop resumes") : tr("resumes");
        scene.arrows.push_back(a);
    }
    return scene;
}

} // namespace coroscope
