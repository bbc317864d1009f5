#include "app/gui/whatif/WhatIfChart.h"

#include "app/gui/views/TimelineLayout.h"
#include "app/gui/views/ViewText.h"

#include <QEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace coroscope {

namespace {

constexpr qreal kRowHeight = 1.15;   ///< in units
constexpr qreal kHeaderHeight = 1.45;
constexpr qreal kRulerHeight = 1.35;
constexpr qreal kLegendHeight = 1.35;
constexpr qreal kMinRowHeight = 0.8;
constexpr Activity kLegendActivities[] = {Activity::Running, Activity::Ready,   Activity::Waiting,
                                          Activity::Suspended, Activity::Blocked, Activity::Idle};

QString laneName(const LaneDiff& lane, TaskId task)
{
    if (lane.isLoop())
        return ViewText::tr("event loop");
    if (!lane.name.isEmpty())
        return lane.name;
    return ViewText::tr("task %1").arg(task);
}

} // namespace

WhatIfChart::WhatIfChart(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("whatIfChart"));
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void WhatIfChart::setViewStyle(const ViewStyle& style)
{
    m_style = style;
    updateGeometry();
    update();
}

void WhatIfChart::setResult(std::shared_ptr<const WhatIfResult> result, const QString& originalLabel,
                            const QString& variantLabel)
{
    m_result = std::move(result);
    m_labels[0] = originalLabel;
    m_labels[1] = variantLabel;
    m_cursor = -1;
    updateGeometry();
    update();
}

void WhatIfChart::setCursor(Nanos time)
{
    if (m_result) {
        const Nanos horizon = std::max(m_result->diff.originalEnd(), m_result->diff.variantEnd());
        time = std::clamp<Nanos>(time, 0, horizon);
    }
    if (time == m_cursor)
        return;
    m_cursor = time;
    update();
    emit cursorChanged(time);
}

void WhatIfChart::setPlayheadTime(Nanos time)
{
    if (time == m_playhead)
        return;
    m_playhead = time;
    update();
}

bool WhatIfChart::stepCursor(bool forward)
{
    if (!m_result)
        return false;
    const std::vector<Nanos> stops = m_result->diff.stops();
    if (forward) {
        auto it = std::upper_bound(stops.begin(), stops.end(), m_cursor);
        if (it == stops.end())
            return false;
        setCursor(*it);
        return true;
    }
    auto it = std::lower_bound(stops.begin(), stops.end(), m_cursor);
    if (it == stops.begin())
        return false;
    setCursor(*std::prev(it));
    return true;
}

QColor WhatIfChart::differsColor() const
{
    switch (m_style.theme().kind) {
    case ThemeKind::Light: return QColor(0xbf, 0x39, 0x89);
    case ThemeKind::Dark: return QColor(0xe2, 0x6f, 0xb4);
    case ThemeKind::HighContrast: return m_style.theme().highlight;
    }
    return QColor(0xbf, 0x39, 0x89);
}

std::vector<std::size_t> WhatIfChart::shownLanes(int capacity, int* hidden) const
{
    std::vector<std::size_t> drawable;
    const WhatIfDiff& diff = m_result->diff;
    for (std::size_t i = 0; i < diff.lanes().size(); ++i) {
        const LaneDiff& lane = diff.lanes()[i];
        const bool hasTime = std::any_of(lane.originalSpent.begin(), lane.originalSpent.end(), [](Nanos t) { return t > 0; })
                             || std::any_of(lane.variantSpent.begin(), lane.variantSpent.end(), [](Nanos t) { return t > 0; });
        if (hasTime || lane.differs())
            drawable.push_back(i);
    }
    if (int(drawable.size()) <= capacity) {
        *hidden = 0;
        return drawable;
    }
    // Not enough room: the lanes that differ first, the others while room is left, in their order.
    std::vector<bool> keep(diff.lanes().size(), false);
    int kept = 0;
    for (bool differing : {true, false}) {
        for (std::size_t i : drawable) {
            if (kept < capacity && !keep[i] && diff.lanes()[i].differs() == differing) {
                keep[i] = true;
                ++kept;
            }
        }
    }
    std::vector<std::size_t> shown;
    for (std::size_t i : drawable) {
        if (keep[i])
            shown.push_back(i);
    }
    *hidden = int(drawable.size() - shown.size());
    return shown;
}

