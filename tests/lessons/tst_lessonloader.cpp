// LessonLoader: a lesson folder, its lesson.json or a bare .py becomes a
// Lesson; every mistake is reported once, naming the file and the JSON field.
#include "lessons/loader/LessonLoader.h"

#include "lessons/loader/LessonLibrary.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace coroscope::lessons;

namespace {

QString fixture(const QString& name)
{
    return QFINDTESTDATA(QStringLiteral("fixtures/") + name);
}

QString joinErrors(const QList<LessonError>& errors)
{
    QStringList lines;
    for (const LessonError& error : errors)
        lines.append(error.toString());
    return lines.join(QLatin1Char('\n'));
}

/// Sets (or, for an undefined value, removes) the value at a "/"-separated
/// path of objects and arrays.
QJsonValue edited(const QJsonValue& node, QStringList path, const QJsonValue& value)
{
    const QString head = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const int index = head.toInt();
        if (path.isEmpty())
            array[index] = value;
        else
            array[index] = edited(array.at(index), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty()) {
        if (value.isUndefined())
            object.remove(head);
        else
            object.insert(head, value);
    } else {
        object.insert(head, edited(object.value(head), path, value));
    }
    return object;
}

/// A copy of fixtures/valid with lesson.json edited.
class EditedLesson {
public:
    EditedLesson(const QList<std::pair<QString, QJsonValue>>& edits)
    {
        for (const QString& name : QDir(fixture(QStringLiteral("valid"))).entryList(QDir::Files))
            QFile::copy(fixture(QStringLiteral("valid/")) + name, m_dir.filePath(name));
        QFile file(fixture(QStringLiteral("valid/lesson.json")));
        file.open(QIODevice::ReadOnly);
        QJsonValue root = QJsonDocument::fromJson(file.readAll()).object();
        for (const auto& [path, value] : edits)
            root = edited(root, path.split(QLatin1Char('/')), value);
        QFile out(m_dir.filePath(QStringLiteral("lesson.json")));
        out.open(QIODevice::WriteOnly | QIODevice::Truncate);
        out.write(QJsonDocument(root.toObject()).toJson());
    }
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

QJsonValue json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().at(0);
}

} // namespace

class tst_LessonLoader : public QObject {
    Q_OBJECT

private slots:
    void theValidFixtureLoadsWithEveryField()
    {
        QList<LessonError> errors;
        const std::optional<Lesson> lesson =
            LessonLoader::loadFolder(fixture(QStringLiteral("valid")), errors, QStringLiteral("lessons/99-fixture"));
        QVERIFY2(lesson, qPrintable(joinErrors(errors)));
        QVERIFY(errors.isEmpty());
        QCOMPARE(lesson->id, QStringLiteral("fixture"));
        QCOMPARE(lesson->chapter, QStringLiteral("3.3"));
        QCOMPARE(lesson->title.in(Language::Chinese), QStringLiteral("测试课"));
        QCOMPARE(lesson->title.in(Language::English), QStringLiteral("A test lesson"));
        QCOMPARE(lesson->displayFolder, QStringLiteral("lessons/99-fixture"));
        QCOMPARE(lesson->programs.size(), 1);
        const Program& program = lesson->programs.first();
        QCOMPARE(program.lines().size(), 9);
        QCOMPARE(program.lines().at(4), QStringLiteral("    print(\"hello\")"));
        QCOMPARE(*program.expectedOutput, QStringLiteral("hello\nworld\n"));
        QCOMPARE(program.expectedStatus, 0);
        QVERIFY(program.reference == Reference::CPython);
        QVERIFY(!program.isVerbatim());
        QCOMPARE(program.world.value(QStringLiteral("hosts")).toObject().value(QStringLiteral("example.com"))
                     .toObject().value(QStringLiteral("latency")).toDouble(), 0.5);

        QCOMPARE(lesson->narration.size(), 4);
        QVERIFY(lesson->narration[0].anchor.kind == AnchorKind::Line);
        QCOMPARE(lesson->narration[0].anchor.line, 5);
        QVERIFY(lesson->narration[1].anchor.kind == AnchorKind::Event);
        QVERIFY(lesson->narration[1].anchor.event == AnchorEvent::Await);
        QCOMPARE(lesson->narration[1].anchor.task, QStringLiteral("Task-1"));
        QCOMPARE(lesson->narration[2].anchor.nth, 1);
        QVERIFY(lesson->narration[3].anchor.kind == AnchorKind::Time);
        QCOMPARE(lesson->narration[3].anchor.seconds, 0.5);

        QCOMPARE(lesson->checkpoints.size(), 1);
        QVERIFY(lesson->checkpoints[0].kind == CheckpointKind::NextOutput);
        QCOMPARE(lesson->checkpoints[0].explain.en, QStringLiteral("Because."));

        QCOMPARE(lesson->whatIfs.size(), 3);
        QCOMPARE(lesson->whatIfs[0].replacements.size(), 2);
        QCOMPARE(lesson->whatIfs[2].uvloop, true);
    }

