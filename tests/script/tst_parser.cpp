#include "core/script/syntax/AstDump.h"
#include "core/script/syntax/Parser.h"

#include <QtTest>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <string>

using namespace coroscope::syntax;

namespace {

struct DumpRow {
    const char* name;
    const char* source;
    const char* dump;
    const char* dumpWithPositions;
};

const DumpRow kDumpRows[] = {
#include "ast_dumps.inc"
};

struct ErrorRow {
    const char* name;
    const char* prefix;
    const char* unit;
    int count;
    const char* suffix;
    const char* type;
    const char* message;
    int line;
    int offset;
    int endLine;
    int endOffset;
};

const ErrorRow kErrorRows[] = {
#include "syntax_errors.inc"
};

std::string build(const ErrorRow& row)
{
    std::string src = row.prefix;
    std::string_view unit = row.unit;
    src.reserve(src.size() + unit.size() * static_cast<std::size_t>(row.count) + 8);
    for (int i = 0; i < row.count; ++i)
        src += unit;
    src += row.suffix;
    return src;
}

QString describe(const SyntaxError& e)
{
    return QStringLiteral("%1|%2|%3|%4|%5|%6")
        .arg(QString::fromStdString(e.type), QString::fromStdString(e.message))
        .arg(e.line)
        .arg(e.offset)
        .arg(e.endLine)
        .arg(e.endOffset);
}

} // namespace

class tst_Parser : public QObject {
    Q_OBJECT
private slots:
    void everyFormParsesToCPythonsAstDump_data()
    {
        QTest::addColumn<int>("row");
        for (int i = 0; i < int(std::size(kDumpRows)); ++i)
            QTest::newRow(kDumpRows[i].name) << i;
    }
    void everyFormParsesToCPythonsAstDump()
    {
        QFETCH(int, row);
        const DumpRow& r = kDumpRows[row];
        const ParseResult result = Parser::parse(r.source);
        QVERIFY2(result.ok(), result.error ? describe(*result.error).toUtf8().constData() : "no module");
        QCOMPARE(QString::fromStdString(dumpAst(*result.module)), QString::fromUtf8(r.dump));
    }

    void everyNodeCarriesCPythonsPositions_data() { everyFormParsesToCPythonsAstDump_data(); }
    void everyNodeCarriesCPythonsPositions()
    {
        QFETCH(int, row);
        const DumpRow& r = kDumpRows[row];
        const ParseResult result = Parser::parse(r.source);
        QVERIFY(result.ok());
        AstDumpOptions options;
        options.includeAttributes = true;
        QCOMPARE(QString::fromStdString(dumpAst(*result.module, options)), QString::fromUtf8(r.dumpWithPositions));
    }

    void badProgramsFailLikeCPython_data()
    {
        QTest::addColumn<int>("row");
        for (int i = 0; i < int(std::size(kErrorRows)); ++i)
            QTest::newRow((std::to_string(i) + ": " + kErrorRows[i].name).c_str()) << i;
    }
    void badProgramsFailLikeCPython()
    {
        QFETCH(int, row);
        const ErrorRow& r = kErrorRows[row];
        const auto start = std::chrono::steady_clock::now();
        const ParseResult result = Parser::parse(build(r));
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QVERIFY2(seconds < 2.0, "pathological input must fail fast");
        if (std::string_view(r.type) == "OK") {
            QVERIFY2(result.ok(), result.error ? describe(*result.error).toUtf8().constData() : "");
            return;
        }
        QVERIFY(!result.ok());
        const SyntaxError& e = *result.error;
        const QString expected = QStringLiteral("%1|%2|%3|%4|%5|%6")
                                     .arg(QString::fromUtf8(r.type), QString::fromUtf8(r.message))
                                     .arg(r.line)
                                     .arg(r.offset)
                                     .arg(r.endLine)
                                     .arg(r.endOffset);
        QCOMPARE(describe(e), expected);
    }

    void randomBytesGiveASyntaxErrorQuickly()
    {
        std::uint64_t state = 0x9E3779B97F4A7C15ull;
        for (int round = 0; round < 50; ++round) {
            std::string src(10 * 1024, '\0');
            for (char& c : src) {
                state = state * 6364136223846793005ull + 1442695040888963407ull;
                c = static_cast<char>(state >> 56);
            }
            const ParseResult result = Parser::parse(src);
            QVERIFY(!result.ok());
            QCOMPARE(QString::fromStdString(result.error->type), QStringLiteral("SyntaxError"));
        }
    }

    void randomPrintableTextNeverCrashes()
    {
        const std::string alphabet = "()[]{}:;,.=+-*/%'\"#\\@ \t\n\n    ifelsefordefclasslambdayieldawait01x_";
        std::uint64_t state = 12345;
        for (int round = 0; round < 300; ++round) {
            std::string src;
            for (int i = 0; i < 400; ++i) {
                state = state * 6364136223846793005ull + 1442695040888963407ull;
                src += alphabet[(state >> 33) % alphabet.size()];
            }
            const ParseResult result = Parser::parse(src);
            QVERIFY(result.ok() || !result.error->message.empty() || result.error->type == "MemoryError");
        }
    }

