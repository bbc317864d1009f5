#pragma once
// ScenePainter: draws a Scene. It decides nothing about what to show: every
// rectangle, colour and word comes from the Scene; it only elides text to
// its box and routes arrows from the edge of one item to the edge of another.
// Painting is a pure function of (scene, style), so the same inputs give the
// same pixels.

#include "app/gui/views/Scene.h"

class QPainter;

namespace coroscope {

class ViewStyle;

class ScenePainter {
public:
    static void paint(QPainter& painter, const Scene& scene, const ViewStyle& style);

    /// Where an arrow between rectangles `a` and `b` leaves `a` and enters `b`:
    /// the line between their centres, cut at their borders.
    static QPointF edgePoint(const QRectF& rect, QPointF towards);
};

} // namespace coroscope
