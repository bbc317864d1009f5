#pragma once
// WhatIfController: student mode's what-if comparisons (issue 6) in the main
// window. It keeps the toggles (WhatIfToggles, shown in the lesson pane) on
// the lesson program that is open; turning one on records the original
// program and the what-if's variant (edited text, merged world, uvloop) in
// the background with a WhatIfRunner and shows the comparison in a dock of
// its own; turning it off, opening another program or closing the dock
// abandons the runs and clears the comparison. The window's own run and
// playhead are never touched.

#include "app/gui/whatif/WhatIfResult.h"
#include "lessons/loader/LocalizedText.h"

#include <QObject>

class QDockWidget;
class QMainWindow;

namespace coroscope::lessons {
struct Lesson;
struct WhatIf;
}

namespace coroscope {

class Player;
class PlayheadModel;
class RunSession;
class ThemeManager;
class WhatIfComparison;
class WhatIfRunner;
class WhatIfToggles;

class WhatIfController : public QObject {
    Q_OBJECT
public:
    /// Adds the comparison dock to `window` (hidden until a what-if is on)
    /// and follows `theme` (may be null: the light theme) for its colours.
    WhatIfController(QMainWindow* window, ThemeManager* theme);
    ~WhatIfController() override;

    WhatIfToggles* toggles() const { return m_toggles; }
    WhatIfComparison* comparison() const { return m_comparison; }
    QDockWidget* dock() const { return m_dock; }
    WhatIfRunner* runner() const { return m_runner; }

    /// The lesson program on screen (null: a file or a scratch). Turns any what-if off.
    /// The lesson must stay alive while it is shown.
    void setProgram(const lessons::Lesson* lesson, int program);
    void setLanguage(lessons::Language language);
    /// Links the comparison with the window's run. While the window plays
    /// the original program (its source is the original's), the window's
    /// playhead shows on the original's timeline, and moving the
    /// comparison's cursor moves the window's playhead to that moment.
    void followRun(Player* player, PlayheadModel* playhead, RunSession* session);
    /// The window plays the run the comparison calls "original".
    bool playsOriginal() const;
    /// Turns a what-if of the current program on (empty: off), as its toggle does.
    void setActive(const QString& id);
    QString active() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onActiveChanged(const QString& id);
    void onFinished();
    void showDock();
    /// Names both runs in the comparison: by their programs' titles when the
    /// what-if compares with another program, else "original" and its label.
    void nameRuns(const lessons::WhatIf& whatIf);
    void applyStyle();
    void showPlayhead();
    void seekTo(Nanos time);
    void retranslate();
    const lessons::WhatIf* activeWhatIf() const;

    QMainWindow* m_window;
    ThemeManager* m_theme;
    WhatIfToggles* m_toggles;
    WhatIfComparison* m_comparison;
    QDockWidget* m_dock;
    WhatIfRunner* m_runner;
    const lessons::Lesson* m_lesson = nullptr;
    int m_program = -1;
    bool m_placed = false; ///< the dock was put in its first place
    Player* m_player = nullptr;
    PlayheadModel* m_playhead = nullptr;
    RunSession* m_session = nullptr;
    lessons::Language m_language = lessons::Language::English;
};

} // namespace coroscope
