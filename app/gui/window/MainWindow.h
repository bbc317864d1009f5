#pragma once
// MainWindow: Coroscope's window (DESIGN.md section 4). It assembles the
// panes, the playback controls, themes, languages and the presenter mode,
// restores the user's layout, and keeps the Player on a recording of the
// code in the editor: opening a lesson program or a file runs it, every
// (debounced) edit runs it again, and the editor, console, warnings banner,
// status bar, lessons and narration follow the playhead.
//
// The visualisation views (loop, greenlets, generators, timeline, inspector)
// sit in their panes and follow player() through one ViewFeed; they take the
// theme and the type scale (presenter mode) from themeManager(). Other
// widgets can replace a pane's view with installView().

#include "app/gui/run/RunRequest.h"
#include "app/gui/window/AppEnvironment.h"
#include "app/gui/window/PaneId.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QToolBar;
class QToolButton;

namespace coroscope {

namespace lessons {
class LessonLibrary;
struct Lesson;
}

class Autosave;
class CodeEditor;
class ConsoleFeed;
class ConsolePane;
class DocumentSession;
class GeneratorView;
class GreenletView;
class InspectorView;
class LanguageSwitcher;
class LessonProgress;
class LessonsPane;
class LoopView;
class NarrationPane;
class PaneSet;
class PlaybackActions;
class Player;
class PlayheadModel;
class PresenterMode;
class RunSession;
class ThemeManager;
class TimelineView;
class ViewFeed;
class WarningsBanner;
class WhatIfController;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const AppEnvironment& environment, QWidget* parent = nullptr);
    ~MainWindow() override;

    Player* player() const { return m_player; }
    CodeEditor* editor() const { return m_editor; }
    ConsolePane* console() const { return m_console; }
    PaneSet* panes() const { return m_panes; }
    PlaybackActions* playback() const { return m_playback; }
    PresenterMode* presenter() const { return m_presenter; }
    ThemeManager* themeManager() const { return m_theme; }
    LanguageSwitcher* languages() const { return m_languages; }
    DocumentSession* document() const { return m_document; }
    QAction* resetLayoutAction() const { return m_resetLayout; }
    RunSession* runSession() const { return m_run; }
    PlayheadModel* playheadModel() const { return m_playhead; }
    WarningsBanner* warningsBanner() const { return m_banner; }
    LessonsPane* lessonsPane() const { return m_lessonsPane; }
    NarrationPane* narrationPane() const { return m_narration; }
    LessonProgress* progress() const { return m_progress; }
    const lessons::LessonLibrary& library() const { return *m_library; }
    /// The lesson's what-if toggles and the comparison dock.
    WhatIfController* whatIf() const { return m_whatIf; }
    /// What keeps the views on the playhead.
    ViewFeed* viewFeed() const { return m_feed; }
    /// The window's own views; nullptr once installView() replaced one.
    LoopView* loopView() const;
    GreenletView* greenletView() const;
    GeneratorView* generatorView() const;
    TimelineView* timelineView() const;
    InspectorView* inspectorView() const;

    /// Shows `view` in a dock pane (the loop view, timeline, inspector...),
    /// replacing its empty state. The window does not feed the view: connect
    /// it to player() (ViewFeed does). Code cannot be replaced.
    void installView(PaneId pane, QWidget* view);

    /// Opens program `program` of a lesson of library() in the editor and
    /// runs it; false if there is no such lesson or program.
    bool openLesson(const QString& lessonId, int program = 0);
    /// Opens the first lesson in chapter order (what the app shows at start).
    bool openFirstLesson();
    /// The lesson open in the editor, or nullptr for a file or a scratch.
    const lessons::Lesson* currentLesson() const;
    int currentProgram() const { return m_program; }
    /// Opens a lesson folder (or its lesson.json) from disk, adds it to the
    /// library and opens it; false with `error` set if it is malformed.
    bool openLessonPath(const QString& path, QString* error = nullptr);
    /// What the command line names: a lesson folder, a lesson.json or a Python file.
    bool openPath(const QString& path, QString* error = nullptr);

    /// What File > Export asks for a path with: given the dialog's caption,
    /// a suggested file name and a name filter, it returns the chosen path or
    /// an empty string to cancel. The default shows a save-file dialog;
    /// tests install one that answers at once.
    using ExportPathHook = std::function<QString(const QString& caption, const QString& suggested,
                                                 const QString& filter)>;
    void setExportPathHook(ExportPathHook hook);
    QMenu* exportMenu() const { return m_exportMenu; }
    /// The view "Current frame" exports: the visual view holding (or
    /// containing) the keyboard focus, else the loop view, else the first of
    /// the window's views still installed; nullptr if there is none.
    QWidget* exportedView() const;

    /// "Line step 3 / 12 · event 45 / 120 · finished: exit 0".
    QString statusText() const;

    /// Writes the layout and window geometry to the settings (also on close).
    void saveWindowState();
    /// Reads them back; false if nothing valid was saved.
    bool restoreWindowState();

