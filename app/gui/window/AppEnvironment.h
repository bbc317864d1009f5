#pragma once
// AppEnvironment: where a MainWindow keeps its state. main() points it at the
// user's real settings and data directory; tests point it at temporary ones,
// so no test ever reads or clobbers the user's layout or edits.

#include <QString>

class QSettings;

namespace coroscope {

struct AppEnvironment {
    QSettings* settings = nullptr; ///< layout, theme, language, presenter picks, last document
    QString dataDirectory;         ///< autosaved edits live in <dataDirectory>/autosave
};

} // namespace coroscope
