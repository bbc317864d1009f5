// WhatIfChart: both runs on one time scale, rows lined up per task, the
// stretches that differ outlined, the moved end marked; the cursor steps
// from change to change.

#include "app/gui/whatif/WhatIfChart.h"
#include "app/gui/whatif/WhatIfRunner.h"
#include "lessons/loader/LessonLibrary.h"

#include <QSignalSpy>
#include <QTest>

using namespace coroscope;

namespace {

constexpr Nanos kSecond = 1'000'000'000;

} // namespace

class tst_WhatIfChart : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_library.loadBundled();
        const lessons::Lesson* lesson = m_library.find(QStringLiteral("async-await"));
        QVERIFY(lesson);
        WhatIfRunner runner;
        runner.start(lesson->runSpec(0), *lesson->runSpec(*lesson->whatIf(QStringLiteral("blocking-sleep"))));
        QVERIFY(runner.waitForFinished(60000));
        m_result = runner.result();
    }

    void bothBlocksShareOneTimeScaleAndLineUpTheirRows()
    {
        WhatIfChart chart;
        chart.setResult(m_result, QStringLiteral("original"), QStringLiteral("blocking"));
        const WhatIfChart::Layout l = chart.layoutFor(QSizeF(1000, 500));
        QCOMPARE(l.horizon, m_result->diff.variantEnd());
        QCOMPARE(l.blocks[0].rows.size(), l.blocks[1].rows.size());
        QVERIFY(!l.blocks[0].rows.empty());
        for (std::size_t r = 0; r < l.blocks[0].rows.size(); ++r) {
            QCOMPARE(l.blocks[0].rows[r].lane, l.blocks[1].rows[r].lane);
            QCOMPARE(l.blocks[0].rows[r].text, l.blocks[1].rows[r].text);
            QVERIFY(l.blocks[0].rows[r].rect.bottom() <= l.blocks[1].header.top());
        }
        // The original ends half way along the variant's scale.
        const qreal mid = l.plotLeft + (l.plotRight - l.plotLeft) / 2;
        QVERIFY(qAbs(l.blocks[0].endX - mid) < 1.0);
        QVERIFY(qAbs(l.blocks[1].endX - l.plotRight) < 1.0);
        QVERIFY(qAbs(l.blocks[1].otherEndX - mid) < 1.0);
        QVERIFY(l.blocks[1].deltaText.contains(QStringLiteral("later")));
        QVERIFY(l.blocks[0].otherEndX < 0);
    }

    void everyRowThatDiffersOutlinesItsChangesInBothBlocks()
    {
        WhatIfChart chart;
        chart.setResult(m_result, QStringLiteral("original"), QStringLiteral("blocking"));
        const WhatIfChart::Layout l = chart.layoutFor(QSizeF(1000, 500));
        int differing = 0;
        for (std::size_t r = 0; r < l.blocks[0].rows.size(); ++r) {
            const WhatIfChart::Row& top = l.blocks[0].rows[r];
            const WhatIfChart::Row& bottom = l.blocks[1].rows[r];
            const LaneDiff& lane = m_result->diff.lanes()[top.lane];
            QCOMPARE(top.changes.size(), lane.changes.size());
            QCOMPARE(bottom.changes.size(), lane.changes.size());
            if (!lane.changes.empty()) {
                ++differing;
                QVERIFY(top.differs);
                QCOMPARE(top.changes.front().left(), bottom.changes.front().left());
            }
        }
        QVERIFY(differing >= 3);
        // Something blocks in the what-if and nothing does in the original.
        auto hasBlocked = [](const WhatIfChart::Block& b) {
            for (const WhatIfChart::Row& row : b.rows)
                for (const WhatIfChart::Bar& bar : row.bars)
                    if (bar.activity == Activity::Blocked)
                        return true;
            return false;
        };
        QVERIFY(!hasBlocked(l.blocks[0]));
        QVERIFY(hasBlocked(l.blocks[1]));
    }

    void theCursorStepsFromChangeToChange()
    {
        WhatIfChart chart;
        chart.setResult(m_result, QStringLiteral("original"), QStringLiteral("blocking"));
        QCOMPARE(chart.cursor(), Nanos(-1));
        QSignalSpy moved(&chart, &WhatIfChart::cursorChanged);
        QString log;
        while (chart.stepCursor(true))
            log += QString::number(double(chart.cursor()) / kSecond) + QLatin1Char(' ');
        QCOMPARE(log.trimmed(), QStringLiteral("0 2 4"));
        QVERIFY(chart.stepCursor(false));
        QCOMPARE(chart.cursor(), 2 * kSecond);
        QCOMPARE(moved.size(), 4);
        chart.setCursor(99 * kSecond);
        QCOMPARE(chart.cursor(), 4 * kSecond);
    }

    void aShortChartLeavesUnchangedLanesOutFirst()
    {
        // A queue of size 1 changes when the producer waits, not what the loop does.
        const lessons::Lesson* lesson = m_library.find(QStringLiteral("queue"));
        QVERIFY(lesson);
        WhatIfRunner runner;
        runner.start(lesson->runSpec(0), *lesson->runSpec(*lesson->whatIf(QStringLiteral("tiny-queue"))));
        QVERIFY(runner.waitForFinished(60000));
        WhatIfChart chart;
        chart.setResult(runner.result(), QStringLiteral("original"), QStringLiteral("tiny"));
        const WhatIfChart::Layout roomy = chart.layoutFor(QSizeF(1000, 2000));
        QCOMPARE(roomy.hiddenLanes, 0);
        int changed = 0;
        for (const WhatIfChart::Row& row : roomy.blocks[0].rows)
            changed += row.differs ? 1 : 0;
        QVERIFY(changed > 0);
        QVERIFY(changed < int(roomy.blocks[0].rows.size()));

        // Room for exactly the rows that differ.
        const qreal u = chart.viewStyle().unit();
        const qreal height = (1.35 + 2 * 1.45 + 1.35) * u + u + 2 * changed * 1.15 * u + 2;
        const WhatIfChart::Layout tight = chart.layoutFor(QSizeF(1000, height));
        QCOMPARE(int(tight.blocks[0].rows.size()), changed);
        QCOMPARE(tight.hiddenLanes, int(roomy.blocks[0].rows.size()) - changed);
        for (const WhatIfChart::Row& row : tight.blocks[0].rows)
            QVERIFY(row.differs);
    }

    void withoutAResultTheChartIsEmpty()
    {
        WhatIfChart chart;
        chart.setResult(m_result, QStringLiteral("a"), QStringLiteral("b"));
        chart.setResult(nullptr, QString(), QString());
        QVERIFY(chart.layoutFor(QSizeF(800, 400)).blocks[0].rows.empty());
        QVERIFY(!chart.stepCursor(true));
    }

private:
    lessons::LessonLibrary m_library;
    std::shared_ptr<const WhatIfResult> m_result;
};

QTEST_MAIN(tst_WhatIfChart)
#include "tst_whatifchart.moc"
