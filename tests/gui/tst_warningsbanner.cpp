// WarningsBanner: the run's warnings and its end as one strip over the code,
// each entry linking to the step where it happened.

#include "app/gui/panes/WarningsBanner.h"
#include "core/trace/Model.h"
#include "core/trace/Trace.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace coroscope;

namespace {

void warn(Trace& trace, WarningKind kind, std::string_view message)
{
    trace.append({.kind = EventKind::Warning, .a = std::uint8_t(kind), .subject = 1,
                  .v = trace.intern(message).packed()});
}

void filler(Trace& trace, int n)
{
    for (int i = 0; i < n; ++i)
        trace.append({.kind = EventKind::Line, .subject = 1, .x = std::uint32_t(i + 1)});
}

QList<WarningsBanner::Item> collect(const Trace& trace, const RunResult* result = nullptr)
{
    return WarningsBanner::collect(Model::fold(trace, trace.size()), trace, result);
}

} // namespace

class tst_WarningsBanner : public QObject {
    Q_OBJECT
private slots:
    void eachWarningOfTheRunLinksToItsStep()
    {
        Trace trace;
        filler(trace, 3);
        warn(trace, WarningKind::NeverAwaited, "coroutine 'work' was never awaited");
        filler(trace, 2);
        warn(trace, WarningKind::BlockingCall, "time.sleep() blocks the event loop\nfor 1.000 s");
        const QList<WarningsBanner::Item> items = collect(trace);
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0].text, QStringLiteral("Never awaited: coroutine 'work' was never awaited"));
        QCOMPARE(items[0].position, 4);
        QCOMPARE(items[1].text, QStringLiteral("Blocking call in a coroutine: time.sleep() blocks the event loop"));
        QCOMPARE(items[1].position, 7);

        WarningsBanner banner;
        QSignalSpy seek(&banner, &WarningsBanner::seekRequested);
        banner.setItems(items);
        QVERIFY(!banner.isHidden());
        QVERIFY(banner.html().contains(QStringLiteral("href=\"seek:4\"")));
        banner.activateLink(QStringLiteral("seek:7"));
        QCOMPARE(seek.size(), 1);
        QCOMPARE(seek[0][0].toLongLong(), 7);
    }

    void identicalWarningsFoldIntoOneWithACount()
    {
        Trace trace;
        for (int i = 0; i < 3; ++i)
            warn(trace, WarningKind::ExceptionNeverRetrieved, "Task exception was never retrieved");
        const QList<WarningsBanner::Item> items = collect(trace);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].count, 3);
        QCOMPARE(items[0].position, 1);
        WarningsBanner banner;
        banner.setItems(items);
        QVERIFY(banner.html().contains(QStringLiteral("(\u00D73)")));
    }

    void aRunStoppedByItsBudgetEndsWithTheLimitEntry()
    {
        Trace trace;
        filler(trace, 10);
        trace.append({.kind = EventKind::RunEnd, .a = std::uint8_t(RunStatus::Limit)});
        RunResult result;
        result.outcome = RunOutcome::Limit;
        result.exitCode = 3;
        result.maxSteps = 1000;
        result.events = trace.size();
        const QList<WarningsBanner::Item> items = collect(trace, &result);
        QCOMPARE(items.size(), 1);
        QVERIFY2(items[0].text.startsWith(
                     QStringLiteral("Limit reached: the run was stopped after %1 steps").arg(QLocale().toString(1000))),
                 qPrintable(items[0].text));
        QCOMPARE(int(items[0].severity), int(WarningsBanner::Item::Severity::Error));
        QCOMPARE(items[0].position, qint64(trace.size()));
    }

    void aLimitWarningOfTheRuntimeIsNotRepeated()
    {
        Trace trace;
        warn(trace, WarningKind::LimitReached, "the event budget was spent");
        RunResult result;
        result.outcome = RunOutcome::Limit;
        QCOMPARE(collect(trace, &result).size(), 1);
    }

    void anUncaughtExceptionLinksToWhereItWasRaised()
    {
        Trace trace;
        filler(trace, 4);
        trace.append({.kind = EventKind::Exception, .subject = 1, .v = trace.intern("ZeroDivisionError").packed()});
        filler(trace, 2);
        RunResult result;
        result.outcome = RunOutcome::Exception;
        result.exitCode = 1;
        result.stderrText = QStringLiteral("Traceback (most recent call last):\n  File \"main.py\", line 1\n"
                                           "ZeroDivisionError: division by zero\n\n");
        const QList<WarningsBanner::Item> items = collect(trace, &result);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].text, QStringLiteral("Uncaught exception: ZeroDivisionError: division by zero"));
        QCOMPARE(items[0].position, 5);
    }

    void aSyntaxErrorLinksToItsLine()
    {
        Trace trace;
        RunResult result;
        result.outcome = RunOutcome::SyntaxError;
        result.syntaxLine = 3;
        result.syntaxMessage = QStringLiteral("SyntaxError: expected ':'");
        const QList<WarningsBanner::Item> items = collect(trace, &result);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].text, QStringLiteral("SyntaxError: expected ':' (line 3)"));
        QCOMPARE(items[0].position, -1);
        WarningsBanner banner;
        QSignalSpy line(&banner, &WarningsBanner::lineRequested);
        banner.setItems(items);
        QVERIFY(banner.html().contains(QStringLiteral("href=\"line:3\"")));
        banner.activateLink(QStringLiteral("line:3"));
        QCOMPARE(line.size(), 1);
        QCOMPARE(line[0][0].toInt(), 3);
    }

    void aCleanRunHidesTheBanner()
    {
        Trace trace;
        filler(trace, 3);
        RunResult result;
        QVERIFY(collect(trace, &result).isEmpty());
        WarningsBanner banner;
        banner.setItems({WarningsBanner::Item{WarningsBanner::Item::Severity::Warning, QStringLiteral("x"), 1}});
        QVERIFY(!banner.isHidden());
        banner.setItems({});
        QVERIFY(banner.isHidden());
    }

    void aClosedBannerComesBackOnlyForOtherWarnings()
    {
        WarningsBanner banner;
        const QList<WarningsBanner::Item> first{{WarningsBanner::Item::Severity::Warning, QStringLiteral("a"), 1}};
        banner.setItems(first);
        QTest::mouseClick(banner.findChild<QWidget*>(QStringLiteral("warningsClose")), Qt::LeftButton);
        QVERIFY(banner.isHidden());
        banner.setItems(first); // the same run again
        QVERIFY(banner.isHidden());
        banner.setItems({{WarningsBanner::Item::Severity::Warning, QStringLiteral("b"), 2}});
        QVERIFY(!banner.isHidden());
    }

    void onlyTheFirstFewEntriesAreListed()
    {
        QList<WarningsBanner::Item> items;
        for (int i = 0; i < WarningsBanner::kMaxShown + 2; ++i)
            items.append({WarningsBanner::Item::Severity::Warning, QStringLiteral("w%1").arg(i), i + 1});
        WarningsBanner banner;
        banner.setItems(items);
        QVERIFY(banner.html().contains(QStringLiteral("w3")));
        QVERIFY(!banner.html().contains(QStringLiteral("w4")));
        QVERIFY(banner.html().contains(QStringLiteral("and 2 more")));
    }
};

QTEST_MAIN(tst_WarningsBanner)
#include "tst_warningsbanner.moc"
