#include "app/gui/MainWindow.h"

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Coroscope"));
    QApplication::setOrganizationName(QStringLiteral("Coroscope"));
    coroscope::MainWindow window;
    window.show();
    return app.exec();
}
