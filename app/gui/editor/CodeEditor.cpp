#include "app/gui/editor/CodeEditor.h"

#include "app/gui/editor/LineGutter.h"
#include "app/gui/editor/PythonHighlighter.h"
#include "app/gui/theme/ThemeManager.h"

#include <QHelpEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>

#include <algorithm>

namespace coroscope {

CodeEditor::CodeEditor(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_theme(ThemeColors::forTheme(ThemeKind::Light))
    , m_tasks(m_theme)
{
    setObjectName(QStringLiteral("codeEditor"));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setPlaceholderText(tr("Type Python here, or open a lesson."));
    m_highlighter = new PythonHighlighter(document(), m_theme.syntax);
    m_gutter = new LineGutter(this);
    applyFont();

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &CodeEditor::emitEdit);
    connect(document(), &QTextDocument::contentsChange, this, &CodeEditor::onContentsChange);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateGutterGeometry);
    connect(this, &QPlainTextEdit::cursorPositionChanged, m_gutter, qOverload<>(&QWidget::update));
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& rect, int dy) {
        if (dy)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    updateGutterGeometry();
}

CodeEditor::~CodeEditor() = default;

void CodeEditor::applyFont()
{
    // Only the family is ours; the size keeps following the application
    // font, so the presenter's type scale reaches the editor too.
    setFont(ThemeManager::monospaceFont());
    setTabStopDistance(QFontMetricsF(font()).horizontalAdvance(QLatin1Char(' ')) * 4);
}

void CodeEditor::setColors(const ThemeColors& theme, const TaskColors& tasks)
{
    m_theme = theme;
    m_tasks = tasks;
    m_highlighter->setColors(theme.syntax);
    refreshSelections();
    m_gutter->update();
}

void CodeEditor::setCode(const QString& code)
{
    m_debounce.stop();
    m_loading = true;
    setPlainText(code);
    m_loading = false;
    m_lastEmitted = code;
}

void CodeEditor::onContentsChange(int, int removed, int added)
{
    if (m_loading || (removed == 0 && added == 0))
        return;
    m_debounce.start();
}

void CodeEditor::flushPendingEdit()
{
    if (m_debounce.isActive()) {
        m_debounce.stop();
        emitEdit();
    }
}

void CodeEditor::emitEdit()
{
    const QString text = toPlainText();
    if (text == m_lastEmitted)
        return;
    m_lastEmitted = text;
    emit codeEdited(text);
}

void CodeEditor::setTaskLines(const QList<TaskLine>& lines)
{
    if (lines == m_taskLines)
        return;
    m_taskLines = lines;
    refreshSelections();
    m_gutter->update();
}

void CodeEditor::setExecutingLine(TaskId task, int line)
{
    const TaskLine next = (task == 0 || line <= 0) ? TaskLine{} : TaskLine{task, line};
    if (next == m_executing)
        return;
    m_executing = next;
    refreshSelections();
    m_gutter->update();
    viewport()->update();
    if (next.line > 0)
        revealLine(next.line);
}

void CodeEditor::setSyntaxError(int line, int column, const QString& message)
{
    m_errorLine = std::max(1, line);
    m_errorColumn = std::max(1, column);
    m_errorMessage = message;
    refreshSelections();
    m_gutter->update();
}

void CodeEditor::clearSyntaxError()
{
    if (m_errorLine == 0)
        return;
    m_errorLine = 0;
    m_errorColumn = 0;
    m_errorMessage.clear();
    refreshSelections();
    m_gutter->update();
}

