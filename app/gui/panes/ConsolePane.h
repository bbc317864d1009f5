#pragma once
// ConsolePane: the program's output, each piece coloured by the task that
// printed it; stderr in the theme's error ink, italic, on a red-tinted ground.
// The pane keeps the pieces, so it can recolour them for a new theme and cut
// them back when the playhead steps back. Only the last kMaxShown pieces are
// drawn (one line on top counts the others), so a program that prints
// without end costs the same to show as one that prints a page.

#include "app/gui/theme/TaskColors.h"
#include "app/gui/theme/ThemeColors.h"
#include "core/trace/Event.h"

#include <QPlainTextEdit>
#include <QVector>

namespace coroscope {

class ConsolePane : public QPlainTextEdit {
    Q_OBJECT
public:
    /// Pieces of output drawn at most.
    static constexpr int kMaxShown = 2000;

    /// One piece of output as the program wrote it.
    struct Chunk {
        TaskId task = 0;
        Stream stream = Stream::Stdout;
        QString text;
    };

    explicit ConsolePane(QWidget* parent = nullptr);

    void setColors(const ThemeColors& theme, const TaskColors& tasks);

    void appendOutput(TaskId task, const QString& text, Stream stream = Stream::Stdout);
    /// Appends many pieces at once; costs no more than drawing kMaxShown of them.
    void appendOutputs(const QVector<Chunk>& chunks);
    /// Keeps the first `count` chunks and removes the rest.
    void truncate(int count);
    void clearOutput();
    /// Every piece kept, drawn or not.
    int chunkCount() const { return int(m_chunks.size()); }
    const Chunk& chunk(int i) const { return m_chunks[i]; }
    /// The first piece drawn; the ones before it are only counted.
    int firstShownChunk() const { return m_first; }
    /// The character format a chunk is drawn with.
    QTextCharFormat formatFor(TaskId task, Stream stream) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void insertChunk(QTextCursor& cursor, const Chunk& c);
    /// Draws the last kMaxShown pieces afresh.
    void rebuild();
    QString hiddenText() const;

    ThemeColors m_theme;
    TaskColors m_tasks;
    QVector<Chunk> m_chunks;
    int m_first = 0;     ///< chunks [m_first, size) are drawn
    int m_headerEnd = 0; ///< document position after the "not shown" line (0: none)
    QVector<int> m_ends; ///< document position after each drawn chunk (index - m_first)
};

} // namespace coroscope
