#include "app/gui/views/ScenePainter.h"

#include "app/gui/views/ViewStyle.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <map>

namespace coroscope {

namespace {

QPen outlinePen(const QColor& color, qreal width, bool dashed)
{
    QPen pen(color, width);
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCapStyle(Qt::RoundCap);
    if (dashed)
        pen.setDashPattern({4.0, 3.0});
    return pen;
}

qreal radiusOf(const SceneItem& item, const ViewStyle& style)
{
    switch (item.shape) {
    case ItemShape::Rounded: return std::min(style.unit() * 0.3, item.rect.height() / 2);
    case ItemShape::Pill: return item.rect.height() / 2;
    default: return 0;
    }
}

void paintShape(QPainter& p, const SceneItem& item, const ViewStyle& style)
{
    if (item.shape == ItemShape::None)
        return;
    const qreal width = item.strokeWidth * style.hairline();
    p.setPen(item.stroke.isValid() ? outlinePen(item.stroke, width, item.dashed) : QPen(Qt::NoPen));
    p.setBrush(item.fill.isValid() ? QBrush(item.fill) : QBrush(Qt::NoBrush));
    // Outlines sit inside the rectangle, so neighbours never overlap.
    const qreal inset = item.stroke.isValid() ? width / 2 : 0;
    const QRectF r = item.rect.adjusted(inset, inset, -inset, -inset);
    const qreal radius = radiusOf(item, style);
    if (radius > 0)
        p.drawRoundedRect(r, radius, radius);
    else
        p.drawRect(r);
}

void paintBar(QPainter& p, const SceneItem& item)
{
    const qreal radius = item.rect.height() / 2;
    p.setPen(Qt::NoPen);
    p.setBrush(item.fill);
    p.drawRoundedRect(item.rect, radius, radius);
    const qreal f = std::clamp<qreal>(item.progress, 0, 1);
    if (f <= 0)
        return;
    QRectF done = item.rect;
    done.setWidth(std::max(item.rect.height(), item.rect.width() * f));
    p.setBrush(item.ink);
    p.drawRoundedRect(done, radius, radius);
}

/// Fonts and their metrics for one paint, by (size, bold, mono): building
/// them per item costs more than drawing the text.
class FontCache {
public:
    explicit FontCache(const ViewStyle& style)
        : m_style(style)
    {
    }
    const std::pair<QFont, QFontMetricsF>& get(float size, bool bold, bool mono)
    {
        const quint64 key = (quint64(qRound(size * 1000)) << 2) | (bold ? 2 : 0) | (mono ? 1 : 0);
        auto it = m_fonts.find(key);
        if (it == m_fonts.end()) {
            const QFont f = m_style.font(size, bold, mono);
            it = m_fonts.emplace(key, std::make_pair(f, QFontMetricsF(f))).first;
        }
        return it->second;
    }

private:
    const ViewStyle& m_style;
    std::map<quint64, std::pair<QFont, QFontMetricsF>> m_fonts;
};

void paintText(QPainter& p, const SceneItem& item, const ViewStyle& style, FontCache& fonts)
{
    if (item.text.isEmpty() || item.role == ItemRole::Bar)
        return;
    const auto& [font, fm] = fonts.get(item.fontSize, item.bold, item.mono);
    p.setFont(font);
    p.setPen(item.ink);
    const qreal pad = item.shape == ItemShape::None ? 0.0 : style.unit() * (item.shape == ItemShape::Pill ? 0.55 : 0.35);
    const qreal padV = item.shape == ItemShape::None ? 0.0 : style.unit() * 0.1;
    const QRectF r = item.rect.adjusted(pad, padV, -pad, -padV);
    if (r.width() <= 1)
        return;
    if (item.wrap) {
        p.drawText(r, int(item.align) | Qt::TextWordWrap, item.text);
        return;
    }
    // One line: a text with newlines shows its first line. A chip keeps both
    // ends of a long name: tasks and workers differ by their last characters
    // ("ThreadPoolExecutor-0_3").
    const QString line = item.text.section(QLatin1Char('\n'), 0, 0);
    const Qt::TextElideMode elide = item.role == ItemRole::Chip ? Qt::ElideMiddle : Qt::ElideRight;
    p.drawText(r, int(item.align) | Qt::TextSingleLine, fm.elidedText(line, elide, r.width()));
}

void paintArrow(QPainter& p, const SceneArrow& arrow, const QRectF& a, const QRectF& b, const Scene& scene,
                const ViewStyle& style)
{
    const QPointF ca = a.center();
    const QPointF cb = b.center();
    const QPointF d = cb - ca;
    const qreal length = std::hypot(d.x(), d.y());
    if (length < 1)
        return;
    const QPointF normal(-d.y() / length, d.x() / length);
    const QPointF control = (ca + cb) / 2 + normal * (arrow.bend * length);
    const QPointF p1 = ScenePainter::edgePoint(a, arrow.bend != 0 ? control : cb);
    const QPointF p2 = ScenePainter::edgePoint(b, arrow.bend != 0 ? control : ca);
    const qreal width = arrow.width * style.hairline();

    QPainterPath path(p1);
    QPointF tangentFrom = p1;
    if (arrow.bend != 0) {
        const QPointF c = control;
        path.quadTo(c, p2);
        tangentFrom = c;
    } else {
        path.lineTo(p2);
    }
    const QPointF dir = p2 - tangentFrom;
    const qreal dl = std::hypot(dir.x(), dir.y());
    if (dl < 0.5)
        return;
    const QPointF u = dir / dl;
    const QPointF n(-u.y(), u.x());
    const qreal head = std::max<qreal>(6.0, style.unit() * 0.45) + width;

    p.setBrush(Qt::NoBrush);
    p.setPen(outlinePen(arrow.color, width, arrow.dashed));
    // Stop the line where the head begins, so the tip stays sharp.
    QPainterPath shaft = path;
    if (arrow.bend == 0) {
        shaft = QPainterPath(p1);
        shaft.lineTo(p2 - u * head * 0.8);
    }
    p.drawPath(shaft);
    QPolygonF tip;
    tip << p2 << p2 - u * head + n * head * 0.45 << p2 - u * head - n * head * 0.45;
    p.setPen(Qt::NoPen);
    p.setBrush(arrow.color);
    p.drawPolygon(tip);

    if (arrow.label.isEmpty())
        return;
    const QPointF mid = arrow.bend != 0 ? 0.25 * p1 + 0.5 * control + 0.25 * p2 : (p1 + p2) / 2;
    const QFont font = style.font(0.8);
    const QFontMetricsF fm(font);
    const qreal w = fm.horizontalAdvance(arrow.label) + style.unit() * 0.5;
    const QRectF box(mid.x() - w / 2, mid.y() - fm.height() / 2 - 1, w, fm.height() + 2);
    p.setBrush(scene.background.isValid() ? scene.background : style.theme().base);
    p.setPen(outlinePen(arrow.color, style.hairline(), false));
    p.drawRoundedRect(box, box.height() / 2, box.height() / 2);
    p.setFont(font);
    p.setPen(style.theme().text);
    p.drawText(box, Qt::AlignCenter | Qt::TextSingleLine, arrow.label);
}

} // namespace

QPointF ScenePainter::edgePoint(const QRectF& rect, QPointF towards)
{
    const QPointF c = rect.center();
    const QPointF d = towards - c;
    if (std::abs(d.x()) < 1e-9 && std::abs(d.y()) < 1e-9)
        return c;
    const qreal hw = rect.width() / 2;
    const qreal hh = rect.height() / 2;
    // Scale the direction until it touches the nearer pair of borders.
    const qreal sx = std::abs(d.x()) > 1e-9 ? hw / std::abs(d.x()) : 1e18;
    const qreal sy = std::abs(d.y()) > 1e-9 ? hh / std::abs(d.y()) : 1e18;
    const qreal s = std::min({sx, sy, 1.0});
    return c + d * s;
}

void ScenePainter::paint(QPainter& p, const Scene& scene, const ViewStyle& style)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    if (scene.background.isValid())
        p.fillRect(QRectF(QPointF(0, 0), scene.size), scene.background);

    FontCache fonts(style);
    QHash<quint64, QRectF> rects;
    rects.reserve(scene.items.size());
    for (const SceneItem& item : scene.items) {
        if (item.opacity <= 0.0f)
            continue;
        p.setOpacity(item.opacity);
        if (item.role == ItemRole::Bar)
            paintBar(p, item);
        else
            paintShape(p, item, style);
        paintText(p, item, style, fonts);
        if (item.key && !rects.contains(item.key))
            rects.insert(item.key, item.rect);
    }
    for (const SceneArrow& arrow : scene.arrows) {
        if (arrow.opacity <= 0.0f)
            continue;
        auto a = rects.constFind(arrow.from);
        auto b = rects.constFind(arrow.to);
        if (a == rects.constEnd() || b == rects.constEnd())
            continue;
        p.setOpacity(arrow.opacity);
        paintArrow(p, arrow, *a, *b, scene, style);
    }
    p.restore();
}

} // namespace coroscope
