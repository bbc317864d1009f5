#include "app/gui/presenter/AudienceWindow.h"

#include "app/gui/presenter/AnnotationOverlay.h"

#include <QApplication>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QPainter>
#include <QScreen>
#include <QWindow>

namespace coroscope {

namespace {
constexpr int kFrameMs = 33; // 30 frames per second is plenty for a projector
}

AudienceWindow::AudienceWindow(QWidget* mainWindow, SourceList sources, AnnotationOverlay* overlay)
    : QWidget(nullptr, Qt::Window)
    , m_main(mainWindow)
    , m_sources(std::move(sources))
    , m_overlay(overlay)
{
    setObjectName(QStringLiteral("audienceWindow"));
    setWindowTitle(tr("Coroscope \u2014 audience"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    resize(960, 540);
    m_frameTimer.setInterval(kFrameMs);
    connect(&m_frameTimer, &QTimer::timeout, this, &AudienceWindow::refresh);
    if (m_overlay)
        connect(m_overlay, &AnnotationOverlay::annotationsChanged, this, qOverload<>(&QWidget::update));
}

AudienceWindow::~AudienceWindow()
{
    qApp->removeEventFilter(this);
}

void AudienceWindow::present()
{
    QScreen* home = m_main && m_main->windowHandle() ? m_main->windowHandle()->screen() : nullptr;
    QScreen* other = nullptr;
    for (QScreen* s : QGuiApplication::screens()) {
        if (s != home) {
            other = s;
            break;
        }
    }
    if (other) {
        setGeometry(other->geometry());
        show();
        if (windowHandle())
            windowHandle()->setScreen(other);
        showFullScreen();
    } else {
        showNormal();
    }
    raise();
}

void AudienceWindow::setBlanked(bool blanked)
{
    if (blanked == m_blanked)
        return;
    m_blanked = blanked;
    update();
}

void AudienceWindow::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Any repaint of a mirrored pane marks the frame stale.
    qApp->installEventFilter(this);
    m_dirty = true;
    m_frameTimer.start();
}

void AudienceWindow::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_frameTimer.stop();
    qApp->removeEventFilter(this);
}

bool AudienceWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (m_grabbing || m_dirty || !watched->isWidgetType())
        return false;
    switch (event->type()) {
    case QEvent::Paint:
    case QEvent::Resize:
    case QEvent::Move:
    case QEvent::Show:
    case QEvent::Hide: {
        auto* w = static_cast<QWidget*>(watched);
        if (w != m_overlay && w->window() == m_main)
            m_dirty = true;
        break;
    }
    default:
        break;
    }
    return false;
}

void AudienceWindow::closeEvent(QCloseEvent* event)
{
    QWidget::closeEvent(event);
    emit closed();
}

void AudienceWindow::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        setWindowTitle(tr("Coroscope \u2014 audience"));
}

void AudienceWindow::refresh()
{
    if (!m_dirty || !m_main)
        return;
    m_dirty = false;
    compose();
    update();
}

QRect AudienceWindow::mirroredArea(const QList<QWidget*>& sources) const
{
    QRect area;
    for (QWidget* w : sources) {
        if (w->isVisible())
            area |= QRect(w->mapTo(m_main, QPoint(0, 0)), w->size());
    }
    return area;
}

void AudienceWindow::compose()
{
    const QList<QWidget*> sources = m_sources();
    m_area = mirroredArea(sources);
    if (m_area.isEmpty()) {
        m_frame = QImage();
        return;
    }
    const qreal dpr = m_main->devicePixelRatioF();
    QImage image(m_area.size() * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(m_main->palette().color(QPalette::Window));
    QPainter p(&image);
    m_grabbing = true;
    for (QWidget* w : sources) {
        if (!w->isVisible())
            continue;
        const QPoint at = w->mapTo(m_main, QPoint(0, 0)) - m_area.topLeft();
        p.drawPixmap(at, w->grab());
    }
    m_grabbing = false;
    p.end();
    m_frame = image;
    ++m_framesComposed;
}

void AudienceWindow::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::black);
    if (m_blanked || m_frame.isNull())
        return;
    // Fit the mirrored area into the window, keeping its aspect ratio.
    const QSizeF logical = QSizeF(m_frame.size()) / m_frame.devicePixelRatio();
    QSizeF fitted = logical.scaled(QSizeF(size()), Qt::KeepAspectRatio);
    const QRectF target(QPointF((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(target, m_frame);
    if (m_overlay)
        m_overlay->paintAnnotations(p, target, QRectF(m_area));
}

} // namespace coroscope
