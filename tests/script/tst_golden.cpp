// Golden scripts of the language areas (issue 3); see GoldenRunner.h.
#include "script/GoldenRunner.h"

namespace {
const coroscope::golden::Suite kSuite{
    {"syntax", "builtins", "strings", "collections", "classes", "exceptions", "generators", "scopes",
     "formatting", "errors"},
    "KNOWN_FAILING",
    60000};
}

class tst_Golden : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { coroscope::golden::checkSetup(); }
    void everyKnownFailingEntryNamesAScript() { coroscope::golden::checkKnownFailingNamesScripts(kSuite); }
    void scriptMatchesCPython_data() { coroscope::golden::addScriptRows(kSuite); }
    void scriptMatchesCPython() { coroscope::golden::runScriptRow(kSuite); }
};

QTEST_APPLESS_MAIN(tst_Golden)
#include "tst_golden.moc"
