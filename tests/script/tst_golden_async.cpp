// Golden scripts of the asyncio, greenlet and threads areas (issue 4); see GoldenRunner.h.
#include "script/GoldenRunner.h"

namespace {
const coroscope::golden::Suite kSuite{{"greenlet", "asyncio", "threads"}, "KNOWN_FAILING_ASYNC", 20000};
}

class tst_GoldenAsync : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { coroscope::golden::checkSetup(); }
    void everyKnownFailingEntryNamesAScript() { coroscope::golden::checkKnownFailingNamesScripts(kSuite); }
    void scriptMatchesCPython_data() { coroscope::golden::addScriptRows(kSuite); }
    void scriptMatchesCPython() { coroscope::golden::runScriptRow(kSuite); }
};

QTEST_APPLESS_MAIN(tst_GoldenAsync)
#include "tst_golden_async.moc"
