#pragma once
// AnnotationOverlay: the presenter's pen and spotlight, a transparent layer
// over the whole main window. The annotation state (strokes, spotlight
// centre) is kept apart from painting, so the audience window can paint the
// same annotations over its mirror with paintAnnotations().

#include <QColor>
#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QTimer>
#include <QWidget>

namespace coroscope {

class AnnotationOverlay : public QWidget {
    Q_OBJECT
public:
    enum class Tool {
        None,      ///< the overlay lets every click through
        Pen,       ///< drag to draw; the overlay takes the mouse
        Spotlight, ///< darkens all but a circle that follows the cursor; clicks pass
    };

    /// Covers `host` and follows its size.
    explicit AnnotationOverlay(QWidget* host);

    Tool tool() const { return m_tool; }
    void setTool(Tool tool);

    QList<QPolygonF> strokes() const { return m_strokes; }
    bool isEmpty() const { return m_strokes.isEmpty() && m_current.isEmpty(); }
    QColor penColor() const { return m_penColor; }
    void setPenColor(const QColor& color);

    /// The spotlight's centre in overlay coordinates.
    QPointF spotlightCenter() const { return m_spotlight; }
    void setSpotlightCenter(const QPointF& center);
    /// Radius in device-independent pixels; scales with the font so it
    /// stays proportionate in presenter mode.
    double spotlightRadius() const;

    /// Paints the annotations of the overlay's `source` rectangle into
    /// `target` (the audience window maps the mirrored area this way).
    void paintAnnotations(QPainter& painter, const QRectF& target, const QRectF& source) const;

public slots:
    void clear();

signals:
    void annotationsChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void followCursor();

    Tool m_tool = Tool::None;
    QList<QPolygonF> m_strokes; ///< finished strokes, overlay coordinates
    QPolygonF m_current;        ///< the stroke being drawn
    QColor m_penColor{0xff, 0x2d, 0x95};
    QPointF m_spotlight;
    QTimer m_cursorTimer;       ///< polls the cursor while the spotlight is on
};

} // namespace coroscope