WhatIfChart::Layout WhatIfChart::layoutFor(QSizeF size) const
{
    Layout l;
    if (!m_result)
        return l;
    const qreal u = m_style.unit();
    const qreal margin = 0.5 * u;
    const WhatIfDiff& diff = m_result->diff;
    const RunDigest* digests[2] = {&m_result->original, &m_result->variant};
    const Nanos ends[2] = {diff.originalEnd(), diff.variantEnd()};
    l.horizon = std::max<Nanos>({ends[0], ends[1], 1});

    const qreal fixed = 2 * margin + (kRulerHeight + 2 * kHeaderHeight + kLegendHeight) * u;
    qreal rowHeight = kRowHeight * u;
    int capacity = std::max(1, int((size.height() - fixed) / (2 * rowHeight)));
    std::vector<std::size_t> lanes = shownLanes(capacity, &l.hiddenLanes);
    if (!lanes.empty())
        rowHeight = std::clamp((size.height() - fixed) / (2 * qreal(lanes.size())), kMinRowHeight * u, kRowHeight * u);

    const QFontMetricsF metrics(m_style.font(0.9));
    qreal labelWidth = 6 * u;
    for (std::size_t i : lanes) {
        const LaneDiff& lane = diff.lanes()[i];
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(laneName(lane, lane.originalTask)) + 1.6 * u);
    }
    labelWidth = std::clamp(labelWidth, 6 * u, 14 * u);
    l.plotLeft = margin + labelWidth;
    l.plotRight = std::max(l.plotLeft + u, size.width() - margin - 4 * u);
    auto xOf = [&](Nanos t) { return l.plotLeft + double(t) / double(l.horizon) * (l.plotRight - l.plotLeft); };

    l.ruler = QRectF(l.plotLeft, margin, l.plotRight - l.plotLeft, kRulerHeight * u);
    const std::int64_t step = TimelineLayout::tickStep(l.horizon, l.ruler.width(), 7 * u);
    for (std::int64_t v = 0; v <= l.horizon; v += step)
        l.ticks.push_back({xOf(v), ViewText::time(v)});

    qreal y = l.ruler.bottom();
    for (int b = 0; b < 2; ++b) {
        Block& block = l.blocks[b];
        block.title = m_labels[b];
        block.endText = tr("ends at %1").arg(ViewText::time(ends[b]));
        block.header = QRectF(margin, y, size.width() - 2 * margin, kHeaderHeight * u);
        y = block.header.bottom();
        block.endX = xOf(ends[b]);
        if (b == 1 && ends[0] != ends[1]) {
            block.otherEndX = xOf(ends[0]);
            const Nanos delta = diff.endDelta();
            block.deltaText = (delta > 0 ? tr("%1 later") : tr("%1 earlier")).arg(ViewText::duration(delta));
        }
        for (std::size_t i : lanes) {
            const LaneDiff& lane = diff.lanes()[i];
            Row row;
            row.lane = i;
            row.task = b == 0 ? lane.originalTask : lane.variantTask;
            row.present = b == 0 ? lane.inOriginal : lane.inVariant;
            row.differs = lane.differs();
            row.text = laneName(lane, row.task);
            row.rect = QRectF(margin, y, size.width() - 2 * margin, rowHeight);
            row.label = QRectF(margin + 0.9 * u, y, labelWidth - 1.2 * u, rowHeight);
            const qreal barTop = y + rowHeight * 0.2;
            const qreal barHeight = rowHeight * 0.6;
            if (const DigestLane* digestLane = row.present ? digests[b]->lane(lane.key) : nullptr) {
                for (const Segment& s : digestLane->segments) {
                    const qreal x0 = xOf(s.begin);
                    const qreal x1 = std::max(xOf(s.end), x0 + 1.0);
                    row.bars.push_back({QRectF(x0, barTop, x1 - x0, barHeight), s.activity});
                }
            }
            for (const LaneChange& change : lane.changes) {
                const qreal x0 = xOf(change.begin);
                const qreal x1 = std::max(xOf(change.end), x0 + 2.0);
                row.changes.push_back(QRectF(x0, y + 1, x1 - x0, rowHeight - 2));
            }
            block.rows.push_back(std::move(row));
            y += rowHeight;
        }
        block.body = QRectF(margin, block.header.bottom(), size.width() - 2 * margin, y - block.header.bottom());
    }
    l.legend = QRectF(margin, y + 0.2 * u, size.width() - 2 * margin, kLegendHeight * u);
    if (m_cursor >= 0)
        l.cursorX = xOf(m_cursor);
    if (m_playhead >= 0)
        l.playheadX = xOf(std::min(m_playhead, l.horizon));
    return l;
}

