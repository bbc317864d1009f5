// FrameExporter: a frame of a run goes to PNG (the requested size, the same
// bytes every time) and to SVG (valid XML that still says who runs); the
// recording goes to Chrome JSON and JSON Lines; the window offers all four
// under File > Export and writes where its path hook says, without dialogs.

#include "app/gui/export/FrameExporter.h"
#include "app/gui/player/Player.h"
#include "app/gui/views/GreenletView.h"
#include "app/gui/views/LoopView.h"
#include "app/gui/views/TimelineView.h"
#include "app/gui/window/MainWindow.h"
#include "core/trace/Model.h"
#include "trace/TraceBuilder.h"

#include <QAction>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>
#include <memory>

using namespace coroscope;
using coroscope::testing::TraceBuilder;

namespace {

constexpr Nanos kS = 1000000000;

/// main starts the task "fetcher" and awaits it; "fetcher" runs, sleeps a
/// second and returns. `running` is the position where "fetcher" runs.
struct FetchRun {
    std::shared_ptr<Trace> trace = std::make_shared<Trace>();
    std::size_t running = 0;

    FetchRun()
    {
        TraceBuilder b(*trace);
        b.created(1, TaskKind::Main, 0, 1, "main").switchTo(1, 0, SwitchWhy::Start);
        b.state(1, TaskState::Running, WaitKind::None, 0, 10).framePush(1, 10, 1, "main");
        b.created(2, TaskKind::CoroutineTask, 1, 11, "fetcher").future(2, FutureKind::Task, 2);
        b.readyPush(1, 2, "Task.__step").state(2, TaskState::Ready);
        b.state(1, TaskState::Waiting, WaitKind::Future, 2, 12).switchTo(0, 1, SwitchWhy::Await);
        b.readyPop(1, 2).switchTo(2, 0, SwitchWhy::Start).state(2, TaskState::Running).framePush(2, 3, 1, "fetch");
        running = b.size();
        b.timer(1, 2, 11, 1 * kS).state(2, TaskState::Waiting, WaitKind::Timer, 1, 4).switchTo(0, 2, SwitchWhy::Await);
        b.clock(1 * kS, ClockWhy::Idle).timerFired(1, 2).readyPush(11, 2, "Task.__step").state(2, TaskState::Ready);
        b.readyPop(11, 2).switchTo(2, 0, SwitchWhy::Resume).state(2, TaskState::Running).line(2, 5);
        b.framePop(2, 0).resolved(2, FutureOutcome::Result, "'ok'").state(2, TaskState::Done);
        b.switchTo(0, 2, SwitchWhy::Return).end(RunStatus::Ok);
    }
};

QByteArray png(const FrameExporter& exporter, QSize size)
{
    QBuffer buffer;
    if (!exporter.writePng(buffer, size))
        return {};
    return buffer.data();
}

/// Distinct colours in the image, up to `enough`.
int colours(const QImage& image, int enough)
{
    QSet<QRgb> seen;
    for (int y = 0; y < image.height() && seen.size() < enough; y += 3)
        for (int x = 0; x < image.width() && seen.size() < enough; x += 3)
            seen.insert(image.pixel(x, y));
    return int(seen.size());
}

QAction* child(const QMenu* menu, const QString& objectName)
{
    for (QAction* a : menu->actions())
        if (a->objectName() == objectName)
            return a;
    return nullptr;
}

} // namespace

