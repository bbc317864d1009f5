#pragma once
// FrameExporter: writes what a view shows, or the run behind it, to files.
// Frames come from a view's deterministic render(QPainter&, QSize) path (no
// timers, no widget on screen), so the same view at the same size always
// gives the same bytes. Traces are written by the core exporters
// (ChromeExport, JsonLinesExport). Nothing here opens a dialog: the window
// asks for the path and tests call these functions directly.

#include <QColor>
#include <QImage>
#include <QSize>
#include <QString>

#include <functional>

class QIODevice;
class QPainter;

namespace coroscope {

class TimelineView;
class Trace;
class VisualView;

class FrameExporter {
public:
    /// Draws a frame of `size` logical pixels with the painter's origin at its top left.
    using RenderFunction = std::function<void(QPainter&, QSize)>;

    /// Exports frames drawn by `render` on a `background` ground; `title`
    /// names the picture in SVG metadata.
    FrameExporter(RenderFunction render, QColor background, QString title = QString());
    /// Exports what `view` shows (its picture at the clock's progress).
    /// The view must outlive the exporter.
    static FrameExporter forView(const VisualView& view, QString title = QString());
    static FrameExporter forView(const TimelineView& view, QString title = QString());

    /// The frame as an opaque ARGB32 image of exactly `size` pixels.
    QImage image(QSize size) const;

    /// PNG of image(size); false if the device or path cannot be written.
    bool writePng(QIODevice& device, QSize size) const;
    bool writePng(const QString& path, QSize size) const;
    /// SVG of the frame (text stays text); false if it cannot be written.
    bool writeSvg(QIODevice& device, QSize size) const;
    bool writeSvg(const QString& path, QSize size) const;

    /// The whole of `trace` as a Chrome / Perfetto trace-event JSON document.
    static bool writeChromeJson(const Trace& trace, QIODevice& device);
    static bool writeChromeJson(const Trace& trace, const QString& path);
    /// The whole of `trace` as JSON Lines, one event per line.
    static bool writeJsonLines(const Trace& trace, QIODevice& device);
    static bool writeJsonLines(const Trace& trace, const QString& path);

private:
    RenderFunction m_render;
    QColor m_background;
    QString m_title;
};

} // namespace coroscope
