// coroscope-cli render (app/cli/RenderCommand.h, HeadlessRender): the real
// binary is run the way a grader runs it, headless, and its files and exit
// statuses are checked. The binary sits in build/bin, next to tests/bin.

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

QString cliPath()
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../../bin/coroscope-cli"));
}

struct Outcome {
    int status = -1;
    QString err;
};

Outcome render(const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // As on a build server: no display at all, the command must pick offscreen itself.
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(cliPath(), QStringList{QStringLiteral("render")} + args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardError())};
}

/// `render TARGET --step STEP -o OUT EXTRA...`
Outcome renderStep(const QString& target, const QString& step, const QString& out, const QStringList& extra = {})
{
    return render(QStringList{target, QStringLiteral("--step"), step, QStringLiteral("-o"), out} + extra);
}

/// Writes `source` to NAME in `dir`; its path.
QString writeProgram(const QTemporaryDir& dir, const QString& name, const QByteArray& source)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(source);
    return path;
}

QByteArray bytesOf(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The text of every <text> element, in document order; empty if not well-formed.
QStringList svgTexts(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read");
        return {};
    }
    QXmlStreamReader xml(&f);
    QStringList texts;
    bool sawSvg = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        sawSvg = sawSvg || xml.name() == QLatin1String("svg");
        if (xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    if (xml.hasError())
        *error = xml.errorString();
    else if (!sawSvg)
        *error = QStringLiteral("no <svg> element");
    return texts;
}

} // namespace

