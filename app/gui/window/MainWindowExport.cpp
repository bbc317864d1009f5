// MainWindow, continued: File > Export. The current frame goes to PNG or SVG
// through FrameExporter at the size the view has on screen; the recording
// behind the playhead goes to Chrome / Perfetto JSON or JSON Lines. Paths
// come from the export path hook (a save dialog unless a test replaced it),
// and the outcome is reported in the status bar, never in a modal box.

#include "app/gui/window/MainWindow.h"

#include "app/gui/export/FrameExporter.h"
#include "app/gui/player/Player.h"
#include "app/gui/views/GeneratorView.h"
#include "app/gui/views/GreenletView.h"
#include "app/gui/views/InspectorView.h"
#include "app/gui/views/LoopView.h"
#include "app/gui/views/TimelineView.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QStatusBar>

#include <array>
#include <utility>

namespace coroscope {

namespace {

/// Frames of views that were never laid out (hidden panes, tests) get this size.
constexpr QSize kFallbackFrameSize(1280, 720);
/// Smaller on-screen views are exported at the fallback size instead.
constexpr int kMinimumFrameSide = 64;
constexpr int kStatusMilliseconds = 6000;

} // namespace

void MainWindow::createExportMenu()
{
    m_exportMenu = m_fileMenu->addMenu(QString());
    m_exportMenu->setObjectName(QStringLiteral("menuExport"));
    m_exportPng = m_exportMenu->addAction(QString());
    m_exportPng->setObjectName(QStringLiteral("actionExportFramePng"));
    connect(m_exportPng, &QAction::triggered, this, [this] { exportFrame(false); });
    m_exportSvg = m_exportMenu->addAction(QString());
    m_exportSvg->setObjectName(QStringLiteral("actionExportFrameSvg"));
    connect(m_exportSvg, &QAction::triggered, this, [this] { exportFrame(true); });
    m_exportMenu->addSeparator();
    m_exportChrome = m_exportMenu->addAction(QString());
    m_exportChrome->setObjectName(QStringLiteral("actionExportChromeJson"));
    connect(m_exportChrome, &QAction::triggered, this, [this] { exportTrace(true); });
    m_exportJsonLines = m_exportMenu->addAction(QString());
    m_exportJsonLines->setObjectName(QStringLiteral("actionExportJsonLines"));
    connect(m_exportJsonLines, &QAction::triggered, this, [this] { exportTrace(false); });
}

void MainWindow::retranslateExport()
{
    m_exportMenu->setTitle(tr("&Export"));
    m_exportPng->setText(tr("Current Frame as &PNG\u2026"));
    m_exportSvg->setText(tr("Current Frame as &SVG\u2026"));
    const QString frameTip = tr("Save the picture of the view that has the keyboard focus (the loop view if "
                                "none has it) at its size on screen");
    m_exportPng->setToolTip(frameTip);
    m_exportSvg->setToolTip(frameTip);
    m_exportChrome->setText(tr("Trace as &Chrome/Perfetto JSON\u2026"));
    m_exportChrome->setToolTip(tr("Save the whole recording for chrome://tracing or ui.perfetto.dev"));
    m_exportJsonLines->setText(tr("Trace as JSON &Lines\u2026"));
    m_exportJsonLines->setToolTip(tr("Save the whole recording as one JSON event per line"));
    m_exportMenu->setToolTipsVisible(true);
}

void MainWindow::setExportPathHook(ExportPathHook hook)
{
    m_exportPathHook = std::move(hook);
}

QWidget* MainWindow::exportedView() const
{
    const std::array<QWidget*, 5> views{loopView(), greenletView(), generatorView(), timelineView(),
                                        inspectorView()};
    if (QWidget* focus = QApplication::focusWidget()) {
        for (QWidget* view : views)
            if (view && (view == focus || view->isAncestorOf(focus)))
                return view;
    }
    for (QWidget* view : views)
        if (view)
            return view;
    return nullptr;
}

QString MainWindow::askExportPath(const QString& caption, const QString& suggested, const QString& filter) const
{
    if (m_exportPathHook)
        return m_exportPathHook(caption, suggested, filter);
    return QFileDialog::getSaveFileName(const_cast<MainWindow*>(this), caption,
                                        QDir::home().filePath(suggested), filter);
}

void MainWindow::exportFrame(bool svg)
{
    QWidget* view = exportedView();
    if (!view) {
        statusBar()->showMessage(tr("There is no view to export"), kStatusMilliseconds);
        return;
    }
    QSize size = view->size();
    if (!view->isVisible() || size.width() < kMinimumFrameSide || size.height() < kMinimumFrameSide)
        size = kFallbackFrameSize;
    const QString title = view->windowTitle().isEmpty() ? QStringLiteral("Coroscope") : view->windowTitle();
    const FrameExporter exporter = [&] {
        if (auto* timeline = qobject_cast<TimelineView*>(view))
            return FrameExporter::forView(*timeline, title);
        return FrameExporter::forView(*static_cast<VisualView*>(view), title);
    }();

    const QString base = QStringLiteral("%1-step-%2")
                             .arg(m_lessonId.isEmpty() ? QStringLiteral("coroscope") : m_lessonId)
                             .arg(m_player->position());
    const QString path = svg ? askExportPath(tr("Export Frame as SVG"), base + QStringLiteral(".svg"),
                                             tr("SVG images (*.svg)"))
                             : askExportPath(tr("Export Frame as PNG"), base + QStringLiteral(".png"),
                                             tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    const bool ok = svg ? exporter.writeSvg(path, size) : exporter.writePng(path, size);
    statusBar()->showMessage(ok ? tr("Exported %1").arg(QDir::toNativeSeparators(path))
                                : tr("Could not write %1").arg(QDir::toNativeSeparators(path)),
                             kStatusMilliseconds);
}

void MainWindow::exportTrace(bool chrome)
{
    const std::shared_ptr<const Trace> trace = m_player->sharedTrace();
    if (!trace) {
        statusBar()->showMessage(tr("There is no recording to export yet"), kStatusMilliseconds);
        return;
    }
    const QString base = m_lessonId.isEmpty() ? QStringLiteral("coroscope") : m_lessonId;
    const QString path = chrome ? askExportPath(tr("Export Trace as Chrome/Perfetto JSON"),
                                                base + QStringLiteral(".json"), tr("JSON files (*.json)"))
                                : askExportPath(tr("Export Trace as JSON Lines"), base + QStringLiteral(".jsonl"),
                                                tr("JSON Lines files (*.jsonl)"));
    if (path.isEmpty())
        return;
    const bool ok = chrome ? FrameExporter::writeChromeJson(*trace, path) : FrameExporter::writeJsonLines(*trace, path);
    statusBar()->showMessage(ok ? tr("Exported %1").arg(QDir::toNativeSeparators(path))
                                : tr("Could not write %1").arg(QDir::toNativeSeparators(path)),
                             kStatusMilliseconds);
}

} // namespace coroscope
