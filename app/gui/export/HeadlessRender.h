#pragma once
// HeadlessRender: one frame of a program's run, drawn without a screen, for
// `coroscope-cli render` (DESIGN.md section 6). It opens the program in a
// MainWindow that never appears on screen, so the run, its simulated world
// and every view are exactly what the app shows; it waits for the run to
// end, moves the playhead and writes a view through FrameExporter (a single
// view by its deterministic render path, or the whole window).
//
// A QApplication must exist. This header uses no Qt keyword macros (signals,
// slots, emit), so coroscope-cli, built with QT_NO_KEYWORDS, can include it.

#include "app/gui/theme/ThemeKind.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>

class QSettings;
class QTemporaryDir;

namespace coroscope {

class FrameExporter;
class MainWindow;

/// What a frame shows: one view, or the whole main window.
enum class RenderView : std::uint8_t { Loop, Greenlets, Generators, Timeline, Main };

class HeadlessRender {
public:
    /// How long open() waits for a run at most.
    static constexpr int kDefaultTimeoutMs = 60000;

    /// A window with settings and autosaves in a temporary directory, so
    /// rendering never reads or changes the user's own.
    HeadlessRender();
    ~HeadlessRender();
    HeadlessRender(const HeadlessRender&) = delete;
    HeadlessRender& operator=(const HeadlessRender&) = delete;

    /// "loop", "greenlets", "generators", "timeline", "main".
    static std::optional<RenderView> viewFromName(const QString& name);
    static QStringList viewNames();

    enum class Opened : std::uint8_t {
        Ok,       ///< the run ended (an exception or a limit included)
        NotFound, ///< no such file, lesson folder or bundled lesson id, or not a lesson
        Failed,   ///< it does not compile, or its run took longer than the time-out
    };
    /// Opens a Python file, a lesson folder (or its lesson.json) or the id
    /// of a bundled lesson, and runs it to its end; `error` says why not.
    Opened open(const QString& fileOrLesson, QString* error, int timeoutMs = kDefaultTimeoutMs);
    /// Events recorded by the run: the last step.
    std::int64_t length() const;
    /// Moves the playhead to `step` (events played), clamped to
    /// [0, length()], with no animation left; returns where it went.
    std::int64_t seek(std::int64_t step);
    std::int64_t position() const;

    void setTheme(ThemeKind theme);

    /// The frame of `view` at the playhead, `size` logical pixels.
    QImage image(RenderView view, QSize size);
    /// Writes that frame as PNG, or as SVG when `path` ends in ".svg";
    /// false with `error` set if it cannot be written.
    bool write(RenderView view, QSize size, const QString& path, QString* error);

    /// The window behind the frames (for tests).
    MainWindow& window() { return *m_window; }

private:
    /// Lays the window out at `size` (the "main" view draws all of it).
    void layOut(QSize size);
    FrameExporter exporterFor(RenderView view, QSize size, const QString& title);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace coroscope
