#pragma once
// CodeEditor: the Code pane. A plain-text Python editor with highlighting and
// a gutter, plus what the player draws on it: each task's current line in
// that task's colour, the line executing now, and a syntax error underlined
// with its message. Edits are reported once the typing pauses.

#include "app/gui/theme/TaskColors.h"
#include "app/gui/theme/ThemeColors.h"
#include "core/trace/Event.h"

#include <QList>
#include <QPlainTextEdit>
#include <QTimer>

namespace coroscope {

class LineGutter;
class PythonHighlighter;

class CodeEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    static constexpr int kDefaultDebounceMs = 400;

    /// Where one task stands in the source.
    struct TaskLine {
        TaskId task = 0;
        int line = 0; ///< 1-based
        bool operator==(const TaskLine&) const = default;
    };
    /// One visible line, for the gutter: block number and its rectangle's
    /// top and height in viewport coordinates.
    struct VisibleLine {
        int line = 0; ///< 1-based
        int top = 0;
        int height = 0;
    };

    explicit CodeEditor(QWidget* parent = nullptr);
    ~CodeEditor() override;

    void setColors(const ThemeColors& theme, const TaskColors& tasks);
    const ThemeColors& colors() const { return m_theme; }
    const TaskColors& taskColors() const { return m_tasks; }
    PythonHighlighter* highlighter() const { return m_highlighter; }
    LineGutter* gutter() const { return m_gutter; }

    QString code() const { return toPlainText(); }
    /// Replaces the text as a load, not an edit: codeEdited is not emitted
    /// and undo history starts afresh.
    void setCode(const QString& code);

    void setDebounceInterval(int ms) { m_debounce.setInterval(ms); }
    int debounceInterval() const { return m_debounce.interval(); }
    bool isEditPending() const { return m_debounce.isActive(); }
    /// Emits a pending edit now (before saving on quit, for instance).
    void flushPendingEdit();

    /// Each task's current line; replaces the previous set.
    void setTaskLines(const QList<TaskLine>& lines);
    QList<TaskLine> taskLines() const { return m_taskLines; }
    /// The line being executed now, emphasised; task 0 or line 0 clears it.
    /// Scrolls the line into view.
    void setExecutingLine(TaskId task, int line);
    TaskLine executingLine() const { return m_executing; }

    /// Underlines from `column` (1-based) to the end of the token and marks
    /// the gutter; the message shows as a tooltip over either.
    void setSyntaxError(int line, int column, const QString& message);
    void clearSyntaxError();
    bool hasSyntaxError() const { return m_errorLine > 0; }
    int syntaxErrorLine() const { return m_errorLine; }
    QString syntaxErrorMessage() const { return m_errorMessage; }

    /// What the tooltip says at a line (error message, tasks there), or empty.
    QString toolTipForLine(int line) const;
    /// The 1-based line under a viewport y coordinate, 0 if none.
    int lineAtY(int y) const;
    QList<VisibleLine> visibleLines() const;
    /// Makes `line` visible without moving the text cursor.
    void revealLine(int line);

signals:
    /// The user changed the code; emitted once typing has paused for
    /// debounceInterval() ms.
    void codeEdited(const QString& code);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void onContentsChange(int position, int removed, int added);
    void emitEdit();
    void refreshSelections();
    void updateGutterGeometry();
    void applyFont();

    PythonHighlighter* m_highlighter = nullptr;
    LineGutter* m_gutter = nullptr;
    ThemeColors m_theme;
    TaskColors m_tasks;
    QTimer m_debounce;
    QString m_lastEmitted;        ///< the code as last reported (or loaded)
    bool m_loading = false;       ///< inside setCode: changes are not edits
    QList<TaskLine> m_taskLines;
    TaskLine m_executing;
    int m_errorLine = 0;          ///< 1-based; 0 = no error
    int m_errorColumn = 0;        ///< 1-based
    QString m_errorMessage;
};

} // namespace coroscope
