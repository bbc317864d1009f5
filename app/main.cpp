#include "app/gui/player/Player.h"
#include "app/gui/presenter/PresenterMode.h"
#include "app/gui/run/RunSession.h"
#include "app/gui/whatif/WhatIfController.h"
#include "app/gui/whatif/WhatIfToggles.h"
#include "app/gui/window/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEvent>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

namespace {

/// --measure-startup: prints when the window first finished painting, then
/// quits. The time since main() is measured here; the time since the epoch
/// lets a caller add what happened before main() (exec, loading libraries).
class FirstPaintProbe : public QObject {
public:
    explicit FirstPaintProbe(const QElapsedTimer& sinceMain)
        : m_sinceMain(sinceMain)
    {
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // Queued: it runs once this paint event, and the flush after it, are done.
            QTimer::singleShot(0, this, [this] {
                std::printf("first paint: %lld ms after main()\nfirst paint at: %lld ms since the epoch\n",
                            static_cast<long long>(m_sinceMain.elapsed()),
                            static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
                std::fflush(stdout);
                QApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer& m_sinceMain;
    bool m_seen = false;
};

} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Coroscope"));
    QApplication::setOrganizationName(QStringLiteral("Coroscope"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Watch coroutines run."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "A Python file or a lesson folder to open "
                                                                 "(default: the first lesson)."),
                                 QStringLiteral("[file.py | lesson-folder]"));
    const QCommandLineOption presenter(QStringLiteral("presenter"),
                                       QApplication::translate("main", "Start in presenter mode (F5)."));
    parser.addOption(presenter);
    const QCommandLineOption lesson(QStringLiteral("lesson"),
                                    QApplication::translate("main", "Open the bundled lesson with this id "
                                                                    "(coroscope-cli lessons lists them)."),
                                    QStringLiteral("id"));
    parser.addOption(lesson);
    const QCommandLineOption step(QStringLiteral("step"),
                                  QApplication::translate("main", "Put the playhead on this step (events played) "
                                                                  "once the program has run."),
                                  QStringLiteral("n"));
    parser.addOption(step);
    const QCommandLineOption whatIf(QStringLiteral("what-if"),
                                    QApplication::translate("main", "Turn on the lesson's what-if with this id "
                                                                    "(its toggle in the lesson pane) and show the "
                                                                    "comparison."),
                                    QStringLiteral("id"));
    parser.addOption(whatIf);
    const QCommandLineOption measureStartup(QStringLiteral("measure-startup"),
                                            QApplication::translate("main", "Print when the window first finished "
                                                                            "painting, then quit."));
    parser.addOption(measureStartup);
    parser.process(app);

    QSettings settings;
    coroscope::AppEnvironment environment{&settings,
                                          QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)};
    coroscope::MainWindow window(environment);
    FirstPaintProbe probe(sinceMain);
    if (parser.isSet(measureStartup))
        window.installEventFilter(&probe);
    if (parser.isSet(step)) {
        const qint64 position = parser.value(step).toLongLong();
        QObject::connect(
            window.runSession(), &coroscope::RunSession::runFinished, &window,
            [&window, position] { window.player()->seek(position); }, Qt::SingleShotConnection);
    }
    window.show();
    if (parser.isSet(lesson)) {
        if (!window.openLesson(parser.value(lesson))) {
            QMessageBox::warning(&window, QApplication::translate("main", "Cannot Open"),
                                 QApplication::translate("main", "There is no lesson \"%1\".").arg(parser.value(lesson)));
            window.openFirstLesson();
        }
    } else if (parser.positionalArguments().isEmpty()) {
        window.openFirstLesson();
    } else {
        const QString path = parser.positionalArguments().constFirst();
        QString error;
        if (!window.openPath(path, &error)) {
            QMessageBox::warning(&window, QApplication::translate("main", "Cannot Open"),
                                 QApplication::translate("main", "%1 cannot be opened: %2").arg(path, error));
            window.openFirstLesson();
        }
    }
    if (parser.isSet(whatIf)) {
        const QString id = parser.value(whatIf);
        if (window.whatIf()->toggles()->ids().contains(id))
            window.whatIf()->setActive(id);
        else
            QMessageBox::warning(&window, QApplication::translate("main", "No Such What-If"),
                                 QApplication::translate("main", "This program has no what-if \"%1\".").arg(id));
    }
    if (parser.isSet(presenter))
        window.presenter()->enter();
    return app.exec();
}
