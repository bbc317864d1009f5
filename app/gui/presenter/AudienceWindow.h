#pragma once
// AudienceWindow: a second top-level window for the projector. It mirrors
// the visualisation panes of the main window by rendering them (QWidget::
// grab) into one frame laid out as on the laptop, and paints the presenter's
// annotations on top. Frames are produced by one timer, and only when
// something in the mirrored panes repainted: when nothing moves, nothing is
// grabbed.

#include <QImage>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace coroscope {

class AnnotationOverlay;

class AudienceWindow : public QWidget {
    Q_OBJECT
public:
    /// Supplies the widgets to mirror, in the main window's coordinates.
    using SourceList = std::function<QList<QWidget*>()>;

    AudienceWindow(QWidget* mainWindow, SourceList sources, AnnotationOverlay* overlay);
    ~AudienceWindow() override;

    /// Shows full screen on a screen other than the main window's if there
    /// is one; otherwise as an ordinary window to drag to the projector.
    void present();

    bool isBlanked() const { return m_blanked; }
    void setBlanked(bool blanked);
    /// The last frame composed (the mirrored area, before scaling).
    QImage frame() const { return m_frame; }
    /// Frames composed so far (a test can see that idle means no work).
    int framesComposed() const { return m_framesComposed; }
    /// Composes a frame now if anything changed since the last one; the
    /// frame timer calls this, tests may call it directly.
    void refresh();
    /// Marks the mirror stale, as a repaint of a mirrored pane does.
    void invalidate() { m_dirty = true; }

signals:
    /// The user closed the window (from its title bar).
    void closed();

protected:
    void paintEvent(QPaintEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void compose();
    QRect mirroredArea(const QList<QWidget*>& sources) const;

    QPointer<QWidget> m_main;
    SourceList m_sources;
    QPointer<AnnotationOverlay> m_overlay;
    QTimer m_frameTimer;
    QImage m_frame;
    QRect m_area;              ///< the mirrored area in main-window coordinates
    bool m_dirty = true;
    bool m_grabbing = false;   ///< our own grabs repaint the panes: not a change
    bool m_blanked = false;
    int m_framesComposed = 0;
};

} // namespace coroscope
