#include "app/gui/presenter/AnnotationOverlay.h"

#include <QCursor>
#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace coroscope {

AnnotationOverlay::AnnotationOverlay(QWidget* host)
    : QWidget(host)
{
    setObjectName(QStringLiteral("annotationOverlay"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    setGeometry(host->rect());
    host->installEventFilter(this);
    // The spotlight polls the cursor rather than taking the mouse, so the
    // presenter can still click the controls under it.
    m_cursorTimer.setInterval(16);
    connect(&m_cursorTimer, &QTimer::timeout, this, &AnnotationOverlay::followCursor);
    hide();
}

void AnnotationOverlay::setTool(Tool tool)
{
    if (tool == m_tool)
        return;
    m_tool = tool;
    setAttribute(Qt::WA_TransparentForMouseEvents, tool != Tool::Pen);
    setCursor(tool == Tool::Pen ? Qt::CrossCursor : Qt::ArrowCursor);
    if (tool == Tool::Spotlight) {
        m_spotlight = mapFromGlobal(QCursor::pos());
        m_cursorTimer.start();
    } else {
        m_cursorTimer.stop();
    }
    setVisible(tool != Tool::None || !isEmpty());
    raise();
    update();
    emit annotationsChanged();
}

void AnnotationOverlay::setPenColor(const QColor& color)
{
    m_penColor = color;
    update();
}

void AnnotationOverlay::setSpotlightCenter(const QPointF& center)
{
    if (center == m_spotlight)
        return;
    m_spotlight = center;
    if (m_tool == Tool::Spotlight) {
        update();
        emit annotationsChanged();
    }
}

double AnnotationOverlay::spotlightRadius() const
{
    return fontMetrics().height() * 6.0;
}

void AnnotationOverlay::followCursor()
{
    setSpotlightCenter(mapFromGlobal(QCursor::pos()));
}

void AnnotationOverlay::clear()
{
    if (isEmpty())
        return;
    m_strokes.clear();
    m_current.clear();
    setVisible(m_tool != Tool::None);
    update();
    emit annotationsChanged();
}

void AnnotationOverlay::paintAnnotations(QPainter& painter, const QRectF& target, const QRectF& source) const
{
    if (source.isEmpty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setClipRect(target);
    painter.translate(target.topLeft());
    painter.scale(target.width() / source.width(), target.height() / source.height());
    painter.translate(-source.topLeft());

    if (m_tool == Tool::Spotlight) {
        QPainterPath dark;
        dark.addRect(source);
        QPainterPath hole;
        hole.addEllipse(m_spotlight, spotlightRadius(), spotlightRadius());
        painter.fillPath(dark.subtracted(hole), QColor(0, 0, 0, 170));
    }
    QPen pen(m_penColor, std::max(3.0, fontMetrics().height() / 5.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    for (const QPolygonF& s : m_strokes)
        painter.drawPolyline(s);
    if (!m_current.isEmpty())
        painter.drawPolyline(m_current);
    painter.restore();
}

void AnnotationOverlay::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    paintAnnotations(p, rect(), rect());
}

void AnnotationOverlay::mousePressEvent(QMouseEvent* event)
{
    if (m_tool != Tool::Pen || event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_current = QPolygonF{event->position()};
    update();
}

void AnnotationOverlay::mouseMoveEvent(QMouseEvent* event)
{
    if (m_tool != Tool::Pen || m_current.isEmpty())
        return QWidget::mouseMoveEvent(event);
    m_current << event->position();
    update();
    emit annotationsChanged();
}

void AnnotationOverlay::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_tool != Tool::Pen || m_current.isEmpty())
        return QWidget::mouseReleaseEvent(event);
    m_current << event->position();
    m_strokes.append(m_current);
    m_current.clear();
    update();
    emit annotationsChanged();
}

bool AnnotationOverlay::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget()) {
        if (event->type() == QEvent::Resize)
            setGeometry(parentWidget()->rect());
        else if (event->type() == QEvent::ChildAdded && isVisible())
            raise(); // new docks must not cover the annotations
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace coroscope
