#include "app/gui/export/FrameExporter.h"

#include "app/gui/views/TimelineView.h"
#include "app/gui/views/VisualView.h"
#include "core/trace/ChromeExport.h"
#include "core/trace/JsonLinesExport.h"

#include <QIODevice>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <string>
#include <utility>

namespace coroscope {

namespace {

bool writeAll(QIODevice& device, const std::string& text)
{
    if (!device.isOpen() && !device.open(QIODevice::WriteOnly))
        return false;
    return device.write(text.data(), qint64(text.size())) == qint64(text.size());
}

/// Runs `write` on a QSaveFile at `path`, so a failed export never leaves a
/// truncated file where a good one was.
template <typename Write>
bool writeFile(const QString& path, Write write)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    if (!write(static_cast<QIODevice&>(file))) {
        file.cancelWriting();
        return false;
    }
    return file.commit();
}

} // namespace

FrameExporter::FrameExporter(RenderFunction render, QColor background, QString title)
    : m_render(std::move(render))
    , m_background(background)
    , m_title(std::move(title))
{
}

FrameExporter FrameExporter::forView(const VisualView& view, QString title)
{
    return FrameExporter([&view](QPainter& p, QSize size) { view.render(p, size); },
                         view.viewStyle().theme().base, std::move(title));
}

FrameExporter FrameExporter::forView(const TimelineView& view, QString title)
{
    return FrameExporter([&view](QPainter& p, QSize size) { view.render(p, size); },
                         view.viewStyle().theme().base, std::move(title));
}

QImage FrameExporter::image(QSize size) const
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(m_background);
    {
        QPainter painter(&image);
        m_render(painter, size);
    }
    return image.convertToFormat(QImage::Format_ARGB32);
}

bool FrameExporter::writePng(QIODevice& device, QSize size) const
{
    if (size.isEmpty())
        return false;
    if (!device.isOpen() && !device.open(QIODevice::WriteOnly))
        return false;
    return image(size).save(&device, "PNG");
}

bool FrameExporter::writePng(const QString& path, QSize size) const
{
    return writeFile(path, [&](QIODevice& d) { return writePng(d, size); });
}

bool FrameExporter::writeSvg(QIODevice& device, QSize size) const
{
    if (size.isEmpty())
        return false;
    if (!device.isOpen() && !device.open(QIODevice::WriteOnly))
        return false;
    QSvgGenerator generator;
    generator.setOutputDevice(&device);
    // Fonts are sized in points: at the generator's default 72 dpi the text
    // would come out 3/4 of the size the layout measured it at. The PNG's
    // image paints at QImage's resolution, so the SVG takes the same one.
    generator.setResolution(QImage(1, 1, QImage::Format_ARGB32).logicalDpiY());
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(m_title);
    generator.setDescription(QStringLiteral("Coroscope"));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    painter.fillRect(QRect(QPoint(0, 0), size), m_background);
    m_render(painter, size);
    return painter.end();
}

bool FrameExporter::writeSvg(const QString& path, QSize size) const
{
    return writeFile(path, [&](QIODevice& d) { return writeSvg(d, size); });
}

bool FrameExporter::writeChromeJson(const Trace& trace, QIODevice& device)
{
    return writeAll(device, ChromeExport(trace).toJson());
}

bool FrameExporter::writeChromeJson(const Trace& trace, const QString& path)
{
    return writeFile(path, [&](QIODevice& d) { return writeChromeJson(trace, d); });
}

bool FrameExporter::writeJsonLines(const Trace& trace, QIODevice& device)
{
    return writeAll(device, JsonLinesExport(trace).toJsonLines());
}

bool FrameExporter::writeJsonLines(const Trace& trace, const QString& path)
{
    return writeFile(path, [&](QIODevice& d) { return writeJsonLines(trace, d); });
}

} // namespace coroscope
