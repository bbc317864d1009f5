#pragma once
// SceneTween: the picture between two steps. Items with the same key move
// (rectangle and colours interpolated), items only in the new scene fade in,
// items only in the old one fade out; unkeyed items are the new scene's.

#include "app/gui/views/Scene.h"

namespace coroscope {

class SceneTween {
public:
    /// The scene `t` of the way from `from` to `to` (t clamped to [0, 1]).
    /// t = 1 gives `to` exactly; the result is in layer order.
    static Scene blend(const Scene& from, const Scene& to, qreal t);
    /// The ease-in-out curve the views animate with; symmetric, so
    /// ease(0.5) == 0.5 and a chip is halfway at half time.
    static qreal ease(qreal t);
};

} // namespace coroscope
