#include "app/gui/window/LanguageSwitcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace coroscope {

namespace {
const QString kSetting = QStringLiteral("ui/language");

/// The UI language matching the system locale: Chinese for any Chinese
/// locale, English otherwise.
QString systemLanguage()
{
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

/// Installs Qt's own catalogue (non-English only) and Coroscope's catalogue
/// for `language`, appending each installed translator to `installed`.
/// English has a catalogue too: it holds the plural forms ("1 task",
/// "2 tasks"). Returns true if Coroscope's catalogue was found.
bool installCatalogues(const QString& language, const QStringList& searchPaths, QList<QTranslator*>& installed)
{
    if (language != QLatin1String("en")) {
        auto* qt = new QTranslator;
        if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            installed.append(qt);
        } else {
            delete qt;
        }
    }
    auto* app = new QTranslator;
    for (const QString& dir : searchPaths) {
        if (app->load(QStringLiteral("coroscope_") + language, dir)) {
            QCoreApplication::installTranslator(app);
            installed.append(app);
            return true;
        }
    }
    delete app;
    return false;
}
} // namespace

LanguageSwitcher::LanguageSwitcher(QSettings* settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
{
    // Until the user picks a language the UI follows the system locale, and
    // nothing is saved, so a later change of system locale is followed too.
    const QString saved = settings->value(kSetting).toString();
    m_language = languages().contains(saved) ? saved : systemLanguage();
    m_appCatalogue = installCatalogues(m_language, searchPaths(), m_installed);
    if (m_language != QLatin1String("en"))
        QLocale::setDefault(QLocale(m_language));
}

LanguageSwitcher::~LanguageSwitcher()
{
    unload();
}

QStringList LanguageSwitcher::languages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString LanguageSwitcher::nativeName(const QString& language)
{
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("\u4E2D\u6587"); // 中文
    return QStringLiteral("English");
}

QStringList LanguageSwitcher::searchPaths()
{
    const QString app = QCoreApplication::applicationDirPath();
    return {QStringLiteral(":/i18n"), app + QStringLiteral("/translations"),
            app + QStringLiteral("/../share/coroscope/translations")};
}

void LanguageSwitcher::unload()
{
    for (QTranslator* t : m_installed) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    m_installed.clear();
    m_appCatalogue = false;
}

void LanguageSwitcher::setLanguage(const QString& language)
{
    if (!languages().contains(language) || language == m_language)
        return;
    unload();
    m_language = language;
    m_appCatalogue = installCatalogues(language, searchPaths(), m_installed);
    QLocale::setDefault(QLocale(language == QLatin1String("en") ? QStringLiteral("en_US") : language));
    m_settings->setValue(kSetting, language);
    emit languageChanged(language);
}

} // namespace coroscope
