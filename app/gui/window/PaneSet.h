#pragma once
// PaneSet: the main window's panes. Code is the central widget; every other
// pane lives in a dock the user can move, tab, float or close. PaneSet owns
// the default arrangement and turns the arrangement into bytes and back.

#include "app/gui/window/PaneId.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <map>

class QAction;
class QDockWidget;
class QMainWindow;
class QWidget;

namespace coroscope {

class PaneSet : public QObject {
    Q_OBJECT
public:
    /// Bumped when the set of docks changes, so stale saved layouts are ignored.
    static constexpr int kLayoutVersion = 2;

    /// Installs `code` as the central widget and one dock per other pane,
    /// each showing an empty state until a view is installed with setWidget().
    PaneSet(QMainWindow* window, QWidget* code);

    /// The dock of a pane, or nullptr for Code.
    QDockWidget* dock(PaneId pane) const;
    /// What the pane shows.
    QWidget* widget(PaneId pane) const;
    /// Replaces what a dock pane shows (the loop view replaces its empty state).
    void setWidget(PaneId pane, QWidget* widget);

    bool isShown(PaneId pane) const;
    void setShown(PaneId pane, bool shown);

    /// The View-menu checkbox of a pane (the dock's toggle action; for Code
    /// a checkable action of our own).
    QAction* toggleAction(PaneId pane) const;

    /// Docks Lessons and Narration left, Loop view (with Greenlets and
    /// Generators as tabs behind it) and Inspector right, Timeline and
    /// Console along the bottom, and shows them all.
    void applyDefaultLayout();
    QByteArray saveLayout() const;
    /// False (and nothing changed) if the bytes are not a layout of this version.
    bool restoreLayout(const QByteArray& state);

    static QString title(PaneId pane);
    static QString objectName(PaneId pane);
    /// Re-reads every title after a language switch.
    void retranslate();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyDefaultSizes();

    QMainWindow* m_window;
    QWidget* m_code;
    QAction* m_codeToggle;
    std::map<PaneId, QDockWidget*> m_docks;
    bool m_sizesPending = false; ///< default dock sizes wait for the window's first show
};

} // namespace coroscope
