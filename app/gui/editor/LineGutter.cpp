#include "app/gui/editor/LineGutter.h"

#include "app/gui/editor/CodeEditor.h"

#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextBlock>
#include <QToolTip>

#include <algorithm>

namespace coroscope {

LineGutter::LineGutter(CodeEditor* editor)
    : QWidget(editor)
    , m_editor(editor)
{
    setObjectName(QStringLiteral("lineGutter"));
    setMouseTracking(true);
}

int LineGutter::markerWidth() const
{
    return m_editor->fontMetrics().height() + 4;
}

int LineGutter::preferredWidth() const
{
    int digits = 1;
    for (int max = std::max(1, m_editor->blockCount()); max >= 10; max /= 10)
        ++digits;
    digits = std::max(digits, 3);
    const QFontMetrics fm = m_editor->fontMetrics();
    return markerWidth() + fm.horizontalAdvance(QLatin1Char('9')) * digits + fm.horizontalAdvance(QLatin1Char(' '));
}

void LineGutter::paintEvent(QPaintEvent* event)
{
    const ThemeColors& theme = m_editor->colors();
    const TaskColors& tasks = m_editor->taskColors();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(event->rect(), theme.gutter);
    p.setPen(theme.border);
    p.drawLine(width() - 1, event->rect().top(), width() - 1, event->rect().bottom());
    p.setFont(m_editor->font());

    const int marker = markerWidth();
    const int currentLine = m_editor->textCursor().blockNumber() + 1;
    const CodeEditor::TaskLine executing = m_editor->executingLine();
    const QList<CodeEditor::TaskLine> taskLines = m_editor->taskLines();

    for (const CodeEditor::VisibleLine& v : m_editor->visibleLines()) {
        if (v.top > event->rect().bottom() || v.top + v.height < event->rect().top())
            continue;
        const QRect numberRect(marker, v.top, width() - marker - 4, v.height);
        p.setPen(v.line == currentLine || v.line == executing.line ? theme.text : theme.mutedText);
        p.drawText(numberRect, Qt::AlignRight | Qt::AlignVCenter, QString::number(v.line));

        const QRectF box(2, v.top + (v.height - (marker - 4)) / 2.0, marker - 4, marker - 4);
        if (v.line == m_editor->syntaxErrorLine()) {
            p.setPen(Qt::NoPen);
            p.setBrush(theme.error);
            p.drawEllipse(box.adjusted(1, 1, -1, -1));
            p.setPen(QPen(Qt::white, std::max(1.5, box.width() / 8)));
            const double cx = box.center().x();
            p.drawLine(QPointF(cx, box.top() + box.height() * 0.25), QPointF(cx, box.top() + box.height() * 0.58));
            p.drawPoint(QPointF(cx, box.top() + box.height() * 0.76));
            continue;
        }
        if (v.line == executing.line) {
            QPainterPath arrow;
            arrow.moveTo(box.left() + box.width() * 0.2, box.top() + box.height() * 0.15);
            arrow.lineTo(box.right() - box.width() * 0.1, box.center().y());
            arrow.lineTo(box.left() + box.width() * 0.2, box.bottom() - box.height() * 0.15);
            arrow.closeSubpath();
            p.setPen(Qt::NoPen);
            p.setBrush(tasks.fill(executing.task));
            p.drawPath(arrow);
            continue;
        }
        // Tasks parked on this line: overlapping dots, newest on top.
        QList<TaskId> here;
        for (const CodeEditor::TaskLine& t : taskLines) {
            if (t.line == v.line)
                here.append(t.task);
        }
        const double d = box.height() * 0.55;
        const double step = here.size() > 1 ? std::min(d * 0.7, (box.width() - d) / (here.size() - 1)) : 0;
        for (int i = 0; i < here.size(); ++i) {
            const QRectF dot(box.left() + i * step, box.center().y() - d / 2, d, d);
            p.setPen(QPen(theme.gutter, 1.5));
            p.setBrush(tasks.fill(here[i]));
            p.drawEllipse(dot);
        }
    }
}

bool LineGutter::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString tip = m_editor->toolTipForLine(m_editor->lineAtY(help->pos().y()));
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace coroscope