public slots:
    void openFile();
    void openLessonFolder();
    void resetLayout();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createMenus();
    void createToolBar();
    void createViews();
    void applyViewStyle();
    void followPlayhead();
    void applyTheme();
    void retranslate();
    void createExportMenu();
    void retranslateExport();
    void exportFrame(bool svg);
    void exportTrace(bool chrome);
    QString askExportPath(const QString& caption, const QString& suggested, const QString& filter) const;
    void updateTitle();
    void onDocumentOpened(const QString& key);
    void onRunFinished(const RunResult& result);
    void refreshBanner();
    void refreshStatus();
    void noteProgress();
    void applyLanguageToLessons();
    QJsonObject currentWorld() const;

    AppEnvironment m_env;
    ThemeManager* m_theme;
    Player* m_player;
    std::unique_ptr<Autosave> m_autosave;
    CodeEditor* m_editor;
    ConsolePane* m_console;
    DocumentSession* m_document;
    PaneSet* m_panes;
    PlaybackActions* m_playback;
    ConsoleFeed* m_consoleFeed;
    LanguageSwitcher* m_languages;
    PresenterMode* m_presenter;
    PlayheadModel* m_playhead;
    RunSession* m_run;
    QWidget* m_codePane;
    WarningsBanner* m_banner;
    std::unique_ptr<lessons::LessonLibrary> m_library;
    LessonProgress* m_progress;
    LessonsPane* m_lessonsPane;
    NarrationPane* m_narration;
    WhatIfController* m_whatIf = nullptr;
    ViewFeed* m_feed = nullptr;
    QPointer<LoopView> m_loopView;
    QPointer<GreenletView> m_greenletView;
    QPointer<GeneratorView> m_generatorView;
    QPointer<TimelineView> m_timelineView;
    QPointer<InspectorView> m_inspectorView;
    QString m_lessonId;          ///< the lesson open in the editor; empty for a file
    int m_program = -1;          ///< its program
    std::size_t m_bannerWarnings = 0; ///< warnings of the head Model the banner shows

    QToolBar* m_toolBar = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_playbackMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_panesMenu = nullptr;
    QMenu* m_themeMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_presenterMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_open = nullptr;
    QAction* m_openLesson = nullptr;
    QAction* m_revert = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_resetLayout = nullptr;
    QAction* m_about = nullptr;
    QMenu* m_exportMenu = nullptr;
    QAction* m_exportPng = nullptr;
    QAction* m_exportSvg = nullptr;
    QAction* m_exportChrome = nullptr;
    QAction* m_exportJsonLines = nullptr;
    ExportPathHook m_exportPathHook;
    QActionGroup* m_themeGroup = nullptr;
    QActionGroup* m_languageGroup = nullptr;
    QToolButton* m_languageButton = nullptr;
    QLabel* m_statusLabel = nullptr;
};

} // namespace coroscope
