// The bundled lessons: all load, in chapter order, with both languages, with
// anchors that point at real code and events, with what-ifs that apply, and
// with the tutorial's code verbatim.
#include "lessons/loader/LessonLibrary.h"

#include "lessons/loader/Anchor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTest>

using namespace coroscope;
using namespace coroscope::lessons;

namespace {

QString joinErrors(const QList<LessonError>& errors)
{
    QStringList lines;
    for (const LessonError& error : errors)
        lines.append(error.toString());
    return lines.join(QLatin1Char('\n'));
}

/// Every text of a lesson with where it lives, for the both-languages check.
QList<std::pair<QString, LocalizedText>> textsOf(const Lesson& lesson)
{
    QList<std::pair<QString, LocalizedText>> texts{{QStringLiteral("title"), lesson.title},
                                                   {QStringLiteral("summary"), lesson.summary}};
    for (qsizetype i = 0; i < lesson.programs.size(); ++i) {
        texts.append({QStringLiteral("programs[%1].title").arg(i), lesson.programs[i].title});
        if (!lesson.programs[i].isVerbatim())
            texts.append({QStringLiteral("programs[%1].changes").arg(i), lesson.programs[i].changes});
    }
    for (qsizetype i = 0; i < lesson.narration.size(); ++i)
        texts.append({QStringLiteral("narration[%1].text").arg(i), lesson.narration[i].text});
    for (qsizetype i = 0; i < lesson.checkpoints.size(); ++i) {
        texts.append({QStringLiteral("checkpoints[%1].prompt").arg(i), lesson.checkpoints[i].prompt});
        if (!lesson.checkpoints[i].explain.zh.isEmpty() || !lesson.checkpoints[i].explain.en.isEmpty())
            texts.append({QStringLiteral("checkpoints[%1].explain").arg(i), lesson.checkpoints[i].explain});
    }
    for (qsizetype i = 0; i < lesson.whatIfs.size(); ++i)
        texts.append({QStringLiteral("whatIf[%1].label").arg(i), lesson.whatIfs[i].label});
    return texts;
}

bool hasHan(const QString& text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

/// The tutorial the lessons are made from: ../shared/seed/ beside the checkout.
QString tutorialPath()
{
    const QDir testDir = QFileInfo(QStringLiteral(__FILE__)).absoluteDir();
    return QDir::cleanPath(testDir.filePath(QStringLiteral("../../../shared/seed/python-coroutines-asyncio-tutorial.zh.txt")));
}

} // namespace

class tst_LessonLibrary : public QObject {
    Q_OBJECT

    LessonLibrary m_library;

private slots:
    void initTestCase()
    {
        m_library.loadBundled();
    }

    void everyBundledLessonLoadsWithoutAnError()
    {
        QVERIFY2(m_library.errors().isEmpty(), qPrintable(joinErrors(m_library.errors())));
        QCOMPARE(m_library.lessons().size(), 23);
    }

    void everySectionOfTheTutorialHasALessonAndTheyComeInChapterOrder()
    {
        QStringList chapters;
        for (const Lesson& lesson : m_library.lessons())
            chapters.append(lesson.chapter);
        QCOMPARE(chapters.join(QLatin1Char(' ')),
                 QStringLiteral("1 1.1 1.2 1.3 1.4 2 3.1 3.2 3.3 3.4 3.5 3.6 3.7 3.8 4 5.1 5.2 5.3 5.4 A.1 A.2 A.3 A.4"));
    }

    void lessonIdsAreUniqueAndFindable()
    {
        QSet<QString> ids;
        for (const Lesson& lesson : m_library.lessons()) {
            QVERIFY2(!ids.contains(lesson.id), qPrintable(lesson.id));
            ids.insert(lesson.id);
            QCOMPARE(m_library.find(lesson.id), &lesson);
        }
        QCOMPARE(m_library.find(QStringLiteral("no-such-lesson")), nullptr);
    }

