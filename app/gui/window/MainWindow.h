#pragma once
// MainWindow: Coroscope's window (DESIGN.md section 4). It assembles the
// panes, the playback controls, themes, languages and the presenter mode,
// and restores the user's layout and document at start.

#include "app/gui/window/AppEnvironment.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QToolBar;
class QToolButton;

namespace coroscope {

class Autosave;
class CodeEditor;
class ConsoleFeed;
class ConsolePane;
class DocumentSession;
class LanguageSwitcher;
class PaneSet;
class PlaybackActions;
class Player;
class PresenterMode;
class ThemeManager;

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

    /// Writes the layout and window geometry to the settings (also on close).
    void saveWindowState();
    /// Reads them back; false if nothing valid was saved.
    bool restoreWindowState();

public slots:
    void openFile();
    void resetLayout();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createMenus();
    void createToolBar();
    void followPlayhead();
    void applyTheme();
    void retranslate();
    void updateTitle();

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
    QAction* m_revert = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_resetLayout = nullptr;
    QAction* m_about = nullptr;
    QActionGroup* m_themeGroup = nullptr;
    QActionGroup* m_languageGroup = nullptr;
    QToolButton* m_languageButton = nullptr;
    QLabel* m_statusLabel = nullptr;
};

} // namespace coroscope
