// Limits and sandbox: hostile programs run through `coroscope-cli run` and
// must finish quickly with the right exit status and message, never with a
// crash: infinite loops (step budget, exit 3), runaway memory (MemoryError),
// runaway recursion through Python and through C++ re-entry
// (RecursionError), absurd nesting and random bytes as source
// (SyntaxError), imports of real-system modules (ImportError), and files
// (an in-memory file system).

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

namespace {

QString cliPath()
{
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return QString::fromStdString((self.parent_path().parent_path().parent_path() / "bin" / "coroscope-cli").string());
}

struct Outcome {
    int rc = -1;           ///< exit status, -1 if it crashed or timed out
    QByteArray out;
    QByteArray lastErr;    ///< last non-blank stderr line
    qint64 ms = 0;
};

Outcome runSource(const QByteArray& source, const QStringList& extra = {})
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("main.py"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(source);
    f.close();
    QProcess proc;
    QElapsedTimer timer;
    timer.start();
    proc.start(cliPath(), QStringList{QStringLiteral("run"), path} + extra);
    proc.waitForStarted();
    const bool finished = proc.waitForFinished(60000);
    Outcome o;
    o.ms = timer.elapsed();
    if (!finished) {
        proc.kill();
        proc.waitForFinished();
        return o;
    }
    o.out = proc.readAllStandardOutput();
    const QList<QByteArray> lines = proc.readAllStandardError().split('\n');
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        if (!it->trimmed().isEmpty()) {
            o.lastErr = *it;
            break;
        }
    }
    o.rc = proc.exitStatus() == QProcess::NormalExit ? proc.exitCode() : -1;
    return o;
}

} // namespace

