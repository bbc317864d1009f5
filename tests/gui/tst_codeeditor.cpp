// CodeEditor: debounced edits, task lines in task colours, the executing
// line, syntax errors with their message, and the gutter.

#include "app/gui/editor/CodeEditor.h"
#include "app/gui/editor/LineGutter.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

using namespace coroscope;

namespace {

QString program(int lines)
{
    QStringList out;
    for (int i = 1; i <= lines; ++i)
        out << QStringLiteral("print(%1)").arg(i);
    return out.join(QLatin1Char('\n'));
}

/// The extra selections as "line:colour" (full-width) or "line:col-col~" (underline).
QString selections(const CodeEditor& e)
{
    QStringList out;
    for (const QTextEdit::ExtraSelection& s : e.extraSelections()) {
        const int line = s.cursor.block().blockNumber() + 1;
        if (s.format.underlineStyle() == QTextCharFormat::WaveUnderline) {
            const int start = s.cursor.selectionStart() - s.cursor.block().position() + 1;
            const int end = s.cursor.selectionEnd() - s.cursor.block().position();
            out << QStringLiteral("%1:%2-%3~").arg(line).arg(start).arg(end);
        } else {
            out << QStringLiteral("%1:%2").arg(line).arg(s.format.background().color().name());
        }
    }
    return out.join(QLatin1Char(' '));
}

} // namespace

