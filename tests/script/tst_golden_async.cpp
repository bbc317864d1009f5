// Golden scripts of the issue-4 areas (asyncio, greenlet, threads): every
// tests/scripts/<area>/*.py runs
// through `coroscope-cli run` and must reproduce what CPython 3.11 printed
// (regen.py): stdout byte for byte, the last non-blank stderr line, and the
// exit status.
//
// tests/scripts/KNOWN_FAILING_ASYNC lists the scripts that do not pass yet (one
// relative path per line, '#' comments allowed). Their rows are expected
// failures; a listed script that passes fails the test, so the list can
// only shrink.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QString>
#include <QtTest>

#include <filesystem>

namespace {

const char* const kAreas[] = {"greenlet", "asyncio", "threads"};

QString scriptsRoot()
{
    return QFileInfo(QStringLiteral(__FILE__)).absoluteDir().absoluteFilePath(QStringLiteral("../scripts"));
}

/// build/tests/bin/tst_golden -> build/bin/coroscope-cli
QString cliPath()
{
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return QString::fromStdString((self.parent_path().parent_path().parent_path() / "bin" / "coroscope-cli").string());
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

QSet<QString> knownFailing()
{
    QSet<QString> set;
    const QList<QByteArray> lines = readAll(scriptsRoot() + QStringLiteral("/KNOWN_FAILING_ASYNC")).split('\n');
    for (const QByteArray& raw : lines) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) continue;
        set.insert(line);
    }
    return set;
}

QByteArray lastStderrLine(const QByteArray& err)
{
    const QList<QByteArray> lines = err.split('\n');
    for (auto it = lines.rbegin(); it != lines.rend(); ++it)
        if (!it->trimmed().isEmpty()) return *it + '\n';
    return {};
}

} // namespace

class tst_GoldenAsync : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(cliPath()), qPrintable(QStringLiteral("coroscope-cli not built at ") + cliPath()));
        QVERIFY(QDir(scriptsRoot()).exists());
    }

    void everyKnownFailingEntryNamesAScript()
    {
        for (const QString& entry : knownFailing())
            QVERIFY2(QFileInfo::exists(scriptsRoot() + QLatin1Char('/') + entry),
                     qPrintable(QStringLiteral("KNOWN_FAILING_ASYNC names a missing script: ") + entry));
    }

    void scriptMatchesCPython_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<bool>("known");
        const QSet<QString> known = knownFailing();
        for (const char* area : kAreas) {
            QDir dir(scriptsRoot() + QLatin1Char('/') + QLatin1String(area));
            const QStringList files = dir.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
            for (const QString& file : files) {
                const QString rel = QLatin1String(area) + QLatin1Char('/') + file;
                QTest::newRow(qPrintable(rel)) << rel << known.contains(rel);
            }
        }
    }

    void scriptMatchesCPython()
    {
        QFETCH(QString, script);
        QFETCH(bool, known);
        const QString path = scriptsRoot() + QLatin1Char('/') + script;
        const QString base = path.left(path.size() - 3);
        const QByteArray expectedOut = readAll(base + QStringLiteral(".out"));
        const QByteArray expectedErr = readAll(base + QStringLiteral(".err"));
        const int expectedRc = readAll(base + QStringLiteral(".rc")).trimmed().toInt();

        QProcess proc;
        proc.setWorkingDirectory(QFileInfo(path).absolutePath());
        proc.start(cliPath(), {QStringLiteral("run"), path});
        QVERIFY(proc.waitForStarted());
        const bool finished = proc.waitForFinished(20000);
        if (!finished) proc.kill();
        const QByteArray out = proc.readAllStandardOutput();
        const QByteArray err = lastStderrLine(proc.readAllStandardError());
        const int rc = proc.exitStatus() == QProcess::NormalExit ? proc.exitCode() : -1;
        const bool ok = finished && out == expectedOut && err == expectedErr && rc == expectedRc;

        if (known) {
            if (ok) QFAIL("passes but is listed in tests/scripts/KNOWN_FAILING_ASYNC: remove it from the list");
            QEXPECT_FAIL("", "listed in tests/scripts/KNOWN_FAILING_ASYNC", Abort);
            QVERIFY(ok);
            return;
        }
        QVERIFY2(finished, "timed out");
        QCOMPARE(QString::fromUtf8(out), QString::fromUtf8(expectedOut));
        QCOMPARE(QString::fromUtf8(err), QString::fromUtf8(expectedErr));
        QCOMPARE(rc, expectedRc);
    }
};

QTEST_APPLESS_MAIN(tst_GoldenAsync)
#include "tst_golden_async.moc"
