#pragma once
// PlaybackActions: the controls of the Player (DESIGN.md section 4) as
// QActions with icons, shortcuts and tooltips, plus the toolbar widgets that
// have no action form: the speed and granularity pickers, the virtual clock
// and the step counter. Everything follows the Player's signals, so the
// controls never disagree with the playhead.

#include "app/gui/player/Granularity.h"

#include <QList>
#include <QObject>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QMenu;
class QToolBar;
class QWidget;

namespace coroscope {

class ClockDisplay;
class Player;

class PlaybackActions : public QObject {
    Q_OBJECT
public:
    /// Creates the actions and adds them to `window`, so their shortcuts
    /// work even when no menu or toolbar shows them (presenter mode).
    PlaybackActions(Player* player, QWidget* window);

    QAction* reset() const { return m_reset; }
    QAction* stepBack() const { return m_stepBack; }
    QAction* playPause() const { return m_playPause; }
    QAction* step() const { return m_step; }
    QAction* runToEnd() const { return m_runToEnd; }
    QAction* faster() const { return m_faster; }
    QAction* slower() const { return m_slower; }
    QAction* granularityAction(Granularity g) const;
    QList<QAction*> allActions() const;

    QComboBox* speedCombo() const { return m_speedCombo; }
    QComboBox* granularityCombo() const { return m_granularityCombo; }
    ClockDisplay* clock() const { return m_clock; }
    QLabel* stepLabel() const { return m_stepLabel; }

    void addToMenu(QMenu* menu) const;
    void addToToolBar(QToolBar* bar) const;

    /// Adds the presenter clicker's Page Up / Page Down to Step back / Step.
    void setPresenterKeys(bool on);
    void retranslate();

    /// "0.25x" ... "8x".
    static QString speedText(double speed);

private:
    void refreshEnabled();
    void refreshPlayState();
    void refreshStepLabel();
    void refreshSpeed();
    void refreshGranularity();
    QAction* makeAction(const char* objectName, QWidget* window);
    void describe(QAction* action, const QString& text, const QString& tip);

    Player* m_player;
    bool m_presenterKeys = false;
    QAction* m_reset;
    QAction* m_stepBack;
    QAction* m_playPause;
    QAction* m_step;
    QAction* m_runToEnd;
    QAction* m_faster;
    QAction* m_slower;
    QActionGroup* m_granularityGroup;
    QAction* m_byEvent;
    QAction* m_byLine;
    QAction* m_bySwitch;
    QComboBox* m_speedCombo;
    QComboBox* m_granularityCombo;
    ClockDisplay* m_clock;
    QLabel* m_stepLabel;
};

} // namespace coroscope
