// CheckpointAnswer: the answer to "what prints next?", "which task runs
// next?" and "what is in the ready queue?" comes from the recorded run.
#include "lessons/loader/CheckpointAnswer.h"

#include "LessonTraces.h"

#include <QTest>

using namespace coroscope;
using namespace coroscope::lessons;

namespace {

Checkpoint after(CheckpointKind kind, AnchorEvent event, int nth = 1, const char* task = "")
{
    Checkpoint checkpoint;
    checkpoint.kind = kind;
    checkpoint.anchor.kind = AnchorKind::Event;
    checkpoint.anchor.event = event;
    checkpoint.anchor.nth = nth;
    checkpoint.anchor.task = QString::fromUtf8(task);
    return checkpoint;
}

} // namespace

class tst_CheckpointAnswer : public QObject {
    Q_OBJECT

private slots:
    void whatPrintsNextIsTheNextLineOfTheRun()
    {
        Trace trace;
        testing::recordGreenletRun(trace);
        const CheckpointAnswer answer =
            CheckpointAnswer::fromRun(trace, after(CheckpointKind::NextOutput, AnchorEvent::Output, 1));
        QVERIFY(answer.resolved);
        QCOMPARE(answer.pause, std::size_t(8));
        QCOMPARE(answer.answer, QStringLiteral("3"));
        // "3" is written in two pieces; the answer is shown once the line is complete.
        QCOMPARE(answer.reveal, std::size_t(13));
        QCOMPARE(answer.items, QStringList{QStringLiteral("3")});
        QCOMPARE(answer.choices, (QStringList{QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("2"),
                                              QStringLiteral("4")}));
        QVERIFY(!answer.nothing);
    }

    void afterTheLastLineNothingIsPrinted()
    {
        Trace trace;
        testing::recordGreenletRun(trace);
        const CheckpointAnswer answer =
            CheckpointAnswer::fromRun(trace, after(CheckpointKind::NextOutput, AnchorEvent::Output, 4));
        QVERIFY(answer.resolved);
        QVERIFY(answer.nothing);
        QVERIFY(answer.answer.isNull());
        QCOMPARE(answer.reveal, trace.size());
    }

    void whichTaskRunsNextIsTheNextSwitchIntoATask()
    {
        Trace trace;
        testing::recordGreenletRun(trace);
        const CheckpointAnswer answer =
            CheckpointAnswer::fromRun(trace, after(CheckpointKind::NextTask, AnchorEvent::Output, 2));
        QCOMPARE(answer.answer, QStringLiteral("gr1"));
        QCOMPARE(answer.reveal, std::size_t(15));
        QCOMPARE(answer.choices, (QStringList{QStringLiteral("main"), QStringLiteral("gr1"), QStringLiteral("gr2")}));
    }

    void theLoopTakingOverIsNotTheNextTask()
    {
        Trace trace;
        testing::recordAsyncioRun(trace);
        // Task-1 suspends at event 11; control goes to the loop, then into Task-2.
        const CheckpointAnswer answer =
            CheckpointAnswer::fromRun(trace, after(CheckpointKind::NextTask, AnchorEvent::TaskWaiting, 1));
        QCOMPARE(answer.answer, QStringLiteral("Task-2"));
        QCOMPARE(answer.reveal, std::size_t(14));
    }

    void theReadyQueueIsReadFromTheRunFrontFirst()
    {
        Trace trace;
        testing::recordAsyncioRun(trace);
        const CheckpointAnswer answer =
            CheckpointAnswer::fromRun(trace, after(CheckpointKind::ReadyQueue, AnchorEvent::Await, 1, "Task-1"));
        QVERIFY(answer.resolved);
        QCOMPARE(answer.pause, std::size_t(12));
        QCOMPARE(answer.reveal, answer.pause);
        QCOMPARE(answer.items, (QStringList{QStringLiteral("Task-2"), QStringLiteral("Task-3")}));
        QCOMPARE(answer.answer, QStringLiteral("Task-2, Task-3"));
        QVERIFY(answer.choices.contains(QStringLiteral("Task-1")));
    }

    void anEmptyReadyQueueHasAnEmptyAnswer()
    {
        Trace trace;
        testing::recordAsyncioRun(trace);
        const CheckpointAnswer answer =
            CheckpointAnswer::fromRun(trace, after(CheckpointKind::ReadyQueue, AnchorEvent::Await, 3));
        QVERIFY(answer.items.isEmpty());
        QCOMPARE(answer.answer, QString());
    }

    void aCheckpointWhoseAnchorNeverHappensIsUnresolved()
    {
        Trace trace;
        testing::recordAsyncioRun(trace);
        const CheckpointAnswer answer =
            CheckpointAnswer::fromRun(trace, after(CheckpointKind::NextOutput, AnchorEvent::TaskFailed));
        QVERIFY(!answer.resolved);
        QVERIFY(answer.answer.isNull());
        QVERIFY(answer.choices.isEmpty());
    }
};

QTEST_APPLESS_MAIN(tst_CheckpointAnswer)
#include "tst_checkpointanswer.moc"
