#pragma once
// ConsolePane: the program's output, each piece coloured by the task that
// printed it; stderr in the theme's error ink, italic, on a red-tinted ground.
// The pane keeps the pieces, so it can recolour them for a new theme and cut
// them back when the playhead steps back.

#include "app/gui/theme/TaskColors.h"
#include "app/gui/theme/ThemeColors.h"
#include "core/trace/Event.h"

#include <QPlainTextEdit>
#include <QVector>

namespace coroscope {

class ConsolePane : public QPlainTextEdit {
    Q_OBJECT
public:
    /// One piece of output as the program wrote it.
    struct Chunk {
        TaskId task = 0;
        Stream stream = Stream::Stdout;
        QString text;
    };

    explicit ConsolePane(QWidget* parent = nullptr);

    void setColors(const ThemeColors& theme, const TaskColors& tasks);

    void appendOutput(TaskId task, const QString& text, Stream stream = Stream::Stdout);
    /// Keeps the first `count` chunks and removes the rest.
    void truncate(int count);
    void clearOutput();
    int chunkCount() const { return int(m_chunks.size()); }
    const Chunk& chunk(int i) const { return m_chunks[i]; }
    /// The character format a chunk is drawn with.
    QTextCharFormat formatFor(TaskId task, Stream stream) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void insertChunk(const Chunk& c);
    void rebuild();

    ThemeColors m_theme;
    TaskColors m_tasks;
    QVector<Chunk> m_chunks;
    QVector<int> m_ends; ///< document position after each chunk
};

} // namespace coroscope