    void everyTextExistsInChineseAndInEnglish()
    {
        for (const Lesson& lesson : m_library.lessons()) {
            for (const auto& [where, text] : textsOf(lesson)) {
                const QString name = lesson.id + QLatin1Char(' ') + where;
                QVERIFY2(!text.zh.trimmed().isEmpty() && !text.en.trimmed().isEmpty(), qPrintable(name));
                // The Chinese side is Chinese and the English side is not a copy of it.
                QVERIFY2(hasHan(text.zh) || text.zh == text.en, qPrintable(name + QStringLiteral(": zh has no Chinese")));
                QVERIFY2(!hasHan(text.en) || text.en.size() < text.zh.size() * 4,
                         qPrintable(name + QStringLiteral(": en looks untranslated")));
            }
        }
    }

    void everyLessonNarratesEveryProgramAndMostAskQuestions()
    {
        int withCheckpoints = 0;
        for (const Lesson& lesson : m_library.lessons()) {
            for (int p = 0; p < lesson.programs.size(); ++p)
                QVERIFY2(lesson.narrationFor(p).size() >= 1,
                         qPrintable(QStringLiteral("%1 program %2 has no narration").arg(lesson.id).arg(p)));
            withCheckpoints += lesson.checkpoints.isEmpty() ? 0 : 1;
        }
        QVERIFY(withCheckpoints >= 20);
    }

    void everyLineAnchorPointsAtCodeOfItsProgram()
    {
        for (const Lesson& lesson : m_library.lessons()) {
            QList<std::pair<int, Anchor>> anchors;
            for (const NarrationStep& step : lesson.narration)
                anchors.append({step.program, step.anchor});
            for (const Checkpoint& checkpoint : lesson.checkpoints)
                anchors.append({checkpoint.program, checkpoint.anchor});
            for (const auto& [program, anchor] : anchors) {
                QVERIFY(program >= 0 && program < lesson.programs.size());
                if (anchor.kind != AnchorKind::Line)
                    continue;
                const QStringList lines = lesson.programs[program].lines();
                const QString where = QStringLiteral("%1 %2").arg(lesson.id, anchor.describe());
                QVERIFY2(anchor.line >= 1 && anchor.line <= lines.size(), qPrintable(where));
                const QString code = lines[anchor.line - 1].trimmed();
                QVERIFY2(!code.isEmpty() && !code.startsWith(QLatin1Char('#')), qPrintable(where));
            }
        }
    }

    void eventAnchorsUseTheVocabulary()
    {
        for (const Lesson& lesson : m_library.lessons()) {
            for (const NarrationStep& step : lesson.narration) {
                if (step.anchor.kind != AnchorKind::Event)
                    continue;
                const std::string_view name = toString(step.anchor.event);
                QVERIFY(name != "?");
                QCOMPARE(anchorEventFromString(name), std::optional<AnchorEvent>(step.anchor.event));
            }
        }
    }

    void theGreenletLessonNarratesEachOfItsFiveSwitches()
    {
        const Lesson* lesson = m_library.find(QStringLiteral("greenlet"));
        QVERIFY(lesson);
        QSet<int> switches;
        for (const NarrationStep& step : lesson->narration) {
            if (step.anchor.kind == AnchorKind::Event && step.anchor.event == AnchorEvent::FirstSwitch)
                switches.insert(1);
            if (step.anchor.kind == AnchorKind::Event && step.anchor.event == AnchorEvent::Switch)
                switches.insert(step.anchor.nth);
        }
        QCOMPARE(switches, (QSet<int>{1, 2, 3, 4, 5}));
    }

    void everyWhatIfAppliesAndChangesTheRun()
    {
        int uvloop = 0;
        for (const Lesson& lesson : m_library.lessons()) {
            for (const WhatIf& variant : lesson.whatIfs) {
                QString error;
                const std::optional<RunSpec> spec = lesson.runSpec(variant, &error);
                QVERIFY2(spec, qPrintable(lesson.id + QStringLiteral(": ") + error));
                QVERIFY(*spec != lesson.runSpec(variant.program));
                QCOMPARE(spec->whatIf, variant.id);
                for (const TextReplacement& edit : variant.replacements)
                    QVERIFY2(lesson.programs[variant.program].source.contains(edit.from) || spec->source.contains(edit.to),
                             qPrintable(lesson.id + QStringLiteral(": ") + edit.from));
                uvloop += spec->uvloop ? 1 : 0;
            }
        }
        QVERIFY(uvloop >= 2);
    }

