#pragma once
// Shared by the golden-script suites (tst_golden, tst_golden_async): every
// tests/scripts/<area>/*.py of a suite's areas runs through
// `coroscope-cli run` and must reproduce what CPython 3.11 printed
// (regen.py): stdout byte for byte, the last non-blank stderr line, and the
// exit status.
//
// A suite's known-failing list (tests/scripts/<listName>: one relative path
// per line, '#' comments allowed) names the scripts that do not pass yet.
// Their rows are expected failures; a listed script that passes fails the
// test, so the list can only shrink.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QtTest>

#include <filesystem>

namespace coroscope::golden {

struct Suite {
    QStringList areas; ///< folders under tests/scripts
    QString listName;  ///< the known-failing list under tests/scripts
    int timeoutMs;     ///< per script
    QString expectedDir = {}; ///< where the expected files are, relative to the script's folder (empty: beside it)
};

inline QString scriptsRoot()
{
    return QFileInfo(QStringLiteral(__FILE__)).absoluteDir().absoluteFilePath(QStringLiteral("../scripts"));
}

/// build/tests/bin/tst_golden -> build/bin/coroscope-cli
inline QString cliPath()
{
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return QString::fromStdString((self.parent_path().parent_path().parent_path() / "bin" / "coroscope-cli").string());
}

inline QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

inline QSet<QString> knownFailing(const Suite& suite)
{
    QSet<QString> set;
    const QList<QByteArray> lines = readAll(scriptsRoot() + QLatin1Char('/') + suite.listName).split('\n');
    for (const QByteArray& raw : lines) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) continue;
        set.insert(line);
    }
    return set;
}

inline QByteArray lastStderrLine(const QByteArray& err)
{
    const QList<QByteArray> lines = err.split('\n');
    for (auto it = lines.rbegin(); it != lines.rend(); ++it)
        if (!it->trimmed().isEmpty()) return *it + '\n';
    return {};
}

/// initTestCase: the CLI is built and the scripts are there.
inline void checkSetup()
{
    QVERIFY2(QFileInfo::exists(cliPath()), qPrintable(QStringLiteral("coroscope-cli not built at ") + cliPath()));
    QVERIFY(QDir(scriptsRoot()).exists());
}

inline void checkKnownFailingNamesScripts(const Suite& suite)
{
    for (const QString& entry : knownFailing(suite))
        QVERIFY2(QFileInfo::exists(scriptsRoot() + QLatin1Char('/') + entry),
                 qPrintable(suite.listName + QStringLiteral(" names a missing script: ") + entry));
}

/// The _data() function: one row per script.
inline void addScriptRows(const Suite& suite)
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<bool>("known");
    const QSet<QString> known = knownFailing(suite);
    for (const QString& area : suite.areas) {
        QDir dir(scriptsRoot() + QLatin1Char('/') + area);
        const QStringList files = dir.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
        for (const QString& file : files) {
            const QString rel = area + QLatin1Char('/') + file;
            QTest::newRow(qPrintable(rel)) << rel << known.contains(rel);
        }
    }
}

/// The test function for one row.
inline void runScriptRow(const Suite& suite)
{
    QFETCH(QString, script);
    QFETCH(bool, known);
    const QString path = scriptsRoot() + QLatin1Char('/') + script;
    const QFileInfo info(path);
    const QString base = suite.expectedDir.isEmpty()
                             ? path.left(path.size() - 3)
                             : info.absolutePath() + QLatin1Char('/') + suite.expectedDir + QLatin1Char('/') +
                                   info.completeBaseName();
    const QByteArray expectedOut = readAll(base + QStringLiteral(".out"));
    const QByteArray expectedErr = readAll(base + QStringLiteral(".err"));
    const int expectedRc = readAll(base + QStringLiteral(".rc")).trimmed().toInt();

    QProcess proc;
    proc.setWorkingDirectory(QFileInfo(path).absolutePath());
    proc.start(cliPath(), {QStringLiteral("run"), path});
    QVERIFY(proc.waitForStarted());
    const bool finished = proc.waitForFinished(suite.timeoutMs);
    if (!finished) proc.kill();
    const QByteArray out = proc.readAllStandardOutput();
    const QByteArray err = lastStderrLine(proc.readAllStandardError());
    const int rc = proc.exitStatus() == QProcess::NormalExit ? proc.exitCode() : -1;
    const bool ok = finished && out == expectedOut && err == expectedErr && rc == expectedRc;

    if (known) {
        if (ok) QFAIL(qPrintable(QStringLiteral("passes but is listed in tests/scripts/") + suite.listName
                                 + QStringLiteral(": remove it from the list")));
        QEXPECT_FAIL("", "listed as known failing", Abort);
        QVERIFY(ok);
        return;
    }
    QVERIFY2(finished, "timed out");
    QCOMPARE(QString::fromUtf8(out), QString::fromUtf8(expectedOut));
    QCOMPARE(QString::fromUtf8(err), QString::fromUtf8(expectedErr));
    QCOMPARE(rc, expectedRc);
}

} // namespace coroscope::golden
