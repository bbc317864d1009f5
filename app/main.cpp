#include "app/gui/presenter/PresenterMode.h"
#include "app/gui/window/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

int main(int argc, char** argv)
{
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
    parser.process(app);

    QSettings settings;
    coroscope::AppEnvironment environment{&settings,
                                          QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)};
    coroscope::MainWindow window(environment);
    window.show();
    if (parser.positionalArguments().isEmpty()) {
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
    if (parser.isSet(presenter))
        window.presenter()->enter();
    return app.exec();
}
