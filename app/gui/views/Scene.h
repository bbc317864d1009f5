#pragma once
// Scene: what a view shows, as plain data. A view's layout function turns a
// Model into a Scene (boxes, chips, texts and arrows with their rectangles,
// colours and labels); the painter only draws a Scene. Tests read a Scene to
// check that the picture says what the Model says, without looking at pixels.
//
// Identity: an item's key names the thing it stands for ("the chip of task
// 7", "the row of timer 3"). Two scenes of consecutive steps are blended by
// key, so a chip slides from its old place to its new one.

#include "core/trace/Event.h"

#include <QColor>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QVector>

#include <cstdint>

namespace coroscope {

/// What an item is; painting and tests tell items apart by it.
enum class ItemRole : std::uint8_t {
    Panel,   ///< a section's background
    Heading, ///< a section's title
    Text,    ///< a label, a countdown, a locals line
    Slot,    ///< an empty place a chip can occupy (the running slot)
    Chip,    ///< one task, or one plain callback, as a coloured pill
    Node,    ///< a thing tasks wait on: timer, future, task, host, lock...
    Frame,   ///< one stack frame
    Bar,     ///< a countdown bar; `progress` is the filled fraction
    More,    ///< "+N more": what did not fit
};

enum class ItemShape : std::uint8_t {
    None,    ///< text only
    Rect,
    Rounded, ///< corners of a quarter of the unit
    Pill,    ///< fully rounded ends
};

/// Paint layers, bottom first. A tween keeps items in layer order.
enum class ItemLayer : std::uint8_t { Back, Middle, Front };

/// The kinds of thing a key can name; the key packs (kind, sub, id).
enum class KeyKind : std::uint8_t {
    None, Chip, Callback, Slot, Section, Group, Node, Bar, More, Column, Frame, Card, Text, Arrow, Port,
};

/// A key that names (kind, id, sub) across steps; 0 means "no identity".
constexpr quint64 sceneKey(KeyKind kind, std::uint32_t id, std::uint32_t sub = 0)
{
    return (quint64(kind) << 56) | (quint64(sub & 0xffffffu) << 32) | id;
}

struct SceneItem {
    quint64 key = 0;                ///< identity across steps; 0: none (drawn as is, never blended)
    ItemRole role = ItemRole::Text;
    ItemShape shape = ItemShape::None;
    ItemLayer layer = ItemLayer::Middle;
    QRectF rect;
    QColor fill;                    ///< invalid: not filled
    QColor stroke;                  ///< invalid: no outline
    QColor ink;                     ///< text colour
    QString text;                   ///< full text; the painter elides it to the rect
    QString group;                  ///< its place in the picture ("running", "ready", "timer 3")
    TaskId task = 0;                ///< the task it stands for (0: none); clicking selects it
    bool hasTask = false;           ///< `task` is meaningful (task 0 is the loop)
    int order = 0;                  ///< position within its group, 0 first
    float fontSize = 1.0f;          ///< relative to the style's base size
    float strokeWidth = 1.0f;       ///< in units of the style's hairline
    float opacity = 1.0f;
    float progress = -1.0f;         ///< Bar: filled fraction in [0, 1]
    bool bold = false;
    bool mono = false;
    bool wrap = false;              ///< word-wrap instead of eliding
    bool dashed = false;            ///< dashed outline
    Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter;
    bool operator==(const SceneItem&) const = default;
};

/// An arrow between two items, drawn from the edge of one to the edge of the
/// other, so it follows them while they slide.
struct SceneArrow {
    quint64 key = 0;      ///< identity across steps
    quint64 from = 0;     ///< key of the item it starts at
    quint64 to = 0;       ///< key of the item it points at
    QColor color;
    QString label;        ///< drawn at the middle of the arrow
    float width = 1.5f;   ///< in units of the style's hairline
    float bend = 0.0f;    ///< sideways offset of the curve's middle, as a fraction of its length
    float opacity = 1.0f;
    bool dashed = false;
    bool operator==(const SceneArrow&) const = default;
};

class Scene {
public:
    QSizeF size;
    QColor background;
    QVector<SceneItem> items; ///< paint order within a layer
    QVector<SceneArrow> arrows;

    bool operator==(const Scene&) const = default;

    /// Appends `item`; returns it for further settings.
    SceneItem& add(SceneItem item);
    /// Appends a text item (ItemRole::Text) of relative font `size`.
    SceneItem& addText(const QRectF& rect, const QString& text, const QColor& ink, qreal size = 1.0, bool bold = false);

    /// The first item with this key, or nullptr.
    const SceneItem* find(quint64 key) const;
    /// Items of a role in a group, by `order`.
    QVector<const SceneItem*> inGroup(const QString& group, ItemRole role = ItemRole::Chip) const;
    /// The texts of the chips in a group, by order, joined by spaces: "Task-2 Task-3".
    QString chipsIn(const QString& group) const;
    /// Every group that holds at least one chip, in the order first seen.
    QStringList chipGroups() const;
    /// The chip that stands for `task`, or nullptr.
    const SceneItem* chipOf(TaskId task) const;
    /// The topmost item under `p` that stands for a task, or nullptr.
    const SceneItem* taskItemAt(QPointF p) const;
    /// The arrow between two item keys, or nullptr.
    const SceneArrow* arrowBetween(quint64 from, quint64 to) const;
    /// The scene's description, one item per line, for test failure messages.
    QString dump() const;
};

} // namespace coroscope