    void theImageDownloadsRunAgainstHostsOfOneTwoAndThreeSeconds()
    {
        const Lesson* lesson = m_library.find(QStringLiteral("why-coroutines"));
        QVERIFY(lesson);
        QCOMPARE(lesson->programs.size(), 2);
        for (const Program& program : lesson->programs) {
            QList<double> latencies;
            const QJsonObject urls = program.world.value(QStringLiteral("urls")).toObject();
            for (auto it = urls.begin(); it != urls.end(); ++it) {
                QVERIFY2(program.source.contains(it.key()), qPrintable(it.key()));
                latencies.append(it.value().toObject().value(QStringLiteral("latency")).toDouble());
            }
            std::sort(latencies.begin(), latencies.end());
            QCOMPARE(latencies, (QList<double>{1, 2, 3}));
        }
    }

    void expectedOutputsAreLoadedWithTheirPrograms()
    {
        int cpython = 0;
        for (const Lesson& lesson : m_library.lessons()) {
            for (const Program& program : lesson.programs) {
                QCOMPARE(program.expectedOutput.has_value(), !program.expectedFile.isEmpty());
                QCOMPARE(program.expectedStderr.has_value(), !program.expectedStderrFile.isEmpty());
                if (program.reference == Reference::CPython) {
                    // Every program CPython can run carries CPython's output.
                    QVERIFY2(program.expectedOutput, qPrintable(lesson.id + QLatin1Char(' ') + program.file));
                    ++cpython;
                }
            }
        }
        QVERIFY(cpython >= 25);
        const Lesson* greenlet = m_library.find(QStringLiteral("greenlet"));
        QCOMPARE(*greenlet->programs[0].expectedOutput, QStringLiteral("1\n3\n2\n4\n"));
        const Lesson* manager = m_library.find(QStringLiteral("async-context-manager"));
        QCOMPARE(manager->programs[0].expectedStatus, 1);
        QCOMPARE(*manager->programs[0].expectedStderr, QStringLiteral("NameError: name 'conn' is not defined\n"));
    }

    void tutorialSectionsShowTheTutorialsCodeVerbatim()
    {
        QFile file(tutorialPath());
        if (!file.open(QIODevice::ReadOnly))
            QSKIP(qPrintable(QStringLiteral("the tutorial is not at %1").arg(tutorialPath())));
        const QString tutorial = flattenCode(QString::fromUtf8(file.readAll()));
        int snippets = 0;
        int verbatim = 0;
        for (const Lesson& lesson : m_library.lessons()) {
            const bool fromTutorial = !lesson.chapter.startsWith(QLatin1Char('A'));
            int programsFromTutorial = 0;
            for (const Program& program : lesson.programs) {
                const QString where = lesson.id + QLatin1Char(' ') + program.file;
                programsFromTutorial += program.tutorialSnippets.isEmpty() ? 0 : 1;
                const QString code = flattenCode(program.source);
                for (const QString& snippet : program.tutorialSnippets) {
                    QVERIFY2(tutorial.contains(flattenCode(snippet)), qPrintable(where + QStringLiteral(": not in the tutorial")));
                    QVERIFY2(code.contains(flattenCode(snippet)), qPrintable(where + QStringLiteral(": not in the program")));
                    ++snippets;
                }
                if (!program.tutorialSnippets.isEmpty() && program.isVerbatim()) {
                    QCOMPARE(program.tutorialSnippets.size(), 1);
                    QCOMPARE(code, flattenCode(program.tutorialSnippets.first()));
                    ++verbatim;
                }
            }
            // A tutorial section shows the tutorial's code; a topic beyond it has none.
            QVERIFY2(fromTutorial ? programsFromTutorial > 0 : programsFromTutorial == 0, qPrintable(lesson.id));
        }
        QVERIFY(snippets >= 30);
        QVERIFY(verbatim >= 20);
    }
};

QTEST_APPLESS_MAIN(tst_LessonLibrary)
#include "tst_lessonlibrary.moc"
