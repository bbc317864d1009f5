#include "app/gui/panes/ConsolePane.h"

#include "app/gui/theme/ThemeManager.h"

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
    Chunk c{task, stream, text};
    insertChunk(c);
    m_chunks.append(std::move(c));
}

void ConsolePane::insertChunk(const Chunk& c)
{
    QScrollBar* bar = verticalScrollBar();
    const bool following = bar->value() >= bar->maximum() - 2;
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(c.text, formatFor(c.task, c.stream));
    m_ends.append(cursor.position());
    if (following)
        bar->setValue(bar->maximum());
}

void ConsolePane::truncate(int count)
{
    count = std::clamp(count, 0, int(m_chunks.size()));
    if (count == m_chunks.size())
        return;
    QTextCursor cursor(document());
    cursor.setPosition(count == 0 ? 0 : m_ends[count - 1]);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    m_chunks.resize(count);
    m_ends.resize(count);
}

void ConsolePane::clearOutput()
{
    m_chunks.clear();
    m_ends.clear();
    clear();
}

void ConsolePane::rebuild()
{
    const QVector<Chunk> chunks = m_chunks;
    m_ends.clear();
    clear();
    for (const Chunk& c : chunks)
        insertChunk(c);
}

void ConsolePane::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        setPlaceholderText(tr("Program output appears here, coloured by the task that printed it."));
}

} // namespace coroscope
