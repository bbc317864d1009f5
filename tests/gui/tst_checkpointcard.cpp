// CheckpointCard: the question asked at a checkpoint, its choices, the
// ready-queue answer built front first, "nothing more" as an answer, and
// the reveal with the lesson's explanation.

#include "app/gui/narration/CheckpointCard.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace coroscope;

namespace {

lessons::Checkpoint checkpoint(lessons::CheckpointKind kind)
{
    lessons::Checkpoint c;
    c.kind = kind;
    c.prompt = {QStringLiteral("就绪队列里有什么?"), QStringLiteral("What is queued?")};
    c.explain = {QStringLiteral("因为定时器。"), QStringLiteral("Because of the timers.")};
    return c;
}

lessons::CheckpointAnswer queueAnswer()
{
    lessons::CheckpointAnswer a;
    a.resolved = true;
    a.pause = 10;
    a.reveal = 10;
    a.items = {QStringLiteral("Task-2"), QStringLiteral("Task-3")};
    a.answer = a.items.join(QStringLiteral(", "));
    a.choices = {QStringLiteral("main"), QStringLiteral("Task-2"), QStringLiteral("Task-3")};
    return a;
}

} // namespace

class tst_CheckpointCard : public QObject {
    Q_OBJECT
private slots:
    void aReadyQueueAnswerIsPickedFrontFirst()
    {
        CheckpointCard card;
        QSignalSpy answered(&card, &CheckpointCard::answered);
        card.ask(3, checkpoint(lessons::CheckpointKind::ReadyQueue), queueAnswer());
        QCOMPARE(card.choices(), (QStringList{QStringLiteral("main"), QStringLiteral("Task-2"), QStringLiteral("Task-3")}));
        card.choose(QStringLiteral("Task-3"));
        card.choose(QStringLiteral("Task-2"));
        QVERIFY(!card.isAnswered());
        QVERIFY(card.findChild<QLabel*>(QStringLiteral("checkpointPicked"))->text().contains(QStringLiteral("Task-3, Task-2")));
        card.submitQueue();
        QVERIFY(card.isAnswered());
        QVERIFY(!card.wasRight());
        QCOMPARE(answered.size(), 1);
        QCOMPARE(answered[0][0].toInt(), 3);
        QCOMPARE(answered[0][1].toBool(), false);
        QVERIFY2(card.resultText().contains(QStringLiteral("The answer is: Task-2, Task-3")), qPrintable(card.resultText()));
        QVERIFY(card.resultText().contains(QStringLiteral("Because of the timers.")));

        card.ask(3, checkpoint(lessons::CheckpointKind::ReadyQueue), queueAnswer());
        QVERIFY(!card.isAnswered());
        card.answerQueue({QStringLiteral("Task-2"), QStringLiteral("Task-3")});
        QVERIFY(card.wasRight());
    }

    void anEmptyQueueIsAnAnswerToo()
    {
        lessons::CheckpointAnswer empty = queueAnswer();
        empty.items.clear();
        empty.answer.clear();
        CheckpointCard card;
        card.ask(0, checkpoint(lessons::CheckpointKind::ReadyQueue), empty);
        card.submitQueue();
        QVERIFY(card.wasRight());
        QVERIFY(card.resultText().contains(QStringLiteral("the queue is empty")));
    }

    void nothingMoreIsAChoiceWhenNoTaskRunsAgain()
    {
        lessons::CheckpointAnswer a;
        a.resolved = true;
        a.nothing = true;
        a.choices = {QStringLiteral("Task-2")};
        CheckpointCard card;
        card.ask(1, checkpoint(lessons::CheckpointKind::NextTask), a);
        QCOMPARE(card.choices(), (QStringList{QStringLiteral("Task-2"), CheckpointCard::nothingChoice()}));
        card.choose(CheckpointCard::nothingChoice());
        QVERIFY(card.wasRight());
        QVERIFY(card.resultText().contains(QStringLiteral("No task runs again")));
    }

    void aChoiceButtonAnswersAndTheChoicesGiveWayToTheResult()
    {
        lessons::CheckpointAnswer a;
        a.resolved = true;
        a.answer = QStringLiteral("2");
        a.choices = {QStringLiteral("1"), QStringLiteral("2")};
        CheckpointCard card;
        card.ask(0, checkpoint(lessons::CheckpointKind::NextOutput), a);
        card.show();
        auto* two = card.findChild<QPushButton*>(QStringLiteral("checkpointChoice1"));
        QCOMPARE(two->text(), QStringLiteral("2"));
        QTest::mouseClick(two, Qt::LeftButton);
        QVERIFY(card.wasRight());
        QVERIFY(!card.findChild<QPushButton*>(QStringLiteral("checkpointShow"))->isHidden());
        QCOMPARE(card.findChild<QPushButton*>(QStringLiteral("checkpointSkip"))->text(), QStringLiteral("Close"));
        card.choose(QStringLiteral("1")); // an answer is final
        QVERIFY(card.wasRight());
    }

    void thePromptIsInTheChosenLanguage()
    {
        CheckpointCard card;
        card.ask(0, checkpoint(lessons::CheckpointKind::ReadyQueue), queueAnswer());
        auto* prompt = card.findChild<QLabel*>(QStringLiteral("checkpointPrompt"));
        QVERIFY(prompt->text().contains(QStringLiteral("What is queued?")));
        card.setLanguage(lessons::Language::Chinese);
        QVERIFY(prompt->text().contains(QStringLiteral("就绪队列里有什么?")));
    }
};

QTEST_MAIN(tst_CheckpointCard)
#include "tst_checkpointcard.moc"
