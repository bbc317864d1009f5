#include "app/gui/window/MainWindow.h"

#include "app/gui/editor/Autosave.h"
#include "app/gui/editor/CodeEditor.h"
#include "app/gui/editor/DocumentSession.h"
#include "app/gui/lessons/LessonProgress.h"
#include "app/gui/lessons/LessonsPane.h"
#include "app/gui/narration/NarrationPane.h"
#include "app/gui/panes/ConsoleFeed.h"
#include "app/gui/panes/ConsolePane.h"
#include "app/gui/panes/WarningsBanner.h"
#include "app/gui/player/Player.h"
#include "app/gui/presenter/PresenterMode.h"
#include "app/gui/run/PlayheadModel.h"
#include "app/gui/run/RunSession.h"
#include "app/gui/theme/PaintedIcon.h"
#include "app/gui/theme/ThemeManager.h"
#include "app/gui/window/LanguageSwitcher.h"
#include "app/gui/window/PaneSet.h"
#include "app/gui/window/PlaybackActions.h"
#include "app/gui/whatif/WhatIfController.h"
#include "app/gui/whatif/WhatIfToggles.h"
#include "lessons/loader/LessonLibrary.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTextBlock>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace coroscope {

namespace {
const QString kThemeSetting = QStringLiteral("ui/theme");
const QString kLayoutSetting = QStringLiteral("window/layout");
const QString kGeometrySetting = QStringLiteral("window/geometry");
const QString kOpenDirSetting = QStringLiteral("document/openDirectory");
} // namespace

MainWindow::MainWindow(const AppEnvironment& environment, QWidget* parent)
    : QMainWindow(parent)
    , m_env(environment)
{
    setObjectName(QStringLiteral("mainWindow"));
    QSettings* settings = m_env.settings;

    m_theme = new ThemeManager(this);
    m_theme->setTheme(ThemeManager::themeFromName(settings->value(kThemeSetting).toString()));
    m_player = new Player(this);
    m_autosave = std::make_unique<Autosave>(QDir(m_env.dataDirectory).filePath(QStringLiteral("autosave")));

    m_playhead = new PlayheadModel(this);
    // The Model at the playhead first: every pane after it reads it.
    connect(m_player, &Player::traceChanged, m_playhead, [this] { m_playhead->setTrace(m_player->sharedTrace()); });
    connect(m_player, &Player::lengthChanged, m_playhead, &PlayheadModel::traceAppended);
    m_run = new RunSession(m_player, this);
    m_library = std::make_unique<lessons::LessonLibrary>();
    m_library->loadBundled();
    for (const lessons::LessonError& error : m_library->errors())
        qWarning("%s", qPrintable(error.toString()));
    m_progress = new LessonProgress(settings, this);

    // The Code pane: the warnings banner over the editor.
    m_codePane = new QWidget(this);
    m_banner = new WarningsBanner(m_codePane);
    m_editor = new CodeEditor(m_codePane);
    auto* codeLayout = new QVBoxLayout(m_codePane);
    codeLayout->setContentsMargins(0, 0, 0, 0);
    codeLayout->setSpacing(0);
    codeLayout->addWidget(m_banner);
    codeLayout->addWidget(m_editor, 1);

    m_console = new ConsolePane(this);
    m_document = new DocumentSession(m_editor, m_autosave.get(), settings, this);
    m_panes = new PaneSet(this, m_codePane);
    m_panes->setWidget(PaneId::Console, m_console);
    m_playback = new PlaybackActions(m_player, this);
    m_consoleFeed = new ConsoleFeed(m_player, m_console, this);
    m_languages = new LanguageSwitcher(settings, this);
    m_lessonsPane = new LessonsPane(m_library.get(), m_progress, this);
    m_panes->setWidget(PaneId::Lessons, m_lessonsPane);
    m_narration = new NarrationPane(m_player, m_playhead, m_progress, this);
    m_panes->setWidget(PaneId::Narration, m_narration);
    createViews();
    m_whatIf = new WhatIfController(this, m_theme);
    m_whatIf->followRun(m_player, m_playhead, m_run);
    m_lessonsPane->addFooter(m_whatIf->toggles());

    createToolBar();
    m_presenter = new PresenterMode(this, m_panes, m_theme, m_playback, m_editor, settings);
    createMenus();

    m_statusLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusLabel);

    connect(m_theme, &ThemeManager::themeChanged, this, &MainWindow::applyTheme);
    connect(m_theme, &ThemeManager::fontScaleChanged, this, &MainWindow::applyViewStyle);
    connect(m_player, &Player::positionChanged, this, &MainWindow::followPlayhead);
    connect(m_player, &Player::traceChanged, this, &MainWindow::followPlayhead);
    connect(m_player, &Player::lengthChanged, this, &MainWindow::refreshStatus);
    connect(m_player, &Player::granularityChanged, this, &MainWindow::refreshStatus);
    connect(m_playhead, &PlayheadModel::headChanged, this, [this] {
        // While a run streams, new warnings show as they are found.
        if (m_playhead->head().warningCount() != m_bannerWarnings)
            refreshBanner();
    });
    connect(m_document, &DocumentSession::documentOpened, this, &MainWindow::updateTitle);
    connect(m_document, &DocumentSession::documentOpened, this, &MainWindow::onDocumentOpened);
    connect(m_document, &DocumentSession::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_editor, &CodeEditor::codeEdited, this, [this](const QString& code) { m_run->rerun(code, currentWorld()); });
    connect(m_run, &RunSession::runFinished, this, &MainWindow::onRunFinished);
    connect(m_banner, &WarningsBanner::seekRequested, m_player, &Player::seek);
    connect(m_banner, &WarningsBanner::lineRequested, this, [this](int line) {
        m_editor->revealLine(line);
        QTextCursor cursor(m_editor->document()->findBlockByNumber(line - 1));
        m_editor->setTextCursor(cursor);
        m_editor->setFocus();
    });
    connect(m_lessonsPane, &LessonsPane::programActivated, this,
            [this](const QString& id, int program) { openLesson(id, program); });
    connect(m_languages, &LanguageSwitcher::languageChanged, this, &MainWindow::applyLanguageToLessons);

    applyTheme();
    retranslate();

    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
    resize(std::min(1500, available.width() * 9 / 10), std::min(940, available.height() * 9 / 10));
    if (!restoreWindowState())
        m_panes->applyDefaultLayout();
    applyLanguageToLessons();
    // main() opens the first lesson or the file it was given; a window made
    // on its own starts on an empty scratch.
    m_document->openScratch();
}

