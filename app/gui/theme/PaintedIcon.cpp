#include "app/gui/theme/PaintedIcon.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

#include <algorithm>

namespace coroscope {

namespace {

/// Draws `glyph` on a 24 x 24 design grid; the painter is already scaled.
void drawGlyph(QPainter& p, IconGlyph glyph, const QColor& ink)
{
    QPen pen(ink, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);

    auto triangle = [&](double left, double right, bool pointsRight) {
        QPainterPath t;
        if (pointsRight) {
            t.moveTo(left, 6);
            t.lineTo(right, 12);
            t.lineTo(left, 18);
        } else {
            t.moveTo(right, 6);
            t.lineTo(left, 12);
            t.lineTo(right, 18);
        }
        t.closeSubpath();
        p.setBrush(ink);
        p.drawPath(t);
        p.setBrush(Qt::NoBrush);
    };
    auto bar = [&](double x) { p.drawLine(QPointF(x, 6), QPointF(x, 18)); };

    switch (glyph) {
    case IconGlyph::Reset:
        bar(5);
        triangle(7, 13, false);
        triangle(13, 19, false);
        break;
    case IconGlyph::StepBack:
        bar(7);
        triangle(9.5, 17.5, false);
        break;
    case IconGlyph::Play:
        triangle(7, 19, true);
        break;
    case IconGlyph::Pause:
        p.setBrush(ink);
        p.drawRoundedRect(QRectF(7, 6, 3.5, 12), 1, 1);
        p.drawRoundedRect(QRectF(13.5, 6, 3.5, 12), 1, 1);
        break;
    case IconGlyph::Step:
        triangle(6.5, 14.5, true);
        bar(17);
        break;
    case IconGlyph::RunToEnd:
        triangle(5, 11, true);
        triangle(11, 17, true);
        bar(19);
        break;
    case IconGlyph::Faster:
        triangle(5, 12, true);
        triangle(12, 19, true);
        break;
    case IconGlyph::Slower:
        triangle(5, 12, false);
        triangle(12, 19, false);
        break;
    case IconGlyph::Open: {
        QPainterPath f;
        f.moveTo(3, 7);
        f.lineTo(9, 7);
        f.lineTo(11, 9);
        f.lineTo(21, 9);
        f.lineTo(21, 19);
        f.lineTo(3, 19);
        f.closeSubpath();
        p.drawPath(f);
        p.drawLine(QPointF(3, 12), QPointF(21, 12));
        break;
    }
    case IconGlyph::Revert: {
        p.drawArc(QRectF(5, 6, 14, 13), 90 * 16, -250 * 16);
        triangle(3, 9, false);
        break;
    }
    case IconGlyph::Presenter:
        p.drawRect(QRectF(4, 4, 16, 11));
        p.drawLine(QPointF(12, 15), QPointF(12, 19));
        p.drawLine(QPointF(8, 20), QPointF(16, 20));
        p.setBrush(ink);
        p.drawEllipse(QPointF(12, 9.5), 2.2, 2.2);
        break;
    case IconGlyph::Audience:
        p.drawRect(QRectF(2.5, 5, 11, 8));
        p.drawRect(QRectF(10.5, 10, 11, 8));
        break;
    case IconGlyph::Pen: {
        QPainterPath pen;
        pen.moveTo(5, 19);
        pen.lineTo(6, 15);
        pen.lineTo(16, 5);
        pen.lineTo(19, 8);
        pen.lineTo(9, 18);
        pen.closeSubpath();
        p.drawPath(pen);
        p.drawLine(QPointF(14, 7), QPointF(17, 10));
        break;
    }
    case IconGlyph::Spotlight:
        p.drawEllipse(QPointF(12, 12), 5, 5);
        for (int i = 0; i < 8; ++i) {
            p.save();
            p.translate(12, 12);
            p.rotate(i * 45.0);
            p.drawLine(QPointF(0, -7.5), QPointF(0, -9.5));
            p.restore();
        }
        break;
    case IconGlyph::Clear:
        p.drawLine(QPointF(6, 6), QPointF(18, 18));
        p.drawLine(QPointF(18, 6), QPointF(6, 18));
        break;
    case IconGlyph::Blank:
        p.setBrush(ink);
        p.drawRect(QRectF(4, 5, 16, 12));
        p.setBrush(Qt::NoBrush);
        p.drawLine(QPointF(9, 20), QPointF(15, 20));
        break;
    case IconGlyph::Layout:
        p.drawRect(QRectF(3.5, 4.5, 17, 15));
        p.drawLine(QPointF(9, 4.5), QPointF(9, 19.5));
        p.drawLine(QPointF(9, 14), QPointF(20.5, 14));
        break;
    case IconGlyph::Theme:
        p.drawEllipse(QPointF(12, 12), 7.5, 7.5);
        p.setBrush(ink);
        p.drawPie(QRectF(4.5, 4.5, 15, 15), 90 * 16, 180 * 16);
        break;
    case IconGlyph::Language:
        p.drawEllipse(QPointF(12, 12), 8, 8);
        p.drawEllipse(QRectF(8.5, 4, 7, 16));
        p.drawLine(QPointF(4, 12), QPointF(20, 12));
        break;
    }
}

class GlyphEngine final : public QIconEngine {
public:
    explicit GlyphEngine(IconGlyph glyph) : m_glyph(glyph) {}

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette pal = QApplication::palette();
        QColor ink = pal.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                               QPalette::ButtonText);
        if (mode == QIcon::Disabled)
            ink.setAlphaF(0.45f);
        const double side = std::min(rect.width(), rect.height());
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0);
        painter->scale(side / 24.0, side / 24.0);
        drawGlyph(*painter, m_glyph, ink);
        painter->restore();
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QPixmap pm(size * scale);
        pm.fill(Qt::transparent);
        pm.setDevicePixelRatio(scale);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }

    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine* clone() const override { return new GlyphEngine(m_glyph); }
    QString key() const override { return QStringLiteral("coroscope-glyph"); }

private:
    IconGlyph m_glyph;
};

} // namespace

QIcon paintedIcon(IconGlyph glyph)
{
    return QIcon(new GlyphEngine(glyph));
}

} // namespace coroscope
