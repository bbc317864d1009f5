#include "app/gui/export/HeadlessRender.h"

#include "app/gui/export/FrameExporter.h"
#include "app/gui/player/Player.h"
#include "app/gui/run/RunController.h"
#include "app/gui/run/RunSession.h"
#include "app/gui/theme/ThemeManager.h"
#include "app/gui/views/AnimationClock.h"
#include "app/gui/views/GeneratorView.h"
#include "app/gui/views/GreenletView.h"
#include "app/gui/views/LoopView.h"
#include "app/gui/views/TimelineView.h"
#include "app/gui/views/ViewFeed.h"
#include "app/gui/window/MainWindow.h"
#include "lessons/loader/LessonLibrary.h"
#include "lessons/loader/LessonLoader.h"

#include <QApplication>
#include <QFileInfo>
#include <QPainter>
#include <QSettings>
#include <QTemporaryDir>

#include <algorithm>
#include <array>

namespace coroscope {

namespace {

struct ViewName {
    RenderView view;
    const char* name;
};

constexpr std::array<ViewName, 5> kViewNames{{{RenderView::Loop, "loop"},
                                              {RenderView::Greenlets, "greenlets"},
                                              {RenderView::Generators, "generators"},
                                              {RenderView::Timeline, "timeline"},
                                              {RenderView::Main, "main"}}};

/// The id of the bundled lesson that `path` (a lesson folder or its
/// lesson.json) is a copy of, program for program; empty if none is.
QString bundledTwin(const lessons::LessonLibrary& library, const QString& path)
{
    QList<lessons::LessonError> errors;
    const std::optional<lessons::Lesson> onDisk = lessons::LessonLoader::open(path, errors);
    if (!onDisk)
        return {};
    const lessons::Lesson* bundled = library.find(onDisk->id);
    if (!bundled || bundled->programs.size() != onDisk->programs.size())
        return {};
    for (qsizetype i = 0; i < onDisk->programs.size(); ++i) {
        if (bundled->programs[i].source != onDisk->programs[i].source
            || bundled->programs[i].world != onDisk->programs[i].world)
            return {};
    }
    return onDisk->id;
}

} // namespace

HeadlessRender::HeadlessRender()
    : m_dir(std::make_unique<QTemporaryDir>())
    , m_settings(std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat))
    , m_window(std::make_unique<MainWindow>(AppEnvironment{m_settings.get(), m_dir->path()}))
{
    // Laid out and "shown" without ever reaching a screen, so the whole
    // window can be drawn; its views draw at any size regardless.
    m_window->setAttribute(Qt::WA_DontShowOnScreen);
}

HeadlessRender::~HeadlessRender() = default;

std::optional<RenderView> HeadlessRender::viewFromName(const QString& name)
{
    for (const ViewName& v : kViewNames) {
        if (name == QLatin1String(v.name))
            return v.view;
    }
    return std::nullopt;
}

QStringList HeadlessRender::viewNames()
{
    QStringList names;
    for (const ViewName& v : kViewNames)
        names << QLatin1String(v.name);
    return names;
}

HeadlessRender::Opened HeadlessRender::open(const QString& fileOrLesson, QString* error, int timeoutMs)
{
    const QFileInfo info(fileOrLesson);
    bool opened = false;
    QString why;
    if (info.exists()) {
        opened = m_window->openPath(fileOrLesson, &why);
        if (!opened && (info.isDir() || info.fileName() == QLatin1String("lesson.json"))) {
            // A checkout's lessons/<folder> is the bundled lesson itself.
            const QString twin = bundledTwin(m_window->library(), fileOrLesson);
            opened = !twin.isEmpty() && m_window->openLesson(twin);
        }
    } else {
        opened = m_window->openLesson(fileOrLesson);
        if (!opened)
            why = QStringLiteral("no such file, lesson folder or lesson id");
    }
    if (!opened) {
        if (error)
            *error = QStringLiteral("cannot open '%1': %2").arg(fileOrLesson, why);
        return Opened::NotFound;
    }
    RunSession* run = m_window->runSession();
    if (!run->controller()->waitForFinished(timeoutMs) || !run->lastResult()) {
        if (error)
            *error = QStringLiteral("the run of '%1' did not end within %2 s").arg(fileOrLesson).arg(timeoutMs / 1000);
        return Opened::Failed;
    }
    if (run->lastResult()->outcome == RunOutcome::SyntaxError) {
        if (error)
            *error = QStringLiteral("%1 (line %2)").arg(run->lastResult()->syntaxMessage).arg(run->lastResult()->syntaxLine);
        return Opened::Failed;
    }
    return Opened::Ok;
}

std::int64_t HeadlessRender::length() const
{
    return m_window->player()->length();
}

std::int64_t HeadlessRender::seek(std::int64_t step)
{
    Player* player = m_window->player();
    player->pause();
    player->seek(std::clamp<std::int64_t>(step, 0, player->length()));
    m_window->viewFeed()->clock()->finish();
    return player->position();
}

std::int64_t HeadlessRender::position() const
{
    return m_window->player()->position();
}

void HeadlessRender::setTheme(ThemeKind theme)
{
    m_window->themeManager()->setTheme(theme);
}

void HeadlessRender::layOut(QSize size)
{
    if (m_window->isVisible() && m_window->size() == size)
        return;
    m_window->resize(size);
    // The panes take the default layout's proportions of this size: once
    // shown the first time, or at once after that.
    if (m_window->isVisible())
        m_window->resetLayout();
    else
        m_window->show();
    // The show queues the layout and the pane sizing; let them run.
    for (int pass = 0; pass < 3; ++pass)
        QCoreApplication::processEvents();
}

FrameExporter HeadlessRender::exporterFor(RenderView view, QSize size, const QString& title)
{
    switch (view) {
    case RenderView::Loop:
        return FrameExporter::forView(*m_window->loopView(), title);
    case RenderView::Greenlets:
        return FrameExporter::forView(*m_window->greenletView(), title);
    case RenderView::Generators:
        return FrameExporter::forView(*m_window->generatorView(), title);
    case RenderView::Timeline:
        return FrameExporter::forView(*m_window->timelineView(), title);
    case RenderView::Main:
        break;
    }
    layOut(size);
    return FrameExporter([this](QPainter& p, QSize) { m_window->render(&p); },
                         m_window->palette().color(QPalette::Window), title);
}

QImage HeadlessRender::image(RenderView view, QSize size)
{
    return exporterFor(view, size, QString()).image(size);
}

bool HeadlessRender::write(RenderView view, QSize size, const QString& path, QString* error)
{
    const FrameExporter exporter = exporterFor(view, size, QStringLiteral("Coroscope \u00b7 step %1").arg(position()));
    const bool svg = path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive);
    const bool ok = svg ? exporter.writeSvg(path, size) : exporter.writePng(path, size);
    if (!ok && error)
        *error = QStringLiteral("cannot write '%1'").arg(path);
    return ok;
}

} // namespace coroscope
