#pragma once

#include <QMainWindow>

namespace coroscope {

/// The main window: lesson browser, code, loop view, timeline, console.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

} // namespace coroscope