void CodeEditor::refreshSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    auto lineSelection = [&](int line, const QColor& background) {
        const QTextBlock block = document()->findBlockByNumber(line - 1);
        if (!block.isValid())
            return;
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(block);
        s.format.setBackground(background);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(s);
    };
    for (const TaskLine& t : m_taskLines) {
        if (t.line != m_executing.line)
            lineSelection(t.line, m_tasks.tint(t.task));
    }
    if (m_executing.line > 0) {
        QColor strong = m_tasks.fill(m_executing.task);
        const QColor ground = m_theme.base;
        const float a = m_theme.kind == ThemeKind::Light ? 0.30f : 0.38f;
        strong = QColor::fromRgbF(strong.redF() * a + ground.redF() * (1 - a),
                                  strong.greenF() * a + ground.greenF() * (1 - a),
                                  strong.blueF() * a + ground.blueF() * (1 - a));
        lineSelection(m_executing.line, strong);
    }
    if (m_errorLine > 0) {
        const QTextBlock block = document()->findBlockByNumber(m_errorLine - 1);
        if (block.isValid()) {
            // Underline the token at the column; an error past the end of
            // the line (an unclosed bracket) underlines the last character.
            const QString text = block.text();
            const int length = int(text.size());
            const int start = std::clamp(m_errorColumn - 1, 0, std::max(0, length - 1));
            int end = start;
            while (end < length && !text[end].isSpace())
                ++end;
            end = std::min(length, std::max(end, start + 1));
            QTextEdit::ExtraSelection s;
            s.cursor = QTextCursor(block);
            s.cursor.setPosition(block.position() + start);
            s.cursor.setPosition(block.position() + end, QTextCursor::KeepAnchor);
            s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            s.format.setUnderlineColor(m_theme.error);
            s.format.setToolTip(m_errorMessage);
            selections.append(s);
        }
    }
    setExtraSelections(selections);
}

QString CodeEditor::toolTipForLine(int line) const
{
    QStringList parts;
    if (line > 0 && line == m_errorLine)
        parts << tr("Syntax error: %1").arg(m_errorMessage);
    for (const TaskLine& t : m_taskLines) {
        if (t.line == line)
            parts << tr("Task %1 is here").arg(t.task);
    }
    if (m_executing.line == line && line > 0)
        parts << tr("Task %1 is executing this line now").arg(m_executing.task);
    parts.removeDuplicates();
    return parts.join(QLatin1Char('\n'));
}

int CodeEditor::lineAtY(int y) const
{
    for (const VisibleLine& v : visibleLines()) {
        if (y >= v.top && y < v.top + v.height)
            return v.line;
    }
    return 0;
}

QList<CodeEditor::VisibleLine> CodeEditor::visibleLines() const
{
    QList<VisibleLine> out;
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int bottomLimit = viewport()->height();
    while (block.isValid() && top <= bottomLimit) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible())
            out.append({block.blockNumber() + 1, top, height});
        top += height;
        block = block.next();
    }
    return out;
}

void CodeEditor::revealLine(int line)
{
    const QList<VisibleLine> visible = visibleLines();
    const int viewportHeight = viewport()->height();
    for (const VisibleLine& v : visible) {
        if (v.line == line && v.top >= 0 && v.top + v.height <= viewportHeight)
            return;
    }
    // QPlainTextEdit scrolls by blocks: put the line a third of the way down.
    const int lineHeight = std::max(1, fontMetrics().lineSpacing());
    const int rows = viewportHeight / lineHeight;
    verticalScrollBar()->setValue(std::max(0, line - 1 - rows / 3));
}

void CodeEditor::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    updateGutterGeometry();
}

void CodeEditor::updateGutterGeometry()
{
    const int width = m_gutter->preferredWidth();
    setViewportMargins(width, 0, 0, 0);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), width, cr.height()));
}

void CodeEditor::paintEvent(QPaintEvent* event)
{
    QPlainTextEdit::paintEvent(event);
    if (m_executing.line <= 0)
        return;
    // The executing line gets a frame in its task's colour on top of the tint,
    // so it stands out even on a projector that washes tints away.
    for (const VisibleLine& v : visibleLines()) {
        if (v.line != m_executing.line)
            continue;
        QPainter p(viewport());
        const QColor c = m_tasks.fill(m_executing.task);
        p.fillRect(QRect(0, v.top, 4, v.height), c);
        p.setPen(QPen(c, 1));
        p.drawRect(QRect(0, v.top, viewport()->width() - 1, v.height - 1));
        break;
    }
}

bool CodeEditor::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString tip = toolTipForLine(lineAtY(help->pos().y()));
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void CodeEditor::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        setTabStopDistance(QFontMetricsF(font()).horizontalAdvance(QLatin1Char(' ')) * 4);
        updateGutterGeometry();
    } else if (event->type() == QEvent::LanguageChange) {
        setPlaceholderText(tr("Type Python here, or open a lesson."));
    }
}

} // namespace coroscope