MainWindow::~MainWindow() = default;

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("playbackToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setIconSize(QSize(22, 22));
    m_open = new QAction(paintedIcon(IconGlyph::Open), QString(), this);
    m_open->setObjectName(QStringLiteral("actionOpen"));
    m_open->setShortcut(QKeySequence::Open);
    connect(m_open, &QAction::triggered, this, &MainWindow::openFile);
    addAction(m_open);
    m_toolBar->addAction(m_open);
    m_openLesson = new QAction(paintedIcon(IconGlyph::Open), QString(), this);
    m_openLesson->setObjectName(QStringLiteral("actionOpenLesson"));
    m_openLesson->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_openLesson, &QAction::triggered, this, &MainWindow::openLessonFolder);
    addAction(m_openLesson);
    m_toolBar->addSeparator();
    m_playback->addToToolBar(m_toolBar);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_openLesson);
    m_fileMenu->addAction(m_open);
    m_revert = m_fileMenu->addAction(paintedIcon(IconGlyph::Revert), QString());
    m_revert->setObjectName(QStringLiteral("actionRevert"));
    connect(m_revert, &QAction::triggered, this, [this] {
        m_document->revertToOriginal();
        m_run->rerun(m_editor->code(), currentWorld());
    });
    m_fileMenu->addSeparator();
    createExportMenu();
    m_fileMenu->addSeparator();
    m_quit = m_fileMenu->addAction(QString());
    m_quit->setObjectName(QStringLiteral("actionQuit"));
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_playbackMenu = menuBar()->addMenu(QString());
    m_playback->addToMenu(m_playbackMenu);

    m_viewMenu = menuBar()->addMenu(QString());
    m_panesMenu = m_viewMenu->addMenu(QString());
    for (PaneId pane : kAllPanes)
        m_panesMenu->addAction(m_panes->toggleAction(pane));
    // The comparison dock is WhatIfController's, outside PaneSet (presenter mode leaves it alone).
    m_panesMenu->addAction(m_whatIf->dock()->toggleViewAction());
    m_resetLayout = m_viewMenu->addAction(paintedIcon(IconGlyph::Layout), QString());
    m_resetLayout->setObjectName(QStringLiteral("actionResetLayout"));
    connect(m_resetLayout, &QAction::triggered, this, &MainWindow::resetLayout);
    m_viewMenu->addSeparator();

    m_themeMenu = m_viewMenu->addMenu(paintedIcon(IconGlyph::Theme), QString());
    m_themeGroup = new QActionGroup(this);
    for (ThemeKind kind : {ThemeKind::Light, ThemeKind::Dark, ThemeKind::HighContrast}) {
        QAction* a = m_themeMenu->addAction(QString());
        a->setObjectName(QStringLiteral("actionTheme_") + ThemeManager::themeName(kind));
        a->setCheckable(true);
        a->setData(int(kind));
        a->setChecked(kind == m_theme->theme());
        m_themeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, kind] {
            m_theme->setTheme(kind);
            m_env.settings->setValue(kThemeSetting, ThemeManager::themeName(kind));
        });
    }

    m_languageMenu = m_viewMenu->addMenu(paintedIcon(IconGlyph::Language), QString());
    m_languageGroup = new QActionGroup(this);
    for (const QString& code : LanguageSwitcher::languages()) {
        QAction* a = m_languageMenu->addAction(LanguageSwitcher::nativeName(code));
        a->setObjectName(QStringLiteral("actionLanguage_") + code);
        a->setCheckable(true);
        a->setChecked(code == m_languages->language());
        m_languageGroup->addAction(a);
        connect(a, &QAction::triggered, m_languages, [this, code] { m_languages->setLanguage(code); });
    }

    m_viewMenu->addSeparator();
    m_presenterMenu = m_viewMenu->addMenu(paintedIcon(IconGlyph::Presenter), QString());
    m_presenter->addToMenu(m_presenterMenu);

    m_toolBar->addSeparator();
    auto* spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    auto* language = new QToolButton(m_toolBar);
    language->setObjectName(QStringLiteral("languageButton"));
    language->setIcon(paintedIcon(IconGlyph::Language));
    language->setMenu(m_languageMenu);
    language->setPopupMode(QToolButton::InstantPopup);
    m_languageButton = language;
    m_toolBar->addWidget(language);
    m_toolBar->addAction(m_presenter->toggleAction());

    m_helpMenu = menuBar()->addMenu(QString());
    m_about = m_helpMenu->addAction(QString());
    m_about->setObjectName(QStringLiteral("actionAbout"));
    connect(m_about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Coroscope"),
                           tr("<h3>Coroscope</h3><p>Watch coroutines run: step through greenlets, "
                              "generators and asyncio tasks on a real runtime, forwards and backwards.</p>"));
    });
}

