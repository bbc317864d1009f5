#include "app/gui/views/Scene.h"

#include <QStringList>

#include <algorithm>

namespace coroscope {

SceneItem& Scene::add(SceneItem item)
{
    items.push_back(std::move(item));
    return items.back();
}

SceneItem& Scene::addText(const QRectF& rect, const QString& text, const QColor& ink, qreal size, bool bold)
{
    SceneItem t;
    t.role = ItemRole::Text;
    t.rect = rect;
    t.text = text;
    t.ink = ink;
    t.fontSize = float(size);
    t.bold = bold;
    return add(std::move(t));
}

const SceneItem* Scene::find(quint64 key) const
{
    for (const SceneItem& item : items) {
        if (item.key == key)
            return &item;
    }
    return nullptr;
}

QVector<const SceneItem*> Scene::inGroup(const QString& group, ItemRole role) const
{
    QVector<const SceneItem*> out;
    for (const SceneItem& item : items) {
        if (item.role == role && item.group == group)
            out.push_back(&item);
    }
    std::stable_sort(out.begin(), out.end(), [](const SceneItem* l, const SceneItem* r) { return l->order < r->order; });
    return out;
}

QString Scene::chipsIn(const QString& group) const
{
    QStringList names;
    for (const SceneItem* item : inGroup(group))
        names << item->text;
    return names.join(QLatin1Char(' '));
}

QStringList Scene::chipGroups() const
{
    QStringList out;
    for (const SceneItem& item : items) {
        if (item.role == ItemRole::Chip && !out.contains(item.group))
            out << item.group;
    }
    return out;
}

const SceneItem* Scene::chipOf(TaskId task) const
{
    if (const SceneItem* own = find(sceneKey(KeyKind::Chip, task)))
        return own;
    for (const SceneItem& item : items) {
        if (item.role == ItemRole::Chip && item.hasTask && item.task == task)
            return &item;
    }
    return nullptr;
}

const SceneItem* Scene::taskItemAt(QPointF p) const
{
    // Front layer first, and later items over earlier ones within a layer.
    for (int layer = int(ItemLayer::Front); layer >= int(ItemLayer::Back); --layer) {
        for (auto it = items.crbegin(); it != items.crend(); ++it) {
            if (int(it->layer) == layer && it->hasTask && it->rect.contains(p))
                return &*it;
        }
    }
    return nullptr;
}

const SceneArrow* Scene::arrowBetween(quint64 from, quint64 to) const
{
    for (const SceneArrow& a : arrows) {
        if (a.from == from && a.to == to)
            return &a;
    }
    return nullptr;
}

QString Scene::dump() const
{
    QString out;
    for (const SceneItem& item : items) {
        out += QStringLiteral("%1 [%2] %3 #%4 (%5,%6 %7x%8) %9\n")
                   .arg(int(item.role))
                   .arg(item.group)
                   .arg(item.text)
                   .arg(item.order)
                   .arg(item.rect.x(), 0, 'f', 1)
                   .arg(item.rect.y(), 0, 'f', 1)
                   .arg(item.rect.width(), 0, 'f', 1)
                   .arg(item.rect.height(), 0, 'f', 1)
                   .arg(item.key, 0, 16);
    }
    for (const SceneArrow& a : arrows)
        out += QStringLiteral("arrow %1 -> %2 %3\n").arg(a.from, 0, 16).arg(a.to, 0, 16).arg(a.label);
    return out;
}

} // namespace coroscope