class tst_FrameExporter : public QObject {
    Q_OBJECT
private slots:
    void aPngFrameHasTheRequestedSizeAndTheSameBytesTwice_data()
    {
        QTest::addColumn<bool>("greenlets");
        QTest::addColumn<QSize>("size");
        QTest::newRow("loop view 800x450") << false << QSize(800, 450);
        QTest::newRow("loop view 1920x1080") << false << QSize(1920, 1080);
        QTest::newRow("greenlet view 640x480") << true << QSize(640, 480);
    }
    void aPngFrameHasTheRequestedSizeAndTheSameBytesTwice()
    {
        QFETCH(bool, greenlets);
        QFETCH(QSize, size);
        const FetchRun run;
        LoopView loop;
        GreenletView greenlet;
        VisualView& view = greenlets ? static_cast<VisualView&>(greenlet) : loop;
        view.showModel(*run.trace, Model::fold(*run.trace, run.running));
        const FrameExporter exporter = FrameExporter::forView(view);

        const QByteArray first = png(exporter, size);
        const QByteArray second = png(exporter, size);
        QVERIFY(!first.isEmpty());
        QVERIFY(first == second);
        const QImage image = QImage::fromData(first, "PNG");
        QCOMPARE(image.size(), size);
        QVERIFY2(colours(image, 3) >= 3, "the frame is blank");
        QVERIFY(image == exporter.image(size));
    }

    void aPngFrameChangesWithThePlayhead()
    {
        const FetchRun run;
        LoopView view;
        view.showModel(*run.trace, Model::fold(*run.trace, run.running));
        const QByteArray running = png(FrameExporter::forView(view), QSize(800, 450));
        view.showModel(*run.trace, Model::fold(*run.trace, run.trace->size()));
        const QByteArray finished = png(FrameExporter::forView(view), QSize(800, 450));
        QVERIFY(!running.isEmpty());
        QVERIFY(running != finished);
    }