    void mistakesAreReportedWithFileAndField_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("value"); // JSON text; empty: remove the field
        QTest::addColumn<QString>("message");

        const auto row = [](const char* name, const char* path, const char* value, const char* message) {
            QTest::newRow(name) << QString::fromUtf8(path) << QString::fromUtf8(value)
                                << QStringLiteral("lessons/03-yield/lesson.json: ") + QString::fromUtf8(message);
        };
        row("line zero", "narration/2/anchor", R"j({"line": 0})j",
            "narration[2].anchor.line: expected a positive integer, got 0");
        row("line not an integer", "narration/0/anchor/line", "1.5",
            "narration[0].anchor.line: expected a positive integer, got 1.5");
        row("line past the end", "narration/0/anchor/line", "42",
            "narration[0].anchor.line: line 42 is past the end of main.py (9 lines)");
        row("blank line", "narration/0/anchor/line", "2", "narration[0].anchor.line: line 2 of main.py is blank");
        row("missing english", "title/en", "", "title.en: required field is missing");
        row("empty chinese", "title/zh", R"j("")j", "title.zh: must not be empty");
        row("unknown event", "narration/1/anchor/event", R"j("swich")j",
            "narration[1].anchor.event: unknown event \"swich\" (expected one of: first-switch, switch, await, "
            "yield, task-created, task-ready, task-waiting, task-done, task-failed, task-cancelled, "
            "timer-scheduled, timer-fired, timer-cancelled, future-resolved, output, stderr, io, block, warning, "
            "exception, run-end)");
        row("two anchor forms", "narration/1/anchor", R"j({"line": 5, "event": "await"})j",
            "narration[1].anchor: expected exactly one of \"line\", \"event\" and \"time\"");
        row("time zero", "narration/3/anchor/time", "0", "narration[3].anchor.time: expected a time in seconds above 0");
        row("match on a timer", "narration/2/anchor/match", R"j("x")j",
            "narration[2].anchor.match: only output, stderr, warning and exception anchors have a text to match");
        row("warning kind on an await", "narration/1/anchor/warning", R"j("deadlock")j",
            "narration[1].anchor.warning: only a \"warning\" anchor takes a warning kind");
        row("program index out of range", "narration/0/program", "3",
            "narration[0].program: expected an index below 1 (the lesson has 1 program(s))");
        row("unknown top-level field", "narations", "[]",
            "narations: unknown field (expected one of: id, chapter, title, summary, programs, narration, "
            "checkpoints, whatIf)");
        row("bad chapter", "chapter", R"j("three")j",
            "chapter: expected a section number such as \"3.4\" (or \"A.1\" beyond the tutorial), got \"three\"");
        row("missing program file", "programs/0/file", R"j("missing.py")j",
            "programs[0].file: cannot read \"missing.py\" in the lesson folder: No such file or directory");
        row("program outside the folder", "programs/0/file", R"j("../main.py")j",
            "programs[0].file: expected a plain file name inside the lesson folder, got \"../main.py\"");
        row("missing expected file", "programs/0/expected", R"j("nothing.out")j",
            "programs[0].expected: cannot read \"nothing.out\" in the lesson folder: No such file or directory");
        row("negative latency", "programs/0/world/hosts/example.com/latency", "-1",
            "programs[0].world.hosts[\"example.com\"].latency: expected a number >= 0, got -1");
        row("unknown network error", "programs/0/world/hosts/example.com/error", R"j("boom")j",
            "programs[0].world.hosts[\"example.com\"].error: unknown error \"boom\" (expected one of: timeout, "
            "refused, reset, none)");
        row("client path", "programs/0/world/clients/0/path", R"j("red")j",
            "programs[0].world.clients[0].path: expected a path starting with \"/\", got \"red\"");
        row("tutorial code not in the program", "programs/0/tutorial/0", R"j("print(\"bye\")")j",
            "programs[0].tutorial[0]: this tutorial code does not occur in main.py (compared with all whitespace "
            "runs as single spaces)");
        row("unknown checkpoint kind", "checkpoints/0/kind", R"j("next-line")j",
            "checkpoints[0].kind: unknown checkpoint kind \"next-line\" (expected one of: next-output, next-task, "
            "ready-queue)");
        row("replacement not in the program", "whatIf/0/replace/1/from", R"j("asyncio.sleep(9)")j",
            "whatIf[0].replace[1].from: \"asyncio.sleep(9)\" does not occur in main.py after the earlier replacements");
        row("duplicate what-if id", "whatIf/1/id", R"j("blocking")j",
            "whatIf[1].id: \"blocking\" is already used by another what-if");
        row("what-if that changes nothing", "whatIf/2/uvloop", "",
            "whatIf[2]: a what-if needs \"replace\", \"world\", \"uvloop\": true or \"compareProgram\"");
        row("compared program out of range", "whatIf/2/compareProgram", "5",
            "whatIf[2].compareProgram: expected an index below 1 (the lesson has 1 program(s)), got 5");
        row("compared with itself", "whatIf/2/compareProgram", "0",
            "whatIf[2].compareProgram: names program 0, the program it would be compared with; expected another "
            "program");
        row("compared program not an index", "whatIf/2/compareProgram", R"j("1")j",
            "whatIf[2].compareProgram: expected an integer >= 0, got the string \"1\"");
        row("unknown normalize rule", "programs/0/normalize", R"j(["addresses", "sorted"])j",
            "programs[0].normalize[1]: unknown normalize rule \"sorted\"; expected one of \"addresses\", "
            "\"set-order\", \"line-order\"");
        row("normalize rule not a string", "programs/0/normalize", "[1]",
            "programs[0].normalize[0]: unknown normalize rule (not a string); expected one of \"addresses\", "
            "\"set-order\", \"line-order\"");
        row("normalize rule twice", "programs/0/normalize", R"j(["line-order", "line-order"])j",
            "programs[0].normalize[1]: rule \"line-order\" is listed twice");
        row("empty normalize", "programs/0/normalize", "[]",
            "programs[0].normalize: expected at least one rule (\"addresses\", \"set-order\", \"line-order\"); "
            "leave \"normalize\" out for an exact comparison");
    }

    void mistakesAreReportedWithFileAndField()
    {
        QFETCH(QString, path);
        QFETCH(QString, value);
        QFETCH(QString, message);
        const EditedLesson lesson({{path, value.isEmpty() ? QJsonValue(QJsonValue::Undefined) : json(value.toUtf8())}});
        QList<LessonError> errors;
        const std::optional<Lesson> loaded = LessonLoader::loadFolder(lesson.path(), errors, QStringLiteral("lessons/03-yield"));
        QVERIFY(!loaded);
        QCOMPARE(joinErrors(errors), message);
    }

    void normalizeRulesAreReadForAProgramWithAnExpectedFile()
    {
        const EditedLesson lesson({{QStringLiteral("programs/0/normalize"), json(R"j(["line-order", "addresses"])j")}});
        QList<LessonError> errors;
        const std::optional<Lesson> loaded = LessonLoader::loadFolder(lesson.path(), errors, QStringLiteral("mine"));
        QVERIFY2(loaded, qPrintable(joinErrors(errors)));
        QCOMPARE(loaded->programs[0].normalize, (QList<NormalizeRule>{NormalizeRule::LineOrder, NormalizeRule::Addresses}));

        const EditedLesson unexpected({{QStringLiteral("programs/0/normalize"), json(R"j(["addresses"])j")},
                                       {QStringLiteral("programs/0/expected"), QJsonValue(QJsonValue::Undefined)}});
        QVERIFY(!LessonLoader::loadFolder(unexpected.path(), errors, QStringLiteral("mine")));
        QCOMPARE(joinErrors(errors), QStringLiteral("mine/lesson.json: programs[0].normalize: normalizes the comparison "
                                                    "with an \"expected\" file, but the program names none"));
    }

    void everyMistakeOfOneFileIsReported()
    {
        const EditedLesson lesson({{QStringLiteral("title/en"), QJsonValue(QJsonValue::Undefined)},
                                   {QStringLiteral("narration/0/anchor/line"), 2},
                                   {QStringLiteral("whatIf/1/world/hosts/example.com/size"), -5}});
        QList<LessonError> errors;
        QVERIFY(!LessonLoader::loadFolder(lesson.path(), errors, QStringLiteral("mine")));
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors[0].field, QStringLiteral("title.en"));
        QCOMPARE(errors[1].field, QStringLiteral("narration[0].anchor.line"));
        QCOMPARE(errors[2].field, QStringLiteral("whatIf[1].world.hosts[\"example.com\"].size"));
        QCOMPARE(errors[2].file, QStringLiteral("mine/lesson.json"));
    }

    void brokenJsonIsReportedWithLineAndColumn()
    {
        QList<LessonError> errors;
        QVERIFY(!LessonLoader::loadFolder(fixture(QStringLiteral("library/02-broken-json")), errors,
                                          QStringLiteral("lessons/02-broken-json")));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].toString(), QStringLiteral("lessons/02-broken-json/lesson.json: not valid JSON at line 4, "
                                                      "column 4: unterminated object"));
    }

    void aMissingLessonJsonIsReported()
    {
        QTemporaryDir empty;
        QList<LessonError> errors;
        QVERIFY(!LessonLoader::loadFolder(empty.path(), errors, QStringLiteral("lessons/empty")));
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors[0].toString().startsWith(QStringLiteral("lessons/empty/lesson.json: cannot open: ")));
    }

    void theLibraryKeepsTheGoodLessonsAndReportsTheOthers()
    {
        LessonLibrary library;
        library.loadDirectory(fixture(QStringLiteral("library")), QStringLiteral("lessons"));
        QStringList ids;
        for (const Lesson& lesson : library.lessons())
            ids.append(lesson.id + QLatin1Char('@') + lesson.chapter);
        QCOMPARE(ids.join(QLatin1Char(' ')), QStringLiteral("second@3.2 first@3.10"));
        QStringList files;
        for (const LessonError& error : library.errors())
            files.append(error.file + QLatin1Char(' ') + error.field);
        QCOMPARE(files, (QStringList{QStringLiteral("lessons/02-broken-json/lesson.json "),
                                     QStringLiteral("lessons/03-bad-anchor/lesson.json narration[2].anchor.line"),
                                     QStringLiteral("lessons/05-duplicate-id/lesson.json id")}));
        QCOMPARE(library.errors().last().message,
                 QStringLiteral("\"first\" is already used by lessons/01-first/lesson.json"));
    }

    void aBarePythonFileOpensAsAOneProgramLesson()
    {
        QList<LessonError> errors;
        const std::optional<Lesson> lesson = LessonLoader::open(fixture(QStringLiteral("valid/main.py")), errors);
        QVERIFY2(lesson, qPrintable(joinErrors(errors)));
        QCOMPARE(lesson->id, QStringLiteral("file-main"));
        QCOMPARE(lesson->programs.size(), 1);
        QCOMPARE(lesson->programs[0].file, QStringLiteral("main.py"));
        QVERIFY(lesson->programs[0].source.contains(QStringLiteral("print(\"hello\")")));
        QVERIFY(lesson->narration.isEmpty());
        QCOMPARE(lesson->runSpec(0).source, lesson->programs[0].source);
    }

    void openAcceptsAFolderOrItsLessonJson()
    {
        QList<LessonError> errors;
        QCOMPARE(LessonLoader::open(fixture(QStringLiteral("valid")), errors)->id, QStringLiteral("fixture"));
        QCOMPARE(LessonLoader::open(fixture(QStringLiteral("valid/lesson.json")), errors)->id, QStringLiteral("fixture"));
        QVERIFY(errors.isEmpty());
        QVERIFY(!LessonLoader::open(fixture(QStringLiteral("valid/main.out")), errors));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].message, QStringLiteral("expected a lesson folder, a lesson.json or a .py file"));
    }

    void theCompleteExampleOfTheGuideLoads()
    {
        QFile guide(QFINDTESTDATA("../../docs/LESSONS.md"));
        QVERIFY(guide.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(guide.readAll());
        const qsizetype example = text.indexOf(QStringLiteral("## A complete example"));
        QVERIFY(example > 0);
        const auto block = [&text](const QString& fence, qsizetype from) {
            const qsizetype start = text.indexOf(fence, from) + fence.size();
            return text.mid(start, text.indexOf(QStringLiteral("```"), start) - start);
        };
        const QString json = block(QStringLiteral("```json\n"), example);
        const QString python = block(QStringLiteral("```python\n"), example);
        QTemporaryDir dir;
        const auto write = [&dir](const char* name, const QString& content) {
            QFile file(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content.toUtf8());
        };
        write("lesson.json", json);
        write("main.py", python);
        write("main.out", QStringLiteral("A 睡了\nB 睡了\nB 醒了\nA 醒了\n"));
        QList<LessonError> errors;
        const std::optional<Lesson> lesson = LessonLoader::loadFolder(dir.path(), errors);
        QVERIFY2(lesson, qPrintable(joinErrors(errors)));
        QCOMPARE(lesson->narration.size(), 4);
        QCOMPARE(lesson->programs[0].lines().at(lesson->narration[0].anchor.line - 1).trimmed(),
                 QStringLiteral("t1 = asyncio.create_task(nap(\"A\", 2))"));
        QVERIFY(lesson->runSpec(*lesson->whatIf(QStringLiteral("blocking"))));
    }

    void aWhatIfCanCompareWithAnotherProgramAsWritten()
    {
        const EditedLesson lesson({{QStringLiteral("programs"), json(R"j([
            {"file": "main.py", "title": {"zh": "程序", "en": "Program"}, "world": {"hosts": {"a.com": {"latency": 1}}}},
            {"file": "other.py", "title": {"zh": "另一个", "en": "The other"}, "world": {"hosts": {"b.com": {"latency": 2}}}}
        ])j")},
                                   {QStringLiteral("whatIf/2"), json(R"j({"id": "side-by-side",
            "label": {"zh": "并排", "en": "Side by side"}, "compareProgram": 1})j")}});
        QFile other(lesson.path() + QStringLiteral("/other.py"));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("print('other')\n");
        other.close();
        QList<LessonError> errors;
        const std::optional<Lesson> loaded = LessonLoader::loadFolder(lesson.path(), errors, QStringLiteral("x"));
        QVERIFY2(loaded, qPrintable(joinErrors(errors)));
        const WhatIf* compare = loaded->whatIf(QStringLiteral("side-by-side"));
        QVERIFY(compare);
        QCOMPARE(compare->program, 0);
        QCOMPARE(compare->compareProgram, 1);
        QCOMPARE(loaded->whatIf(QStringLiteral("blocking"))->compareProgram, -1);
        const std::optional<RunSpec> spec = loaded->runSpec(*compare);
        QVERIFY(spec);
        QCOMPARE(spec->program, 1);
        QCOMPARE(spec->file, QStringLiteral("other.py"));
        QCOMPARE(spec->source, QStringLiteral("print('other')\n"));
        QCOMPARE(QJsonDocument(spec->world).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"hosts":{"b.com":{"latency":2}}})"));
        QCOMPARE(spec->whatIf, QStringLiteral("side-by-side"));
        QCOMPARE(spec->uvloop, false);
    }

    void compareProgramCannotBeCombinedWithReplace()
    {
        const EditedLesson lesson({{QStringLiteral("programs"), json(R"j([
            {"file": "main.py", "title": {"zh": "程序", "en": "Program"}},
            {"file": "other.py", "title": {"zh": "另一个", "en": "The other"}}
        ])j")},
                                   {QStringLiteral("whatIf/0/compareProgram"), 1}});
        QFile other(lesson.path() + QStringLiteral("/other.py"));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("print('other')\n");
        other.close();
        QList<LessonError> errors;
        QVERIFY(!LessonLoader::loadFolder(lesson.path(), errors, QStringLiteral("x")));
        QCOMPARE(joinErrors(errors),
                 QStringLiteral("x/lesson.json: whatIf[0].compareProgram: cannot be combined with \"replace\": the other "
                                "program runs as written"));
    }

    void aCompareProgramOutOfRangeMakesNoRunSpec()
    {
        Lesson lesson;
        lesson.programs.append(Program{});
        WhatIf variant;
        variant.id = QStringLiteral("far");
        variant.compareProgram = 4;
        QString error;
        QVERIFY(!lesson.runSpec(variant, &error));
        QCOMPARE(error, QStringLiteral("what-if 'far' compares with program 4, but the lesson has 1"));
    }

    void programFilesMustBeUtf8()
    {
        const EditedLesson lesson({});
        QFile file(lesson.path() + QStringLiteral("/main.py"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("print('\xff\xfe')\n");
        file.close();
        QList<LessonError> errors;
        QVERIFY(!LessonLoader::loadFolder(lesson.path(), errors, QStringLiteral("x")));
        QCOMPARE(errors.first().toString(),
                 QStringLiteral("x/lesson.json: programs[0].file: cannot read \"main.py\" in the lesson folder: not valid UTF-8"));
    }
};

QTEST_APPLESS_MAIN(tst_LessonLoader)
#include "tst_lessonloader.moc"
