// The legacy golden scripts (tests/scripts/legacy: Python 3.7 asyncio forms
// CPython 3.11 refuses) compared with what CPython 3.11 prints once
// tests/scripts/legacy37.py restores those forms: legacy/py37/*.out/.err/.rc,
// written by regen.py. See GoldenRunner.h.
#include "script/GoldenRunner.h"

namespace {
const coroscope::golden::Suite kSuite{{"legacy"}, "KNOWN_FAILING_LEGACY", 20000, "py37"};
}

class tst_GoldenLegacy : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { coroscope::golden::checkSetup(); }
    void everyKnownFailingEntryNamesAScript() { coroscope::golden::checkKnownFailingNamesScripts(kSuite); }
    void scriptMatchesCPythonWithTheLegacyShim_data() { coroscope::golden::addScriptRows(kSuite); }
    void scriptMatchesCPythonWithTheLegacyShim() { coroscope::golden::runScriptRow(kSuite); }
};

QTEST_APPLESS_MAIN(tst_GoldenLegacy)
#include "tst_golden_legacy.moc"