class tst_CodeEditor : public QObject {
    Q_OBJECT
private slots:
    void severalQuickEditsEmitOneSignalOnceTypingPauses()
    {
        CodeEditor e;
        e.setCode(QStringLiteral("x = 1"));
        e.show();
        QSignalSpy spy(&e, &CodeEditor::codeEdited);
        e.moveCursor(QTextCursor::End);
        QTest::keyClicks(&e, QStringLiteral("23"));
        QTest::keyClick(&e, Qt::Key_Backspace);
        QTest::keyClicks(&e, QStringLiteral("4"));
        QVERIFY(e.isEditPending());
        QCOMPARE(spy.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 3000);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("x = 124"));
        QTest::qWait(e.debounceInterval() + 100);
        QCOMPARE(spy.count(), 1);
    }

    void theDefaultPauseIsFourHundredMilliseconds()
    {
        CodeEditor e;
        QCOMPARE(e.debounceInterval(), 400);
    }

    void loadingCodeIsNotAnEdit()
    {
        CodeEditor e;
        QSignalSpy spy(&e, &CodeEditor::codeEdited);
        e.setCode(QStringLiteral("a = 1"));
        QVERIFY(!e.isEditPending());
        e.flushPendingEdit();
        QCOMPARE(spy.count(), 0);
    }

    void flushingReportsAPendingEditAtOnce()
    {
        CodeEditor e;
        e.setDebounceInterval(60'000);
        QSignalSpy spy(&e, &CodeEditor::codeEdited);
        e.insertPlainText(QStringLiteral("y = 2"));
        QVERIFY(e.isEditPending());
        e.flushPendingEdit();
        QCOMPARE(spy.count(), 1);
        QVERIFY(!e.isEditPending());
    }

    void anEditUndoneBeforeThePauseIsNotReported()
    {
        CodeEditor e;
        e.setCode(QStringLiteral("z"));
        QSignalSpy spy(&e, &CodeEditor::codeEdited);
        e.moveCursor(QTextCursor::End);
        e.insertPlainText(QStringLiteral("!"));
        e.undo();
        e.flushPendingEdit();
        QCOMPARE(spy.count(), 0);
    }

    void eachTaskLineIsTintedInItsTasksColour()
    {
        CodeEditor e;
        e.setCode(program(6));
        const TaskColors& colors = e.taskColors();
        e.setTaskLines({{1, 2}, {3, 5}});
        QCOMPARE(selections(e), QStringLiteral("2:%1 5:%2").arg(colors.tint(1).name(), colors.tint(3).name()));
        e.setTaskLines({});
        QCOMPARE(selections(e), QString());
    }

    void theExecutingLineIsEmphasisedOverItsTaskTint()
    {
        CodeEditor e;
        e.setCode(program(6));
        e.setTaskLines({{1, 2}, {2, 4}});
        e.setExecutingLine(2, 4);
        const QStringList parts = selections(e).split(QLatin1Char(' '));
        QCOMPARE(parts.size(), 2);
        QVERIFY(parts[0].startsWith(QLatin1String("2:")));
        QVERIFY(parts[1].startsWith(QLatin1String("4:")));
        // Stronger than the quiet tint the task would otherwise get.
        const QColor strong(parts[1].mid(2));
        const QColor ground = e.colors().base;
        QVERIFY(TaskColors::contrastRatio(strong, ground) > TaskColors::contrastRatio(e.taskColors().tint(2), ground));
        QCOMPARE(e.executingLine(), (CodeEditor::TaskLine{2, 4}));
        e.setExecutingLine(0, 0);
        QCOMPARE(e.executingLine(), CodeEditor::TaskLine{});
    }

    void theExecutingLineIsScrolledIntoView()
    {
        CodeEditor e;
        e.resize(400, 200);
        e.setCode(program(300));
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        e.setExecutingLine(1, 250);
        bool visible = false;
        for (const CodeEditor::VisibleLine& v : e.visibleLines())
            visible = visible || (v.line == 250 && v.top >= 0 && v.top + v.height <= e.viewport()->height());
        QVERIFY(visible);
        QCOMPARE(e.textCursor().blockNumber(), 0); // the user's cursor did not move
    }

    void aSyntaxErrorUnderlinesTheTokenAndExplainsItself()
    {
        CodeEditor e;
        e.setCode(QStringLiteral("x = 1\nprint(x +* 2)\n"));
        e.setSyntaxError(2, 10, QStringLiteral("invalid syntax"));
        QCOMPARE(selections(e), QStringLiteral("2:10-10~")); // the "*"
        QVERIFY(e.hasSyntaxError());
        QVERIFY(e.toolTipForLine(2).contains(QLatin1String("invalid syntax")));
        QCOMPARE(e.toolTipForLine(1), QString());
        e.clearSyntaxError();
        QCOMPARE(selections(e), QString());
        QCOMPARE(e.toolTipForLine(2), QString());
    }

    void anErrorPastTheEndOfTheLineUnderlinesItsLastCharacter()
    {
        CodeEditor e;
        e.setCode(QStringLiteral("foo(1,"));
        e.setSyntaxError(1, 40, QStringLiteral("'(' was never closed"));
        QCOMPARE(selections(e), QStringLiteral("1:6-6~"));
    }

    void theGutterMarksTheErrorLineInTheErrorColour()
    {
        CodeEditor e;
        e.resize(400, 200);
        e.setCode(QStringLiteral("a\nb\nc"));
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        auto countColour = [&](const QColor& c) {
            const QImage img = e.gutter()->grab().toImage();
            int n = 0;
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < e.gutter()->markerWidth() * img.devicePixelRatio(); ++x)
                    n += QColor(img.pixel(x, y)) == c;
            return n;
        };
        QCOMPARE(countColour(e.colors().error), 0);
        e.setSyntaxError(2, 1, QStringLiteral("boom"));
        QVERIFY(countColour(e.colors().error) > 10);
        e.clearSyntaxError();
        e.setExecutingLine(4, 3);
        QVERIFY(countColour(e.taskColors().fill(4)) > 10);
    }

    void theGutterWidensWithTheNumberOfDigits()
    {
        CodeEditor e;
        e.setCode(program(9));
        const int small = e.gutter()->preferredWidth();
        e.setCode(program(99));
        QCOMPARE(e.gutter()->preferredWidth(), small); // three digits are always reserved
        e.setCode(program(12'000));
        QVERIFY(e.gutter()->preferredWidth() > small);
    }

    void theEditorUsesAFixedPitchFontThatCoversChinese()
    {
        CodeEditor e;
        QVERIFY(e.font().families().contains(QStringLiteral("Noto Sans Mono CJK SC")));
        // Columns line up: narrow and wide Latin letters share one advance,
        // and an ideograph takes exactly two columns.
        const QFontMetricsF fm(e.font());
        QCOMPARE(fm.horizontalAdvance(QLatin1Char('i')), fm.horizontalAdvance(QLatin1Char('M')));
        QCOMPARE(fm.horizontalAdvance(QString(QChar(0x4E0B))), 2 * fm.horizontalAdvance(QLatin1Char('M')));
    }
};

QTEST_MAIN(tst_CodeEditor)
#include "tst_codeeditor.moc"
