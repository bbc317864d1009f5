// The UI translations: the catalogues embedded under :/i18n load, switching
// language at runtime retranslates real actions, English plurals read
// naturally, the default follows the system locale, and every message of the
// .ts sources is finished, non-empty and keeps its placeholders.
// (resources/translations/check.sh checks that lupdate finds no new string.)

#include "app/gui/player/Player.h"
#include "app/gui/window/LanguageSwitcher.h"
#include "app/gui/window/PlaybackActions.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QWidget>
#include <QXmlStreamReader>

using namespace coroscope;

namespace {

/// One <message> of a .ts file.
struct TsMessage {
    QString context;
    QString source;
    QString type; // attribute of <translation>: "", "unfinished", "vanished"...
    bool numerus = false;
    QStringList translations; // one entry, or one per numerus form
};

/// Every <message> of a .ts file, in file order.
QList<TsMessage> readTs(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    QList<TsMessage> out;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out.append(current);
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = TsMessage{};
            current.context = context;
            current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!current.numerus)
                current.translations = {xml.readElementText()};
        } else if (name == QLatin1String("numerusform")) {
            current.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return out;
}

/// The placeholders of a text, sorted: "%1", "%2", "%n", "[*]".
QStringList placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%L?[0-9n]|\\[\\*\\]"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

QString describe(const QString& file, const TsMessage& m)
{
    return QStringLiteral("%1: [%2] \"%3\"").arg(file, m.context, m.source);
}

/// A throwaway settings file, so no test touches the user's settings.
struct Settings {
    QTemporaryDir dir;
    QSettings settings{dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat};
};

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void theCataloguesAreEmbeddedWhereTheSwitcherLooks()
    {
        QTranslator zh;
        QVERIFY(zh.load(QStringLiteral("coroscope_zh_CN"), QStringLiteral(":/i18n")));
        QCOMPARE(zh.translate("coroscope::PlaybackActions", "&Play"), QStringLiteral("播放(&P)"));
        QCOMPARE(zh.translate("coroscope::ViewText", "future"), QStringLiteral("未来对象"));
        QTranslator en;
        QVERIFY(en.load(QStringLiteral("coroscope_en"), QStringLiteral(":/i18n")));
        QCOMPARE(LanguageSwitcher::searchPaths().first(), QStringLiteral(":/i18n"));
    }

    void switchingToChineseAndBackRetranslatesThePlaybackActions()
    {
        Settings s;
        s.settings.setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
        LanguageSwitcher switcher(&s.settings);
        QWidget window;
        Player player;
        PlaybackActions actions(&player, &window);
        QCOMPARE(actions.playPause()->text(), QStringLiteral("&Play"));
        QCOMPARE(actions.step()->text(), QStringLiteral("&Step"));

        switcher.setLanguage(QStringLiteral("zh_CN"));
        QVERIFY(switcher.hasAppCatalogue());
        actions.retranslate();
        QCOMPARE(actions.playPause()->text(), QStringLiteral("播放(&P)"));
        QCOMPARE(actions.step()->text(), QStringLiteral("单步(&S)"));
        QCOMPARE(actions.stepBack()->text(), QStringLiteral("回退(&B)"));
        QCOMPARE(actions.reset()->text(), QStringLiteral("重置(&R)"));

        switcher.setLanguage(QStringLiteral("en"));
        actions.retranslate();
        QCOMPARE(actions.playPause()->text(), QStringLiteral("&Play"));
        QCOMPARE(actions.stepBack()->text(), QStringLiteral("Step &Back"));
    }

    void englishPluralsReadNaturallyAndChineseHasOneForm()
    {
        Settings s;
        s.settings.setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
        LanguageSwitcher switcher(&s.settings);
        QVERIFY(switcher.hasAppCatalogue());
        QCOMPARE(QCoreApplication::translate("coroscope::LoopView", "%n task(s)", nullptr, 1), QStringLiteral("1 task"));
        QCOMPARE(QCoreApplication::translate("coroscope::LoopView", "%n task(s)", nullptr, 3), QStringLiteral("3 tasks"));

        switcher.setLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate("coroscope::LoopView", "%n task(s)", nullptr, 1), QStringLiteral("1 个任务"));
        QCOMPARE(QCoreApplication::translate("coroscope::LoopView", "%n task(s)", nullptr, 3), QStringLiteral("3 个任务"));
        switcher.setLanguage(QStringLiteral("en"));
    }

    void aSavedChoiceWinsOverTheSystemLocale()
    {
        Settings s;
        s.settings.setValue(QStringLiteral("ui/language"), QStringLiteral("zh_CN"));
        LanguageSwitcher switcher(&s.settings);
        QCOMPARE(switcher.language(), QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate("coroscope::MainWindow", "&File"), QStringLiteral("文件(&F)"));
    }

    void withoutAChoiceTheSystemLocaleDecidesAndNothingIsSaved()
    {
        Settings s;
        LanguageSwitcher switcher(&s.settings);
        const QString expected =
            QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
        QCOMPARE(switcher.language(), expected);
        QVERIFY(switcher.hasAppCatalogue());
        QVERIFY(!s.settings.contains(QStringLiteral("ui/language")));
    }

    void everyChineseMessageIsFinishedNonEmptyAndKeepsItsPlaceholders()
    {
        const QString path = QFINDTESTDATA("../../resources/translations/coroscope_zh_CN.ts");
        QVERIFY2(!path.isEmpty(), "coroscope_zh_CN.ts not found");
        const QList<TsMessage> messages = readTs(path);
        QVERIFY2(messages.size() > 300, qPrintable(QString::number(messages.size())));
        QStringList problems;
        for (const TsMessage& m : messages) {
            if (!m.type.isEmpty())
                problems << describe(QStringLiteral("zh_CN"), m) + QStringLiteral(" is ") + m.type;
            if (m.translations.size() != 1 || m.translations.first().trimmed().isEmpty()) {
                problems << describe(QStringLiteral("zh_CN"), m) + QStringLiteral(" has no translation");
                continue;
            }
            if (placeholders(m.source) != placeholders(m.translations.first()))
                problems << describe(QStringLiteral("zh_CN"), m) + QStringLiteral(" changes its placeholders: ")
                                + m.translations.first();
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void everyEnglishPluralHasBothFormsFinished()
    {
        const QString path = QFINDTESTDATA("../../resources/translations/coroscope_en.ts");
        QVERIFY2(!path.isEmpty(), "coroscope_en.ts not found");
        const QList<TsMessage> messages = readTs(path);
        QVERIFY(!messages.isEmpty());
        QStringList problems;
        for (const TsMessage& m : messages) {
            if (!m.numerus)
                problems << describe(QStringLiteral("en"), m) + QStringLiteral(" is not a plural");
            if (!m.type.isEmpty())
                problems << describe(QStringLiteral("en"), m) + QStringLiteral(" is ") + m.type;
            if (m.translations.size() != 2)
                problems << describe(QStringLiteral("en"), m) + QStringLiteral(" needs 2 forms, has ")
                                + QString::number(m.translations.size());
            for (const QString& form : m.translations) {
                if (form.trimmed().isEmpty() || placeholders(form) != placeholders(m.source))
                    problems << describe(QStringLiteral("en"), m) + QStringLiteral(" has a bad form: ") + form;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
