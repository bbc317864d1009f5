#include "app/gui/panes/ConsolePane.h"

#include "app/gui/theme/ThemeManager.h"

#include <QLocale>
#include <QScrollBar>
#include <QTextBlock>

#include <algorithm>

namespace coroscope {

ConsolePane::ConsolePane(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_theme(ThemeColors::forTheme(ThemeKind::Light))
    , m_tasks(m_theme)
{
    setObjectName(QStringLiteral("consolePane"));
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setFont(ThemeManager::monospaceFont());
    setPlaceholderText(tr("Program output appears here, coloured by the task that printed it."));
}

void ConsolePane::setColors(const ThemeColors& theme, const TaskColors& tasks)
{
    m_theme = theme;
    m_tasks = tasks;
    rebuild();
}

QTextCharFormat ConsolePane::formatFor(TaskId task, Stream stream) const
{
    QTextCharFormat f;
    if (stream == Stream::Stderr) {
        f.setForeground(m_theme.stderrInk);
        f.setBackground(m_theme.stderrBack);
        f.setFontItalic(true);
    } else {
        // The loop itself (task 0) prints in plain ink: it is nobody's colour.
        f.setForeground(task == 0 ? m_theme.text : m_tasks.ink(task));
    }
    return f;
}

void ConsolePane::appendOutput(TaskId task, const QString& text, Stream stream)
{
    appendOutputs({Chunk{task, stream, text}});
}

void ConsolePane::appendOutputs(const QVector<Chunk>& chunks)
{
    if (chunks.isEmpty())
        return;
    const int drawn = int(m_chunks.size()) - m_first;
    m_chunks.append(chunks);
    // Past twice the window, drawing the last window afresh is cheaper than
    // drawing everything and it keeps the document small.
    if (drawn + int(chunks.size()) > 2 * kMaxShown) {
        rebuild();
        return;
    }
    QScrollBar* bar = verticalScrollBar();
    const bool following = bar->value() >= bar->maximum() - 2;
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    for (const Chunk& c : chunks)
        insertChunk(cursor, c);
    cursor.endEditBlock();
    if (following)
        bar->setValue(bar->maximum());
}

void ConsolePane::insertChunk(QTextCursor& cursor, const Chunk& c)
{
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(c.text, formatFor(c.task, c.stream));
    m_ends.append(cursor.position());
}

void ConsolePane::truncate(int count)
{
    count = std::clamp(count, 0, int(m_chunks.size()));
    if (count == m_chunks.size())
        return;
    if (count < m_first) {
        // The cut is among the pieces that are only counted: draw the new tail.
        m_chunks.resize(count);
        rebuild();
        return;
    }
    QTextCursor cursor(document());
    cursor.setPosition(count == m_first ? m_headerEnd : m_ends[count - m_first - 1]);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    m_chunks.resize(count);
    m_ends.resize(count - m_first);
}

void ConsolePane::clearOutput()
{
    m_chunks.clear();
    m_ends.clear();
    m_first = 0;
    m_headerEnd = 0;
    clear();
}

QString ConsolePane::hiddenText() const
{
    return tr("\u2026 %1 earlier pieces of output are not shown \u2026").arg(QLocale().toString(m_first));
}

void ConsolePane::rebuild()
{
    m_first = std::max(0, int(m_chunks.size()) - kMaxShown);
    m_ends.clear();
    m_headerEnd = 0;
    clear();
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    if (m_first > 0) {
        QTextCharFormat muted;
        muted.setForeground(m_theme.mutedText);
        muted.setFontItalic(true);
        cursor.insertText(hiddenText() + QLatin1Char('\n'), muted);
        m_headerEnd = cursor.position();
    }
    for (int i = m_first; i < m_chunks.size(); ++i)
        insertChunk(cursor, m_chunks[i]);
    cursor.endEditBlock();
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void ConsolePane::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        setPlaceholderText(tr("Program output appears here, coloured by the task that printed it."));
        if (m_first > 0)
            rebuild();
    }
}

} // namespace coroscope
