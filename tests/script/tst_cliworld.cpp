// coroscope-cli's own world reading and forwarding, through the real binary:
// `run --world FILE.json` (core's reader, no Qt in coroscope-cli) and
// `lessons`, which runs coroscope-lessons next to it (app/cli/Forward.h).

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

namespace {

QString binPath(const char* program)
{
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return QString::fromStdString((self.parent_path().parent_path().parent_path() / "bin" / program).string());
}

struct Outcome {
    int rc = -1; ///< exit status, -1 if it crashed or timed out
    QByteArray out;
    QByteArray err;
};

Outcome cli(const QStringList& args)
{
    QProcess proc;
    proc.start(binPath("coroscope-cli"), args);
    Outcome o;
    if (!proc.waitForFinished(60000) || proc.exitStatus() != QProcess::NormalExit) {
        proc.kill();
        return o;
    }
    o.rc = proc.exitCode();
    o.out = proc.readAllStandardOutput();
    o.err = proc.readAllStandardError();
    return o;
}

QString write(const QTemporaryDir& dir, const char* name, const QByteArray& text)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text);
    return path;
}

const QByteArray kFetch = "import requests, time\n"
                          "t0 = time.time()\n"
                          "r = requests.get('http://slow.example/page')\n"
                          "print(r.status_code, round(time.time() - t0, 1))\n";

} // namespace

class tst_CliWorld : public QObject {
    Q_OBJECT

private slots:
    void aWorldFileSetsWhatTheProgramSees()
    {
        QTemporaryDir dir;
        const QString program = write(dir, "main.py", kFetch);
        const QString world = write(dir, "world.json", "{\"hosts\": {\"slow.example\": {\"latency\": 2, \"status\": 404}}}");
        const Outcome o = cli({QStringLiteral("run"), program, QStringLiteral("--world"), world});
        QCOMPARE(o.rc, 0);
        QCOMPARE(o.out, QByteArray("404 2.0\n"));
    }

    void aWorldInsideALessonProgramEntryIsReadToo()
    {
        QTemporaryDir dir;
        const QString program = write(dir, "main.py", kFetch);
        const QString world =
            write(dir, "entry.json", "{\"file\": \"main.py\", \"world\": {\"hosts\": {\"slow.example\": {\"latency\": 3}}}}");
        const Outcome o = cli({QStringLiteral("run"), program, QStringLiteral("--world"), world});
        QCOMPARE(o.rc, 0);
        QCOMPARE(o.out, QByteArray("200 3.0\n"));
    }

    void aBadWorldIsAUsageErrorNamingEveryBadField()
    {
        QTemporaryDir dir;
        const QString program = write(dir, "main.py", kFetch);
        const QString world = write(dir, "world.json", "{\"hosts\": {\"a/b\": {\"latency\": -1}}, \"uvloop\": 2}");
        const Outcome o = cli({QStringLiteral("run"), program, QStringLiteral("--world"), world});
        QCOMPARE(o.rc, 2);
        QVERIFY(o.out.isEmpty());
        QCOMPARE(QString::fromUtf8(o.err),
                 QStringLiteral("coroscope-cli: --world %1: world.uvloop: expected true or false, got 2\n"
                                "world.hosts[\"a/b\"]: a host is a name or an address without scheme or path; "
                                "put whole URLs under \"urls\"\n"
                                "world.hosts[\"a/b\"].latency: expected a number >= 0, got -1\n")
                     .arg(world));
    }

    void aWorldThatIsNotJsonSaysWhere()
    {
        QTemporaryDir dir;
        const QString program = write(dir, "main.py", kFetch);
        const QString world = write(dir, "world.json", "{\"hosts\": {,}}");
        const Outcome o = cli({QStringLiteral("run"), program, QStringLiteral("--world"), world});
        QCOMPARE(o.rc, 2);
        QCOMPARE(QString::fromUtf8(o.err),
                 QStringLiteral("coroscope-cli: --world %1: not valid JSON at offset 11: expected a member name in "
                                "double quotes\n")
                     .arg(world));
    }

    void lessonsRunsInItsOwnProgramWithTheSameArguments()
    {
        const Outcome list = cli({QStringLiteral("lessons")});
        QCOMPARE(list.rc, 0);
        QVERIFY2(list.out.startsWith("1     coroutine-intro"), list.out.left(80).constData());
        const Outcome bad = cli({QStringLiteral("lessons"), QStringLiteral("--max-steps"), QStringLiteral("x")});
        QCOMPARE(bad.rc, 2);
        QVERIFY2(bad.err.contains("usage: coroscope-cli lessons [--check]"), bad.err.constData());
    }
};

QTEST_APPLESS_MAIN(tst_CliWorld)
#include "tst_cliworld.moc"
