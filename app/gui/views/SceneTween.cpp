#include "app/gui/views/SceneTween.h"

#include "app/gui/views/ViewStyle.h"

#include <QHash>

#include <algorithm>

namespace coroscope {

namespace {

QRectF lerp(const QRectF& a, const QRectF& b, qreal t)
{
    return QRectF(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t, a.width() + (b.width() - a.width()) * t,
                  a.height() + (b.height() - a.height()) * t);
}

QColor lerpColor(const QColor& a, const QColor& b, qreal t)
{
    if (!a.isValid() || !b.isValid())
        return b;
    if (a == b)
        return b;
    return mixColors(a, b, t);
}

} // namespace

qreal SceneTween::ease(qreal t)
{
    t = std::clamp(t, 0.0, 1.0);
    // Cubic ease-in-out: slow start, slow stop, exactly 0.5 at half time.
    return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) * (-2 * t + 2) * (-2 * t + 2) / 2;
}

Scene SceneTween::blend(const Scene& from, const Scene& to, qreal t)
{
    t = std::clamp(t, 0.0, 1.0);
    if (t >= 1.0)
        return to;
    Scene out;
    out.size = to.size;
    out.background = to.background;

    QHash<quint64, int> old;
    old.reserve(from.items.size());
    for (int i = 0; i < from.items.size(); ++i) {
        if (from.items[i].key)
            old.insert(from.items[i].key, i);
    }
    QHash<quint64, bool> seen;
    seen.reserve(to.items.size());
    out.items.reserve(to.items.size() + from.items.size() / 4);
    for (const SceneItem& item : to.items) {
        SceneItem x = item;
        if (item.key) {
            seen.insert(item.key, true);
            auto it = old.constFind(item.key);
            if (it == old.constEnd()) {
                x.opacity = float(item.opacity * t);
            } else {
                const SceneItem& a = from.items[*it];
                x.rect = lerp(a.rect, item.rect, t);
                x.fill = lerpColor(a.fill, item.fill, t);
                x.stroke = lerpColor(a.stroke, item.stroke, t);
                x.ink = lerpColor(a.ink, item.ink, t);
                x.opacity = float(a.opacity + (item.opacity - a.opacity) * t);
                if (a.progress >= 0 && item.progress >= 0)
                    x.progress = float(a.progress + (item.progress - a.progress) * t);
            }
        }
        out.items.push_back(std::move(x));
    }
    for (const SceneItem& item : from.items) {
        if (item.key && !seen.contains(item.key)) {
            SceneItem x = item;
            x.opacity = float(item.opacity * (1 - t));
            out.items.push_back(std::move(x));
        }
    }
    std::stable_sort(out.items.begin(), out.items.end(),
                     [](const SceneItem& l, const SceneItem& r) { return l.layer < r.layer; });

    QHash<quint64, int> oldArrows;
    for (int i = 0; i < from.arrows.size(); ++i)
        oldArrows.insert(from.arrows[i].key, i);
    QHash<quint64, bool> seenArrows;
    for (const SceneArrow& a : to.arrows) {
        SceneArrow x = a;
        seenArrows.insert(a.key, true);
        auto it = oldArrows.constFind(a.key);
        if (it == oldArrows.constEnd() || from.arrows[*it].from != a.from || from.arrows[*it].to != a.to)
            x.opacity = float(a.opacity * t);
        else
            x.color = lerpColor(from.arrows[*it].color, a.color, t);
        out.arrows.push_back(x);
    }
    for (const SceneArrow& a : from.arrows) {
        if (!seenArrows.contains(a.key)) {
            SceneArrow x = a;
            x.opacity = float(a.opacity * (1 - t));
            out.arrows.push_back(x);
        }
    }
    return out;
}

} // namespace coroscope
