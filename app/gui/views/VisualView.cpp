#include "app/gui/views/VisualView.h"

#include "app/gui/views/AnimationClock.h"
#include "app/gui/views/ScenePainter.h"
#include "app/gui/views/SceneTween.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace coroscope {

void markSelection(Scene& scene, TaskId task, const ViewStyle& style)
{
    for (SceneItem& item : scene.items) {
        if (!item.hasTask || item.task != task)
            continue;
        if (item.role != ItemRole::Chip && item.role != ItemRole::Node)
            continue;
        item.stroke = style.theme().highlight;
        item.strokeWidth = 3.0f;
        item.dashed = false;
    }
}

VisualView::VisualView(QWidget* parent)
    : QWidget(parent)
    , m_ownClock(new AnimationClock(this))
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(160, 120);
    setClock(m_ownClock);
}

VisualView::~VisualView() = default;

void VisualView::setViewStyle(const ViewStyle& style)
{
    m_style = style;
    invalidate();
}

void VisualView::showModels(const Trace& trace, const Model& now, const Model& before)
{
    m_trace = &trace;
    m_now = now;
    m_before = before;
    // Two Models of one trace at one position are equal: no need to compare them.
    m_moving = animates() && before.position() != now.position();
    invalidate();
}

void VisualView::clear()
{
    m_trace = nullptr;
    m_now = Model();
    m_before = Model();
    m_moving = false;
    invalidate();
}

void VisualView::setClock(AnimationClock* clock)
{
    if (m_clock)
        disconnect(m_clock, nullptr, this, nullptr);
    m_clock = clock ? clock : m_ownClock;
    connect(m_clock, &AnimationClock::advanced, this, [this] {
        if (m_moving)
            update();
    });
    update();
}

void VisualView::setSelectedTask(TaskId task)
{
    if (m_hasSelection && m_selected == task)
        return;
    m_selected = task;
    m_hasSelection = true;
    invalidate();
}

void VisualView::clearSelection()
{
    if (!m_hasSelection)
        return;
    m_hasSelection = false;
    m_selected = 0;
    invalidate();
}

void VisualView::invalidate()
{
    m_cache.valid = false;
    update();
}

qreal VisualView::roomyScale(QSizeF size)
{
    return std::clamp(std::min(size.width() / 1000.0, size.height() / 640.0), 1.0, 1.45);
}

ViewStyle VisualView::styleFor(QSizeF size) const
{
    const qreal f = fitScale(size);
    // Fit never takes the picture past twice the base size (presenter scales multiply).
    const qreal capped = std::min(f, std::max<qreal>(1.0, 2.0 / m_style.scale()));
    return capped > 1.0 ? m_style.scaledBy(capped) : m_style;
}

Scene VisualView::layoutFor(const Model& model, QSizeF size) const
{
    const ViewStyle& style = m_cache.style;
    if (!m_trace)
        return emptyScene(size);
    const LayoutInput input{*m_trace, model, style, size, m_selected, m_hasSelection};
    Scene scene = buildScene(input);
    if (m_hasSelection)
        markSelection(scene, m_selected, style);
    return scene;
}

Scene VisualView::emptyScene(QSizeF size) const
{
    const ViewStyle& style = m_cache.style;
    const qreal u = style.unit();
    Scene scene;
    scene.size = size;
    scene.background = style.theme().base;
    SceneItem hint;
    hint.role = ItemRole::Text;
    hint.rect = QRectF(QPointF(0, 0), size).adjusted(u, u, -u, -u);
    hint.text = emptyHint();
    hint.ink = style.theme().mutedText;
    hint.align = Qt::AlignCenter;
    hint.wrap = true;
    scene.items.push_back(hint);
    return scene;
}

void VisualView::refreshScenes(QSizeF size) const
{
    if (m_cache.valid && m_cache.size == size)
        return;
    m_cache.style = styleFor(size);
    m_cache.target = layoutFor(m_now, size);
    m_cache.start = m_moving ? layoutFor(m_before, size) : Scene();
    m_cache.size = size;
    m_cache.valid = true;
}

Scene VisualView::targetScene(QSizeF size) const
{
    refreshScenes(size);
    return m_cache.target;
}

Scene VisualView::startScene(QSizeF size) const
{
    refreshScenes(size);
    return m_moving ? m_cache.start : m_cache.target;
}

Scene VisualView::sceneAt(QSizeF size) const
{
    refreshScenes(size);
    if (!m_moving || !m_clock || m_clock->progress() >= 1.0)
        return m_cache.target;
    return SceneTween::blend(m_cache.start, m_cache.target, m_clock->eased());
}

void VisualView::render(QPainter& painter, QSize size) const
{
    const Scene scene = sceneAt(QSizeF(size));
    ScenePainter::paint(painter, scene, m_cache.style);
}

QImage VisualView::renderImage(QSize size, qreal devicePixelRatio) const
{
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(m_style.theme().base);
    QPainter painter(&image);
    render(painter, size);
    return image;
}

void VisualView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    render(painter, size());
}

void VisualView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const Scene scene = sceneAt(QSizeF(size()));
    if (const SceneItem* item = scene.taskItemAt(event->position())) {
        if (item->task != 0) {
            setSelectedTask(item->task);
            emit taskSelected(item->task);
        }
    }
}

void VisualView::mouseMoveEvent(QMouseEvent* event)
{
    refreshScenes(QSizeF(size()));
    const SceneItem* item = m_cache.target.taskItemAt(event->position());
    setCursor(item && item->task != 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(event);
}

void VisualView::resizeEvent(QResizeEvent* event)
{
    m_cache.valid = false;
    QWidget::resizeEvent(event);
}

bool VisualView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        // Chips elide long names: the tooltip gives the whole text.
        auto* help = static_cast<QHelpEvent*>(event);
        refreshScenes(QSizeF(size()));
        const QPointF p = help->pos();
        const SceneItem* hit = nullptr;
        for (const SceneItem& item : m_cache.target.items) {
            if (item.role != ItemRole::Panel && !item.text.isEmpty() && item.rect.contains(p))
                hit = &item;
        }
        if (hit)
            QToolTip::showText(help->globalPos(), hit->text, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace coroscope