class tst_RenderCommand : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(cliPath()).isExecutable(),
                 qPrintable(QStringLiteral("build coroscope-cli first: %1 is missing").arg(cliPath())));
    }

    void renderingTheSameStepTwiceGivesTheSamePngBytes()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.png"));
        const QString b = dir.filePath(QStringLiteral("b.png"));
        QCOMPARE(renderStep(QStringLiteral("task"), QStringLiteral("60"), a).status, 0);
        QCOMPARE(renderStep(QStringLiteral("task"), QStringLiteral("60"), b).status, 0);
        const QByteArray first = bytesOf(a);
        QVERIFY(first.startsWith("\x89PNG"));
        QCOMPARE(bytesOf(b), first);
        QCOMPARE(QImage::fromData(first, "PNG").size(), QSize(1280, 720));
        // Another step is another picture.
        const QString start = dir.filePath(QStringLiteral("start.png"));
        QCOMPARE(renderStep(QStringLiteral("task"), QStringLiteral("0"), start).status, 0);
        QVERIFY(bytesOf(start) != first);
    }

    void anSvgFrameIsWellFormedXmlWithTheViewsText_data()
    {
        QTest::addColumn<QString>("view");
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("loop") << QStringLiteral("loop") << QStringLiteral("task")
                              << QStringList{QStringLiteral("Event loop"), QStringLiteral("func"), QStringLiteral("Task-3")};
        QTest::newRow("greenlets") << QStringLiteral("greenlets") << QStringLiteral("greenlet")
                                   << QStringList{QStringLiteral("Greenlets"), QStringLiteral("main")};
        QTest::newRow("timeline") << QStringLiteral("timeline") << QStringLiteral("task")
                                  << QStringList{QStringLiteral("Task-1"), QStringLiteral("Task-2")};
    }

    void anSvgFrameIsWellFormedXmlWithTheViewsText()
    {
        QFETCH(QString, view);
        QFETCH(QString, lesson);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("frame.svg"));
        const Outcome o = renderStep(lesson, QStringLiteral("60"), out, {QStringLiteral("--view"), view});
        QVERIFY2(o.status == 0, qPrintable(o.err));
        QString error;
        const QStringList texts = svgTexts(out, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString& word : expected)
            QVERIFY2(texts.contains(word), qPrintable(word + QStringLiteral(" not in: ") + texts.join(QLatin1Char('|'))));
    }

    void aStepPastTheEndRendersTheEndAndSaysSo()
    {
        QTemporaryDir dir;
        const QString past = dir.filePath(QStringLiteral("past.png"));
        const QString end = dir.filePath(QStringLiteral("end.png"));
        const Outcome o = renderStep(QStringLiteral("greenlet"), QStringLiteral("1000000"), past);
        QCOMPARE(o.status, 0);
        QVERIFY2(o.err.contains(QLatin1String("step 1000000 is past the end of the run")), qPrintable(o.err));
        QCOMPARE(renderStep(QStringLiteral("greenlet"), QStringLiteral("end"), end).status, 0);
        QCOMPARE(bytesOf(past), bytesOf(end));
    }

    void aPythonFileRendersAtTheRequestedSizeAndTheme()
    {
        QTemporaryDir dir;
        const QString program = writeProgram(
            dir, QStringLiteral("prog.py"),
            "import asyncio\n\nasync def job(n):\n    await asyncio.sleep(n)\n    return n\n\n"
            "async def main():\n    print(await asyncio.gather(job(1), job(2)))\n\nasyncio.run(main())\n");
        const QString out = dir.filePath(QStringLiteral("dark.png"));
        const Outcome o = renderStep(program, QStringLiteral("40"), out,
                                     {QStringLiteral("--size"), QStringLiteral("640x360"), QStringLiteral("--theme"),
                                      QStringLiteral("dark")});
        QVERIFY2(o.status == 0, qPrintable(o.err));
        const QImage image(out);
        QCOMPARE(image.size(), QSize(640, 360));
        QVERIFY2(qGray(image.pixel(2, 2)) < 80, "the dark theme has a dark ground");
    }

    void theWholeWindowRendersAsTheMainViewTheSameEveryTime()
    {
        QTemporaryDir dir;
        const QStringList main{QStringLiteral("--view"), QStringLiteral("main"), QStringLiteral("--size"),
                               QStringLiteral("1366x768")};
        const QString a = dir.filePath(QStringLiteral("a.png"));
        const QString b = dir.filePath(QStringLiteral("b.png"));
        const Outcome o = renderStep(QStringLiteral("task"), QStringLiteral("60"), a, main);
        QVERIFY2(o.status == 0, qPrintable(o.err));
        QCOMPARE(QImage(a).size(), QSize(1366, 768));
        QCOMPARE(renderStep(QStringLiteral("task"), QStringLiteral("60"), b, main).status, 0);
        QCOMPARE(bytesOf(b), bytesOf(a));
    }

    void aProgramThatDoesNotCompileExitsWithStatusOne()
    {
        QTemporaryDir dir;
        const QString program = writeProgram(dir, QStringLiteral("bad.py"), "def broken(:\n    pass\n");
        const QString out = dir.filePath(QStringLiteral("x.png"));
        const Outcome o = renderStep(program, QStringLiteral("0"), out);
        QCOMPARE(o.status, 1);
        QVERIFY2(o.err.contains(QLatin1String("SyntaxError")), qPrintable(o.err));
        QVERIFY(!QFile::exists(out));
    }

    void usageErrorsExitWithStatusTwoAndSayWhy_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString out = QStringLiteral("out.png");
        QTest::newRow("no output") << QStringList{QStringLiteral("task"), QStringLiteral("--step"), QStringLiteral("3")}
                                   << QStringLiteral("needs -o");
        QTest::newRow("no target") << QStringList{QStringLiteral("-o"), out} << QStringLiteral("needs a FILE.py");
        QTest::newRow("jpeg") << QStringList{QStringLiteral("task"), QStringLiteral("-o"), QStringLiteral("a.jpg")}
                              << QStringLiteral(".png or .svg");
        QTest::newRow("negative step") << QStringList{QStringLiteral("task"), QStringLiteral("--step"), QStringLiteral("-4"),
                                                      QStringLiteral("-o"), out}
                                       << QStringLiteral("--step expects");
        QTest::newRow("bad size") << QStringList{QStringLiteral("task"), QStringLiteral("--size"), QStringLiteral("wide"),
                                                 QStringLiteral("-o"), out}
                                  << QStringLiteral("--size expects");
        QTest::newRow("bad theme") << QStringList{QStringLiteral("task"), QStringLiteral("--theme"), QStringLiteral("pink"),
                                                  QStringLiteral("-o"), out}
                                   << QStringLiteral("--theme expects");
        QTest::newRow("bad view") << QStringList{QStringLiteral("task"), QStringLiteral("--view"), QStringLiteral("stack"),
                                                 QStringLiteral("-o"), out}
                                  << QStringLiteral("--view expects one of loop, greenlets");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("task"), QStringLiteral("--fps"), QStringLiteral("-o"), out}
                                        << QStringLiteral("unknown option --fps");
        QTest::newRow("no such lesson") << QStringList{QStringLiteral("no-such-lesson"), QStringLiteral("-o"), out}
                                        << QStringLiteral("no such file, lesson folder or lesson id");
    }

    void usageErrorsExitWithStatusTwoAndSayWhy()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QDir::setCurrent(dir.path());
        const Outcome o = render(args);
        QCOMPARE(o.status, 2);
        QVERIFY2(o.err.contains(message), qPrintable(o.err));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_RenderCommand)
#include "tst_rendercommand.moc"
