#include "app/gui/editor/DocumentSession.h"
#include "app/gui/presenter/PresenterMode.h"
#include "app/gui/window/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
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
    parser.addPositionalArgument(QStringLiteral("file"), QApplication::translate("main", "A Python file to open."),
                                 QStringLiteral("[file.py]"));
    const QCommandLineOption presenter(QStringLiteral("presenter"),
                                       QApplication::translate("main", "Start in presenter mode (F5)."));
    parser.addOption(presenter);
    parser.process(app);

    QSettings settings;
    coroscope::AppEnvironment environment{&settings,
                                          QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)};
    coroscope::MainWindow window(environment);
    if (!parser.positionalArguments().isEmpty())
        window.document()->openFile(parser.positionalArguments().constFirst());
    window.show();
    if (parser.isSet(presenter))
        window.presenter()->enter();
    return app.exec();
}
