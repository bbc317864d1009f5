// WhatIfComparison: both runs labelled, the differences in words, both
// outputs side by side with the lines that differ highlighted.

#include "app/gui/whatif/WhatIfComparison.h"
#include "app/gui/whatif/WhatIfChart.h"
#include "app/gui/whatif/WhatIfRunner.h"
#include "app/gui/whatif/WhatIfThroughput.h"
#include "app/gui/views/ViewText.h"
#include "lessons/loader/LessonLibrary.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QTest>

using namespace coroscope;

namespace {

std::shared_ptr<const WhatIfResult> compare(const lessons::Lesson& lesson, const QString& whatIfId)
{
    WhatIfRunner runner;
    const lessons::WhatIf* variant = lesson.whatIf(whatIfId);
    if (!variant)
        return nullptr;
    runner.start(lesson.runSpec(variant->program), *lesson.runSpec(*variant));
    return runner.waitForFinished(60000) ? runner.result() : nullptr;
}

} // namespace

class tst_WhatIfComparison : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_library.loadBundled();
        const lessons::Lesson* lesson = m_library.find(QStringLiteral("async-await"));
        QVERIFY(lesson);
        m_blocking = compare(*lesson, QStringLiteral("blocking-sleep"));
        QVERIFY(m_blocking);
        WhatIfRunner same;
        same.start(lesson->runSpec(0), lesson->runSpec(0));
        QVERIFY(same.waitForFinished(60000));
        m_same = same.result();
    }

    void theComparisonShowsBothLabels()
    {
        WhatIfComparison comparison;
        comparison.resize(1400, 420);
        const QString label = QStringLiteral("Swap asyncio.sleep for time.sleep");
        comparison.showResult(m_blocking, label, QStringLiteral("time.sleep hogs the thread"));
        QCOMPARE(int(comparison.state()), int(WhatIfComparison::State::Ready));
        QCOMPARE(comparison.originalLabel(), QStringLiteral("original"));
        QCOMPARE(comparison.variantLabel(), label);
        QVERIFY(comparison.outputHeader(false)->text().startsWith(QStringLiteral("original \u00B7 exit 0")));
        QVERIFY(comparison.outputHeader(true)->text().startsWith(label + QStringLiteral(" \u00B7 exit 0")));
        QVERIFY(comparison.findChild<QLabel*>(QStringLiteral("whatIfTitle"))->text().contains(label));
        QVERIFY(comparison.findChild<QLabel*>(QStringLiteral("whatIfExplanation"))->text().contains(QStringLiteral("hogs")));
        const WhatIfChart::Layout layout = comparison.chart()->layoutFor(QSizeF(900, 360));
        QCOMPARE(layout.blocks[0].title, QStringLiteral("original"));
        QCOMPARE(layout.blocks[1].title, label);
    }

    void theSummarySaysHowTheEndMovedAndWhatChanged()
    {
        const WhatIfDiff& diff = m_blocking->diff;
        const QStringList findings = WhatIfComparison::describe(*m_blocking);
        const QString end = QStringLiteral("The run ends at %1 instead of %2 (%3 later).")
                                .arg(ViewText::time(diff.variantEnd()), ViewText::time(diff.originalEnd()),
                                     ViewText::duration(diff.endDelta()));
        QCOMPARE(findings.constFirst(), end);
        QCOMPARE(diff.originalEnd(), Nanos(2'000'000'000));
        QCOMPARE(diff.variantEnd(), Nanos(4'000'000'000));
        // Without a translator loaded the plural reads "line(s)"; the English catalogue says "lines".
        QVERIFY2(findings.filter(QStringLiteral("Output: 2 line")).size() == 1, qPrintable(findings.join(QLatin1Char('\n'))));
        bool blocked = false;
        for (const QString& f : findings)
            blocked = blocked || f.contains(QStringLiteral("suspended \u2192 blocked"));
        QVERIFY2(blocked, qPrintable(findings.join(QLatin1Char('\n'))));
    }

    void theLinesThatDifferAreHighlightedOnBothSides()
    {
        WhatIfComparison comparison;
        comparison.showResult(m_blocking, QStringLiteral("what-if"), QString());
        // Both runs warn about the implicit loop first (stderr, two lines), at the same line.
        const QString warning = QStringLiteral("main.py:18: DeprecationWarning: There is no current event loop: "
                                               "asyncio.get_event_loop() outside a coroutine is deprecated since "
                                               "Python 3.10; use asyncio.run(main()) instead\n"
                                               "  asyncio.ensure_future( func1() ),\n");
        QCOMPARE(comparison.outputView(false)->toPlainText(), warning + QStringLiteral("1\n3\n2\n4"));
        QCOMPARE(comparison.outputView(true)->toPlainText(), warning + QStringLiteral("1\n2\n3\n4"));
        // "=1 -3 =2 +3 =4": the original's 3 and the what-if's 3 moved.
        QCOMPARE(comparison.highlightedLines(false), QList<int>{3});
        QCOMPARE(comparison.highlightedLines(true), QList<int>{4});
        // One mark for the moved line, one per stderr line (coloured as in the console).
        QCOMPARE(comparison.outputView(false)->extraSelections().size(), 3);
        QCOMPARE(comparison.outputView(true)->extraSelections().size(), 3);
    }

    void identicalRunsSayThereIsNoDifference()
    {
        QVERIFY(m_same->diff.isEmpty());
        const QStringList findings = WhatIfComparison::describe(*m_same);
        QCOMPARE(findings.constFirst(), QStringLiteral("No difference: the same timeline and the same output."));
        WhatIfComparison comparison;
        comparison.showResult(m_same, QStringLiteral("same"), QString());
        QVERIFY(comparison.highlightedLines(false).isEmpty());
        QVERIFY(comparison.highlightedLines(true).isEmpty());
    }

    void clearingEmptiesEveryPart()
    {
        WhatIfComparison comparison;
        comparison.showResult(m_blocking, QStringLiteral("what-if"), QStringLiteral("why"));
        comparison.clear();
        QCOMPARE(int(comparison.state()), int(WhatIfComparison::State::Empty));
        QVERIFY(comparison.findings().isEmpty());
        QVERIFY(comparison.outputView(false)->toPlainText().isEmpty());
        QVERIFY(comparison.outputView(true)->toPlainText().isEmpty());
        QVERIFY(!comparison.chart()->result());
        QVERIFY(comparison.outputHeader(true)->text().isEmpty());
    }

    void whileRecordingOnlyTheLabelAndAWordAreShown()
    {
        WhatIfComparison comparison;
        comparison.showRunning(QStringLiteral("what-if"), QStringLiteral("why"));
        QCOMPARE(int(comparison.state()), int(WhatIfComparison::State::Running));
        QVERIFY(comparison.findChild<QLabel*>(QStringLiteral("whatIfSummary"))->text().contains(QStringLiteral("Recording")));
        QVERIFY(!comparison.chart()->result());
    }

    void theAiohttpComparisonEndsAtSixSecondsAgainstThree()
    {
        const lessons::Lesson* lesson = m_library.find(QStringLiteral("why-coroutines"));
        QVERIFY(lesson);
        const lessons::WhatIf* whatIf = lesson->whatIf(QStringLiteral("compare-aiohttp"));
        QVERIFY(whatIf);
        QCOMPARE(whatIf->compareProgram, 1);
        const std::shared_ptr<const WhatIfResult> result = compare(*lesson, QStringLiteral("compare-aiohttp"));
        QVERIFY(result);
        QCOMPARE(int(result->originalRun.outcome), int(RunOutcome::Ok));
        QCOMPARE(int(result->variantRun.outcome), int(RunOutcome::Ok));
        // Taken from the runs: requests waits 1 + 2 + 3 s in turn, aiohttp overlaps them.
        QCOMPARE(result->diff.originalEnd(), Nanos(6'000'000'000));
        QCOMPARE(result->diff.variantEnd(), Nanos(3'000'000'000));
        QCOMPARE(WhatIfComparison::describe(*result).constFirst(),
                 QStringLiteral("The run ends at %1 instead of %2 (%3 earlier).")
                     .arg(ViewText::time(Nanos(3'000'000'000)), ViewText::time(Nanos(6'000'000'000)),
                          ViewText::duration(Nanos(-3'000'000'000))));

        WhatIfComparison comparison;
        comparison.resize(1400, 420);
        comparison.setRunNames(lesson->programs[0].title.en, lesson->programs[1].title.en);
        comparison.showResult(result, whatIf->label.en, whatIf->explain.en);
        QCOMPARE(comparison.originalLabel(), QStringLiteral("Synchronous: requests"));
        QCOMPARE(comparison.variantLabel(), QStringLiteral("Asynchronous: aiohttp"));
        QVERIFY(comparison.findChild<QLabel*>(QStringLiteral("whatIfTitle"))->text().contains(whatIf->label.en));
        QVERIFY(comparison.outputHeader(false)->text().endsWith(ViewText::time(Nanos(6'000'000'000))));
        QVERIFY(comparison.outputHeader(true)->text().startsWith(QStringLiteral("Asynchronous: aiohttp \u00B7 exit 0")));
        const WhatIfChart::Layout layout = comparison.chart()->layoutFor(QSizeF(900, 360));
        QCOMPARE(layout.blocks[0].title, QStringLiteral("Synchronous: requests"));
        QCOMPARE(layout.blocks[1].title, QStringLiteral("Asynchronous: aiohttp"));
        // Cleared names fall back to "original" and the what-if's label.
        comparison.setRunNames(QString(), QString());
        QCOMPARE(comparison.originalLabel(), QStringLiteral("original"));
        QCOMPARE(comparison.variantLabel(), whatIf->label.en);
    }

    void theLegacyAndTheModernFormEndTogether()
    {
        const lessons::Lesson* lesson = m_library.find(QStringLiteral("asyncio-coroutine"));
        QVERIFY(lesson);
        const std::shared_ptr<const WhatIfResult> result = compare(*lesson, QStringLiteral("compare-modern"));
        QVERIFY(result);
        QCOMPARE(result->diff.originalEnd(), Nanos(2'000'000'000));
        QCOMPARE(result->diff.variantEnd(), Nanos(2'000'000'000));
        QStringList legacy;
        QStringList modern;
        for (const DigestLine& line : result->original.output()) {
            if (line.stream == Stream::Stdout)
                legacy << line.text;
        }
        for (const DigestLine& line : result->variant.output())
            modern << line.text;
        QCOMPARE(legacy.join(QLatin1Char(' ')), QStringLiteral("1 3 2 4"));
        QCOMPARE(modern.join(QLatin1Char(' ')), QStringLiteral("1 3 2 4"));
    }

    void theThroughputBarsShowBothRunsFigures()
    {
        WhatIfComparison comparison;
        comparison.resize(1400, 420);
        comparison.showResult(m_blocking, QStringLiteral("what-if"), QString());
        const WhatIfThroughput* bars = comparison.throughput();
        QVERIFY(!bars->isHidden());
        QCOMPARE(bars->rows().size(), 2);
        QVERIFY(m_blocking->originalRun.steps > 0);
        QVERIFY(m_blocking->variantRun.steps > 0);
        const RunResult* runs[2] = {&m_blocking->originalRun, &m_blocking->variantRun};
        const QString labels[2] = {QStringLiteral("original"), QStringLiteral("what-if")};
        for (int i = 0; i < 2; ++i) {
            const WhatIfThroughput::Row& row = bars->rows()[i];
            QCOMPARE(row.label, labels[i]);
            QCOMPARE(row.wallMs, runs[i]->wallMs);
            QCOMPARE(row.steps, runs[i]->steps);
            QCOMPARE(row.events, runs[i]->events);
            QVERIFY2(bars->figures(i).startsWith(QStringLiteral("%1 ms \u00B7 %2 steps/s \u00B7 %3 event")
                                                     .arg(runs[i]->wallMs)
                                                     .arg(WhatIfThroughput::rate(row.stepsPerSecond()))
                                                     .arg(runs[i]->events)),
                     qPrintable(bars->figures(i)));
        }
        comparison.clear();
        QVERIFY(bars->rows().isEmpty());
        QVERIFY(bars->isHidden());
    }

private:
    lessons::LessonLibrary m_library;
    std::shared_ptr<const WhatIfResult> m_blocking;
    std::shared_ptr<const WhatIfResult> m_same;
};

QTEST_MAIN(tst_WhatIfComparison)
#include "tst_whatifcomparison.moc"
