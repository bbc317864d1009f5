// Every async golden script and every lesson program, traced by
// `coroscope-cli trace --stats`, folds into the Model with no anomaly: each
// switch leaves the task that was running, no task changes state after it
// finished, the clock never runs backwards, nothing is recorded after the run
// ended. What the GUI shows is only as true as these traces.
#include "script/GoldenRunner.h"

#include <QDirIterator>
#include <QRegularExpression>

namespace {

QString lessonsRoot()
{
    return QFileInfo(QStringLiteral(__FILE__)).absoluteDir().absoluteFilePath(QStringLiteral("../../lessons"));
}

/// "anomalies: N" and the lines naming them, from the CLI's stderr.
QString anomaliesOf(const QString& path)
{
    QProcess proc;
    proc.setWorkingDirectory(QFileInfo(path).absolutePath());
    proc.start(coroscope::golden::cliPath(),
               {QStringLiteral("trace"), path, QStringLiteral("--format"), QStringLiteral("jsonl"),
                QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("--stats")});
    if (!proc.waitForStarted() || !proc.waitForFinished(30000)) {
        proc.kill();
        return QStringLiteral("did not finish");
    }
    const QString err = QString::fromUtf8(proc.readAllStandardError());
    const qsizetype at = err.lastIndexOf(QStringLiteral("anomalies: "));
    if (at < 0) return QStringLiteral("no statistics printed");
    return err.mid(at).trimmed();
}

} // namespace

class tst_TraceFold : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { coroscope::golden::checkSetup(); }

    void aTracedProgramFoldsWithoutAnomalies_data()
    {
        QTest::addColumn<QString>("path");
        for (const char* area : {"asyncio", "greenlet", "threads"}) {
            QDir dir(coroscope::golden::scriptsRoot() + QLatin1Char('/') + QLatin1String(area));
            for (const QString& file : dir.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name))
                QTest::newRow(qPrintable(QLatin1String(area) + QLatin1Char('/') + file)) << dir.absoluteFilePath(file);
        }
        QDirIterator it(lessonsRoot(), {QStringLiteral("*.py")}, QDir::Files, QDirIterator::Subdirectories);
        QStringList lessonFiles;
        while (it.hasNext()) {
            const QString file = it.next();
            if (QRegularExpression(QStringLiteral("/lessons/\\d\\d-[^/]+/[^/]+\\.py$")).match(file).hasMatch())
                lessonFiles << file;
        }
        lessonFiles.sort();
        for (const QString& file : lessonFiles)
            QTest::newRow(qPrintable(QStringLiteral("lessons/") + QDir(lessonsRoot()).relativeFilePath(file))) << file;
    }

    void aTracedProgramFoldsWithoutAnomalies()
    {
        QFETCH(QString, path);
        QCOMPARE(anomaliesOf(path), QStringLiteral("anomalies: 0"));
    }
};

QTEST_APPLESS_MAIN(tst_TraceFold)
#include "tst_tracefold.moc"
