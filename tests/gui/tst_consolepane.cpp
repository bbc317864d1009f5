// ConsolePane and ConsoleFeed: output coloured by task, stderr distinct, and
// the console following the playhead forwards and backwards.

#include "app/gui/panes/ConsoleFeed.h"
#include "app/gui/panes/ConsolePane.h"
#include "app/gui/player/Player.h"
#include "trace/TraceBuilder.h"

#include <QTest>
#include <QTextBlock>

using namespace coroscope;
using coroscope::testing::TraceBuilder;

namespace {

/// The console's text runs as "text|colour[|italic]" pieces.
QString runs(const ConsolePane& c)
{
    QStringList out;
    for (QTextBlock b = c.document()->firstBlock(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            QString piece = f.text() + QLatin1Char('|') + f.charFormat().foreground().color().name();
            if (f.charFormat().fontItalic())
                piece += QStringLiteral("|italic");
            out << piece;
        }
    }
    return out.join(QLatin1Char(' '));
}

} // namespace

class tst_ConsolePane : public QObject {
    Q_OBJECT
private slots:
    void stdoutIsColouredByTheTaskThatPrinted()
    {
        ConsolePane c;
        c.appendOutput(1, QStringLiteral("one"));
        c.appendOutput(2, QStringLiteral("two"));
        const TaskColors tasks(ThemeColors::forTheme(ThemeKind::Light));
        QCOMPARE(runs(c), QStringLiteral("one|%1 two|%2").arg(tasks.ink(1).name(), tasks.ink(2).name()));
    }

    void theLoopPrintsInPlainInk()
    {
        ConsolePane c;
        c.appendOutput(0, QStringLiteral("loop"));
        QCOMPARE(runs(c), QStringLiteral("loop|%1").arg(ThemeColors::forTheme(ThemeKind::Light).text.name()));
    }

    void stderrIsItalicInTheErrorInkOnATintedGround()
    {
        ConsolePane c;
        c.appendOutput(1, QStringLiteral("Traceback"), Stream::Stderr);
        const ThemeColors light = ThemeColors::forTheme(ThemeKind::Light);
        QCOMPARE(runs(c), QStringLiteral("Traceback|%1|italic").arg(light.stderrInk.name()));
        QCOMPARE(c.formatFor(1, Stream::Stderr).background().color(), light.stderrBack);
        QVERIFY(c.formatFor(1, Stream::Stderr) != c.formatFor(1, Stream::Stdout));
    }

    void truncatingCutsBackToAChunkBoundary()
    {
        ConsolePane c;
        c.appendOutput(1, QStringLiteral("a\n"));
        c.appendOutput(2, QStringLiteral("b"));
        c.appendOutput(1, QStringLiteral("c\n"));
        c.truncate(2);
        QCOMPARE(c.toPlainText(), QStringLiteral("a\nb"));
        QCOMPARE(c.chunkCount(), 2);
        c.truncate(0);
        QCOMPARE(c.toPlainText(), QString());
        c.appendOutput(3, QStringLiteral("again"));
        QCOMPARE(c.toPlainText(), QStringLiteral("again"));
    }

