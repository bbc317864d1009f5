// WhatIfThroughput: one bar per run, as long as its steps per second, with
// the wall time, the rate and the events recorded beside it.

#include "app/gui/whatif/WhatIfThroughput.h"

#include <QTest>

using namespace coroscope;

namespace {

RunResult run(qint64 wallMs, std::uint64_t steps, std::size_t events)
{
    RunResult result;
    result.wallMs = wallMs;
    result.steps = steps;
    result.events = events;
    return result;
}

} // namespace

class tst_WhatIfThroughput : public QObject {
    Q_OBJECT
private slots:
    void eachRunGetsARowWithItsFigures()
    {
        WhatIfThroughput bars;
        bars.resize(800, bars.sizeHint().height());
        bars.setRuns(QStringLiteral("asyncio"), run(200, 1'000'000, 5000), QStringLiteral("uvloop"), run(50, 1'000'000, 40));
        QCOMPARE(bars.rows().size(), 2);
        QCOMPARE(bars.rows()[0].label, QStringLiteral("asyncio"));
        QCOMPARE(bars.rows()[1].label, QStringLiteral("uvloop"));
        QCOMPARE(bars.rows()[0].stepsPerSecond(), 5e6);
        QCOMPARE(bars.rows()[1].stepsPerSecond(), 2e7);
        // Without a translator the plural reads "event(s)".
        QCOMPARE(bars.figures(0), QStringLiteral("200 ms \u00B7 5 M steps/s \u00B7 5000 event(s)"));
        QCOMPARE(bars.figures(1), QStringLiteral("50 ms \u00B7 20 M steps/s \u00B7 40 event(s)"));
    }

    void theBarsAreAsLongAsTheRatesAndTheFasterRunFillsTheRoom()
    {
        WhatIfThroughput bars;
        bars.resize(800, bars.sizeHint().height());
        bars.setRuns(QStringLiteral("a"), run(200, 1'000'000, 5000), QStringLiteral("b"), run(50, 1'000'000, 40));
        const QRectF slow = bars.barRect(0);
        const QRectF fast = bars.barRect(1);
        QVERIFY(fast.width() > 100);
        QCOMPARE(qRound(fast.width() / slow.width()), 4);
        QCOMPARE(slow.left(), fast.left());
        QVERIFY2(fast.bottom() <= slow.top() + fast.height() + bars.height(), "the second row is below the first");
        QVERIFY(fast.top() > slow.top());
        // The figures still fit to the right of the longest bar.
        QVERIFY(fast.right() + bars.fontMetrics().horizontalAdvance(bars.figures(1)) < bars.width());
    }

    void aRunFasterThanAMillisecondCountsAsOne()
    {
        WhatIfThroughput::Row row{QStringLiteral("x"), 0, 1234, 1};
        QCOMPARE(row.stepsPerSecond(), 1'234'000.0);
    }

    void ratesReadInThreeSignificantDigits_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<QString>("text");
        QTest::newRow("units") << 850.0 << QStringLiteral("850");
        QTest::newRow("thousands") << 12'345.0 << QStringLiteral("12.3 k");
        QTest::newRow("millions") << 4'560'000.0 << QStringLiteral("4.56 M");
        QTest::newRow("billions") << 2e9 << QStringLiteral("2 G");
    }

    void ratesReadInThreeSignificantDigits()
    {
        QFETCH(double, rate);
        QFETCH(QString, text);
        QCOMPARE(WhatIfThroughput::rate(rate), text);
    }

    void clearingLeavesNothingToDraw()
    {
        WhatIfThroughput bars;
        bars.setRuns(QStringLiteral("a"), run(1, 1, 1), QStringLiteral("b"), run(1, 1, 1));
        bars.clear();
        QVERIFY(bars.rows().isEmpty());
    }
};

QTEST_MAIN(tst_WhatIfThroughput)
#include "tst_whatifthroughput.moc"