class tst_Limits : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(QFile::exists(cliPath()), qPrintable(cliPath())); }

    void hostileProgramsEndWithTheRightStatus_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("rc");
        QTest::addColumn<QByteArray>("lastErr");
        const QStringList steps{QStringLiteral("--max-steps"), QStringLiteral("2000000")};
        const QByteArray stepMessage =
            "coroscope: the program was stopped after 2000000 steps (the --max-steps limit)";
        QTest::newRow("while True: pass") << QByteArray("while True:\n    pass\n") << steps << 3 << stepMessage;
        QTest::newRow("a loop that swallows every exception")
            << QByteArray("while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n"
                          "        pass\n    finally:\n        print('finally must not run')\n")
            << steps << 3 << stepMessage;
        QTest::newRow("an endless generator")
            << QByteArray("def g():\n    while True:\n        yield 1\nfor x in g():\n    pass\n") << steps << 3 << stepMessage;
        QTest::newRow("an endless loop in a finalizer")
            << QByteArray("def g():\n    try:\n        yield 1\n    finally:\n        while True:\n            pass\n"
                          "x = g()\nnext(x)\ndel x\n")
            << steps << 3 << stepMessage;
        QTest::newRow("an endless loop in a dunder called from C++")
            << QByteArray("class A:\n    def __eq__(self, o):\n        while True:\n            pass\n[A()].index(A())\n")
            << steps << 3 << stepMessage;
        QTest::newRow("[0] * 10**10") << QByteArray("x = [0] * 10**10\n") << QStringList() << 1 << QByteArray("MemoryError");
        QTest::newRow("'a' * 10**12") << QByteArray("x = 'a' * 10**12\n") << QStringList() << 1 << QByteArray("MemoryError");
        QTest::newRow("a list growing past --max-memory")
            << QByteArray("l = []\nwhile True:\n    l.append('x' * 10000)\n")
            << QStringList{QStringLiteral("--max-memory"), QStringLiteral("32M")} << 1 << QByteArray("MemoryError");
        QTest::newRow("MemoryError can be caught")
            << QByteArray("try:\n    x = [0] * 10**10\nexcept MemoryError:\n    print('caught')\n") << QStringList() << 0
            << QByteArray();
        QTest::newRow("infinite recursion")
            << QByteArray("def f(n):\n    return f(n + 1)\nf(0)\n") << QStringList() << 1
            << QByteArray("RecursionError: maximum recursion depth exceeded");
        QTest::newRow("recursion through __init__")
            << QByteArray("class A:\n    def __init__(self):\n        A()\nA()\n") << QStringList() << 1
            << QByteArray("RecursionError: maximum recursion depth exceeded");
        QTest::newRow("recursion through __repr__")
            << QByteArray("class A:\n    def __repr__(self):\n        return repr(self)\nprint(A())\n") << QStringList() << 1
            << QByteArray("RecursionError: maximum recursion depth exceeded while getting the repr of an object");
        QTest::newRow("recursion through yield from")
            << QByteArray("def g():\n    yield from g()\nnext(g())\n") << QStringList() << 1
            << QByteArray("RecursionError: maximum recursion depth exceeded");
        QTest::newRow("a million nested lists printed")
            << QByteArray("l = []\nfor i in range(1000000):\n    l = [l]\nprint(l)\n") << QStringList() << 1
            << QByteArray("RecursionError: maximum recursion depth exceeded while getting the repr of an object");
        QTest::newRow("100,000 nested parentheses")
            << (QByteArray("x = ") + QByteArray(100000, '(') + "1" + QByteArray(100000, ')') + "\n") << QStringList() << 1
            << QByteArray("SyntaxError: too many nested parentheses");
        QTest::newRow("100,000 nested lists in source")
            << (QByteArray("x = ") + QByteArray(100000, '[') + QByteArray(100000, ']') + "\n") << QStringList() << 1
            << QByteArray("SyntaxError: too many nested parentheses");
        QTest::newRow("10,000 nested blocks")
            << [] {
                   QByteArray s;
                   for (int i = 0; i < 10000; ++i) s += QByteArray(i, ' ') + "if True:\n";
                   return s + QByteArray(10000, ' ') + "pass\n";
               }()
            << QStringList() << 1 << QByteArray("IndentationError: too many levels of indentation");
        QTest::newRow("import os") << QByteArray("import os\n") << QStringList() << 1
                                   << QByteArray("ImportError: module 'os' is not available in Coroscope");
        QTest::newRow("import subprocess") << QByteArray("import subprocess\n") << QStringList() << 1
                                           << QByteArray("ImportError: module 'subprocess' is not available in Coroscope");
        QTest::newRow("from socket import socket") << QByteArray("from socket import socket\n") << QStringList() << 1
                                                   << QByteArray("ImportError: module 'socket' is not available in Coroscope");
        QTest::newRow("the real file system is invisible")
            << QByteArray("open('/etc/passwd')\n") << QStringList() << 1
            << QByteArray("FileNotFoundError: [Errno 2] No such file or directory: '/etc/passwd'");
    }

    void hostileProgramsEndWithTheRightStatus()
    {
        QFETCH(QByteArray, source);
        QFETCH(QStringList, options);
        QFETCH(int, rc);
        QFETCH(QByteArray, lastErr);
        const Outcome o = runSource(source, options);
        QCOMPARE(o.rc, rc);
        QCOMPARE(QString::fromUtf8(o.lastErr), QString::fromUtf8(lastErr));
        QVERIFY(!o.out.contains("must not run"));
        QVERIFY2(o.ms < 20000, qPrintable(QString::number(o.ms)));
    }

    void theDefaultStepBudgetStopsAnInfiniteLoop()
    {
        const Outcome o = runSource("while True:\n    pass\n");
        QCOMPARE(o.rc, 3);
        QVERIFY(o.lastErr.contains("--max-steps"));
    }

    void randomBytesAsSourceNeverCrash()
    {
        QRandomGenerator rng(20240611);
        for (int i = 0; i < 25; ++i) {
            QByteArray source(int(rng.bounded(1, 4000)), '\0');
            for (char& c : source) c = char(rng.bounded(256));
            const Outcome o = runSource(source, {QStringLiteral("--max-steps"), QStringLiteral("1000000")});
            QVERIFY2(o.rc == 0 || o.rc == 1 || o.rc == 3, qPrintable(QStringLiteral("case %1 rc %2").arg(i).arg(o.rc)));
        }
    }

    void randomPrintableSourceNeverCrashes()
    {
        // Closer to real code: printable ASCII with keywords and brackets.
        QRandomGenerator rng(7);
        const char* pieces[] = {"def ", "class ", "(", ")", "[", "]", "{", "}", ":", "\n", "    ", "yield ", "return ",
                                "x", "y", "1", "'s'", "=", "+", ",", "for ", " in ", "if ", "else", "lambda ", "*", "**",
                                "async ", "await ", "with ", "try:", "except", "finally:", "raise ", "not ", "."};
        for (int i = 0; i < 40; ++i) {
            QByteArray source;
            const int n = int(rng.bounded(5, 200));
            for (int k = 0; k < n; ++k) source += pieces[rng.bounded(int(std::size(pieces)))];
            const Outcome o = runSource(source, {QStringLiteral("--max-steps"), QStringLiteral("1000000")});
            QVERIFY2(o.rc == 0 || o.rc == 1 || o.rc == 3,
                     qPrintable(QStringLiteral("rc %1 for:\n").arg(o.rc) + QString::fromUtf8(source)));
        }
    }

    void filesLiveInMemory()
    {
        const Outcome o = runSource("with open('notes.txt', 'w') as f:\n    f.write('one\\ntwo\\n')\n"
                                    "with open('notes.txt', 'a') as f:\n    print('three', file=f)\n"
                                    "with open('notes.txt') as f:\n    print(f.readlines())\n"
                                    "with open('b.bin', 'wb') as f:\n    f.write(b'\\x00\\xff')\n"
                                    "print(open('b.bin', 'rb').read())\n"
                                    "try:\n    open('notes.txt', 'x')\nexcept FileExistsError as e:\n    print(e)\n");
        QCOMPARE(o.rc, 0);
        QCOMPARE(QString::fromUtf8(o.out), QStringLiteral("['one\\n', 'two\\n', 'three\\n']\nb'\\x00\\xff'\n"
                                                          "[Errno 17] File exists: 'notes.txt'\n"));
    }

    void usageErrorsExitWithTwo()
    {
        QProcess proc;
        proc.start(cliPath(), {QStringLiteral("run")});
        proc.waitForFinished();
        QCOMPARE(proc.exitCode(), 2);
        proc.start(cliPath(), {QStringLiteral("run"), QStringLiteral("x.py"), QStringLiteral("--max-steps"),
                               QStringLiteral("lots")});
        proc.waitForFinished();
        QCOMPARE(proc.exitCode(), 2);
        QVERIFY(proc.readAllStandardError().contains("usage:"));
    }
};

QTEST_APPLESS_MAIN(tst_Limits)
#include "tst_limits.moc"
