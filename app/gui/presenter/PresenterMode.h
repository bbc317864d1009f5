#pragma once
// PresenterMode: the instructor's demo screen. Entering it saves the window
// as it is, then goes full screen with the high-contrast theme, type at
// 150-250 %, only the panes the instructor picked, the clicker's keys (Page
// Up/Down step, B blanks, Esc leaves), the pen and spotlight, and optionally
// an audience window on the projector. Leaving puts everything back.

#include "app/gui/theme/ThemeKind.h"
#include "app/gui/window/PaneId.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QPair>
#include <QRect>
#include <QSize>

#include <set>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;
class QSettings;
class QToolBar;
class QWidget;

namespace coroscope {

class AnnotationOverlay;
class AudienceWindow;
class CodeEditor;
class PaneSet;
class PlaybackActions;
class ThemeManager;

class PresenterMode : public QObject {
    Q_OBJECT
public:
    static constexpr double kMinScale = 1.5;
    static constexpr double kMaxScale = 2.5;
    static constexpr double kDefaultScale = 2.0;

    PresenterMode(QMainWindow* window, PaneSet* panes, ThemeManager* theme, PlaybackActions* playback,
                  CodeEditor* editor, QSettings* settings);
    ~PresenterMode() override;

    bool isActive() const { return m_active; }

    /// The type scale used while presenting; clamped to [1.5, 2.5].
    double scale() const { return m_scale; }
    void setScale(double scale);

    /// The panes shown while presenting.
    QList<PaneId> chosenPanes() const;
    bool isPaneChosen(PaneId pane) const { return m_chosen.count(pane) > 0; }
    void setPaneChosen(PaneId pane, bool chosen);

    bool isBlanked() const { return m_blanked; }
    AnnotationOverlay* overlay() const { return m_overlay; }
    /// The projector window, or nullptr while it is closed.
    AudienceWindow* audienceWindow() const;
    /// The widgets the audience sees: every shown pane but the presenter's
    /// own (Lessons, and Narration, which are the notes) and the docks
    /// tabbed out of sight behind another.
    QList<QWidget*> mirroredWidgets() const;

    QAction* toggleAction() const { return m_toggle; }
    QAction* leaveAction() const { return m_leave; }
    QAction* blankAction() const { return m_blank; }
    QAction* penAction() const { return m_pen; }
    QAction* spotlightAction() const { return m_spotlight; }
    QAction* clearAction() const { return m_clear; }
    QAction* audienceAction() const { return m_audienceToggle; }
    QToolBar* toolBar() const { return m_toolBar; }

    /// Adds the presenter entries (and the Panes and Type size submenus).
    void addToMenu(QMenu* menu);
    void retranslate();

public slots:
    void enter();
    void leave();
    void toggle();
    void setBlanked(bool blanked);
    void setAudienceWindowShown(bool shown);

signals:
    void activeChanged(bool active);
    void blankedChanged(bool blanked);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// What entering changed, to put back on leaving.
    struct Saved {
        QByteArray state;
        QRect geometry;
        Qt::WindowStates windowState;
        ThemeKind theme = ThemeKind::Light;
        double fontScale = 1.0;
        bool menuBarShown = true;
        bool editorReadOnly = false;
        QList<QPair<QPointer<QToolBar>, QSize>> iconSizes; ///< every toolbar's icon size
    };

    QAction* makeAction(const char* objectName, bool presenterOnly);
    void applyChosenPanes();
    /// The first presentation (no layout saved yet): the picked views get
    /// half the screen's width, or 45 % of its height below the code, since
    /// they are what the hall looks at.
    void fitViews();
    void saveSettings() const;
    void setPresenterActionsEnabled(bool on);

    QMainWindow* m_window;
    PaneSet* m_panes;
    ThemeManager* m_theme;
    PlaybackActions* m_playback;
    CodeEditor* m_editor;
    QSettings* m_settings;

    bool m_active = false;
    bool m_blanked = false;
    bool m_fitViewsPending = false; ///< fitViews() once the window covers the screen
    double m_scale = kDefaultScale;
    std::set<PaneId> m_chosen;
    Saved m_saved;

    AnnotationOverlay* m_overlay;
    QWidget* m_blankScreen;
    QPointer<AudienceWindow> m_audience;
    QToolBar* m_toolBar;
    QList<QAction*> m_presenterOnly;
    QAction* m_toggle;
    QAction* m_leave;
    QAction* m_blank;
    QAction* m_pen;
    QAction* m_spotlight;
    QAction* m_clear;
    QAction* m_audienceToggle;
    QActionGroup* m_scaleGroup;
    QMenu* m_panesMenu = nullptr;
    QMenu* m_scaleMenu = nullptr;
    QList<QAction*> m_paneActions;
};

} // namespace coroscope