    void undecodableSourceIsReportedWithoutLocation()
    {
        const ParseResult result = Parser::parse("x = 1\ns = \"\xff\"\n");
        QVERIFY(!result.ok());
        // CPython 3.11's message for `python3 main.py` (gen_syntax_errors.py
        // prints it; CPython names the file by its absolute path).
        QCOMPARE(QString::fromStdString(result.error->message),
                 QStringLiteral("Non-UTF-8 code starting with '\\xff' in file main.py on line 2, but no encoding "
                                "declared; see https://peps.python.org/pep-0263/ for details"));
        QCOMPARE(result.error->line, 0);
    }

    void nulBytesAreASyntaxError()
    {
        // 3.11.2 silently truncates such lines; we use the message later 3.11
        // releases and 3.12 give.
        const ParseResult result = Parser::parse(std::string("x = 1\ny\0z\n", 10));
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(syntaxErrorSummary(*result.error)),
                 QStringLiteral("SyntaxError: source code cannot contain null bytes"));
    }

    void bomAndCrlfLineEndsAreAccepted()
    {
        const ParseResult result = Parser::parse("\xEF\xBB\xBFx = 1\r\nif x:\r\n    y = 2\r\n");
        QVERIFY(result.ok());
        QCOMPARE(QString::fromStdString(dumpAst(*result.module->body[1])),
                 QStringLiteral("If(test=Name(id='x', ctx=Load()), body=[Assign(targets=[Name(id='y', ctx=Store())], "
                                "value=Constant(value=2))], orelse=[])"));
    }

    void errorsPrintInCPythonsShape_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("printed");
        // Expected text is what `python3 main.py` prints for each file.
        QTest::newRow("expected colon") << QStringLiteral("x = 1\nif x\n    pass\n")
                                        << QStringLiteral("  File \"main.py\", line 2\n    if x\n        ^\n"
                                                          "SyntaxError: expected ':'\n");
        QTest::newRow("range of carets") << QStringLiteral("def f():\n    x = (1 2)\n")
                                         << QStringLiteral("  File \"main.py\", line 2\n    x = (1 2)\n         ^^^\n"
                                                           "SyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
        QTest::newRow("unclosed bracket") << QStringLiteral("foo(\n\nx = 1\n")
                                          << QStringLiteral("  File \"main.py\", line 1\n    foo(\n       ^\n"
                                                            "SyntaxError: '(' was never closed\n");
        QTest::newRow("compiler error") << QStringLiteral("x = 1\nreturn 2\n")
                                        << QStringLiteral("  File \"main.py\", line 2\n    return 2\n    ^^^^^^^^\n"
                                                          "SyntaxError: 'return' outside function\n");
        QTest::newRow("tab error has no caret") << QStringLiteral("if x:\n\tpass\n        pass\n")
                                                << QStringLiteral("  File \"main.py\", line 3\n    pass\n"
                                                                  "TabError: inconsistent use of tabs and spaces in "
                                                                  "indentation\n");
        QTest::newRow("missing block at end of file")
            << QStringLiteral("def f():\n\n")
            << QStringLiteral("  File \"main.py\", line 2\n    \nIndentationError: expected an indented block after "
                              "function definition on line 1\n");
        QTest::newRow("chinese text keeps the caret under its character")
            << QStringLiteral("print（1）\n")
            << QStringLiteral("  File \"main.py\", line 1\n    print（1）\n         ^\n"
                              "SyntaxError: invalid character '（' (U+FF08)\n");
        QTest::newRow("memory error is one line") << QString(QStringLiteral("-")).repeated(100000) + "1\n"
                                                  << QStringLiteral("MemoryError\n");
    }
    void errorsPrintInCPythonsShape()
    {
        QFETCH(QString, source);
        QFETCH(QString, printed);
        const ParseResult result = Parser::parse(source.toStdString());
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(formatSyntaxError(*result.error)), printed);
    }

    void parsingIsLinearAndFast()
    {
        std::string unit;
        for (const DumpRow& r : kDumpRows)
            unit += r.source;
        // CPU time of this thread, best of five parses: on a shared machine
        // wall time says how busy the other processes are, not the parser.
        auto cpuNow = [] {
            timespec t{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
            return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
        };
        auto timeFor = [&](int copies) {
            std::string src;
            for (int i = 0; i < copies; ++i)
                src += unit;
            bool ok = true;
            double best = 1e9;
            for (int run = 0; run < 5; ++run) {
                const double start = cpuNow();
                const ParseResult result = Parser::parse(src);
                best = std::min(best, cpuNow() - start);
                if (!result.ok())
                    qWarning("%s", describe(*result.error).toUtf8().constData());
                ok = ok && result.ok();
            }
            return std::make_pair(ok, best);
        };
        timeFor(5);  // warm up
        const auto small = timeFor(20);
        const auto large = timeFor(160);
        QVERIFY(small.first && large.first);
        // ~40,000 lines must parse well under a second, and 8x the text may
        // not cost much more than 8x the time.
        QVERIFY2(large.second < 1.0, qPrintable(QString::number(large.second)));
        QVERIFY2(large.second < small.second * 16 + 0.01,
                 qPrintable(QStringLiteral("%1 vs %2").arg(large.second).arg(small.second)));
    }

    void eachParseOwnsItsArena()
    {
        ParseResult a = Parser::parse("x = 'a'\n");
        ParseResult b = Parser::parse("y = 'b'\n");
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a.arena->bytesUsed() > 0);
        b = ParseResult{};
        QCOMPARE(QString::fromStdString(dumpAst(*a.module)),
                 QStringLiteral("Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='a'))], "
                                "type_ignores=[])"));
    }
};

QTEST_APPLESS_MAIN(tst_Parser)
#include "tst_parser.moc"