    void aFloodOfOutputDrawsOnlyTheLastPieces()
    {
        ConsolePane c;
        QVector<ConsolePane::Chunk> flood;
        for (int i = 0; i < 5000; ++i)
            flood.append({1, Stream::Stdout, QStringLiteral("%1\n").arg(i)});
        c.appendOutputs(flood);
        QCOMPARE(c.chunkCount(), 5000);
        QCOMPARE(c.firstShownChunk(), 5000 - ConsolePane::kMaxShown);
        const QStringList lines = c.toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), ConsolePane::kMaxShown + 1);
        QVERIFY2(lines.constFirst().contains(QStringLiteral("earlier pieces of output are not shown")),
                 qPrintable(lines.constFirst()));
        QCOMPARE(lines[1], QString::number(5000 - ConsolePane::kMaxShown));
        QCOMPARE(lines.constLast(), QStringLiteral("4999"));
        // Stepping back within what is drawn cuts the text...
        c.truncate(4500);
        QVERIFY(c.toPlainText().endsWith(QStringLiteral("4499\n")));
        QCOMPARE(c.firstShownChunk(), 5000 - ConsolePane::kMaxShown);
        // ...and below it draws the pieces that were only counted.
        c.truncate(3);
        QCOMPARE(c.firstShownChunk(), 0);
        QCOMPARE(c.toPlainText(), QStringLiteral("0\n1\n2\n"));
        c.appendOutput(2, QStringLiteral("more\n"));
        QCOMPARE(c.toPlainText(), QStringLiteral("0\n1\n2\nmore\n"));
        QCOMPARE(c.chunk(3).task, TaskId(2));
    }

    void aNewThemeRecoloursWhatIsAlreadyThere()
    {
        ConsolePane c;
        c.appendOutput(1, QStringLiteral("x"));
        const ThemeColors dark = ThemeColors::forTheme(ThemeKind::Dark);
        const TaskColors tasks(dark);
        c.setColors(dark, tasks);
        QCOMPARE(runs(c), QStringLiteral("x|%1").arg(tasks.ink(1).name()));
        QCOMPARE(c.toPlainText(), QStringLiteral("x"));
    }

    void chineseOutputUsesAMonospacedFontWithACjkFallback()
    {
        ConsolePane c;
        c.appendOutput(1, QStringLiteral("\u4E0B\u8F7D\u5B8C\u6210"));
        QVERIFY(c.font().families().contains(QStringLiteral("Noto Sans Mono CJK SC")));
        // Columns line up: narrow and wide Latin letters share one advance,
        // and an ideograph takes exactly two columns.
        const QFontMetricsF fm(c.font());
        QCOMPARE(fm.horizontalAdvance(QLatin1Char('i')), fm.horizontalAdvance(QLatin1Char('M')));
        QCOMPARE(fm.horizontalAdvance(QString(QChar(0x4E0B))), 2 * fm.horizontalAdvance(QLatin1Char('M')));
        QCOMPARE(c.toPlainText(), QStringLiteral("\u4E0B\u8F7D\u5B8C\u6210"));
    }

    void theFeedShowsExactlyTheOutputBeforeThePlayhead()
    {
        TraceBuilder b;
        b.output(1, "start\n").line(1, 2).output(2, "fetch\n").output(2, "oops\n", Stream::Stderr).line(2, 3)
            .output(1, "\u7ED3\u675F\n").end();
        Player player;
        ConsolePane console;
        ConsoleFeed feed(&player, &console);
        player.setTrace(b.trace());
        QCOMPARE(console.toPlainText(), QString());
        player.seek(1);
        QCOMPARE(console.toPlainText(), QStringLiteral("start\n"));
        player.runToEnd();
        QCOMPARE(console.toPlainText(), QStringLiteral("start\nfetch\noops\n\u7ED3\u675F\n"));
        QVERIFY(console.chunk(2).stream == Stream::Stderr);
        QCOMPARE(console.chunk(2).task, 2u);
        player.seek(3);
        QCOMPARE(console.toPlainText(), QStringLiteral("start\nfetch\n"));
        player.seek(4);
        QCOMPARE(console.toPlainText(), QStringLiteral("start\nfetch\noops\n"));
        player.reset();
        QCOMPARE(console.chunkCount(), 0);
    }

    void theFeedStartsOverWhenANewRunIsLoaded()
    {
        TraceBuilder first;
        first.output(1, "old\n").end();
        TraceBuilder second;
        second.output(1, "new\n").end();
        Player player;
        ConsolePane console;
        ConsoleFeed feed(&player, &console);
        player.setTrace(first.trace());
        player.runToEnd();
        player.setTrace(second.trace());
        QCOMPARE(console.toPlainText(), QString());
        player.runToEnd();
        QCOMPARE(console.toPlainText(), QStringLiteral("new\n"));
    }
};

QTEST_MAIN(tst_ConsolePane)
#include "tst_consolepane.moc"