void MainWindow::applyTheme()
{
    m_editor->setColors(m_theme->colors(), m_theme->taskColors());
    m_console->setColors(m_theme->colors(), m_theme->taskColors());
    m_banner->setColors(m_theme->colors());
    applyViewStyle();
    if (m_themeGroup) {
        for (QAction* a : m_themeGroup->actions())
            a->setChecked(ThemeKind(a->data().toInt()) == m_theme->theme());
    }
}

void MainWindow::openFile()
{
    const QString start = m_env.settings->value(kOpenDirSetting, QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Python File"), start,
                                                      tr("Python files (*.py);;All files (*)"));
    if (path.isEmpty())
        return;
    m_env.settings->setValue(kOpenDirSetting, QFileInfo(path).absolutePath());
    QString error;
    if (!m_document->openFile(path, &error))
        QMessageBox::warning(this, tr("Cannot Open File"), tr("%1 cannot be opened: %2").arg(path, error));
}

void MainWindow::resetLayout()
{
    if (m_presenter->isActive())
        m_presenter->leave();
    m_panes->applyDefaultLayout();
}

void MainWindow::saveWindowState()
{
    m_env.settings->setValue(kLayoutSetting, m_panes->saveLayout());
    m_env.settings->setValue(kGeometrySetting, saveGeometry());
}

bool MainWindow::restoreWindowState()
{
    const QByteArray geometry = m_env.settings->value(kGeometrySetting).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    return m_panes->restoreLayout(m_env.settings->value(kLayoutSetting).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // The normal layout is the one to remember, not the presenter's.
    m_presenter->leave();
    m_document->flush();
    saveWindowState();
    m_env.settings->sync();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    // A saved language is applied while the window is still being built;
    // the constructor translates everything once it is complete.
    if (event->type() == QEvent::LanguageChange && m_helpMenu)
        retranslate();
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] \u2014 Coroscope").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
    m_revert->setEnabled(m_document->isModified());
}

void MainWindow::retranslate()
{
    m_toolBar->setWindowTitle(tr("Playback"));
    m_open->setText(tr("&Open Python File\u2026"));
    m_open->setToolTip(tr("Open a Python file (%1)").arg(m_open->shortcut().toString(QKeySequence::NativeText)));
    m_openLesson->setText(tr("Open &Lesson\u2026"));
    m_openLesson->setToolTip(tr("Open a lesson folder from disk (%1)")
                                 .arg(m_openLesson->shortcut().toString(QKeySequence::NativeText)));
    m_fileMenu->setTitle(tr("&File"));
    m_revert->setText(tr("&Revert to Original"));
    m_revert->setToolTip(tr("Throw away your edits and show the original code"));
    m_quit->setText(tr("&Quit"));
    retranslateExport();
    m_playbackMenu->setTitle(tr("&Playback"));
    m_viewMenu->setTitle(tr("&View"));
    m_panesMenu->setTitle(tr("&Panes"));
    m_resetLayout->setText(tr("&Reset Layout"));
    m_resetLayout->setToolTip(tr("Put every pane back where it starts"));
    m_themeMenu->setTitle(tr("&Theme"));
    const QStringList themeNames{tr("&Light"), tr("&Dark"), tr("&High Contrast")};
    for (int i = 0; i < m_themeGroup->actions().size(); ++i)
        m_themeGroup->actions()[i]->setText(themeNames[i]);
    m_languageMenu->setTitle(tr("&Language"));
    m_languageButton->setToolTip(tr("Language of the interface: English or Chinese"));
    m_presenterMenu->setTitle(tr("P&resenter"));
    m_helpMenu->setTitle(tr("&Help"));
    m_about->setText(tr("&About Coroscope"));
    m_panes->retranslate();
    m_playback->retranslate();
    m_presenter->retranslate();
    for (QAction* a : m_languageGroup->actions())
        a->setChecked(a->objectName().endsWith(m_languages->language()));
    followPlayhead();
    if (m_document)
        updateTitle();
}

} // namespace coroscope
