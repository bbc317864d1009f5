#include "app/gui/MainWindow.h"

#include <QLabel>

namespace coroscope {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Coroscope"));
    auto* label = new QLabel(tr("Coroscope — watch coroutines run"), this);
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    resize(1280, 800);
}

} // namespace coroscope