QSize WhatIfChart::sizeHint() const
{
    const qreal u = m_style.unit();
    const int lanes = m_result ? int(m_result->diff.lanes().size()) : 4;
    return QSize(int(40 * u), int((kRulerHeight + 2 * kHeaderHeight + kLegendHeight + 2 * lanes * kRowHeight + 1) * u));
}

QSize WhatIfChart::minimumSizeHint() const
{
    const qreal u = m_style.unit();
    return QSize(int(20 * u), int((kRulerHeight + 2 * kHeaderHeight + kLegendHeight + 4 * kMinRowHeight + 1) * u));
}

void WhatIfChart::paintBlock(QPainter& p, const Layout& l, const Block& block) const
{
    const qreal u = m_style.unit();
    const ThemeColors& theme = m_style.theme();
    const QColor differs = differsColor();

    p.fillRect(block.header, m_style.panel());
    // Title and end time stop short of the moved-end arrow, if there is one.
    const qreal textRight = block.otherEndX >= 0 ? std::min(block.endX, block.otherEndX) - 0.5 * u : block.header.right();
    const QRectF titleRect = block.header.adjusted(0.4 * u, 0, 0, 0);
    p.setFont(m_style.font(0.9));
    const QFontMetricsF endMetrics(p.font());
    const qreal endWidth = endMetrics.horizontalAdvance(block.endText);
    p.setFont(m_style.font(1.0, true));
    const QFontMetricsF titleMetrics(p.font());
    const qreal titleRoom = std::max(4 * u, textRight - titleRect.left() - endWidth - u);
    const QString title = titleMetrics.elidedText(block.title, Qt::ElideRight, titleRoom);
    p.setPen(theme.text);
    p.drawText(titleRect, Qt::AlignVCenter | Qt::AlignLeft, title);
    const qreal afterTitle = titleRect.left() + titleMetrics.horizontalAdvance(title) + u;
    if (afterTitle + endWidth <= textRight || block.otherEndX < 0) {
        p.setFont(m_style.font(0.9));
        p.setPen(theme.mutedText);
        p.drawText(QRectF(afterTitle, block.header.top(), endWidth + u, block.header.height()),
                   Qt::AlignVCenter | Qt::AlignLeft, block.endText);
    }

    for (std::size_t r = 0; r < block.rows.size(); ++r) {
        const Row& row = block.rows[r];
        if (r % 2 == 1)
            p.fillRect(row.rect, mixColors(theme.base, m_style.panel(), 0.5));
        QColor fill = differs;
        fill.setAlpha(48);
        for (const QRectF& change : row.changes)
            p.fillRect(change, fill);
        // The task's colour as a dot, its name; bold and marked when it differs.
        if (row.present) {
            p.setPen(Qt::NoPen);
            p.setBrush(row.task == 0 ? theme.mutedText : m_style.taskFill(row.task));
            p.drawEllipse(QPointF(row.rect.left() + 0.5 * u, row.rect.center().y()), 0.22 * u, 0.22 * u);
        }
        if (row.differs)
            p.fillRect(QRectF(row.rect.left(), row.rect.top() + 1, 0.15 * u, row.rect.height() - 2), differs);
        p.setFont(m_style.font(0.9, row.differs));
        p.setPen(row.present ? theme.text : theme.mutedText);
        p.drawText(row.label, Qt::AlignVCenter | Qt::AlignLeft,
                   QFontMetricsF(p.font()).elidedText(row.text, Qt::ElideRight, row.label.width()));
        if (!row.present) {
            p.setPen(QPen(theme.mutedText, m_style.hairline(), Qt::DashLine));
            p.drawLine(QPointF(l.plotLeft, row.rect.center().y()), QPointF(l.plotRight, row.rect.center().y()));
        }
        p.setPen(Qt::NoPen);
        for (const Bar& bar : row.bars) {
            p.setBrush(m_style.activity(bar.activity));
            p.drawRect(bar.rect);
        }
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(differs, 1.6 * m_style.hairline()));
        for (const QRectF& change : row.changes)
            p.drawRect(change.adjusted(0.5, 0.5, -0.5, -0.5));
    }

    // Where this run ends; in the variant, where the original ended too.
    const qreal top = block.header.bottom();
    const qreal bottom = std::max(block.body.bottom(), top + 1);
    p.setPen(QPen(theme.text, 1.5 * m_style.hairline()));
    p.drawLine(QPointF(block.endX, top), QPointF(block.endX, bottom));
    if (block.otherEndX >= 0) {
        p.setPen(QPen(theme.mutedText, m_style.hairline(), Qt::DashLine));
        p.drawLine(QPointF(block.otherEndX, block.header.top()), QPointF(block.otherEndX, bottom));
        const qreal y = block.header.center().y();
        p.setPen(QPen(differs, 2 * m_style.hairline()));
        p.drawLine(QPointF(block.otherEndX, y), QPointF(block.endX, y));
        const qreal dir = block.endX > block.otherEndX ? 1 : -1;
        const qreal head = 0.35 * u;
        p.setBrush(differs);
        p.setPen(Qt::NoPen);
        p.drawPolygon(QPolygonF({QPointF(block.endX, y), QPointF(block.endX - dir * head, y - head * 0.6),
                                 QPointF(block.endX - dir * head, y + head * 0.6)}));
        p.setPen(differs);
        p.setFont(m_style.font(0.9, true));
        // On the arrow like a dimension line when it is long enough, else beside it.
        const qreal width = QFontMetricsF(p.font()).horizontalAdvance(block.deltaText) + 0.2 * u;
        const qreal lo = std::min(block.endX, block.otherEndX);
        const qreal hi = std::max(block.endX, block.otherEndX);
        qreal x = (lo + hi - width) / 2;
        if (hi - lo < width + 2 * u) {
            x = hi + 0.3 * u;
            if (x + width > block.header.right())
                x = lo - 0.3 * u - width;
        }
        p.fillRect(QRectF(x - 0.1 * u, block.header.top() + 1, width + 0.2 * u, block.header.height() - 2),
                   m_style.panel());
        p.drawText(QRectF(x, block.header.top(), width, block.header.height()), Qt::AlignVCenter | Qt::AlignLeft,
                   block.deltaText);
    }
}