    void anSvgFrameIsXmlWithAnSvgRootNamingTheRunningTask()
    {
        const FetchRun run;
        LoopView view;
        view.showModel(*run.trace, Model::fold(*run.trace, run.running));
        QBuffer buffer;
        QVERIFY(FrameExporter::forView(view, QStringLiteral("Loop")).writeSvg(buffer, QSize(1000, 600)));
        const QByteArray svg = buffer.data();

        QXmlStreamReader xml(svg);
        QString root;
        QString texts;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && root.isEmpty())
                root = xml.name().toString();
            if (xml.isCharacters())
                texts += xml.text().toString() + QLatin1Char('\n');
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(root, QStringLiteral("svg"));
        QVERIFY2(texts.contains(QStringLiteral("fetcher")), qPrintable(texts.left(400)));
        QVERIFY(svg.contains("viewBox=\"0 0 1000 600\""));
    }

    void svgTextIsAsLargeAsInThePng()
    {
        // The loop view's title: 1.1 times the base font, bold. The PNG draws
        // it at the image's resolution; the SVG must give it the same pixels.
        const FetchRun run;
        LoopView view;
        view.showModel(*run.trace, Model::fold(*run.trace, run.running));
        QBuffer buffer;
        QVERIFY(FrameExporter::forView(view).writeSvg(buffer, QSize(1000, 600)));
        QXmlStreamReader xml(buffer.data());
        double titleSize = 0;
        while (!xml.atEnd() && titleSize == 0) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("text")) {
                const double size = xml.attributes().value(QLatin1String("font-size")).toDouble();
                if (xml.readElementText() == QLatin1String("Event loop"))
                    titleSize = size;
            }
        }
        QImage image(1, 1, QImage::Format_ARGB32);
        QFont title = view.viewStyle().font(1.1, true);
        const double expected = QFontInfo(QFont(title, &image)).pixelSize();
        QVERIFY2(std::abs(titleSize - expected) < 1.0, qPrintable(QStringLiteral("%1 vs %2").arg(titleSize).arg(expected)));
    }

    void chromeJsonParsesAndHasTraceEvents()
    {
        const FetchRun run;
        QBuffer buffer;
        QVERIFY(FrameExporter::writeChromeJson(*run.trace, buffer));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(buffer.data(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray events = doc.object().value(QStringLiteral("traceEvents")).toArray();
        QVERIFY(!events.isEmpty());
        QVERIFY(buffer.data().contains("fetcher"));
    }

    void jsonLinesHasOneObjectPerLine()
    {
        const FetchRun run;
        QBuffer buffer;
        QVERIFY(FrameExporter::writeJsonLines(*run.trace, buffer));
        const QList<QByteArray> lines = buffer.data().trimmed().split('\n');
        QVERIFY(lines.size() >= 2);
        for (const QByteArray& line : lines) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), line.constData());
        }
    }

    void writingToAPathThatCannotBeCreatedFails()
    {
        const FetchRun run;
        LoopView view;
        view.showModel(*run.trace, Model::fold(*run.trace, run.running));
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("no/such/folder/frame.png"));
        QVERIFY(!FrameExporter::forView(view).writePng(bad, QSize(100, 100)));
        QVERIFY(!FrameExporter::writeChromeJson(*run.trace, bad));
        QVERIFY(!QFile::exists(bad));
    }

    void theWindowOffersTheFourExportsUnderFileExport()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window(AppEnvironment{&settings, dir.path()});
        QMenu* file = window.menuBar()->actions().value(0)->menu();
        QVERIFY(file);
        QMenu* exportMenu = window.exportMenu();
        QVERIFY(exportMenu);
        QVERIFY(file->actions().contains(exportMenu->menuAction()));
        QVERIFY(!exportMenu->title().isEmpty());
        for (const char* name : {"actionExportFramePng", "actionExportFrameSvg", "actionExportChromeJson",
                                 "actionExportJsonLines"}) {
            QAction* a = child(exportMenu, QString::fromLatin1(name));
            QVERIFY2(a, name);
            QVERIFY2(!a->text().isEmpty() && !a->toolTip().isEmpty(), name);
        }
    }

    void theCurrentFrameIsTheFocusedViewElseTheLoopView()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window(AppEnvironment{&settings, dir.path()});
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.setFocus();
        QVERIFY(window.exportedView() == static_cast<QWidget*>(window.loopView()));
        window.timelineView()->setFocus();
        QTRY_VERIFY(window.exportedView() == static_cast<QWidget*>(window.timelineView()));
        window.greenletView()->setFocus();
        QTRY_VERIFY(window.exportedView() == static_cast<QWidget*>(window.greenletView()));
    }

    void theExportActionsWriteWhereTheHookSays()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window(AppEnvironment{&settings, dir.path()});
        const FetchRun run;
        window.player()->setTrace(run.trace);
        QVERIFY(window.exportedView() == static_cast<QWidget*>(window.loopView()));

        QString answer;
        QString asked;
        window.setExportPathHook([&](const QString&, const QString& suggested, const QString& filter) {
            asked += suggested + QLatin1Char(' ') + filter + QLatin1Char('\n');
            return answer;
        });
        QMenu* menu = window.exportMenu();

        child(menu, QStringLiteral("actionExportChromeJson"))->trigger();
        QVERIFY(QDir(dir.path()).entryList({QStringLiteral("*.json")}).isEmpty()); // cancelled
        QVERIFY(asked.contains(QStringLiteral(".json")));

        answer = dir.filePath(QStringLiteral("run.json"));
        child(menu, QStringLiteral("actionExportChromeJson"))->trigger();
        QFile chrome(answer);
        QVERIFY(chrome.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(chrome.readAll()).object().contains(QStringLiteral("traceEvents")));

        answer = dir.filePath(QStringLiteral("run.jsonl"));
        child(menu, QStringLiteral("actionExportJsonLines"))->trigger();
        QVERIFY(QFileInfo(answer).size() > 0);

        answer = dir.filePath(QStringLiteral("frame.png"));
        child(menu, QStringLiteral("actionExportFramePng"))->trigger();
        const QImage frame(answer);
        QVERIFY(!frame.isNull());
        QCOMPARE(frame.size(), QSize(1280, 720)); // the window was never shown

        answer = dir.filePath(QStringLiteral("frame.svg"));
        child(menu, QStringLiteral("actionExportFrameSvg"))->trigger();
        QFile svg(answer);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<svg"));
    }
};

QTEST_MAIN(tst_FrameExporter)
#include "tst_frameexporter.moc"
