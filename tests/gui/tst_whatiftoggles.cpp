// WhatIfToggles: the what-ifs of the program on screen, one at a time, in
// the lesson language.

#include "app/gui/whatif/WhatIfToggles.h"
#include "lessons/loader/LessonLibrary.h"

#include <QAbstractButton>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace coroscope;

class tst_WhatIfToggles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_library.loadBundled();
        QVERIFY(m_library.find(QStringLiteral("async-await")));
        QVERIFY(m_library.find(QStringLiteral("common-mistakes")));
    }

    void onlyTheWhatIfsOfTheProgramOnScreenAreOffered()
    {
        WhatIfToggles toggles;
        const lessons::Lesson* mistakes = m_library.find(QStringLiteral("common-mistakes"));
        toggles.setProgram(mistakes, 0);
        QCOMPARE(toggles.ids(), QStringList{QStringLiteral("await-it")});
        toggles.setProgram(mistakes, 1);
        QCOMPARE(toggles.ids(), QStringList{QStringLiteral("asyncio-sleep")});
        toggles.setProgram(m_library.find(QStringLiteral("async-await")), 0);
        QCOMPARE(toggles.ids(), (QStringList{QStringLiteral("blocking-sleep"), QStringLiteral("uvloop")}));
        QVERIFY(!toggles.isHidden());
        toggles.setProgram(nullptr, -1);
        QVERIFY(toggles.ids().isEmpty());
        QVERIFY(toggles.isHidden());
    }

    void theLabelsAndExplanationsFollowTheLessonLanguage()
    {
        WhatIfToggles toggles;
        toggles.setProgram(m_library.find(QStringLiteral("async-await")), 0);
        QAbstractButton* button = toggles.button(QStringLiteral("blocking-sleep"));
        QVERIFY(button);
        QCOMPARE(button->text(), QStringLiteral("Swap asyncio.sleep for time.sleep"));
        QVERIFY(button->toolTip().contains(QStringLiteral("hogs the thread")));
        toggles.setLanguage(lessons::Language::Chinese);
        QCOMPARE(button->text(), QStringLiteral("把 asyncio.sleep 换成 time.sleep"));
        bool explained = false;
        for (QLabel* label : toggles.findChildren<QLabel*>())
            explained = explained || label->text().contains(QStringLiteral("time.sleep 霸占线程"));
        QVERIFY(explained);
    }

    void turningOneOnTurnsTheOtherOff()
    {
        WhatIfToggles toggles;
        toggles.setProgram(m_library.find(QStringLiteral("async-await")), 0);
        QStringList log;
        connect(&toggles, &WhatIfToggles::activeChanged, this,
                [&](const QString& id) { log << (id.isEmpty() ? QStringLiteral("off") : id); });
        toggles.button(QStringLiteral("blocking-sleep"))->click();
        toggles.button(QStringLiteral("uvloop"))->click();
        QCOMPARE(toggles.active(), QStringLiteral("uvloop"));
        QVERIFY(!toggles.button(QStringLiteral("blocking-sleep"))->isChecked());
        toggles.button(QStringLiteral("uvloop"))->click();
        QCOMPARE(log.join(QLatin1Char(' ')), QStringLiteral("blocking-sleep uvloop off"));
        QVERIFY(toggles.active().isEmpty());
    }

    void openingAnotherProgramTurnsTheWhatIfOff()
    {
        WhatIfToggles toggles;
        toggles.setProgram(m_library.find(QStringLiteral("async-await")), 0);
        toggles.setActive(QStringLiteral("blocking-sleep"));
        QCOMPARE(toggles.active(), QStringLiteral("blocking-sleep"));
        QSignalSpy changed(&toggles, &WhatIfToggles::activeChanged);
        toggles.setProgram(m_library.find(QStringLiteral("common-mistakes")), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.constFirst().constFirst().toString(), QString());
        QVERIFY(toggles.active().isEmpty());
        QVERIFY(!toggles.button(QStringLiteral("await-it"))->isChecked());
    }

private:
    lessons::LessonLibrary m_library;
};

QTEST_MAIN(tst_WhatIfToggles)
#include "tst_whatiftoggles.moc"