void WhatIfChart::render(QPainter& p, QSize size) const
{
    const ThemeColors& theme = m_style.theme();
    p.fillRect(QRect(QPoint(0, 0), size), theme.base);
    if (!m_result)
        return;
    p.setRenderHint(QPainter::Antialiasing, true);
    const Layout l = layoutFor(QSizeF(size));
    const qreal u = m_style.unit();

    p.setFont(m_style.font(0.8));
    p.setPen(QPen(theme.border, m_style.hairline()));
    p.drawLine(QPointF(l.ruler.left(), l.ruler.bottom()), QPointF(l.ruler.right(), l.ruler.bottom()));
    for (const Tick& tick : l.ticks) {
        p.setPen(QPen(theme.border, m_style.hairline()));
        p.drawLine(QPointF(tick.x, l.ruler.bottom() - 0.3 * u), QPointF(tick.x, l.legend.top()));
        p.setPen(theme.mutedText);
        p.drawText(QRectF(tick.x + 0.2 * u, l.ruler.top(), 6 * u, l.ruler.height()), Qt::AlignVCenter | Qt::AlignLeft,
                   tick.label);
    }
    for (const Block& block : l.blocks)
        paintBlock(p, l, block);

    if (l.playheadX >= 0) {
        // The window's playhead runs through the original's block only: it plays that run.
        const Block& original = l.blocks[0];
        p.setPen(QPen(theme.highlight, m_style.hairline(), Qt::DashLine));
        p.drawLine(QPointF(l.playheadX, original.header.top()), QPointF(l.playheadX, original.body.bottom()));
        const qreal head = 0.3 * u;
        p.setPen(Qt::NoPen);
        p.setBrush(theme.highlight);
        p.drawPolygon(QPolygonF({QPointF(l.playheadX - head, original.header.top()),
                                 QPointF(l.playheadX + head, original.header.top()),
                                 QPointF(l.playheadX, original.header.top() + head * 1.4)}));
    }
    if (l.cursorX >= 0) {
        p.setPen(QPen(theme.highlight, 2 * m_style.hairline()));
        p.drawLine(QPointF(l.cursorX, l.ruler.top()), QPointF(l.cursorX, l.legend.top()));
    }

    // Legend: the activities, and what the outline means.
    p.setFont(m_style.font(0.8));
    qreal x = l.legend.left();
    const qreal swatch = 0.7 * u;
    const qreal cy = l.legend.center().y();
    for (Activity a : kLegendActivities) {
        p.setPen(Qt::NoPen);
        p.setBrush(m_style.activity(a));
        p.drawRect(QRectF(x, cy - swatch / 2, swatch, swatch));
        const QString name = ViewText::activityName(a);
        p.setPen(theme.mutedText);
        p.drawText(QRectF(x + swatch + 0.25 * u, l.legend.top(), 8 * u, l.legend.height()),
                   Qt::AlignVCenter | Qt::AlignLeft, name);
        x += swatch + 0.25 * u + QFontMetricsF(p.font()).horizontalAdvance(name) + 0.8 * u;
    }
    QColor fill = differsColor();
    fill.setAlpha(48);
    p.fillRect(QRectF(x, cy - swatch / 2, 1.4 * swatch, swatch), fill);
    p.setPen(QPen(differsColor(), 1.6 * m_style.hairline()));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(x, cy - swatch / 2, 1.4 * swatch, swatch));
    p.setPen(theme.mutedText);
    // What is hidden matters more than the outline's name: in a narrow chart
    // the note keeps its words at the right and the name is shortened.
    const QFontMetricsF metrics(p.font());
    const qreal textLeft = x + 1.4 * swatch + 0.25 * u;
    qreal textRight = l.legend.right();
    if (l.hiddenLanes > 0) {
        const QString hidden = tr("%n more task(s) not shown", nullptr, l.hiddenLanes);
        const qreal width = metrics.horizontalAdvance(hidden) + 1;
        p.drawText(QRectF(textRight - width, l.legend.top(), width, l.legend.height()),
                   Qt::AlignVCenter | Qt::AlignRight, hidden);
        textRight -= width + 0.8 * u;
    }
    const QString differs = metrics.elidedText(tr("differs from the other run"), Qt::ElideRight,
                                               std::max<qreal>(0, textRight - textLeft));
    p.drawText(QRectF(textLeft, l.legend.top(), std::max<qreal>(0, textRight - textLeft), l.legend.height()),
               Qt::AlignVCenter | Qt::AlignLeft, differs);
}

void WhatIfChart::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    render(p, size());
}

void WhatIfChart::mousePressEvent(QMouseEvent* event)
{
    if (!m_result || event->button() != Qt::LeftButton)
        return;
    const Layout l = layoutFor(QSizeF(size()));
    const qreal x = event->position().x();
    if (x < l.plotLeft || l.plotRight <= l.plotLeft)
        return;
    setCursor(Nanos(std::llround((x - l.plotLeft) / (l.plotRight - l.plotLeft) * double(l.horizon))));
}

void WhatIfChart::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Right: stepCursor(true); return;
    case Qt::Key_Left: stepCursor(false); return;
    case Qt::Key_Home: setCursor(0); return;
    case Qt::Key_End:
        if (m_result)
            setCursor(std::max(m_result->diff.originalEnd(), m_result->diff.variantEnd()));
        return;
    default: QWidget::keyPressEvent(event);
    }
}

void WhatIfChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        update();
}

} // namespace coroscope
