// Lesson: chapter order, program lines, what-if variants and world merging.
#include "lessons/loader/Lesson.h"

#include <QJsonDocument>
#include <QTest>

using namespace coroscope::lessons;

namespace {

QJsonObject object(const char* json)
{
    return QJsonDocument::fromJson(json).object();
}

Lesson twoProgramLesson()
{
    Lesson lesson;
    lesson.id = QStringLiteral("l");
    Program first;
    first.file = QStringLiteral("a.py");
    first.source = QStringLiteral("import asyncio\nawait asyncio.sleep(1)\nawait asyncio.sleep(1)\n");
    first.world = object(R"({"hosts": {"a.com": {"latency": 1, "size": 10}, "b.com": {"latency": 2}}})");
    Program second;
    second.file = QStringLiteral("b.py");
    second.source = QStringLiteral("print(1)\n");
    lesson.programs = {first, second};
    NarrationStep step;
    step.program = 1;
    lesson.narration = {NarrationStep{}, step, NarrationStep{}};
    Checkpoint checkpoint;
    checkpoint.program = 1;
    lesson.checkpoints = {checkpoint};
    return lesson;
}

} // namespace

class tst_Lesson : public QObject {
    Q_OBJECT

private slots:
    void chaptersCompareAsABookOrdersThem_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("order");
        QTest::newRow("section before its subsection") << "1" << "1.1" << -1;
        QTest::newRow("subsections in order") << "1.2" << "1.10" << -1;
        QTest::newRow("numbers are not text") << "3.10" << "3.9" << 1;
        QTest::newRow("chapter before the next") << "1.4" << "2" << -1;
        QTest::newRow("equal") << "3.4" << "3.4" << 0;
        QTest::newRow("appendix after the tutorial") << "5.4" << "A.1" << -1;
        QTest::newRow("appendix order") << "A.2" << "A.1" << 1;
    }

    void chaptersCompareAsABookOrdersThem()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, order);
        QCOMPARE(compareChapters(a, b), order);
        QCOMPARE(compareChapters(b, a), -order);
    }

    void programLinesIgnoreTheFinalLineBreak()
    {
        Program program;
        program.source = QStringLiteral("a\r\n\r\nb\n");
        QCOMPARE(program.lines(), (QStringList{QStringLiteral("a"), QString(), QStringLiteral("b")}));
        program.source = QStringLiteral("a\nb");
        QCOMPARE(program.lines().size(), 2);
    }

    void flattenedCodeIsTheTutorialsSpelling()
    {
        QCOMPARE(flattenCode(QStringLiteral("def f():\n    print(1)   # one\n\n\nf()\n")),
                 QStringLiteral("def f(): print(1) # one f()"));
    }

    void aWhatIfEditsItsProgramAndMergesItsWorld()
    {
        const Lesson lesson = twoProgramLesson();
        WhatIf variant;
        variant.id = QStringLiteral("blocking");
        variant.replacements = {TextReplacement{QStringLiteral("await asyncio.sleep"), QStringLiteral("time.sleep")},
                                TextReplacement{QStringLiteral("import asyncio\n"), QStringLiteral("import time\n")}};
        variant.world = object(R"({"hosts": {"a.com": {"latency": 5}}, "clients": [{"path": "/"}]})");
        variant.uvloop = true;
        QString error;
        const std::optional<RunSpec> spec = lesson.runSpec(variant, &error);
        QVERIFY2(spec, qPrintable(error));
        QCOMPARE(spec->source, QStringLiteral("import time\ntime.sleep(1)\ntime.sleep(1)\n"));
        QCOMPARE(spec->file, QStringLiteral("a.py"));
        QCOMPARE(spec->whatIf, QStringLiteral("blocking"));
        QVERIFY(spec->uvloop);
        QCOMPARE(spec->world, object(R"({"hosts": {"a.com": {"latency": 5, "size": 10}, "b.com": {"latency": 2}},
                                         "clients": [{"path": "/"}]})"));
        // The lesson itself is untouched.
        QCOMPARE(lesson.runSpec(0).world.value(QStringLiteral("hosts")).toObject().value(QStringLiteral("a.com"))
                     .toObject().value(QStringLiteral("latency")).toInt(), 1);
        QVERIFY(!lesson.runSpec(0).uvloop);
    }

    void aWhatIfWhoseTextIsMissingIsRefused()
    {
        const Lesson lesson = twoProgramLesson();
        WhatIf variant;
        variant.id = QStringLiteral("typo");
        variant.replacements = {TextReplacement{QStringLiteral("asyncio.slep"), QStringLiteral("x")}};
        QString error;
        QCOMPARE(lesson.runSpec(variant, &error), std::nullopt);
        QCOMPARE(error, QStringLiteral("what-if 'typo': 'asyncio.slep' does not occur in a.py"));
        variant.program = 2;
        QCOMPARE(lesson.runSpec(variant, &error), std::nullopt);
        QCOMPARE(error, QStringLiteral("what-if 'typo' names program 2, but the lesson has 2"));
    }

    void whatIfsAreFoundById()
    {
        Lesson lesson = twoProgramLesson();
        WhatIf variant;
        variant.id = QStringLiteral("x");
        lesson.whatIfs = {variant};
        QCOMPARE(lesson.whatIf(QStringLiteral("x")), &lesson.whatIfs.first());
        QCOMPARE(lesson.whatIf(QStringLiteral("y")), nullptr);
    }

    void narrationAndCheckpointsAreListedPerProgram()
    {
        const Lesson lesson = twoProgramLesson();
        QCOMPARE(lesson.narrationFor(0).size(), 2);
        QCOMPARE(lesson.narrationFor(1).size(), 1);
        QCOMPARE(lesson.checkpointsFor(0).size(), 0);
        QCOMPARE(lesson.checkpointsFor(1).size(), 1);
    }

    void worldsMergeKeyByKey()
    {
        QCOMPARE(mergeWorld(object(R"({"a": {"x": 1, "y": 2}, "b": [1]})"), object(R"({"a": {"y": 3}, "b": [2]})")),
                 object(R"({"a": {"x": 1, "y": 3}, "b": [2]})"));
        QCOMPARE(mergeWorld(object(R"({"a": 1})"), QJsonObject()), object(R"({"a": 1})"));
    }
};

QTEST_APPLESS_MAIN(tst_Lesson)
#include "tst_lesson.moc"
